-- Documents, identified by the hash of their normalized text. The four
-- bands of the 64-bit SimHash fingerprint are indexed so near-duplicates
-- (two fingerprints within 3 bits share a band) are found without a scan.
CREATE TABLE documents (
	id                 TEXT PRIMARY KEY,
	title              TEXT NOT NULL DEFAULT '',
	outlet             TEXT NOT NULL DEFAULT '',
	url                TEXT NOT NULL DEFAULT '',
	language           TEXT NOT NULL DEFAULT '',
	published          TEXT NOT NULL DEFAULT '', -- RFC 3339 UTC, '' when unknown
	published_inferred INTEGER NOT NULL DEFAULT 0,
	text               TEXT NOT NULL,
	origin             TEXT NOT NULL DEFAULT '',
	fingerprint        INTEGER NOT NULL DEFAULT 0,
	band0 INTEGER NOT NULL DEFAULT 0,
	band1 INTEGER NOT NULL DEFAULT 0,
	band2 INTEGER NOT NULL DEFAULT 0,
	band3 INTEGER NOT NULL DEFAULT 0,
	story              TEXT NOT NULL,
	seq                INTEGER NOT NULL, -- order of storage, for "first stored"
	ingested_at        TEXT NOT NULL
);
CREATE INDEX documents_band0 ON documents(band0);
CREATE INDEX documents_band1 ON documents(band1);
CREATE INDEX documents_band2 ON documents(band2);
CREATE INDEX documents_band3 ON documents(band3);
CREATE INDEX documents_story ON documents(story);

CREATE TABLE sentences (
	doc       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	idx       INTEGER NOT NULL,
	start     INTEGER NOT NULL,
	end_      INTEGER NOT NULL,
	kind      TEXT NOT NULL,
	citations TEXT NOT NULL DEFAULT '', -- space-separated source numbers
	PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE sources (
	doc     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	n       INTEGER NOT NULL,
	title   TEXT NOT NULL DEFAULT '',
	outlet  TEXT NOT NULL DEFAULT '',
	url     TEXT NOT NULL DEFAULT '',
	same_as INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (doc, n)
) WITHOUT ROWID;

-- Event mentions. Actors and places are stored flat; bucket is the
-- resolution bucket (dyad.BucketKey) and event the event it resolved into.
CREATE TABLE mentions (
	id          TEXT PRIMARY KEY,
	doc         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	sentence    INTEGER NOT NULL,
	start       INTEGER NOT NULL,
	end_        INTEGER NOT NULL,
	text        TEXT NOT NULL,
	src_code TEXT NOT NULL, src_country TEXT NOT NULL, src_role TEXT NOT NULL,
	src_name TEXT NOT NULL, src_text TEXT NOT NULL, src_entity TEXT NOT NULL,
	tgt_code TEXT NOT NULL, tgt_country TEXT NOT NULL, tgt_role TEXT NOT NULL,
	tgt_name TEXT NOT NULL, tgt_text TEXT NOT NULL, tgt_entity TEXT NOT NULL,
	code        TEXT NOT NULL,
	plover      TEXT NOT NULL DEFAULT '',
	quad_class  INTEGER NOT NULL DEFAULT 0,
	goldstein   REAL NOT NULL DEFAULT 0,
	verb        TEXT NOT NULL DEFAULT '',
	certainty   TEXT NOT NULL,
	attr_text   TEXT NOT NULL DEFAULT '',
	attr_code   TEXT NOT NULL DEFAULT '',
	date_start  TEXT NOT NULL DEFAULT '',
	date_end    TEXT NOT NULL DEFAULT '',
	date_precision TEXT NOT NULL DEFAULT 'unknown',
	loc_name TEXT NOT NULL DEFAULT '', loc_country TEXT NOT NULL DEFAULT '',
	loc_lat REAL NOT NULL DEFAULT 0, loc_lon REAL NOT NULL DEFAULT 0, loc_kind TEXT NOT NULL DEFAULT '',
	citations   TEXT NOT NULL DEFAULT '',
	cited_keys  TEXT NOT NULL DEFAULT '', -- tab-separated
	bucket      TEXT NOT NULL,
	event       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mentions_doc ON mentions(doc);
CREATE INDEX mentions_bucket ON mentions(bucket);
CREATE INDEX mentions_event ON mentions(event);

-- Events, rebuilt per bucket whenever a new mention touches the bucket.
-- sort_date is the first day of the event's date ('' sorts last), the key
-- of every listing ("newest first").
CREATE TABLE events (
	id          TEXT PRIMARY KEY,
	bucket      TEXT NOT NULL,
	date_start  TEXT NOT NULL DEFAULT '',
	date_end    TEXT NOT NULL DEFAULT '',
	date_precision TEXT NOT NULL DEFAULT 'unknown',
	date_last   TEXT NOT NULL DEFAULT '',
	sort_date   TEXT NOT NULL DEFAULT '',
	src_code TEXT NOT NULL, src_country TEXT NOT NULL, src_role TEXT NOT NULL,
	src_name TEXT NOT NULL, src_text TEXT NOT NULL, src_entity TEXT NOT NULL,
	tgt_code TEXT NOT NULL, tgt_country TEXT NOT NULL, tgt_role TEXT NOT NULL,
	tgt_name TEXT NOT NULL, tgt_text TEXT NOT NULL, tgt_entity TEXT NOT NULL,
	code        TEXT NOT NULL,
	root        TEXT NOT NULL,
	plover      TEXT NOT NULL DEFAULT '',
	quad_class  INTEGER NOT NULL DEFAULT 0,
	goldstein   REAL NOT NULL DEFAULT 0,
	certainty   TEXT NOT NULL,
	loc_name TEXT NOT NULL DEFAULT '', loc_country TEXT NOT NULL DEFAULT '',
	loc_lat REAL NOT NULL DEFAULT 0, loc_lon REAL NOT NULL DEFAULT 0, loc_kind TEXT NOT NULL DEFAULT '',
	num_mentions  INTEGER NOT NULL,
	num_documents INTEGER NOT NULL,
	num_sources   INTEGER NOT NULL,
	conflicts   TEXT NOT NULL DEFAULT '' -- JSON array of dyad.Conflict
);
CREATE INDEX events_bucket ON events(bucket);
CREATE INDEX events_sort ON events(sort_date, id);
CREATE INDEX events_src ON events(src_country, tgt_country, sort_date);
CREATE INDEX events_tgt ON events(tgt_country, src_country, sort_date);
CREATE INDEX events_src_entity ON events(src_entity, tgt_entity, sort_date);
CREATE INDEX events_tgt_entity ON events(tgt_entity, src_entity, sort_date);
CREATE INDEX events_code ON events(code, sort_date);

-- Full text over the evidence of mentions.
CREATE VIRTUAL TABLE evidence_fts USING fts5(text, mention UNINDEXED, tokenize = 'porter unicode61');
