package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/store/internal/codec"
	"github.com/dyad-project/dyad/story"
)

// execer is what the write helpers need of a transaction.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// cachedTx runs statements through statements prepared once per store,
// within tx when it is set and on the pool otherwise: SQLite spends more on
// parsing a statement than on inserting a row or finding a page of events,
// and dyad runs the same few statements thousands of times.
type cachedTx struct {
	tx *sql.Tx
	s  *Store
}

func (c cachedTx) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	st, err := c.s.prepared(ctx, query)
	if err != nil || c.tx == nil {
		return st, err
	}
	return c.tx.StmtContext(ctx, st), nil
}

// maxStmts bounds the statement cache: queries are built from filters, and
// an unusual filter should not keep its statement forever.
const maxStmts = 512

// prepared returns the store's prepared statement for query, preparing it
// on first use. Beyond maxStmts cached statements, it prepares one for the
// caller to use once (closed with the store) without caching it.
func (s *Store) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	s.stmtMu.Lock()
	st, ok := s.stmts[query]
	s.stmtMu.Unlock()
	if ok {
		return st, nil
	}
	st, err := s.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	s.stmtMu.Lock()
	defer s.stmtMu.Unlock()
	if prev, ok := s.stmts[query]; ok {
		st.Close()
		return prev, nil
	}
	if len(s.stmts) < maxStmts {
		s.stmts[query] = st
	} else {
		s.spare = append(s.spare, st)
	}
	return st, nil
}

func (c cachedTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (c cachedTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

func (c cachedTx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := c.stmt(ctx, query)
	if err != nil { // let database/sql report the same error through a Row
		if c.tx != nil {
			return c.tx.QueryRowContext(ctx, query, args...)
		}
		return c.s.db.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// HasDocuments returns which of ids are stored.
func (s *Store) HasDocuments(ctx context.Context, ids []dyad.DocumentID) (map[dyad.DocumentID]bool, error) {
	return hasDocuments(ctx, s.db, ids)
}

func hasDocuments(ctx context.Context, q execer, ids []dyad.DocumentID) (map[dyad.DocumentID]bool, error) {
	out := make(map[dyad.DocumentID]bool, len(ids))
	for chunk := range slices.Chunk(ids, 500) {
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = string(id)
		}
		rows, err := q.QueryContext(ctx, `SELECT id FROM documents WHERE id IN (`+placeholders(len(chunk))+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("look up documents: %w", err)
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			out[dyad.DocumentID(id)] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Write stores docs and their mentions and resolves the touched buckets in
// one transaction (see dyad.Writer).
func (s *Store) Write(ctx context.Context, docs []*dyad.Document, mentions map[dyad.DocumentID][]*dyad.Mention, r dyad.Resolver) (dyad.WriteResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var res dyad.WriteResult
	sqlTx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return res, fmt.Errorf("begin write: %w", err)
	}
	defer sqlTx.Rollback()
	tx := cachedTx{sqlTx, s}
	now := formatTime(s.Now())
	var seq int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM documents`).Scan(&seq); err != nil {
		return res, fmt.Errorf("read sequence: %w", err)
	}
	near := s.Near
	if near == nil {
		near = story.Near
	}
	buckets := map[string]bool{}
	ids := make([]dyad.DocumentID, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	stored, err := hasDocuments(ctx, tx, ids)
	if err != nil {
		return res, err
	}
	seen := map[dyad.DocumentID]bool{}
	for _, doc := range docs {
		if seen[doc.ID] || stored[doc.ID] {
			res.Duplicates++
			continue
		}
		seen[doc.ID] = true
		story, err := findStory(ctx, tx, doc, near)
		if err != nil {
			return res, err
		}
		doc.Story = doc.ID
		if story != "" {
			doc.Story = story
			res.NearDuplicates++
		}
		seq++
		if err := insertDocument(ctx, tx, doc, seq, now); err != nil {
			return res, fmt.Errorf("store %s (%s): %w", doc.ID, doc.Origin, err)
		}
		for _, m := range mentions[doc.ID] {
			m.Doc, m.Story, m.Outlet, m.URL, m.Published = doc.ID, doc.Story, doc.Outlet, doc.URL, doc.Published
			if len(m.CitedKeys) == 0 {
				m.CitedKeys = dyad.CitedKeys(doc.Sources, m.Citations)
			}
			key := dyad.BucketKey(m)
			added, err := insertMention(ctx, tx, m, key)
			if err != nil {
				return res, fmt.Errorf("store mention of %s: %w", doc.ID, err)
			}
			if added {
				buckets[key] = true
				res.Mentions++
			}
		}
		res.New = append(res.New, doc.ID)
	}
	keys := make([]string, 0, len(buckets))
	for k := range buckets {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if r == nil {
		keys = nil // mentions stay unresolved (benchmarks measure resolution this way)
	}
	for _, k := range keys {
		n, err := resolveBucket(ctx, tx, k, r)
		if err != nil {
			return res, fmt.Errorf("resolve bucket %s: %w", k, err)
		}
		res.Events += n
	}
	if err := sqlTx.Commit(); err != nil {
		return res, fmt.Errorf("commit write: %w", err)
	}
	return res, nil
}

// findStory returns the story of the first-stored document that is a
// near-duplicate of doc, or "" when there is none.
func findStory(ctx context.Context, tx execer, doc *dyad.Document, near func(a, b uint64) bool) (dyad.DocumentID, error) {
	if doc.Fingerprint == 0 {
		return "", nil
	}
	b := bands(doc.Fingerprint)
	rows, err := tx.QueryContext(ctx, `SELECT fingerprint, story FROM documents
		WHERE band0 = ? OR band1 = ? OR band2 = ? OR band3 = ? ORDER BY seq LIMIT 200`, b[0], b[1], b[2], b[3])
	if err != nil {
		return "", fmt.Errorf("find near-duplicates of %s: %w", doc.ID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var fp int64
		var story string
		if err := rows.Scan(&fp, &story); err != nil {
			return "", err
		}
		if near(uint64(fp), doc.Fingerprint) {
			return dyad.DocumentID(story), nil
		}
	}
	return "", rows.Err()
}

func insertDocument(ctx context.Context, tx execer, d *dyad.Document, seq int64, now string) error {
	b := bands(d.Fingerprint)
	_, err := tx.ExecContext(ctx, `INSERT INTO documents (id, title, outlet, url, language, published, published_inferred,
		text, origin, fingerprint, band0, band1, band2, band3, story, seq, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		string(d.ID), d.Title, d.Outlet, d.URL, d.Language, formatTime(d.Published), d.PublishedInferred,
		d.Text, d.Origin, int64(d.Fingerprint), b[0], b[1], b[2], b[3], string(d.Story), seq, now)
	if err != nil {
		return err
	}
	// One statement per 200 sentences: each statement costs far more than
	// each row.
	for chunk := range slices.Chunk(d.Sentences, 200) {
		args := make([]any, 0, 6*len(chunk))
		for _, sn := range chunk {
			args = append(args, string(d.ID), sn.Index, sn.Span.Start, sn.Span.End, string(sn.Kind), codec.JoinInts(sn.Citations))
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO sentences (doc, idx, start, end_, kind, citations) VALUES `+rowsOf(6, len(chunk)), args...); err != nil {
			return fmt.Errorf("sentences: %w", err)
		}
	}
	for _, src := range d.Sources {
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO sources (doc, n, title, outlet, url, same_as) VALUES (?, ?, ?, ?, ?, ?)`,
			string(d.ID), src.N, src.Title, src.Outlet, src.URL, src.SameAs); err != nil {
			return fmt.Errorf("source %d: %w", src.N, err)
		}
	}
	return nil
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

func dateArgs(d dyad.Date) []any {
	if !d.Known() {
		return []any{"", "", string(dyad.PrecisionUnknown)}
	}
	end := ""
	if d.Precision == dyad.PrecisionRange {
		end = formatDay(d.End)
	}
	return []any{formatDay(d.Start), end, string(d.Precision)}
}

// insertMention stores m unless a mention with its ID is stored already
// (a coder may code one claim twice), and reports whether it did.
func insertMention(ctx context.Context, tx execer, m *dyad.Mention, bucket string) (bool, error) {
	var attrText, attrCode string
	if m.AttributedTo != nil {
		attrText, attrCode = m.AttributedTo.Text, string(m.AttributedTo.Code)
	}
	args := []any{string(m.ID), string(m.Doc), m.Sentence, m.Span.Start, m.Span.End, m.Text}
	args = append(args, actorArgs(m.Source)...)
	args = append(args, actorArgs(m.Target)...)
	args = append(args, string(m.Code), m.Plover, m.QuadClass, m.Goldstein, m.Verb, string(m.Certainty), attrText, attrCode)
	args = append(args, dateArgs(m.Date)...)
	args = append(args, placeArgs(m.Location)...)
	args = append(args, codec.JoinInts(m.Citations), strings.Join(m.CitedKeys, "\t"), bucket)
	r, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO mentions (id, doc, sentence, start, end_, text,
		src_code, src_country, src_role, src_name, src_text, src_entity,
		tgt_code, tgt_country, tgt_role, tgt_name, tgt_text, tgt_entity,
		code, plover, quad_class, goldstein, verb, certainty, attr_text, attr_code,
		date_start, date_end, date_precision, loc_name, loc_country, loc_lat, loc_lon, loc_kind,
		citations, cited_keys, bucket) VALUES (`+placeholders(len(args))+`)`, args...)
	if err != nil {
		return false, err
	}
	if n, err := r.RowsAffected(); err != nil || n == 0 {
		return false, err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO evidence_fts (text, mention) VALUES (?, ?)`, m.Text, string(m.ID))
	return err == nil, err
}

// resolveBucket re-resolves one bucket from all its stored mentions and
// replaces its events; it returns how many events the bucket now has.
func resolveBucket(ctx context.Context, tx execer, bucket string, r dyad.Resolver) (int, error) {
	ms, err := queryMentions(ctx, tx, `m.bucket = ?`, bucket)
	if err != nil {
		return 0, err
	}
	evs := r.Resolve(ms)
	if _, err := tx.ExecContext(ctx, `DELETE FROM events WHERE bucket = ?`, bucket); err != nil {
		return 0, err
	}
	for _, e := range evs {
		if err := insertEvent(ctx, tx, e, bucket); err != nil {
			return 0, err
		}
		for _, m := range e.Mentions {
			if _, err := tx.ExecContext(ctx, `UPDATE mentions SET event = ? WHERE id = ? AND event <> ?`, string(e.ID), string(m.ID), string(e.ID)); err != nil {
				return 0, err
			}
		}
	}
	return len(evs), nil
}

func insertEvent(ctx context.Context, tx execer, e *dyad.Event, bucket string) error {
	conflicts := ""
	if len(e.Conflicts) > 0 {
		b, err := json.Marshal(e.Conflicts)
		if err != nil {
			return err
		}
		conflicts = string(b)
	}
	args := []any{string(e.ID), bucket}
	args = append(args, dateArgs(e.Date)...)
	args = append(args, formatDay(e.Date.Last()), formatDay(e.Date.First()))
	args = append(args, actorArgs(e.Source)...)
	args = append(args, actorArgs(e.Target)...)
	args = append(args, string(e.Code), e.Code.Root(), e.Plover, e.QuadClass, e.Goldstein, string(e.Certainty))
	args = append(args, placeArgs(e.Location)...)
	args = append(args, e.NumMentions, e.NumDocuments, e.NumSources, conflicts)
	_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO events (id, bucket, date_start, date_end, date_precision, date_last, sort_date,
		src_code, src_country, src_role, src_name, src_text, src_entity,
		tgt_code, tgt_country, tgt_role, tgt_name, tgt_text, tgt_entity,
		code, root, plover, quad_class, goldstein, certainty,
		loc_name, loc_country, loc_lat, loc_lon, loc_kind,
		num_mentions, num_documents, num_sources, conflicts) VALUES (`+placeholders(len(args))+`)`, args...)
	return err
}

// rowsOf returns n rows of width placeholders for a multi-row VALUES.
func rowsOf(width, n int) string {
	row := "(" + placeholders(width) + ")"
	return strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}
