// Package storetest is one conformance suite that every dyad.Store runs:
// the reads and writes the rest of dyad relies on, the incremental
// resolution of events, and concurrent writers.
package storetest

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/resolve"
)

// Opener returns a new, empty store for one test.
type Opener func(t *testing.T) dyad.Store

var (
	rus = dyad.Actor{Code: "RUSGOV", Country: "RUS", Role: "GOV", Name: "Russia", Entity: "rus"}
	afg = dyad.Actor{Code: "AFGGOV", Country: "AFG", Role: "GOV", Name: "Taliban", Entity: "taliban"}
	usa = dyad.Actor{Code: "USA", Country: "USA", Name: "United States", Entity: "usa"}
)

func day(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }

// Doc builds a document of one sentence telling that src signed an
// agreement with tgt on date, as outlet published it.
func Doc(text, outlet, published string) *dyad.Document {
	d := &dyad.Document{Text: text, Outlet: outlet, Published: day(published), Title: "t " + outlet, URL: "https://" + outlet + ".example/" + published}
	d.ID = dyad.NewDocumentID(text)
	d.Sentences = []dyad.Sentence{{Index: 0, Span: dyad.Span{Start: 0, End: len(text)}, Text: text, Kind: dyad.KindBody, Citations: []int{1}}}
	d.Sources = []dyad.Source{{N: 1, Title: "Wire story", URL: "https://wire.example/x"}}
	return d
}

// Mention builds a mention in d.
func Mention(d *dyad.Document, src, tgt dyad.Actor, code dyad.EventCode, date string, c dyad.Certainty) *dyad.Mention {
	m := &dyad.Mention{Doc: d.ID, Sentence: 0, Span: d.Sentences[0].Span, Text: d.Text, Source: src, Target: tgt,
		Code: code, Plover: "AGREE", QuadClass: 1, Goldstein: 8, Certainty: c, Date: dyad.MustParseDate(date),
		Citations: []int{1}, Location: &dyad.Place{Name: "Moscow", Country: "RUS", Lat: 55.75, Lon: 37.62, Kind: "city"}}
	m.ID = dyad.NewMentionID(d.ID, m.Span, code, src.Code, tgt.Code)
	return m
}

// Run runs the suite.
func Run(t *testing.T, open Opener) {
	t.Run("WriteIsIdempotent", func(t *testing.T) { testIdempotent(t, open(t)) })
	t.Run("DocumentRoundTrip", func(t *testing.T) { testDocument(t, open(t)) })
	t.Run("NearDuplicatesShareAStory", func(t *testing.T) { testStory(t, open(t)) })
	t.Run("ResolvesIncrementally", func(t *testing.T) { testResolve(t, open(t)) })
	t.Run("FindEventsFilters", func(t *testing.T) { testFilters(t, open(t)) })
	t.Run("NotFound", func(t *testing.T) { testNotFound(t, open(t)) })
	t.Run("ConcurrentWriters", func(t *testing.T) { testConcurrent(t, open(t)) })
	t.Run("CursorPages", func(t *testing.T) { testCursor(t, open(t)) })
	t.Run("SortOrders", func(t *testing.T) { testSort(t, open(t)) })
	t.Run("WithMentions", func(t *testing.T) { testWithMentions(t, open(t)) })
	t.Run("MentionCodedTwice", func(t *testing.T) { testMentionTwice(t, open(t)) })
}

// testMentionTwice writes a document whose coder gave one mention twice:
// it is stored, counted and searchable once.
func testMentionTwice(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	a := Doc("Russia and the Taliban signed a deal.", "wire", "2026-05-27")
	m := Mention(a, rus, afg, "057", "2026-05-27", dyad.Asserted)
	again := *m
	res := write(t, s, []*dyad.Document{a}, m, &again)
	if res.Mentions != 1 {
		t.Errorf("Write counted %d mentions, want 1", res.Mentions)
	}
	st, err := s.Stats(ctx)
	if err != nil || st.Mentions != 1 || st.Events != 1 {
		t.Errorf("stats = %+v, %v; want 1 mention, 1 event", st, err)
	}
	evs, _, err := s.FindEvents(ctx, dyad.EventFilter{Text: "deal", WithMentions: true})
	if err != nil || len(evs) != 1 || len(evs[0].Mentions) != 1 {
		t.Errorf("text search = %v, %v; want one event with one mention", evs, err)
	}
}

func write(t *testing.T, s dyad.Store, docs []*dyad.Document, ms ...*dyad.Mention) dyad.WriteResult {
	t.Helper()
	byDoc := map[dyad.DocumentID][]*dyad.Mention{}
	for _, m := range ms {
		byDoc[m.Doc] = append(byDoc[m.Doc], m)
	}
	res, err := s.Write(context.Background(), docs, byDoc, &resolve.Clusterer{})
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	return res
}

func testIdempotent(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	a := Doc("Russia and the Taliban signed a deal.", "wire", "2026-05-27")
	res := write(t, s, []*dyad.Document{a, a}, Mention(a, rus, afg, "057", "2026-05-27", dyad.Asserted))
	if len(res.New) != 1 || res.Duplicates != 1 || res.Mentions != 1 || res.Events != 1 {
		t.Errorf("first write = %+v, want 1 new, 1 duplicate, 1 mention, 1 event", res)
	}
	res = write(t, s, []*dyad.Document{a}, Mention(a, rus, afg, "057", "2026-05-27", dyad.Asserted))
	if len(res.New) != 0 || res.Duplicates != 1 || res.Mentions != 0 {
		t.Errorf("second write = %+v, want nothing new", res)
	}
	has, err := s.HasDocuments(ctx, []dyad.DocumentID{a.ID, "doc_missing"})
	if err != nil || !has[a.ID] || has["doc_missing"] {
		t.Errorf("HasDocuments = %v, %v", has, err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 1 || st.Sentences != 1 || st.Mentions != 1 || st.Events != 1 || st.Stories != 1 {
		t.Errorf("Stats = %+v", st)
	}
}

func testDocument(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	a := Doc("Russia and the Taliban signed a deal.", "wire", "2026-05-27")
	m := Mention(a, rus, afg, "057", "2026-05", dyad.Reported)
	m.AttributedTo = &dyad.Attribution{Text: "Reporters"}
	write(t, s, []*dyad.Document{a}, m)
	got, err := s.FindDocument(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != a.Text || got.Outlet != "wire" || !got.Published.Equal(a.Published) || got.Story != a.ID {
		t.Errorf("document = %+v", got)
	}
	if len(got.Sentences) != 1 || got.Sentences[0].Text != a.Text || !slices.Equal(got.Sentences[0].Citations, []int{1}) {
		t.Errorf("sentences = %+v", got.Sentences)
	}
	if len(got.Sources) != 1 || got.Sources[0].URL != "https://wire.example/x" {
		t.Errorf("sources = %+v", got.Sources)
	}
	ms, err := s.DocumentMentions(ctx, a.ID)
	if err != nil || len(ms) != 1 {
		t.Fatalf("DocumentMentions = %v, %v", ms, err)
	}
	g := ms[0]
	if g.ID != m.ID || g.Source != rus || g.Target != afg || g.Code != "057" || g.Certainty != dyad.Reported ||
		g.Date.String() != "2026-05" || g.AttributedTo == nil || g.AttributedTo.Text != "Reporters" ||
		g.Location == nil || g.Location.Name != "Moscow" || g.Event == "" || g.Outlet != "wire" ||
		!slices.Equal(g.CitedKeys, []string{"https://wire.example/x"}) {
		t.Errorf("mention round trip:\n got %+v\nwant %+v", g, m)
	}
}

func testStory(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	a := Doc("Russia and the Taliban signed a deal in Moscow.", "wire", "2026-05-27")
	b := Doc("Russia and the Taliban signed a deal in Moscow region.", "daily", "2026-05-28")
	c := Doc("Something else entirely.", "other", "2026-05-28")
	a.Fingerprint, b.Fingerprint, c.Fingerprint = 0xF0F0_0000_1234_5678, 0xF0F0_0000_1234_5679, 0x0F0F_FFFF_0000_0000
	res := write(t, s, []*dyad.Document{a})
	res = write(t, s, []*dyad.Document{b, c})
	if res.NearDuplicates != 1 {
		t.Errorf("near duplicates = %d, want 1", res.NearDuplicates)
	}
	docs, err := s.StoryDocuments(ctx, a.ID)
	if err != nil || len(docs) != 2 || docs[0].ID != a.ID || docs[1].ID != b.ID {
		t.Errorf("StoryDocuments = %v, %v", docs, err)
	}
	st, _ := s.Stats(ctx)
	if st.Stories != 2 || st.Documents != 3 {
		t.Errorf("stats = %+v, want 3 documents in 2 stories", st)
	}
}

// testResolve writes the signing corpus one document at a time, so each
// write re-resolves the bucket, and checks the events at the end.
func testResolve(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	type rep struct{ outlet, date, pub string }
	reps := []rep{{"wire", "2026-05-27", "2026-05-27"}, {"times", "2026-05-27", "2026-05-28"}, {"post", "2026-05-27", "2026-05-28"}, {"herald", "2026-05-31", "2026-06-01"}}
	for i, r := range reps {
		d := Doc(fmt.Sprintf("Report %d: Russia and the Taliban signed a deal.", i), r.outlet, r.pub)
		d.Sources = nil
		d.Sentences[0].Citations = nil
		m := Mention(d, rus, afg, "057", r.date, dyad.Asserted)
		m.Citations = nil
		write(t, s, []*dyad.Document{d}, m)
	}
	old := Doc("A year earlier Russia and the Taliban signed a deal.", "wire", "2025-05-20")
	write(t, s, []*dyad.Document{old}, Mention(old, rus, afg, "057", "2025-05-20", dyad.Asserted))
	evs, total, err := s.FindEvents(ctx, dyad.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if total != 2 || len(evs) != 2 {
		t.Fatalf("got %d events (total %d), want 2", len(evs), total)
	}
	e := evs[0] // newest first
	if e.Date.String() != "2026-05-27" || e.NumDocuments != 4 || e.NumSources != 4 || len(e.Conflicts) != 1 {
		t.Errorf("signing = %s docs %d sources %d conflicts %+v", e.Date, e.NumDocuments, e.NumSources, e.Conflicts)
	}
	full, err := s.FindEvent(ctx, e.ID)
	if err != nil || len(full.Mentions) != 4 {
		t.Fatalf("FindEvent = %v, %v", full, err)
	}
	if evs[1].Date.String() != "2025-05-20" || evs[1].NumMentions != 1 {
		t.Errorf("earlier = %+v", evs[1])
	}
}

func testFilters(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	a := Doc("Russia and the Taliban signed a military deal.", "wire", "2026-05-27")
	b := Doc("The United States condemned the Taliban.", "post", "2024-03-02")
	write(t, s, []*dyad.Document{a, b},
		Mention(a, rus, afg, "057", "2026-05-27", dyad.Asserted),
		Mention(b, usa, afg, "111", "2024-03-01", dyad.Hedged))
	tests := []struct {
		name string
		f    dyad.EventFilter
		want int
	}{
		{"all", dyad.EventFilter{}, 2},
		{"actor either side", dyad.EventFilter{Actor: dyad.ActorSelector{Entity: "taliban"}}, 2},
		{"source country", dyad.EventFilter{Source: dyad.ActorSelector{Country: "RUS"}}, 1},
		{"target code", dyad.EventFilter{Target: dyad.ActorSelector{Code: "AFGGOV"}}, 2},
		{"dyad reversed", dyad.EventFilter{Dyad: [2]dyad.ActorSelector{{Country: "AFG"}, {Country: "RUS"}}}, 1},
		{"dyad limited", dyad.EventFilter{Dyad: [2]dyad.ActorSelector{{Entity: "taliban"}, {Country: "USA"}}, Limit: 5}, 1},
		{"dyad with itself", dyad.EventFilter{Dyad: [2]dyad.ActorSelector{{Country: "AFG"}, {Country: "AFG"}}, Limit: 5}, 0},
		{"code prefix", dyad.EventFilter{Code: "05"}, 1},
		{"plover", dyad.EventFilter{Plover: "agree"}, 2},
		{"since", dyad.EventFilter{Since: dyad.MustParseDate("2025")}, 1},
		{"until", dyad.EventFilter{Until: dyad.MustParseDate("2024-03")}, 1},
		{"certainty", dyad.EventFilter{Certainty: []dyad.Certainty{dyad.Asserted, dyad.Reported}}, 1},
		{"min sources", dyad.EventFilter{MinSources: 2}, 0},
		{"text", dyad.EventFilter{Text: "military"}, 1},
		{"text stem", dyad.EventFilter{Text: "condemn"}, 1},
		{"text no match", dyad.EventFilter{Text: "weather"}, 0},
		{"text prefix", dyad.EventFilter{Text: "milit*"}, 1},
		{"text all words", dyad.EventFilter{Text: "military condemned"}, 0},
		{"limit", dyad.EventFilter{Limit: 1}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs, _, err := s.FindEvents(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) != tt.want {
				t.Errorf("got %d events, want %d", len(evs), tt.want)
			}
		})
	}
	_, _, err := s.FindEvents(ctx, dyad.EventFilter{Since: dyad.MustParseDate("2026"), Until: dyad.MustParseDate("2025")})
	if dyad.ErrorCode(err) != dyad.EINVALID {
		t.Errorf("since after until: err = %v, want EINVALID", err)
	}
}

func testNotFound(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	if _, err := s.FindEvent(ctx, "ev_nope"); dyad.ErrorCode(err) != dyad.ENOTFOUND {
		t.Errorf("FindEvent: err = %v, want ENOTFOUND", err)
	}
	if _, err := s.FindDocument(ctx, "doc_nope"); dyad.ErrorCode(err) != dyad.ENOTFOUND {
		t.Errorf("FindDocument: err = %v, want ENOTFOUND", err)
	}
}

func testConcurrent(t *testing.T, s dyad.Store) {
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 10 {
				d := Doc(fmt.Sprintf("Writer %d document %d: Russia and the Taliban met.", w, i), fmt.Sprintf("o%d", w), "2026-05-27")
				m := Mention(d, rus, afg, "040", "2026-05-27", dyad.Asserted)
				if _, err := s.Write(context.Background(), []*dyad.Document{d}, map[dyad.DocumentID][]*dyad.Mention{d.ID: {m}}, &resolve.Clusterer{}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	st, err := s.Stats(context.Background())
	if err != nil || st.Documents != 40 || st.Mentions != 40 || st.Events != 1 {
		t.Errorf("after concurrent writes: %+v, %v (want 40 docs, 40 mentions, 1 event)", st, err)
	}
}

// cursor is the cursor of the stores: the event's first day and its ID.
func cursor(e *dyad.Event) string {
	d := ""
	if f := e.Date.First(); !f.IsZero() {
		d = f.Format("2006-01-02")
	}
	return d + "|" + string(e.ID)
}

// testCursor pages through events two at a time and checks that the pages
// add up to the full listing, newest first, with the undated event last.
func testCursor(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	dates := []string{"2024-01-05", "2026-05-27", "2025", "", "2026-05", "2024-01-05"}
	codes := []dyad.EventCode{"010", "020", "030", "040", "050", "060"}
	for i, date := range dates {
		d := Doc(fmt.Sprintf("Report %d: Russia and the Taliban talked.", i), "wire", "2026-06-01")
		src, tgt := rus, afg
		if i%2 == 1 { // both directions, for the dyad listing
			src, tgt = afg, rus
		}
		m := Mention(d, src, tgt, codes[i], date, dyad.Asserted)
		if date == "" {
			m.Date = dyad.Date{}
		}
		write(t, s, []*dyad.Document{d}, m)
	}
	all, total, err := s.FindEvents(ctx, dyad.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if total != len(dates) || len(all) != len(dates) {
		t.Fatalf("got %d events (total %d), want %d", len(all), total, len(dates))
	}
	for i := 1; i < len(all); i++ {
		a, b := all[i-1].Date.First(), all[i].Date.First()
		if !b.IsZero() && (a.IsZero() || a.Before(b)) {
			t.Errorf("event %d (%s) sorts before event %d (%s)", i-1, all[i-1].Date, i, all[i].Date)
		}
	}
	if all[len(all)-1].Date.Known() {
		t.Errorf("last event is dated %s, want the undated one", all[len(all)-1].Date)
	}
	var want []dyad.EventID
	for _, e := range all {
		want = append(want, e.ID)
	}
	for _, f := range []dyad.EventFilter{{}, {Dyad: [2]dyad.ActorSelector{{Country: "AFG"}, {Country: "RUS"}}}} {
		if got := pages(t, s, f, len(dates)); !slices.Equal(got, want) {
			t.Errorf("pages of %+v = %v\nwant %v", f, got, want)
		}
	}
	if _, _, err := s.FindEvents(ctx, dyad.EventFilter{After: "no-bar"}); dyad.ErrorCode(err) != dyad.EINVALID {
		t.Errorf("bad cursor: err = %v, want EINVALID", err)
	}
}

// pages lists the events of f two at a time, following the cursor, and
// checks that each page reports the total.
func pages(t *testing.T, s dyad.Store, f dyad.EventFilter, total int) []dyad.EventID {
	t.Helper()
	var paged []dyad.EventID
	after := ""
	for range total {
		f.Limit, f.After = 2, after
		page, n, err := s.FindEvents(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		if n != total {
			t.Errorf("total with cursor %q = %d, want %d (the count ignores the cursor)", after, n, total)
		}
		if len(page) == 0 {
			break
		}
		for _, e := range page {
			paged = append(paged, e.ID)
		}
		after = cursor(page[len(page)-1])
	}
	return paged
}

func testWithMentions(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	a := Doc("Russia and the Taliban signed a deal.", "wire", "2026-05-27")
	b := Doc("The Taliban and Russia signed an agreement.", "post", "2026-05-28")
	write(t, s, []*dyad.Document{a, b},
		Mention(a, rus, afg, "057", "2026-05-27", dyad.Asserted),
		Mention(b, afg, rus, "057", "2026-05-27", dyad.Asserted))
	evs, _, err := s.FindEvents(ctx, dyad.EventFilter{WithMentions: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || len(evs[0].Mentions) != 2 {
		t.Fatalf("got %d events with %v, want one event with two mentions", len(evs), evs)
	}
	for _, m := range evs[0].Mentions {
		if m.Event != evs[0].ID || m.Outlet == "" {
			t.Errorf("mention %s: event %s outlet %q", m.ID, m.Event, m.Outlet)
		}
	}
	plain, _, err := s.FindEvents(ctx, dyad.EventFilter{})
	if err != nil || len(plain) != 1 || len(plain[0].Mentions) != 0 {
		t.Errorf("without WithMentions: %v, %v (want no mentions)", plain, err)
	}
}

// testSort lists a fixture with ties on every key in each order, checks
// that the listing runs in the order's key, then ID, and that paging two or
// three at a time, plain and as a dyad, returns each event exactly once in
// the same order; a cursor of one order is refused by another.
func testSort(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	fixture := []struct {
		code      dyad.EventCode
		date      string
		goldstein float64
		outlets   int
	}{
		{"010", "2024-01-05", -10, 1},
		{"020", "2026-05-27", 3.4, 2},
		{"030", "2025", -10, 1},
		{"040", "", 0, 3},
		{"050", "2026-05", 3.4, 2},
		{"060", "2024-01-05", 7, 1},
		{"190", "2025-02-02", -9.5, 1},
	}
	for i, fx := range fixture {
		src, tgt := rus, afg
		if i%2 == 1 { // both directions, for the dyad listing
			src, tgt = afg, rus
		}
		for o := range fx.outlets {
			d := Doc(fmt.Sprintf("Report %d: Russia and the Taliban talked.", i*10+o), fmt.Sprintf("outlet%d", o), "2026-06-01")
			d.Sources = nil // the outlets are the independent sources
			m := Mention(d, src, tgt, fx.code, fx.date, dyad.Asserted)
			m.Goldstein = fx.goldstein
			if fx.date == "" {
				m.Date = dyad.Date{}
			}
			write(t, s, []*dyad.Document{d}, m)
		}
	}
	key := map[dyad.EventSort]func(e *dyad.Event) float64{
		dyad.SortDate:      func(e *dyad.Event) float64 { return float64(e.Date.First().Unix()) },
		dyad.SortSources:   func(e *dyad.Event) float64 { return float64(e.NumSources) },
		dyad.SortGoldstein: func(e *dyad.Event) float64 { return e.Goldstein },
	}
	key[dyad.SortDateAsc], key[dyad.SortGoldsteinDesc] = key[dyad.SortDate], key[dyad.SortGoldstein]
	for _, o := range dyad.EventSorts {
		t.Run(string(o), func(t *testing.T) {
			all, total, err := s.FindEvents(ctx, dyad.EventFilter{Sort: o})
			if err != nil {
				t.Fatal(err)
			}
			if total != len(fixture) || len(all) != len(fixture) {
				t.Fatalf("got %d events (total %d), want %d", len(all), total, len(fixture))
			}
			ties, distinct := 0, 0
			for i := 1; i < len(all); i++ {
				a, b := all[i-1], all[i]
				ka, kb := key[o](a), key[o](b)
				if !o.Descending() {
					ka, kb = kb, ka
				}
				switch {
				case ka == kb:
					ties++
					if o.Descending() && a.ID < b.ID || !o.Descending() && a.ID > b.ID {
						t.Errorf("events %d (%s) and %d (%s) tie but their IDs run the wrong way", i-1, a.ID, i, b.ID)
					}
				case ka < kb:
					t.Errorf("event %d (%s, key %v) sorts before event %d (%s, key %v)", i-1, a.ID, key[o](a), i, b.ID, key[o](b))
				default:
					distinct++
				}
			}
			if ties == 0 || distinct == 0 {
				t.Fatalf("the fixture has %d ties and %d steps in order %s; the test needs both", ties, distinct, o)
			}
			var want []dyad.EventID
			for _, e := range all {
				want = append(want, e.ID)
			}
			for _, limit := range []int{2, 3} {
				for _, f := range []dyad.EventFilter{{Sort: o}, {Sort: o, Dyad: [2]dyad.ActorSelector{{Country: "AFG"}, {Country: "RUS"}}}} {
					if got := sortedPages(t, s, f, limit, len(fixture)); !slices.Equal(got, want) {
						t.Errorf("pages of %d of %+v = %v\nwant %v", limit, f, got, want)
					}
				}
			}
			other := dyad.SortSources
			if o == dyad.SortSources {
				other = dyad.SortDate
			}
			if _, _, err := s.FindEvents(ctx, dyad.EventFilter{Sort: other, After: o.Cursor(all[0])}); dyad.ErrorCode(err) != dyad.EINVALID {
				t.Errorf("a cursor of %s continuing %s: err = %v, want EINVALID", o, other, err)
			}
		})
	}
	if _, _, err := s.FindEvents(ctx, dyad.EventFilter{Sort: "loudest"}); dyad.ErrorCode(err) != dyad.EINVALID {
		t.Errorf("unknown order: err = %v, want EINVALID", err)
	}
}

// sortedPages lists the events of f limit at a time, following f.Sort's
// cursor, and stops when a page is empty.
func sortedPages(t *testing.T, s dyad.Store, f dyad.EventFilter, limit, total int) []dyad.EventID {
	t.Helper()
	var paged []dyad.EventID
	after := ""
	for range total + 1 {
		f.Limit, f.After = limit, after
		page, n, err := s.FindEvents(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		if n != total {
			t.Errorf("total with cursor %q = %d, want %d", after, n, total)
		}
		if len(page) == 0 {
			break
		}
		for _, e := range page {
			paged = append(paged, e.ID)
		}
		after = f.Sort.Cursor(page[len(page)-1])
	}
	return paged
}
