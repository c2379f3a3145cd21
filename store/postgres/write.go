package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/store/internal/codec"
	"github.com/dyad-project/dyad/story"
	"github.com/jackc/pgx/v5"
)

// HasDocuments returns which of ids are stored.
func (s *Store) HasDocuments(ctx context.Context, ids []dyad.DocumentID) (map[dyad.DocumentID]bool, error) {
	out := make(map[dyad.DocumentID]bool, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT id FROM documents WHERE id = ANY($1)`, docIDs(ids))
	if err != nil {
		return nil, fmt.Errorf("look up documents: %w", err)
	}
	ids2, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("look up documents: %w", err)
	}
	for _, id := range ids2 {
		out[dyad.DocumentID(id)] = true
	}
	return out, nil
}

func docIDs(ids []dyad.DocumentID) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = string(id)
	}
	return out
}

// Write stores docs and their mentions and resolves the touched buckets in
// one transaction (see dyad.Writer). A transaction that loses a deadlock or
// a serialization conflict to another writer is run again, up to five
// times.
func (s *Store) Write(ctx context.Context, docs []*dyad.Document, mentions map[dyad.DocumentID][]*dyad.Mention, r dyad.Resolver) (dyad.WriteResult, error) {
	keys := lockKeys(docs, mentions)
	if len(keys) > 0 {
		// The lock rows are created outside the write transaction, in key
		// order and committed at once: inserting a new unique key holds it
		// until commit, and two long transactions inserting each other's
		// keys would deadlock.
		if _, err := s.pool.Exec(ctx, `INSERT INTO write_locks (key) SELECT k FROM unnest($1::text[]) AS k ORDER BY k ON CONFLICT (key) DO NOTHING`, keys); err != nil {
			return dyad.WriteResult{}, fmt.Errorf("create write locks: %w", err)
		}
	}
	var res dyad.WriteResult
	err := withRetry(ctx, func() error {
		var err error
		res, err = s.write(ctx, docs, mentions, r, keys)
		return err
	})
	return res, err
}

// lockKeys returns, sorted, the write_locks keys of a write: every bucket
// its mentions touch and every band of its fingerprints. Mentions of
// documents that turn out to be stored already are locked too; that costs
// nothing but a little waiting.
func lockKeys(docs []*dyad.Document, mentions map[dyad.DocumentID][]*dyad.Mention) []string {
	set := map[string]bool{}
	for _, d := range docs {
		if d.Fingerprint != 0 {
			for i, b := range bands(d.Fingerprint) {
				set[fmt.Sprintf("band%d:%d", i, b)] = true
			}
		}
		for _, m := range mentions[d.ID] {
			set["bucket:"+dyad.BucketKey(m)] = true
		}
	}
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func (s *Store) write(ctx context.Context, docs []*dyad.Document, mentions map[dyad.DocumentID][]*dyad.Mention, r dyad.Resolver, keys []string) (dyad.WriteResult, error) {
	var res dyad.WriteResult
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return res, fmt.Errorf("begin write: %w", err)
	}
	defer tx.Rollback(ctx)
	now := s.Now().UTC()
	if len(keys) > 0 {
		// Locked in key order, so two writers never wait for each other
		// in a cycle.
		rows, err := tx.Query(ctx, `SELECT key FROM write_locks WHERE key = ANY($1) ORDER BY key FOR UPDATE`, keys)
		if err != nil {
			return res, fmt.Errorf("lock buckets: %w", err)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return res, fmt.Errorf("lock buckets: %w", err)
		}
	}

	// Which documents are new, in order, each once.
	ids := make([]dyad.DocumentID, 0, len(docs))
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	stored, err := hasDocuments(ctx, tx, ids)
	if err != nil {
		return res, err
	}
	var fresh []*dyad.Document
	seen := map[dyad.DocumentID]bool{}
	for _, d := range docs {
		if seen[d.ID] || stored[d.ID] {
			res.Duplicates++
			continue
		}
		seen[d.ID] = true
		fresh = append(fresh, d)
	}
	if len(fresh) == 0 {
		return res, tx.Commit(ctx)
	}
	if err := s.linkStories(ctx, tx, fresh, &res); err != nil {
		return res, err
	}
	inserted, err := insertDocuments(ctx, tx, fresh, now)
	if err != nil {
		return res, err
	}
	var newDocs []*dyad.Document
	for _, d := range fresh {
		if inserted[d.ID] {
			newDocs = append(newDocs, d)
			res.New = append(res.New, d.ID)
		} else {
			// Stored by another writer between our look-up and insert.
			res.Duplicates++
			if d.Story != d.ID {
				res.NearDuplicates--
			}
		}
	}
	if err := copyChildren(ctx, tx, newDocs); err != nil {
		return res, err
	}
	buckets, n, err := copyMentions(ctx, tx, newDocs, mentions)
	if err != nil {
		return res, err
	}
	res.Mentions = n
	if len(buckets) > 0 {
		if r == nil {
			return res, dyad.Errorf(dyad.EINVALID, "write mentions: no resolver")
		}
		if res.Events, err = resolveBuckets(ctx, tx, buckets, r); err != nil {
			return res, err
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return res, fmt.Errorf("commit write: %w", err)
	}
	return res, nil
}

func hasDocuments(ctx context.Context, tx pgx.Tx, ids []dyad.DocumentID) (map[dyad.DocumentID]bool, error) {
	rows, err := tx.Query(ctx, `SELECT id FROM documents WHERE id = ANY($1)`, docIDs(ids))
	if err != nil {
		return nil, fmt.Errorf("look up documents: %w", err)
	}
	got, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("look up documents: %w", err)
	}
	out := make(map[dyad.DocumentID]bool, len(got))
	for _, id := range got {
		out[dyad.DocumentID(id)] = true
	}
	return out, nil
}

// linkStories sets the Story of each document of fresh: the story of the
// first-stored near-duplicate, among stored documents and then the earlier
// documents of fresh, or the document itself. Candidates share a band of
// the fingerprint with the document, as in the embedded store.
func (s *Store) linkStories(ctx context.Context, tx pgx.Tx, fresh []*dyad.Document, res *dyad.WriteResult) error {
	near := s.Near
	if near == nil {
		near = story.Near
	}
	var bs [4][]int32
	for _, d := range fresh {
		if d.Fingerprint != 0 {
			b := bands(d.Fingerprint)
			for i := range b {
				bs[i] = append(bs[i], b[i])
			}
		}
	}
	type cand struct {
		fp    uint64
		story dyad.DocumentID
	}
	var cands []cand
	if len(bs[0]) > 0 {
		rows, err := tx.Query(ctx, `SELECT fingerprint, story FROM documents
			WHERE band0 = ANY($1) OR band1 = ANY($2) OR band2 = ANY($3) OR band3 = ANY($4) ORDER BY seq`, bs[0], bs[1], bs[2], bs[3])
		if err != nil {
			return fmt.Errorf("find near-duplicates: %w", err)
		}
		for rows.Next() {
			var fp int64
			var story string
			if err := rows.Scan(&fp, &story); err != nil {
				rows.Close()
				return err
			}
			cands = append(cands, cand{uint64(fp), dyad.DocumentID(story)})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("find near-duplicates: %w", err)
		}
	}
	for _, d := range fresh {
		d.Story = d.ID
		if d.Fingerprint == 0 {
			continue
		}
		for _, c := range cands {
			if shareBand(c.fp, d.Fingerprint) && near(c.fp, d.Fingerprint) {
				d.Story = c.story
				res.NearDuplicates++
				break
			}
		}
		// Later documents of this write see this one, as they would
		// had it been written alone first.
		cands = append(cands, cand{d.Fingerprint, d.Story})
	}
	return nil
}

// insertDocuments inserts docs in order, skipping any that another writer
// stored meanwhile, and returns those it inserted.
func insertDocuments(ctx context.Context, tx pgx.Tx, docs []*dyad.Document, now time.Time) (map[dyad.DocumentID]bool, error) {
	n := len(docs)
	var (
		id, title, outlet, url, lang, text, origin, story = make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		published                                         = make([]*time.Time, n)
		inferred                                          = make([]bool, n)
		fp                                                = make([]int64, n)
		b0, b1, b2, b3                                    = make([]int32, n), make([]int32, n), make([]int32, n), make([]int32, n)
	)
	for i, d := range docs {
		id[i], title[i], outlet[i], url[i], lang[i], text[i], origin[i], story[i] = string(d.ID), d.Title, d.Outlet, d.URL, d.Language, d.Text, d.Origin, string(d.Story)
		if !d.Published.IsZero() {
			t := d.Published.UTC()
			published[i] = &t
		}
		inferred[i], fp[i] = d.PublishedInferred, int64(d.Fingerprint)
		b := bands(d.Fingerprint)
		b0[i], b1[i], b2[i], b3[i] = b[0], b[1], b[2], b[3]
	}
	// One statement for the whole batch; WITH ORDINALITY keeps the order
	// of docs in seq, which is what "first stored" means.
	rows, err := tx.Query(ctx, `INSERT INTO documents (id, title, outlet, url, language, published, published_inferred,
			text, origin, fingerprint, band0, band1, band2, band3, story, ingested_at)
		SELECT id, title, outlet, url, lang, published, inferred, text, origin, fp, b0, b1, b2, b3, story, $17
		FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::boolean[],
			$8::text[], $9::text[], $10::bigint[], $11::integer[], $12::integer[], $13::integer[], $14::integer[], $15::text[], $16::bigint[])
			AS d(id, title, outlet, url, lang, published, inferred, text, origin, fp, b0, b1, b2, b3, story, ord)
		ORDER BY ord
		ON CONFLICT (id) DO NOTHING
		RETURNING id`,
		id, title, outlet, url, lang, published, inferred, text, origin, fp, b0, b1, b2, b3, story, ordinals(n), now)
	if err != nil {
		return nil, fmt.Errorf("store documents: %w", err)
	}
	got, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("store documents: %w", err)
	}
	out := make(map[dyad.DocumentID]bool, len(got))
	for _, id := range got {
		out[dyad.DocumentID(id)] = true
	}
	return out, nil
}

func ordinals(n int) []int64 {
	out := make([]int64, n)
	for i := range out {
		out[i] = int64(i)
	}
	return out
}

// copyChildren writes the sentences and sources of docs with COPY. A
// source number listed twice keeps its last entry, as the embedded store's
// INSERT OR REPLACE does.
func copyChildren(ctx context.Context, tx pgx.Tx, docs []*dyad.Document) error {
	var sents, srcs [][]any
	for _, d := range docs {
		seen := map[int]bool{}
		for _, sn := range d.Sentences {
			if seen[sn.Index] {
				continue
			}
			seen[sn.Index] = true
			sents = append(sents, []any{string(d.ID), int32(sn.Index), int32(sn.Span.Start), int32(sn.Span.End), string(sn.Kind), codec.JoinInts(sn.Citations)})
		}
		last := map[int]int{}
		for i, src := range d.Sources {
			last[src.N] = i
		}
		for i, src := range d.Sources {
			if last[src.N] == i {
				srcs = append(srcs, []any{string(d.ID), int32(src.N), src.Title, src.Outlet, src.URL, int32(src.SameAs)})
			}
		}
	}
	if len(sents) > 0 {
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"sentences"}, []string{"doc", "idx", "start", "end_", "kind", "citations"}, pgx.CopyFromRows(sents)); err != nil {
			return fmt.Errorf("store sentences: %w", err)
		}
	}
	if len(srcs) > 0 {
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"sources"}, []string{"doc", "n", "title", "outlet", "url", "same_as"}, pgx.CopyFromRows(srcs)); err != nil {
			return fmt.Errorf("store sources: %w", err)
		}
	}
	return nil
}

var mentionCopyColumns = []string{"id", "doc", "sentence", "start", "end_", "text",
	"src_code", "src_country", "src_role", "src_name", "src_text", "src_entity",
	"tgt_code", "tgt_country", "tgt_role", "tgt_name", "tgt_text", "tgt_entity",
	"code", "plover", "quad_class", "goldstein", "verb", "certainty", "attr_text", "attr_code",
	"date_start", "date_end", "date_precision", "loc_name", "loc_country", "loc_lat", "loc_lon", "loc_kind",
	"citations", "cited_keys", "bucket"}

// copyMentions writes the mentions of docs with COPY, each ID once (the
// first, as INSERT OR IGNORE keeps it), after copying the documents' facts
// into them; it returns the buckets they touch and how many it wrote.
func copyMentions(ctx context.Context, tx pgx.Tx, docs []*dyad.Document, mentions map[dyad.DocumentID][]*dyad.Mention) ([]string, int, error) {
	var rows [][]any
	buckets := map[string]bool{}
	seen := map[dyad.MentionID]bool{}
	for _, doc := range docs {
		for _, m := range mentions[doc.ID] {
			m.Doc, m.Story, m.Outlet, m.URL, m.Published = doc.ID, doc.Story, doc.Outlet, doc.URL, doc.Published
			if len(m.CitedKeys) == 0 {
				m.CitedKeys = dyad.CitedKeys(doc.Sources, m.Citations)
			}
			if seen[m.ID] {
				continue
			}
			seen[m.ID] = true
			key := dyad.BucketKey(m)
			buckets[key] = true
			var attrText, attrCode string
			if m.AttributedTo != nil {
				attrText, attrCode = m.AttributedTo.Text, string(m.AttributedTo.Code)
			}
			row := []any{string(m.ID), string(m.Doc), int32(m.Sentence), int32(m.Span.Start), int32(m.Span.End), m.Text}
			row = append(row, actorArgs(m.Source)...)
			row = append(row, actorArgs(m.Target)...)
			row = append(row, string(m.Code), m.Plover, int32(m.QuadClass), m.Goldstein, m.Verb, string(m.Certainty), attrText, attrCode)
			row = append(row, dateArgs(m.Date)...)
			row = append(row, placeArgs(m.Location)...)
			row = append(row, codec.JoinInts(m.Citations), strings.Join(m.CitedKeys, "\t"), key)
			rows = append(rows, row)
		}
	}
	if len(rows) == 0 {
		return nil, 0, nil
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"mentions"}, mentionCopyColumns, pgx.CopyFromRows(rows)); err != nil {
		return nil, 0, fmt.Errorf("store mentions: %w", err)
	}
	keys := make([]string, 0, len(buckets))
	for k := range buckets {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys, len(rows), nil
}

func actorArgs(a dyad.Actor) []any {
	return []any{string(a.Code), a.Country, a.Role, a.Name, a.Text, a.Entity}
}

func placeArgs(p *dyad.Place) []any {
	if p == nil {
		return []any{"", "", 0.0, 0.0, ""}
	}
	return []any{p.Name, p.Country, p.Lat, p.Lon, p.Kind}
}

// dateArgs returns a date's start, end and precision columns; unknown
// days are the zero time, stored as 0001-01-01.
func dateArgs(d dyad.Date) []any {
	if !d.Known() {
		return []any{time.Time{}, time.Time{}, string(dyad.PrecisionUnknown)}
	}
	var end time.Time
	if d.Precision == dyad.PrecisionRange {
		end = day(d.End)
	}
	return []any{day(d.Start), end, string(d.Precision)}
}

// day truncates t to its calendar day in UTC, as a DATE column keeps it.
func day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

var eventCopyColumns = []string{"id", "bucket", "date_start", "date_end", "date_precision", "date_last", "sort_date",
	"src_code", "src_country", "src_role", "src_name", "src_text", "src_entity",
	"tgt_code", "tgt_country", "tgt_role", "tgt_name", "tgt_text", "tgt_entity",
	"code", "root", "plover", "quad_class", "goldstein", "certainty",
	"loc_name", "loc_country", "loc_lat", "loc_lon", "loc_kind",
	"num_mentions", "num_documents", "num_sources", "conflicts"}

// resolveBuckets re-resolves each bucket from all its stored mentions,
// replaces its events and points its mentions at them; it returns how many
// events the buckets now have.
func resolveBuckets(ctx context.Context, tx pgx.Tx, buckets []string, r dyad.Resolver) (int, error) {
	ms, err := queryMentions(ctx, tx, `m.bucket = ANY($1)`, buckets)
	if err != nil {
		return 0, err
	}
	byBucket := map[string][]*dyad.Mention{}
	for _, m := range ms {
		k := dyad.BucketKey(m)
		byBucket[k] = append(byBucket[k], m)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM events WHERE bucket = ANY($1)`, buckets); err != nil {
		return 0, fmt.Errorf("clear events: %w", err)
	}
	var rows [][]any
	var mids, eids []string
	seen := map[dyad.EventID]bool{}
	n := 0
	for _, k := range buckets {
		bm := byBucket[k]
		if len(bm) == 0 {
			continue
		}
		old := make(map[dyad.MentionID]dyad.EventID, len(bm))
		for _, m := range bm {
			old[m.ID] = m.Event
		}
		evs := r.Resolve(bm)
		n += len(evs)
		for _, e := range evs {
			if seen[e.ID] { // the embedded store's INSERT OR REPLACE keeps one
				continue
			}
			seen[e.ID] = true
			row, err := eventRow(e, k)
			if err != nil {
				return 0, err
			}
			rows = append(rows, row)
			for _, m := range e.Mentions {
				if old[m.ID] != e.ID {
					mids, eids = append(mids, string(m.ID)), append(eids, string(e.ID))
				}
			}
		}
	}
	if len(rows) > 0 {
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"events"}, eventCopyColumns, pgx.CopyFromRows(rows)); err != nil {
			return 0, fmt.Errorf("store events: %w", err)
		}
	}
	if len(mids) > 0 {
		if _, err := tx.Exec(ctx, `UPDATE mentions SET event = v.event FROM unnest($1::text[], $2::text[]) AS v(id, event)
			WHERE mentions.id = v.id`, mids, eids); err != nil {
			return 0, fmt.Errorf("link mentions to events: %w", err)
		}
	}
	return n, nil
}

// eventRow returns the events columns of e, in eventCopyColumns order.
func eventRow(e *dyad.Event, bucket string) ([]any, error) {
	conflicts := ""
	if len(e.Conflicts) > 0 {
		b, err := json.Marshal(e.Conflicts)
		if err != nil {
			return nil, err
		}
		conflicts = string(b)
	}
	row := []any{string(e.ID), bucket}
	row = append(row, dateArgs(e.Date)...)
	row = append(row, day(e.Date.Last()), day(e.Date.First()))
	row = append(row, actorArgs(e.Source)...)
	row = append(row, actorArgs(e.Target)...)
	row = append(row, string(e.Code), e.Code.Root(), e.Plover, int32(e.QuadClass), e.Goldstein, string(e.Certainty))
	row = append(row, placeArgs(e.Location)...)
	row = append(row, int32(e.NumMentions), int32(e.NumDocuments), int32(e.NumSources), conflicts)
	return row, nil
}
