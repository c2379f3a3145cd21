package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/store/internal/codec"
	"github.com/jackc/pgx/v5"
)

// querier is what the read helpers need: the pool or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

const mentionColumns = `m.id, m.doc, m.sentence, m.start, m.end_, m.text,
	m.src_code, m.src_country, m.src_role, m.src_name, m.src_text, m.src_entity,
	m.tgt_code, m.tgt_country, m.tgt_role, m.tgt_name, m.tgt_text, m.tgt_entity,
	m.code, m.plover, m.quad_class, m.goldstein, m.verb, m.certainty, m.attr_text, m.attr_code,
	m.date_start, m.date_end, m.date_precision, m.loc_name, m.loc_country, m.loc_lat, m.loc_lon, m.loc_kind,
	m.citations, m.cited_keys, m.event, d.outlet, d.url, d.published, d.story`

// queryMentions returns the mentions matching where (a condition on m, the
// mentions table), with their documents' facts, oldest publication first
// (unknown first, as ” sorts in the embedded store).
func queryMentions(ctx context.Context, q querier, where string, args ...any) ([]*dyad.Mention, error) {
	rows, err := q.Query(ctx, `SELECT `+mentionColumns+` FROM mentions m JOIN documents d ON d.id = m.doc
		WHERE `+where+` ORDER BY d.published NULLS FIRST, m.doc, m.sentence, m.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("query mentions: %w", err)
	}
	defer rows.Close()
	var out []*dyad.Mention
	for rows.Next() {
		var m dyad.Mention
		var r codec.MentionRow
		var dp string
		var ds, de time.Time
		var published *time.Time
		dest := append(r.Head(&m), &ds, &de, &dp)
		dest = append(append(dest, r.Tail(&m)...), &published, r.Story())
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("read mention: %w", err)
		}
		r.Finish(&m)
		m.Date = scanDate(ds, de, dp)
		if published != nil {
			m.Published = published.UTC()
		}
		out = append(out, &m)
	}
	return out, rows.Err()
}

func scanDate(start, end time.Time, precision string) dyad.Date {
	p := dyad.Precision(precision)
	if start.IsZero() || p == dyad.PrecisionUnknown || p == "" {
		return dyad.Date{Precision: dyad.PrecisionUnknown}
	}
	d := dyad.Date{Start: day(start), Precision: p}
	if p == dyad.PrecisionRange {
		d.End = day(end)
	}
	return d
}

const eventColumns = `e.id, e.date_start, e.date_end, e.date_precision,
	e.src_code, e.src_country, e.src_role, e.src_name, e.src_text, e.src_entity,
	e.tgt_code, e.tgt_country, e.tgt_role, e.tgt_name, e.tgt_text, e.tgt_entity,
	e.code, e.plover, e.quad_class, e.goldstein, e.certainty,
	e.loc_name, e.loc_country, e.loc_lat, e.loc_lon, e.loc_kind,
	e.num_mentions, e.num_documents, e.num_sources, e.conflicts`

func scanEvent(row pgx.Row) (*dyad.Event, error) {
	var e dyad.Event
	var r codec.EventRow
	var dp string
	var ds, de time.Time
	if err := row.Scan(append([]any{r.ID(), &ds, &de, &dp}, r.Tail(&e)...)...); err != nil {
		return nil, err
	}
	e.Date = scanDate(ds, de, dp)
	if err := r.Finish(&e); err != nil {
		return nil, err
	}
	return &e, nil
}

// where collects the conditions of a query and their numbered arguments.
type where struct {
	conds []string
	args  []any
}

// arg adds a value and returns its placeholder.
func (w *where) arg(v any) string {
	w.args = append(w.args, v)
	return fmt.Sprintf("$%d", len(w.args))
}

func (w *where) add(cond string) { w.conds = append(w.conds, cond) }

func (w *where) String() string {
	if len(w.conds) == 0 {
		return "TRUE"
	}
	return strings.Join(w.conds, " AND ")
}

// selector returns the condition that side ("src" or "tgt") of an event
// matches sel.
func (w *where) selector(side string, sel dyad.ActorSelector) string {
	var conds []string
	if sel.Country != "" {
		conds = append(conds, "e."+side+"_country = "+w.arg(sel.Country))
	}
	if sel.Code != "" {
		conds = append(conds, "e."+side+"_code = "+w.arg(string(sel.Code)))
	}
	if sel.Entity != "" {
		conds = append(conds, "e."+side+"_entity = "+w.arg(sel.Entity))
	}
	if len(conds) == 0 {
		return "TRUE"
	}
	return strings.Join(conds, " AND ")
}

// cursor adds the condition that events sort after the cursor after (made
// by o.Cursor) in order o, when it is set.
func (w *where) cursor(o dyad.EventSort, after string) error {
	if after == "" {
		return nil
	}
	key, id, err := o.ParseCursor(after)
	if err != nil {
		return err
	}
	col, _, op := sortSQL(o)
	var k any
	switch o.Or() {
	case dyad.SortSources:
		k, _ = strconv.Atoi(key)
	case dyad.SortGoldstein, dyad.SortGoldsteinDesc:
		k, _ = strconv.ParseFloat(key, 64)
	default:
		d, _ := parseDay(key) // "" is the zero day, which sorts as 0001-01-01
		k = d
	}
	kp, ip := w.arg(k), w.arg(string(id))
	w.add("(" + col + " " + op + " " + kp + " OR (" + col + " = " + kp + " AND e.id " + op + " " + ip + "))")
	return nil
}

// sortSQL returns the column of order o, its direction and the comparison
// that selects the rows after a cursor in it.
func sortSQL(o dyad.EventSort) (col, dir, op string) {
	switch o.Or() {
	case dyad.SortSources:
		col = "e.num_sources"
	case dyad.SortGoldstein, dyad.SortGoldsteinDesc:
		col = "e.goldstein"
	default:
		col = "e.sort_date"
	}
	if o.Descending() {
		return col, "DESC", "<"
	}
	return col, "ASC", ">"
}

// eventWhere builds the conditions of f, without the cursor.
func eventWhere(f dyad.EventFilter) (*where, error) {
	w := &where{}
	if !f.Actor.IsZero() {
		w.add("((" + w.selector("src", f.Actor) + ") OR (" + w.selector("tgt", f.Actor) + "))")
	}
	if !f.Source.IsZero() {
		w.add(w.selector("src", f.Source))
	}
	if !f.Target.IsZero() {
		w.add(w.selector("tgt", f.Target))
	}
	if !f.Dyad[0].IsZero() {
		w.add("((" + w.selector("src", f.Dyad[0]) + " AND " + w.selector("tgt", f.Dyad[1]) + ") OR (" +
			w.selector("src", f.Dyad[1]) + " AND " + w.selector("tgt", f.Dyad[0]) + "))")
	}
	if code := strings.TrimRight(f.Code, "%_"); code != "" {
		if len(code) == 2 {
			w.add("e.root = " + w.arg(code))
		} else {
			w.add("e.code LIKE " + w.arg(code+"%"))
		}
	}
	if f.Plover != "" {
		w.add("upper(e.plover) = " + w.arg(strings.ToUpper(f.Plover))) // "dropped" is lower case, the types upper
	}
	if f.Since.Known() {
		w.add("e.sort_date > '0001-01-01' AND e.date_last >= " + w.arg(day(f.Since.First())))
	}
	if f.Until.Known() {
		w.add("e.sort_date > '0001-01-01' AND e.sort_date <= " + w.arg(day(f.Until.Last())))
	}
	if len(f.Certainty) > 0 {
		cs := make([]string, len(f.Certainty))
		for i, c := range f.Certainty {
			cs[i] = string(c)
		}
		w.add("e.certainty = ANY(" + w.arg(cs) + ")")
	}
	if f.MinSources > 0 {
		w.add("e.num_sources >= " + w.arg(f.MinSources))
	}
	if strings.TrimSpace(f.Text) != "" {
		q := tsQuery(f.Text)
		if q == "" {
			return nil, dyad.Errorf(dyad.EINVALID, "--text %q has no words to search for", f.Text)
		}
		w.add("e.id IN (SELECT m.event FROM mentions m WHERE m.evidence @@ to_tsquery('english', " + w.arg(q) + "))")
	}
	return w, nil
}

// tsQuery turns a user's words into a to_tsquery expression that cannot be
// a syntax error: only letters and digits, every word required; a trailing
// * keeps prefix search.
func tsQuery(s string) string {
	var terms []string
	for _, word := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '*' }) {
		prefix := strings.HasSuffix(word, "*")
		word = strings.ReplaceAll(word, "*", "")
		if word == "" {
			continue
		}
		t := "'" + strings.ToLower(word) + "'"
		if prefix {
			t += ":*"
		}
		terms = append(terms, t)
	}
	return strings.Join(terms, " & ")
}

// FindEvents returns the events matching f in the order f.Sort, newest
// first by default (see dyad.EventReader).
func (s *Store) FindEvents(ctx context.Context, f dyad.EventFilter) ([]*dyad.Event, int, error) {
	if err := f.Validate(); err != nil {
		return nil, 0, err
	}
	w, err := eventWhere(f)
	if err != nil {
		return nil, 0, err
	}
	var total int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM events e WHERE `+w.String(), w.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count events: %w", err)
	}
	limit := ""
	if f.Limit > 0 {
		limit = fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	col, dir, _ := sortSQL(f.Sort)
	order := ` ORDER BY ` + col + ` ` + dir + `, e.id ` + dir
	var q string
	if f.Dyad[0].IsZero() || f.Limit == 0 {
		if err := w.cursor(f.Sort, f.After); err != nil {
			return nil, 0, err
		}
		q = `SELECT ` + eventColumns + ` FROM events e WHERE ` + w.String() + order + limit
	} else {
		// A dyad is two index ranges, one per direction. As one OR, the
		// planner must either fetch and sort all of the dyad's events or
		// walk the whole table in date order to find a few; as a UNION ALL
		// of the two directions, each is read newest first from its own
		// index, and only Limit rows of each are fetched.
		nf := f
		nf.Dyad = [2]dyad.ActorSelector{}
		w, _ = eventWhere(nf)
		if err := w.cursor(f.Sort, f.After); err != nil {
			return nil, 0, err
		}
		there := w.selector("src", f.Dyad[0]) + " AND " + w.selector("tgt", f.Dyad[1])
		back := w.selector("src", f.Dyad[1]) + " AND " + w.selector("tgt", f.Dyad[0])
		base := w.String()
		q = `SELECT ` + eventColumns + ` FROM (
			(SELECT * FROM events e WHERE ` + base + ` AND ` + there + order + limit + `)
			UNION ALL
			(SELECT * FROM events e WHERE ` + base + ` AND ` + back + ` AND NOT (` + there + `)` + order + limit + `)
		) e` + order + limit
	}
	rows, err := s.pool.Query(ctx, q, w.args...)
	if err != nil {
		return nil, 0, fmt.Errorf("find events: %w", err)
	}
	defer rows.Close()
	var out []*dyad.Event
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("find events: %w", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("find events: %w", err)
	}
	if f.WithMentions && len(out) > 0 {
		if err := s.attachMentions(ctx, out); err != nil {
			return nil, 0, err
		}
	}
	return out, total, nil
}

// attachMentions loads the mentions of evs in one query.
func (s *Store) attachMentions(ctx context.Context, evs []*dyad.Event) error {
	byID := make(map[dyad.EventID]*dyad.Event, len(evs))
	ids := make([]string, len(evs))
	for i, e := range evs {
		byID[e.ID] = e
		ids[i] = string(e.ID)
	}
	ms, err := queryMentions(ctx, s.pool, `m.event = ANY($1)`, ids)
	if err != nil {
		return err
	}
	for _, m := range ms {
		if e := byID[m.Event]; e != nil {
			e.Mentions = append(e.Mentions, m)
		}
	}
	return nil
}

// FindEvent returns one event with all its mentions, or ENOTFOUND.
func (s *Store) FindEvent(ctx context.Context, id dyad.EventID) (*dyad.Event, error) {
	e, err := scanEvent(s.pool.QueryRow(ctx, `SELECT `+eventColumns+` FROM events e WHERE e.id = $1 LIMIT 1`, string(id)))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, dyad.Errorf(dyad.ENOTFOUND, "no event %s", id)
	}
	if err != nil {
		return nil, fmt.Errorf("find event %s: %w", id, err)
	}
	e.Mentions, err = queryMentions(ctx, s.pool, `m.event = $1`, string(id))
	if err != nil {
		return nil, err
	}
	return e, nil
}

// FindDocument returns a document with its sentences and sources, or ENOTFOUND.
func (s *Store) FindDocument(ctx context.Context, id dyad.DocumentID) (*dyad.Document, error) {
	docs, err := s.queryDocuments(ctx, `id = $1`, string(id))
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, dyad.Errorf(dyad.ENOTFOUND, "no document %s", id)
	}
	d := docs[0]
	rows, err := s.pool.Query(ctx, `SELECT idx, start, end_, kind, citations FROM sentences WHERE doc = $1 ORDER BY idx`, string(id))
	if err != nil {
		return nil, fmt.Errorf("read sentences of %s: %w", id, err)
	}
	for rows.Next() {
		var sn dyad.Sentence
		var kind, cites string
		if err := rows.Scan(&sn.Index, &sn.Span.Start, &sn.Span.End, &kind, &cites); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read sentences of %s: %w", id, err)
		}
		sn.Kind, sn.Citations = dyad.SentenceKind(kind), codec.SplitInts(cites)
		if sn.Span.Start >= 0 && sn.Span.End <= len(d.Text) && sn.Span.Start <= sn.Span.End {
			sn.Text = d.Text[sn.Span.Start:sn.Span.End]
		}
		d.Sentences = append(d.Sentences, sn)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read sentences of %s: %w", id, err)
	}
	srows, err := s.pool.Query(ctx, `SELECT n, title, outlet, url, same_as FROM sources WHERE doc = $1 ORDER BY n`, string(id))
	if err != nil {
		return nil, fmt.Errorf("read sources of %s: %w", id, err)
	}
	defer srows.Close()
	for srows.Next() {
		var src dyad.Source
		if err := srows.Scan(&src.N, &src.Title, &src.Outlet, &src.URL, &src.SameAs); err != nil {
			return nil, fmt.Errorf("read sources of %s: %w", id, err)
		}
		d.Sources = append(d.Sources, src)
	}
	return d, srows.Err()
}

func (s *Store) queryDocuments(ctx context.Context, where string, args ...any) ([]*dyad.Document, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, title, outlet, url, language, published, published_inferred, text, origin, fingerprint, story
		FROM documents WHERE `+where+` ORDER BY seq`, args...)
	if err != nil {
		return nil, fmt.Errorf("read documents: %w", err)
	}
	defer rows.Close()
	var out []*dyad.Document
	for rows.Next() {
		var d dyad.Document
		var id, story string
		var published *time.Time
		var fp int64
		if err := rows.Scan(&id, &d.Title, &d.Outlet, &d.URL, &d.Language, &published, &d.PublishedInferred, &d.Text, &d.Origin, &fp, &story); err != nil {
			return nil, fmt.Errorf("read documents: %w", err)
		}
		d.ID, d.Fingerprint, d.Story = dyad.DocumentID(id), uint64(fp), dyad.DocumentID(story)
		if published != nil {
			d.Published = published.UTC()
		}
		out = append(out, &d)
	}
	return out, rows.Err()
}

// DocumentMentions returns the mentions coded from a document, in text order.
func (s *Store) DocumentMentions(ctx context.Context, id dyad.DocumentID) ([]*dyad.Mention, error) {
	return queryMentions(ctx, s.pool, `m.doc = $1`, string(id))
}

// StoryDocuments returns the documents of a story, oldest first, without text.
func (s *Store) StoryDocuments(ctx context.Context, story dyad.DocumentID) ([]*dyad.Document, error) {
	docs, err := s.queryDocuments(ctx, `story = $1`, string(story))
	for _, d := range docs {
		d.Text = ""
	}
	return docs, err
}

// DocumentIDs returns the IDs of up to limit stored documents after the
// one with ID after ("" for the first), in the order they were stored, so
// that a store can be copied page by page.
func (s *Store) DocumentIDs(ctx context.Context, after dyad.DocumentID, limit int) ([]dyad.DocumentID, error) {
	rows, err := s.pool.Query(ctx, `SELECT id FROM documents
		WHERE seq > COALESCE((SELECT seq FROM documents WHERE id = $1), 0) ORDER BY seq LIMIT $2`, string(after), limit)
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	out := make([]dyad.DocumentID, len(ids))
	for i, id := range ids {
		out[i] = dyad.DocumentID(id)
	}
	return out, nil
}

// Stats returns what the store holds. Bytes is the size of the schema's
// tables and indexes.
func (s *Store) Stats(ctx context.Context) (dyad.Stats, error) {
	var st dyad.Stats
	var oldest, newest *time.Time
	err := s.pool.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM documents),
		(SELECT count(DISTINCT story) FROM documents),
		(SELECT count(*) FROM sentences),
		(SELECT count(*) FROM mentions),
		(SELECT count(*) FROM events),
		(SELECT count(*) FROM (SELECT src_code FROM events UNION SELECT tgt_code FROM events) a),
		(SELECT min(published) FROM documents),
		(SELECT max(published) FROM documents)`).Scan(
		&st.Documents, &st.Stories, &st.Sentences, &st.Mentions, &st.Events, &st.Actors, &oldest, &newest)
	if err != nil {
		return st, fmt.Errorf("read stats: %w", err)
	}
	if oldest != nil {
		st.Oldest = oldest.UTC()
	}
	if newest != nil {
		st.Newest = newest.UTC()
	}
	// The size is a PostgreSQL catalog question; an engine that cannot
	// answer it reports 0 rather than failing the stats.
	var size *int64
	if err := s.pool.QueryRow(ctx, `SELECT sum(pg_total_relation_size(c.oid))::bigint FROM pg_class c
		JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')`).Scan(&size); err == nil && size != nil {
		st.Bytes = *size
	}
	return st, nil
}
