package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/store/internal/codec"
)

const mentionColumns = `m.id, m.doc, m.sentence, m.start, m.end_, m.text,
	m.src_code, m.src_country, m.src_role, m.src_name, m.src_text, m.src_entity,
	m.tgt_code, m.tgt_country, m.tgt_role, m.tgt_name, m.tgt_text, m.tgt_entity,
	m.code, m.plover, m.quad_class, m.goldstein, m.verb, m.certainty, m.attr_text, m.attr_code,
	m.date_start, m.date_end, m.date_precision, m.loc_name, m.loc_country, m.loc_lat, m.loc_lon, m.loc_kind,
	m.citations, m.cited_keys, m.event, d.outlet, d.url, d.published, d.story`

// queryMentions returns the mentions matching where (a condition on m, the
// mentions table), with their documents' facts, oldest publication first.
func queryMentions(ctx context.Context, q execer, where string, args ...any) ([]*dyad.Mention, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+mentionColumns+` FROM mentions m JOIN documents d ON d.id = m.doc
		WHERE `+where+` ORDER BY d.published, m.doc, m.sentence, m.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("query mentions: %w", err)
	}
	defer rows.Close()
	var out []*dyad.Mention
	for rows.Next() {
		var m dyad.Mention
		var r codec.MentionRow
		var ds, de, dp, published string
		dest := append(r.Head(&m), &ds, &de, &dp)
		dest = append(append(dest, r.Tail(&m)...), &published, r.Story())
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("read mention: %w", err)
		}
		r.Finish(&m)
		m.Date = scanDate(ds, de, dp)
		m.Published = parseTime(published)
		out = append(out, &m)
	}
	return out, rows.Err()
}

func scanDate(start, end, precision string) dyad.Date {
	p := dyad.Precision(precision)
	if start == "" || p == dyad.PrecisionUnknown {
		return dyad.Date{Precision: dyad.PrecisionUnknown}
	}
	d := dyad.Date{Start: parseDay(start), Precision: p}
	if p == dyad.PrecisionRange {
		d.End = parseDay(end)
	}
	return d
}

const eventColumns = `e.id, e.date_start, e.date_end, e.date_precision, e.sort_date,
	e.src_code, e.src_country, e.src_role, e.src_name, e.src_text, e.src_entity,
	e.tgt_code, e.tgt_country, e.tgt_role, e.tgt_name, e.tgt_text, e.tgt_entity,
	e.code, e.plover, e.quad_class, e.goldstein, e.certainty,
	e.loc_name, e.loc_country, e.loc_lat, e.loc_lon, e.loc_kind,
	e.num_mentions, e.num_documents, e.num_sources, e.conflicts`

func scanEvent(rows interface{ Scan(...any) error }) (*dyad.Event, error) {
	var e dyad.Event
	var r codec.EventRow
	var ds, de, dp, sortDate string // sort_date is selected for the ORDER BY of unions
	if err := rows.Scan(append([]any{r.ID(), &ds, &de, &dp, &sortDate}, r.Tail(&e)...)...); err != nil {
		return nil, err
	}
	e.Date = scanDate(ds, de, dp)
	if err := r.Finish(&e); err != nil {
		return nil, err
	}
	return &e, nil
}

// selectorSQL returns the condition that side ("src" or "tgt") of an event
// matches sel.
func selectorSQL(side string, sel dyad.ActorSelector) (string, []any) {
	var conds []string
	var args []any
	if sel.Country != "" {
		conds = append(conds, "e."+side+"_country = ?")
		args = append(args, sel.Country)
	}
	if sel.Code != "" {
		conds = append(conds, "e."+side+"_code = ?")
		args = append(args, string(sel.Code))
	}
	if sel.Entity != "" {
		conds = append(conds, "e."+side+"_entity = ?")
		args = append(args, sel.Entity)
	}
	if len(conds) == 0 {
		return "1=1", nil
	}
	return strings.Join(conds, " AND "), args
}

// clause is a piece of SQL with its arguments.
type clause struct {
	sql  string
	args []any
}

func and(cs ...clause) clause {
	var parts []string
	var args []any
	for _, c := range cs {
		if c.sql == "" {
			continue
		}
		parts = append(parts, "("+c.sql+")")
		args = append(args, c.args...)
	}
	if len(parts) == 0 {
		return clause{sql: "1=1"}
	}
	return clause{strings.Join(parts, " AND "), args}
}

func side(name string, sel dyad.ActorSelector) clause {
	s, a := selectorSQL(name, sel)
	return clause{s, a}
}

func not(c clause) clause { return clause{"NOT (" + c.sql + ")", c.args} }

// eventBranches splits f into the disjoint conditions whose union selects
// its events: one for a plain filter, two — one per direction — for a dyad
// or an actor on either side. Each branch then walks one index in date
// order and stops at the limit, where a single OR would gather every match
// before sorting; the second branch excludes what the first selects, so no
// event is counted twice.
func eventBranches(f dyad.EventFilter) ([]clause, error) {
	common, err := commonWhere(f)
	if err != nil {
		return nil, err
	}
	switch {
	case !f.Dyad[0].IsZero():
		b1 := and(side("src", f.Dyad[0]), side("tgt", f.Dyad[1]))
		b2 := and(side("src", f.Dyad[1]), side("tgt", f.Dyad[0]), not(b1))
		return []clause{and(b1, common), and(b2, common)}, nil
	case !f.Actor.IsZero():
		b1 := side("src", f.Actor)
		b2 := and(side("tgt", f.Actor), not(b1))
		return []clause{and(b1, common), and(b2, common)}, nil
	}
	return []clause{and(common)}, nil
}

// commonWhere builds the conditions of f other than the dyad and the
// either-side actor, and without the cursor.
func commonWhere(f dyad.EventFilter) (clause, error) {
	var conds []string
	var args []any
	add := func(c string, a ...any) { conds = append(conds, c); args = append(args, a...) }
	if !f.Source.IsZero() {
		s, sa := selectorSQL("src", f.Source)
		add(s, sa...)
	}
	if !f.Target.IsZero() {
		t, ta := selectorSQL("tgt", f.Target)
		add(t, ta...)
	}
	if f.Code != "" {
		add("e.code LIKE ?", strings.TrimRight(f.Code, "%_")+"%")
	}
	if f.Plover != "" {
		add("e.plover = ? COLLATE NOCASE", f.Plover) // "dropped" is lower case, the types upper
	}
	if f.Since.Known() {
		add("e.sort_date <> '' AND e.date_last >= ?", formatDay(f.Since.First()))
	}
	if f.Until.Known() {
		add("e.sort_date <> '' AND e.sort_date <= ?", formatDay(f.Until.Last()))
	}
	if len(f.Certainty) > 0 {
		ph := make([]string, len(f.Certainty))
		for i, c := range f.Certainty {
			ph[i] = "?"
			args = append(args, string(c))
		}
		conds = append(conds, "e.certainty IN ("+strings.Join(ph, ", ")+")")
	}
	if f.MinSources > 0 {
		add("e.num_sources >= ?", f.MinSources)
	}
	if strings.TrimSpace(f.Text) != "" {
		q := ftsQuery(f.Text)
		if q == "" {
			return clause{}, dyad.Errorf(dyad.EINVALID, "--text %q has no words to search for", f.Text)
		}
		add("e.id IN (SELECT m.event FROM evidence_fts x JOIN mentions m ON m.id = x.mention WHERE evidence_fts MATCH ?)", q)
	}
	if len(conds) == 0 {
		return clause{}, nil
	}
	return clause{strings.Join(conds, " AND "), args}, nil
}

// ftsQuery turns a user's words into an FTS5 query that cannot be a syntax
// error: every word quoted, all required; a trailing * keeps prefix search.
func ftsQuery(s string) string {
	var terms []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '*' }) {
		prefix := strings.HasSuffix(w, "*")
		w = strings.Trim(w, "*")
		if w == "" {
			continue
		}
		t := `"` + w + `"`
		if prefix {
			t += "*"
		}
		terms = append(terms, t)
	}
	return strings.Join(terms, " ")
}

// CountCap is how far FindEvents counts (dyad.CountCap): beyond it, the
// total it returns is CountCap+1.
const CountCap = dyad.CountCap

// FindEvents returns the events matching f in the order f.Sort, newest
// first by default (see dyad.EventReader), and their number up to CountCap.
func (s *Store) FindEvents(ctx context.Context, f dyad.EventFilter) ([]*dyad.Event, int, error) {
	if err := f.Validate(); err != nil {
		return nil, 0, err
	}
	branches, err := eventBranches(f)
	if err != nil {
		return nil, 0, err
	}
	total := 0
	for _, b := range branches {
		var n int
		q := fmt.Sprintf(`SELECT count(*) FROM (SELECT 1 FROM events e WHERE %s LIMIT %d)`, b.sql, CountCap+1-total)
		if err := s.reader().QueryRowContext(ctx, q, b.args...).Scan(&n); err != nil {
			return nil, 0, fmt.Errorf("count events: %w", err)
		}
		if total += n; total > CountCap {
			break
		}
	}
	col, dir, op := sortSQL(f.Sort)
	var cursor clause
	if f.After != "" {
		key, id, err := f.Sort.ParseCursor(f.After)
		if err != nil {
			return nil, 0, err
		}
		k := sortArg(f.Sort, key)
		cursor = clause{col + ` ` + op + ` ? OR (` + col + ` = ? AND e.id ` + op + ` ?)`, []any{k, k, string(id)}}
	}
	order := ` ORDER BY ` + col + ` ` + dir + `, e.id ` + dir
	if f.Limit > 0 {
		order += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	var parts []string
	var args []any
	for _, b := range branches {
		w := and(b, cursor)
		parts = append(parts, `SELECT * FROM (SELECT `+eventColumns+` FROM events e WHERE `+w.sql+order+`)`)
		args = append(args, w.args...)
	}
	q := parts[0]
	if len(parts) > 1 {
		q = `SELECT * FROM (` + strings.Join(parts, " UNION ALL ") + `) e` + order
	}
	rows, err := s.reader().QueryContext(ctx, q, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("find events: %w", err)
	}
	defer rows.Close()
	var out []*dyad.Event
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	if f.WithMentions {
		if err := s.attachMentions(ctx, out); err != nil {
			return nil, 0, err
		}
	}
	return out, total, nil
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

// sortArg turns a cursor's key (checked by ParseCursor) into the value its
// column holds, so that SQLite compares numbers as numbers.
func sortArg(o dyad.EventSort, key string) any {
	switch o.Or() {
	case dyad.SortSources:
		n, _ := strconv.Atoi(key)
		return n
	case dyad.SortGoldstein, dyad.SortGoldsteinDesc:
		g, _ := strconv.ParseFloat(key, 64)
		return g
	}
	return key
}

// attachMentions loads the mentions of evs, a few hundred events a query.
func (s *Store) attachMentions(ctx context.Context, evs []*dyad.Event) error {
	byID := make(map[dyad.EventID]*dyad.Event, len(evs))
	for _, e := range evs {
		byID[e.ID] = e
	}
	for chunk := range slices.Chunk(evs, 400) {
		args := make([]any, len(chunk))
		for i, e := range chunk {
			args[i] = string(e.ID)
		}
		ms, err := queryMentions(ctx, s.reader(), `m.event IN (`+placeholders(len(chunk))+`)`, args...)
		if err != nil {
			return err
		}
		for _, m := range ms {
			if e := byID[m.Event]; e != nil {
				e.Mentions = append(e.Mentions, m)
			}
		}
	}
	return nil
}

// FindEvent returns one event with all its mentions, or ENOTFOUND.
func (s *Store) FindEvent(ctx context.Context, id dyad.EventID) (*dyad.Event, error) {
	row := s.reader().QueryRowContext(ctx, `SELECT `+eventColumns+` FROM events e WHERE e.id = ?`, string(id))
	e, err := scanEvent(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, dyad.Errorf(dyad.ENOTFOUND, "no event %s", id)
	}
	if err != nil {
		return nil, fmt.Errorf("find event %s: %w", id, err)
	}
	e.Mentions, err = queryMentions(ctx, s.reader(), `m.event = ?`, string(id))
	if err != nil {
		return nil, err
	}
	return e, nil
}

// FindDocument returns a document with its sentences and sources, or ENOTFOUND.
func (s *Store) FindDocument(ctx context.Context, id dyad.DocumentID) (*dyad.Document, error) {
	docs, err := s.queryDocuments(ctx, `id = ?`, string(id))
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, dyad.Errorf(dyad.ENOTFOUND, "no document %s", id)
	}
	d := docs[0]
	rows, err := s.db.QueryContext(ctx, `SELECT idx, start, end_, kind, citations FROM sentences WHERE doc = ? ORDER BY idx`, string(id))
	if err != nil {
		return nil, fmt.Errorf("read sentences of %s: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var sn dyad.Sentence
		var kind, cites string
		if err := rows.Scan(&sn.Index, &sn.Span.Start, &sn.Span.End, &kind, &cites); err != nil {
			return nil, err
		}
		sn.Kind, sn.Citations = dyad.SentenceKind(kind), codec.SplitInts(cites)
		if sn.Span.Start >= 0 && sn.Span.End <= len(d.Text) && sn.Span.Start <= sn.Span.End {
			sn.Text = d.Text[sn.Span.Start:sn.Span.End]
		}
		d.Sentences = append(d.Sentences, sn)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	srows, err := s.db.QueryContext(ctx, `SELECT n, title, outlet, url, same_as FROM sources WHERE doc = ? ORDER BY n`, string(id))
	if err != nil {
		return nil, fmt.Errorf("read sources of %s: %w", id, err)
	}
	defer srows.Close()
	for srows.Next() {
		var src dyad.Source
		if err := srows.Scan(&src.N, &src.Title, &src.Outlet, &src.URL, &src.SameAs); err != nil {
			return nil, err
		}
		d.Sources = append(d.Sources, src)
	}
	return d, srows.Err()
}

func (s *Store) queryDocuments(ctx context.Context, where string, args ...any) ([]*dyad.Document, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, title, outlet, url, language, published, published_inferred, text, origin, fingerprint, story
		FROM documents WHERE `+where+` ORDER BY seq`, args...)
	if err != nil {
		return nil, fmt.Errorf("read documents: %w", err)
	}
	defer rows.Close()
	var out []*dyad.Document
	for rows.Next() {
		var d dyad.Document
		var id, published, story string
		var fp int64
		if err := rows.Scan(&id, &d.Title, &d.Outlet, &d.URL, &d.Language, &published, &d.PublishedInferred, &d.Text, &d.Origin, &fp, &story); err != nil {
			return nil, err
		}
		d.ID, d.Published, d.Fingerprint, d.Story = dyad.DocumentID(id), parseTime(published), uint64(fp), dyad.DocumentID(story)
		out = append(out, &d)
	}
	return out, rows.Err()
}

// DocumentMentions returns the mentions coded from a document, in text order.
func (s *Store) DocumentMentions(ctx context.Context, id dyad.DocumentID) ([]*dyad.Mention, error) {
	return queryMentions(ctx, s.reader(), `m.doc = ?`, string(id))
}

// StoryDocuments returns the documents of a story, oldest first, without text.
func (s *Store) StoryDocuments(ctx context.Context, story dyad.DocumentID) ([]*dyad.Document, error) {
	docs, err := s.queryDocuments(ctx, `story = ?`, string(story))
	for _, d := range docs {
		d.Text = ""
	}
	return docs, err
}

// Stats returns what the store holds.
func (s *Store) Stats(ctx context.Context) (dyad.Stats, error) {
	var st dyad.Stats
	var oldest, newest sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM documents),
		(SELECT count(DISTINCT story) FROM documents),
		(SELECT count(*) FROM sentences),
		(SELECT count(*) FROM mentions),
		(SELECT count(*) FROM events),
		(SELECT count(*) FROM (SELECT src_code FROM events UNION SELECT tgt_code FROM events)),
		(SELECT min(published) FROM documents WHERE published <> ''),
		(SELECT max(published) FROM documents WHERE published <> '')`).Scan(
		&st.Documents, &st.Stories, &st.Sentences, &st.Mentions, &st.Events, &st.Actors, &oldest, &newest)
	if err != nil {
		return st, fmt.Errorf("read stats: %w", err)
	}
	st.Oldest, st.Newest = parseTime(oldest.String), parseTime(newest.String)
	st.Bytes = s.size()
	return st, nil
}

// reader runs read queries through the store's prepared statements.
func (s *Store) reader() execer { return cachedTx{s: s} }
