package query

import (
	"context"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/cameo"
	"github.com/dyad-project/dyad/dyad"
)

// memReader is an in-memory store of events and documents that applies the
// actor, dyad and date filters as the real stores do.
type memReader struct {
	evs  []*dyad.Event
	docs map[dyad.DocumentID]*dyad.Document
	// last is the filter of the last FindEvents call.
	last dyad.EventFilter
}

func (r *memReader) FindEvents(ctx context.Context, f dyad.EventFilter) ([]*dyad.Event, int, error) {
	r.last = f
	if err := f.Validate(); err != nil {
		return nil, 0, err
	}
	var out []*dyad.Event
	for _, e := range r.evs {
		if !f.Actor.IsZero() && !f.Actor.Matches(e.Source) && !f.Actor.Matches(e.Target) {
			continue
		}
		if !f.Dyad[0].IsZero() && !(f.Dyad[0].Matches(e.Source) && f.Dyad[1].Matches(e.Target)) &&
			!(f.Dyad[1].Matches(e.Source) && f.Dyad[0].Matches(e.Target)) {
			continue
		}
		if f.Since.Known() && (!e.Date.Known() || e.Date.Last().Before(f.Since.First())) {
			continue
		}
		if f.Until.Known() && (!e.Date.Known() || e.Date.First().After(f.Until.Last())) {
			continue
		}
		out = append(out, e)
	}
	return out, len(out), nil
}

func (r *memReader) FindEvent(ctx context.Context, id dyad.EventID) (*dyad.Event, error) {
	for _, e := range r.evs {
		if e.ID == id {
			return e, nil
		}
	}
	return nil, dyad.Errorf(dyad.ENOTFOUND, "no event %s", id)
}

func (r *memReader) FindDocument(ctx context.Context, id dyad.DocumentID) (*dyad.Document, error) {
	if d, ok := r.docs[id]; ok {
		return d, nil
	}
	return nil, dyad.Errorf(dyad.ENOTFOUND, "no document %s", id)
}

var (
	usa = dyad.Actor{Code: "USAGOV", Country: "USA", Role: "GOV", Name: "United States", Entity: "usa"}
	jpn = dyad.Actor{Code: "JPN", Country: "JPN", Name: "Japan", Entity: "jpn"}
	chn = dyad.Actor{Code: "CHN", Country: "CHN", Name: "China", Entity: "chn"}
	rus = dyad.Actor{Code: "RUSGOV", Country: "RUS", Role: "GOV", Name: "Russia", Entity: "rus"}
	afg = dyad.Actor{Code: "AFGGOV", Country: "AFG", Role: "GOV", Name: "Taliban", Entity: "taliban"}
)

// ev builds an event coded code between src and tgt on date ("" undated).
func ev(id string, src, tgt dyad.Actor, code dyad.EventCode, date string) *dyad.Event {
	info, _ := cameo.Lookup(code)
	return &dyad.Event{ID: dyad.EventID(id), Source: src, Target: tgt, Code: code, Plover: info.Plover, QuadClass: info.QuadClass,
		Goldstein: info.Goldstein, Certainty: dyad.Asserted, Date: dyad.MustParseDate(date), NumMentions: 1, NumDocuments: 1, NumSources: 1}
}

func day(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }

func TestPeriod_StartAndLabel(t *testing.T) {
	tests := []struct {
		name      string
		by        Period
		day       string
		wantStart string
		wantLabel string
	}{
		{"day", ByDay, "2026-05-27", "2026-05-27", "2026-05-27"},
		{"month", ByMonth, "2026-05-27", "2026-05-01", "2026-05"},
		{"year", ByYear, "2026-05-27", "2026-01-01", "2026"},
		{"week of a Monday is itself", ByWeek, "2026-05-25", "2026-05-25", "2026-W22"},
		{"week of a Sunday goes back six days", ByWeek, "2026-05-31", "2026-05-25", "2026-W22"},
		{"week across a year end belongs to the next ISO year", ByWeek, "2024-12-31", "2024-12-30", "2025-W01"},
		{"new year's day in the last ISO week of the year before", ByWeek, "2021-01-03", "2020-12-28", "2020-W53"},
		{"first Monday of the year", ByWeek, "2021-01-04", "2021-01-04", "2021-W01"},
		{"Thursday new year starts week 1 in December", ByWeek, "2026-01-01", "2025-12-29", "2026-W01"},
		{"Sunday new year is week 52 of the year before", ByWeek, "2023-01-01", "2022-12-26", "2022-W52"},
		{"leap day", ByWeek, "2024-02-29", "2024-02-26", "2024-W09"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := tc.by.Start(day(tc.day).Add(15 * time.Hour))
			if got := start.Format("2006-01-02"); got != tc.wantStart {
				t.Errorf("Start(%s) = %s, want %s", tc.day, got, tc.wantStart)
			}
			if got := tc.by.Label(start); got != tc.wantLabel {
				t.Errorf("Label = %s, want %s", got, tc.wantLabel)
			}
		})
	}
}

// TestPeriod_WeeksStartOnMonday checks every day of several years: its
// week starts on the Monday at most six days before it.
func TestPeriod_WeeksStartOnMonday(t *testing.T) {
	for d := day("2019-12-20"); d.Before(day("2028-01-10")); d = d.AddDate(0, 0, 1) {
		s := ByWeek.Start(d)
		if s.Weekday() != time.Monday || d.Sub(s) < 0 || d.Sub(s) >= 7*24*time.Hour {
			t.Fatalf("week of %s starts %s (%s)", d.Format("2006-01-02"), s.Format("2006-01-02"), s.Weekday())
		}
		if next(ByWeek, s).Sub(s) != 7*24*time.Hour {
			t.Fatalf("next week after %s is %s", s, next(ByWeek, s))
		}
	}
}

func TestParsePeriod(t *testing.T) {
	for _, s := range []string{"day", "week", "month", "year"} {
		if p, err := ParsePeriod(s); err != nil || string(p) != s {
			t.Errorf("ParsePeriod(%q) = %q, %v", s, p, err)
		}
	}
	for _, s := range []string{"", "days", "Month", "quarter"} {
		if _, err := ParsePeriod(s); dyad.ErrorCode(err) != dyad.EINVALID {
			t.Errorf("ParsePeriod(%q) error = %v, want EINVALID", s, err)
		}
	}
}

// timelineFixture holds the events of the USA–Japan dyad across a year end,
// one of China's, and one undated.
func timelineFixture() *memReader {
	return &memReader{evs: []*dyad.Event{
		ev("ev_1", usa, jpn, "036", "2025-12-30"),  // verbal cooperation, +4.0
		ev("ev_2", usa, jpn, "111", "2025-12-29"),  // verbal conflict, -2.0
		ev("ev_3", jpn, usa, "061", "2026-01-02"),  // material cooperation, +6.4
		ev("ev_4", usa, jpn, "112", "2026-01-15"),  // verbal conflict, -2.0
		ev("ev_5", jpn, usa, "163", "2026-03-03"),  // material conflict, -8.0
		ev("ev_6", jpn, usa, "111", ""),            // undated
		ev("ev_7", usa, jpn, "072", "2026-01"),     // a month: binned by its first day
		ev("ev_8", chn, jpn, "138", "2026-02-10"),  // another dyad
		ev("ev_9", usa, usa, "042", "2026-02-11"),  // not the dyad
		ev("ev_10", jpn, usa, "190", "2026-03-05"), // material conflict, -10
	}}
}

func TestTimelineOf_Bins(t *testing.T) {
	a, b := dyad.ActorSelector{Country: "USA"}, dyad.ActorSelector{Country: "JPN"}
	tests := []struct {
		name string
		by   Period
		f    dyad.EventFilter
		// want is one line per bin: period, then A→B and B→A as
		// counts per QuadClass 1-4 and the Goldstein sum.
		want    []string
		undated int
	}{
		{"month fills February", ByMonth, dyad.EventFilter{}, []string{
			"2025-12 [1 0 1 0 2.0] [0 0 0 0 0.0]",
			"2026-01 [0 1 1 0 6.3] [0 1 0 0 6.4]",
			"2026-02 [0 0 0 0 0.0] [0 0 0 0 0.0]",
			"2026-03 [0 0 0 0 0.0] [0 0 0 2 -18.0]",
		}, 1},
		{"week across the year end", ByWeek, dyad.EventFilter{Until: dyad.MustParseDate("2026-01-20")}, []string{
			"2026-W01 [1 1 1 0 10.3] [0 1 0 0 6.4]",
			"2026-W02 [0 0 0 0 0.0] [0 0 0 0 0.0]",
			"2026-W03 [0 0 1 0 -2.0] [0 0 0 0 0.0]",
		}, 0},
		{"year", ByYear, dyad.EventFilter{}, []string{
			"2025 [1 0 1 0 2.0] [0 0 0 0 0.0]",
			"2026 [0 1 1 0 6.3] [0 1 0 2 -11.6]",
		}, 1},
		{"day fills every day", ByDay, dyad.EventFilter{Since: dyad.MustParseDate("2026-03")}, []string{
			"2026-03-03 [0 0 0 0 0.0] [0 0 0 1 -8.0]",
			"2026-03-04 [0 0 0 0 0.0] [0 0 0 0 0.0]",
			"2026-03-05 [0 0 0 0 0.0] [0 0 0 1 -10.0]",
		}, 0},
		{"nothing selected", ByMonth, dyad.EventFilter{Since: dyad.MustParseDate("2030")}, nil, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := timelineFixture()
			tl, err := TimelineOf(context.Background(), r, a, b, "USA", "JPN", tc.by, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if r.last.Dyad != [2]dyad.ActorSelector{a, b} || r.last.WithMentions {
				t.Errorf("TimelineOf asked for %+v", r.last)
			}
			var got []string
			for _, bin := range tl.Bins {
				got = append(got, fmt.Sprintf("%s %s %s", bin.Period, flowString(bin.AtoB), flowString(bin.BtoA)))
				if tc.by.Start(bin.Start) != bin.Start || tc.by.Label(bin.Start) != bin.Period {
					t.Errorf("bin %s starts %s", bin.Period, bin.Start)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("bins\n got %q\nwant %q", got, tc.want)
			}
			if tl.Undated != tc.undated {
				t.Errorf("undated = %d, want %d", tl.Undated, tc.undated)
			}
			if tl.Bins == nil {
				t.Error("Bins is nil; JSON would say null")
			}
		})
	}
}

func flowString(f Flow) string {
	if f.Count[1] != f.VerbalCoop || f.Count[2] != f.MaterialCoop || f.Count[3] != f.VerbalConf || f.Count[4] != f.MaterialConf ||
		f.Events != f.Count[1]+f.Count[2]+f.Count[3]+f.Count[4] {
		return fmt.Sprintf("inconsistent %+v", f)
	}
	if f.Events > 0 && fmt.Sprintf("%.4f", f.GoldsteinMean) != fmt.Sprintf("%.4f", f.GoldsteinSum/float64(f.Events)) {
		return fmt.Sprintf("bad mean %+v", f)
	}
	return fmt.Sprintf("[%d %d %d %d %.1f]", f.Count[1], f.Count[2], f.Count[3], f.Count[4], f.GoldsteinSum)
}

// TestTimelineOf_EntityDirection: a selector by entity tells the
// directions apart even when the two sides share a country.
func TestTimelineOf_EntityDirection(t *testing.T) {
	reb := dyad.Actor{Code: "AFGREB", Country: "AFG", Role: "REB", Name: "Taliban", Entity: "taliban"}
	gov := dyad.Actor{Code: "AFGGOV", Country: "AFG", Role: "GOV", Name: "Afghanistan", Entity: "afg"}
	r := &memReader{evs: []*dyad.Event{ev("ev_1", reb, gov, "190", "2020-03-01"), ev("ev_2", gov, reb, "036", "2020-03-02")}}
	tl, err := TimelineOf(context.Background(), r, dyad.ActorSelector{Entity: "taliban"}, dyad.ActorSelector{Entity: "afg"}, "Taliban", "Afghanistan", ByYear, dyad.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(tl.Bins) != 1 || tl.Bins[0].AtoB.Count[4] != 1 || tl.Bins[0].BtoA.Count[1] != 1 {
		t.Errorf("bins = %+v", tl.Bins)
	}
}

func TestNetworkOf(t *testing.T) {
	r := timelineFixture()
	self := ev("ev_s", chn, chn, "042", "")
	r.evs = append(r.evs, self, ev("ev_u", chn, usa, "051", ""))
	nw, err := NetworkOf(context.Background(), r, dyad.EventFilter{Limit: 3, After: "x", WithMentions: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.last.After != "" || r.last.WithMentions || r.last.Limit != 3 {
		t.Errorf("NetworkOf asked for %+v", r.last)
	}
	var nodes, edges []string
	for _, n := range nw.Nodes {
		nodes = append(nodes, fmt.Sprintf("%s %d", n.Code, n.Events))
	}
	for _, e := range nw.Edges {
		edges = append(edges, fmt.Sprintf("%s>%s %d %.1f %q", e.Source, e.Target, e.Count, e.GoldsteinSum, e.Latest))
	}
	wantNodes := []string{"CHN 3", "JPN 9", "USAGOV 10"} // a self-loop counts its actor once
	wantEdges := []string{
		`CHN>CHN 1 1.9 ""`, // a self-loop, undated
		`CHN>JPN 1 -7.0 "2026-02-10"`,
		`CHN>USAGOV 1 3.4 ""`,
		`JPN>USAGOV 4 -13.6 "2026-03-05"`, // the undated one counts but has no date
		`USAGOV>JPN 4 8.3 "2026-01-31"`,   // the latest is the month's last day
		`USAGOV>USAGOV 1 1.9 "2026-02-11"`,
	}
	if !slices.Equal(nodes, wantNodes) {
		t.Errorf("nodes\n got %q\nwant %q", nodes, wantNodes)
	}
	if !slices.Equal(edges, wantEdges) {
		t.Errorf("edges\n got %q\nwant %q", edges, wantEdges)
	}

	// A filter narrows the network; no events give empty, non-nil lists.
	nw, err = NetworkOf(context.Background(), r, dyad.EventFilter{Actor: dyad.ActorSelector{Country: "CHN"}})
	if err != nil || len(nw.Nodes) != 3 || len(nw.Edges) != 3 {
		t.Errorf("CHN network = %+v, %v", nw, err)
	}
	nw, err = NetworkOf(context.Background(), &memReader{}, dyad.EventFilter{})
	if err != nil || nw.Nodes == nil || nw.Edges == nil {
		t.Errorf("empty network = %+v, %v", nw, err)
	}
}

// TestNetworkOf_OrderIndependent: the same events in another order give
// the same network.
func TestNetworkOf_OrderIndependent(t *testing.T) {
	r := timelineFixture()
	a, _ := NetworkOf(context.Background(), r, dyad.EventFilter{})
	slices.Reverse(r.evs)
	b, _ := NetworkOf(context.Background(), r, dyad.EventFilter{})
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("order changes the network:\n%v\n%v", a, b)
	}
}

func TestRank(t *testing.T) {
	mk := func(id string, sources int, goldstein float64, date string, c dyad.Certainty) *dyad.Event {
		return &dyad.Event{ID: dyad.EventID(id), NumSources: sources, Goldstein: goldstein, Date: dyad.MustParseDate(date), Certainty: c}
	}
	tests := []struct {
		name string
		evs  []*dyad.Event
		want []string
	}{
		{"independent sources first", []*dyad.Event{mk("a", 1, 10, "2026-05-01", dyad.Asserted), mk("b", 3, 1, "2020-01-01", dyad.Asserted)}, []string{"b", "a"}},
		{"then Goldstein magnitude, either sign", []*dyad.Event{mk("a", 1, 2, "2026-05-01", dyad.Asserted), mk("b", 1, -9, "2026-05-01", dyad.Asserted)}, []string{"b", "a"}},
		{"then recency", []*dyad.Event{mk("a", 2, 4, "2019-05-01", dyad.Asserted), mk("b", 2, 4, "2026-05-01", dyad.Asserted)}, []string{"b", "a"}},
		{"undated after dated", []*dyad.Event{mk("a", 2, 4, "", dyad.Asserted), mk("b", 2, 4, "2026-05-01", dyad.Asserted)}, []string{"b", "a"}},
		{"asserted before hedged", []*dyad.Event{mk("a", 1, 4, "2026-05-01", dyad.Hedged), mk("b", 1, 4, "2026-05-01", dyad.Asserted)}, []string{"b", "a"}},
		{"the ID breaks ties", []*dyad.Event{mk("b", 1, 4, "2026-05-01", dyad.Asserted), mk("a", 1, 4, "2026-05-01", dyad.Asserted)}, []string{"a", "b"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, e := range rank(tc.evs) {
				got = append(got, string(e.ID))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("rank = %v, want %v", got, tc.want)
			}
		})
	}
}

// briefFixture is a store for briefs: documents and events with their mentions.
type briefFixture struct{ memReader }

func (b *briefFixture) doc(id, title, outlet, url, published string, story string, sources ...dyad.Source) *dyad.Document {
	d := &dyad.Document{ID: dyad.DocumentID(id), Title: title, Outlet: outlet, URL: url, Published: day(published), Sources: sources, Story: dyad.DocumentID(story)}
	if d.Story == "" {
		d.Story = d.ID
	}
	if b.docs == nil {
		b.docs = map[dyad.DocumentID]*dyad.Document{}
	}
	b.docs[d.ID] = d
	return d
}

func mention(id string, d *dyad.Document, text string, c dyad.Certainty, cites ...int) *dyad.Mention {
	return &dyad.Mention{ID: dyad.MentionID(id), Doc: d.ID, Story: d.Story, Outlet: d.Outlet, URL: d.URL, Published: d.Published, Text: text, Certainty: c, Citations: cites}
}

func (b *briefFixture) event(e *dyad.Event, ms ...*dyad.Mention) *dyad.Event {
	e.Mentions = ms
	e.NumMentions = len(ms)
	e.Certainty = ""
	for _, m := range ms {
		m.Event = e.ID
		if m.Certainty.Strength() > e.Certainty.Strength() {
			e.Certainty = m.Certainty
		}
	}
	b.evs = append(b.evs, e)
	return e
}

// newBriefFixture builds the Russia–Taliban record: a signing told by a
// wire, its syndicated copy, a second paper, an analysis that cites the
// wire through its own source list (listed three times), and a paper that
// denies part of it; a single-source recognition; a hedged and a planned
// event; and a denied one.
func newBriefFixture() *briefFixture {
	b := &briefFixture{}
	wire := b.doc("doc_wire", "Russia and Taliban sign pact", "Wire", "https://wire.example/pact", "2026-05-27", "")
	daily := b.doc("doc_daily", "Russia and Taliban sign pact", "Daily", "https://daily.example/pact", "2026-05-28", "doc_wire")
	times := b.doc("doc_times", "Moscow seals deal", "Times", "https://times.example/deal", "2026-05-28", "")
	herald := b.doc("doc_herald", "Not an alliance", "Herald", "", "2026-06-01", "")
	analysis := b.doc("doc_analysis", "What the pact means", "Region Watch", "https://rw.example/a", "2026-06-02", "",
		dyad.Source{N: 1, Title: "Russia and Taliban sign pact", Outlet: "Wire", URL: "https://www.wire.example/pact/"},
		dyad.Source{N: 2, Title: "Russia and Taliban sign pact", SameAs: 1},
		dyad.Source{N: 3, Title: "Russia and Taliban sign pact", Outlet: "Mirror", URL: "https://mirror.example/pact", SameAs: 1},
		dyad.Source{N: 4, Title: "Delegation visits Moscow", Outlet: "Gazette", URL: "https://gazette.example/visit"})
	tass := b.doc("doc_tass", "Envoy accepted", "TASS", "https://tass.example/envoy", "2026-01-20", "")

	signing := ev("ev_signing", rus, afg, "057", "2026-05-27")
	signing.NumSources, signing.NumDocuments = 3, 5
	signing.Conflicts = []dyad.Conflict{{Field: "date", Values: []dyad.ConflictValue{{Value: "2026-05-27", Sources: 2}, {Value: "2026-05-31", Sources: 1}}}}
	b.event(signing,
		mention("mn_1", wire, "Russia and the Taliban signed a pact.", dyad.Asserted),
		mention("mn_2", daily, "Russia and the Taliban signed a pact, the wire said.", dyad.Asserted),
		mention("mn_3", times, "Russia signed the   deal\nwith the Taliban.", dyad.Asserted),
		mention("mn_4", herald, "Kabul denied the pact is a defence treaty.", dyad.Negated),
		mention("mn_5", analysis, "They have signed a formal agreement [1][2][3].", dyad.Asserted, 1, 2, 3))
	b.event(ev("ev_envoy", rus, afg, "054", "2026-01"), mention("mn_6", tass, "Russia accepted the Taliban's envoy.", dyad.Asserted))
	b.event(ev("ev_visit", afg, rus, "042", "2026-05"), mention("mn_7", analysis, "A Taliban delegation visited Moscow [4].", dyad.Reported, 4))
	b.event(ev("ev_aid", rus, afg, "072", "2027"), mention("mn_8", times, "Moscow could expand military aid.", dyad.Hedged))
	b.event(ev("ev_trip", afg, rus, "042", "2026-07"), mention("mn_9", herald, "The Taliban will visit in July.", dyad.Future))
	b.event(ev("ev_strike", rus, afg, "190", "2026-04-01"), mention("mn_10", herald, "Russia did not strike Taliban positions.", dyad.Negated))
	b.event(ev("ev_other", usa, jpn, "036", "2026-05-01"), mention("mn_11", times, "Washington wants talks with Tokyo.", dyad.Asserted))
	return b
}

func lineEvents(ls []Line) []string {
	var out []string
	for _, l := range ls {
		out = append(out, string(l.Event))
	}
	return out
}

func TestBriefOf_Sections(t *testing.T) {
	b := newBriefFixture()
	br, err := BriefOf(context.Background(), b, BriefOptions{A: dyad.ActorSelector{Country: "RUS"}, B: dyad.ActorSelector{Entity: "taliban"}, ALabel: "Russia", BLabel: "Taliban", Snapshot: 3})
	if err != nil {
		t.Fatal(err)
	}
	if !b.last.WithMentions || b.last.Dyad[0].Country != "RUS" {
		t.Errorf("BriefOf asked for %+v", b.last)
	}
	if br.Title != "Brief: Russia – Taliban" || br.Period != "all dates" || br.Events != 6 {
		t.Errorf("title %q period %q events %d", br.Title, br.Period, br.Events)
	}
	for _, s := range []struct {
		name  string
		lines []Line
		want  []string
	}{
		{"snapshot", br.Snapshot, []string{"ev_signing", "ev_envoy", "ev_aid"}}, // the denied strike is listed under Denied, not in the Snapshot
		{"confirmed", br.Confirmed, []string{"ev_signing"}},
		{"reported", br.Reported, []string{"ev_envoy", "ev_visit"}},
		{"hedged", br.Hedged, []string{"ev_aid", "ev_trip"}},
		{"denied", br.Denied, []string{"ev_signing", "ev_strike"}},
		{"disagreements", br.Disagreements, []string{"ev_signing"}},
	} {
		if got := lineEvents(s.lines); !slices.Equal(got, s.want) {
			t.Errorf("%s = %v, want %v", s.name, got, s.want)
		}
	}
	// The denial inside the signing quotes the denying mention only.
	if d := br.Denied[0]; d.Certainty != dyad.Negated || !slices.Equal(d.Mentions, []dyad.MentionID{"mn_4"}) || !strings.HasPrefix(d.Quote, "Kabul denied") {
		t.Errorf("denied line = %+v", d)
	}
	// The confirmed line quotes one mention per story (not the copy) and
	// folds white space.
	c := br.Confirmed[0]
	if !slices.Equal(c.Mentions, []dyad.MentionID{"mn_1", "mn_3", "mn_5"}) {
		t.Errorf("confirmed mentions = %v, want one per story: mn_1 mn_3 mn_5", c.Mentions)
	}
	if !strings.Contains(br.Disagreements[0].Text, "date: 2 sources say 2026-05-27; 1 says 2026-05-31") {
		t.Errorf("disagreement = %q", br.Disagreements[0].Text)
	}
	if want := "2026-05-27: Russia (RUSGOV) → Taliban (AFGGOV): Sign formal agreement (CAMEO 057, 3 independent sources)"; c.Text != want {
		t.Errorf("line text = %q, want %q", c.Text, want)
	}
	// Every line's mentions belong to its event.
	for _, ls := range [][]Line{br.Snapshot, br.Confirmed, br.Reported, br.Hedged, br.Denied, br.Disagreements} {
		for _, l := range ls {
			e, _ := b.FindEvent(context.Background(), l.Event)
			for _, id := range l.Mentions {
				if !slices.ContainsFunc(e.Mentions, func(m *dyad.Mention) bool { return m.ID == id }) {
					t.Errorf("line %q cites %s, not a mention of %s", l.Text, id, l.Event)
				}
			}
		}
	}
}

// TestBriefOf_Sources checks the numbered source list: a document cited
// through its own URL and through another's source list is one entry; the
// other listings of that story (SameAs) and its syndicated copy are its
// copies; a source cited only through a list is an entry of its own.
func TestBriefOf_Sources(t *testing.T) {
	b := newBriefFixture()
	br, err := BriefOf(context.Background(), b, BriefOptions{A: dyad.ActorSelector{Country: "RUS"}, B: dyad.ActorSelector{Country: "AFG"}, ALabel: "Russia", BLabel: "Taliban"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i, s := range br.Sources {
		if s.N != i+1 {
			t.Errorf("source %d is numbered %d", i+1, s.N)
		}
		got = append(got, fmt.Sprintf("%d %s|%s|%s|doc=%s|via=%s|%s", s.N, s.Title, s.Outlet, s.URL, s.Doc, s.Via, strings.Join(s.Copies, "; ")))
	}
	// Check the parts that matter rather than every string.
	if len(br.Sources) < 4 {
		t.Fatalf("sources:\n%s", strings.Join(got, "\n"))
	}
	wire := br.Sources[0]
	if wire.Doc != "doc_wire" || wire.Via != "doc_analysis" || wire.Date != "2026-05-27" {
		t.Errorf("wire entry = %+v", wire)
	}
	wantCopies := []string{"[2] Russia and Taliban sign pact", "[3] Russia and Taliban sign pact – Mirror <https://mirror.example/pact>", "Daily: Russia and Taliban sign pact <https://daily.example/pact>"}
	if !slices.Equal(wire.Copies, wantCopies) {
		t.Errorf("wire copies\n got %q\nwant %q", wire.Copies, wantCopies)
	}
	// The signing's asserted lines cite two entries: the wire (directly,
	// and through the analysis's list) and the Times.
	if c := br.Confirmed[0].Cites; !slices.Equal(c, []int{1, 2}) {
		t.Errorf("signing cites %v, want [1 2]\n%s", c, strings.Join(got, "\n"))
	}
	// The visit cites the Gazette through the analysis's list.
	visit := br.Reported[1]
	if len(visit.Cites) != 1 {
		t.Fatalf("visit cites %v", visit.Cites)
	}
	g := br.Sources[visit.Cites[0]-1]
	if g.Outlet != "Gazette" || g.URL != "https://gazette.example/visit" || g.Via != "doc_analysis" || g.Doc != "" {
		t.Errorf("gazette entry = %+v", g)
	}
	// Every entry is cited by some line, and no two entries share a URL.
	cited := map[int]bool{}
	for _, ls := range [][]Line{br.Snapshot, br.Confirmed, br.Reported, br.Hedged, br.Denied, br.Disagreements} {
		for _, l := range ls {
			for _, n := range l.Cites {
				cited[n] = true
			}
		}
	}
	urls := map[string]int{}
	for _, s := range br.Sources {
		if !cited[s.N] {
			t.Errorf("source %d is cited by no line", s.N)
		}
		if s.URL != "" {
			if n, ok := urls[sourceKey(dyad.Source{URL: s.URL})]; ok {
				t.Errorf("sources %d and %d share the URL %s", n, s.N, s.URL)
			}
			urls[sourceKey(dyad.Source{URL: s.URL})] = s.N
		}
	}
}

// TestBriefOf_CitationOrderIndependent: whichever line cites the wire first
// (directly, or through the analysis's source list), it is one entry.
func TestBriefOf_CitationOrderIndependent(t *testing.T) {
	b := newBriefFixture()
	// Make the analysis's mention the only one of the signing's stories
	// that a line cites first: rank the visit (cited through the list) above.
	for _, e := range b.evs {
		if e.ID == "ev_visit" {
			e.NumSources = 9
			e.Mentions = append(e.Mentions, mention("mn_x", b.docs["doc_analysis"], "The pact was signed [1].", dyad.Reported, 1))
		}
	}
	br, err := BriefOf(context.Background(), b, BriefOptions{A: dyad.ActorSelector{Country: "RUS"}, B: dyad.ActorSelector{Country: "AFG"}})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range br.Sources {
		if sourceKey(dyad.Source{URL: s.URL}) == "wire.example/pact" {
			n++
			if s.Doc != "doc_wire" || s.Via != "doc_analysis" {
				t.Errorf("wire entry = %+v", s)
			}
		}
	}
	if n != 1 {
		t.Errorf("the wire is listed %d times, want once: %+v", n, br.Sources)
	}
}

func TestBriefOf_Empty(t *testing.T) {
	br, err := BriefOf(context.Background(), &briefFixture{}, BriefOptions{A: dyad.ActorSelector{Country: "RUS"}, ALabel: "Russia",
		Since: dyad.MustParseDate("2026"), Until: dyad.MustParseDate("2026-06")})
	if err != nil {
		t.Fatal(err)
	}
	if br.Title != "Brief: Russia" || br.Period != "2026 to 2026-06" || br.Events != 0 || br.Snapshot == nil || br.Sources == nil {
		t.Errorf("empty brief = %+v", br)
	}
	var md strings.Builder
	if err := br.WriteMarkdown(&md); err != nil || !strings.Contains(md.String(), "_No events._") {
		t.Errorf("empty markdown:\n%s", md.String())
	}
}

func TestBriefOf_MissingDocumentIsAnError(t *testing.T) {
	b := newBriefFixture()
	delete(b.docs, "doc_wire")
	if _, err := BriefOf(context.Background(), b, BriefOptions{A: dyad.ActorSelector{Country: "RUS"}}); dyad.ErrorCode(err) != dyad.ENOTFOUND {
		t.Errorf("error = %v, want ENOTFOUND", err)
	}
}

func TestBriefOf_MaxLines(t *testing.T) {
	b := &briefFixture{}
	d := b.doc("doc_a", "A", "A", "", "2026-01-01", "")
	for i := range 30 {
		b.event(ev(fmt.Sprintf("ev_%02d", i), usa, jpn, "036", "2026-01-01"), mention(fmt.Sprintf("mn_%02d", i), d, "Talks.", dyad.Asserted))
	}
	br, err := BriefOf(context.Background(), b, BriefOptions{A: dyad.ActorSelector{Country: "USA"}, MaxLines: 7, Snapshot: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(br.Snapshot) != 2 || len(br.Reported) != 7 || len(br.Sources) != 1 {
		t.Errorf("snapshot %d reported %d sources %d", len(br.Snapshot), len(br.Reported), len(br.Sources))
	}
}

// TestRenderers_EscapeLabels draws a timeline and a network whose labels
// and names carry markup characters: the SVG and GraphML must still parse,
// with one bar per non-zero QuadClass segment.
func TestRenderers_EscapeLabels(t *testing.T) {
	r := timelineFixture()
	tl, err := TimelineOf(context.Background(), r, dyad.ActorSelector{Country: "USA"}, dyad.ActorSelector{Country: "JPN"}, `U<S>&"A`, "J'P&N", ByMonth, dyad.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var svg strings.Builder
	if err := tl.WriteSVG(&svg); err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, b := range tl.Bins {
		for _, f := range []Flow{b.AtoB, b.BtoA} {
			for q := 1; q <= 4; q++ {
				if f.Count[q] > 0 {
					want++
				}
			}
		}
	}
	var doc struct {
		Rects []struct {
			Class string `xml:"class,attr"`
			Dir   string `xml:"data-direction,attr"`
		} `xml:"rect"`
	}
	if err := xml.Unmarshal([]byte(svg.String()), &doc); err != nil {
		t.Fatalf("SVG does not parse: %v", err)
	}
	bars := 0
	for _, r := range doc.Rects {
		if r.Class == "bar" {
			bars++
			if r.Dir != `U<S>&"A→J'P&N` && r.Dir != `J'P&N→U<S>&"A` {
				t.Errorf("bar direction %q", r.Dir)
			}
		}
	}
	if bars != want || want != 6 {
		t.Errorf("%d bars, want %d (and 6)", bars, want)
	}

	nw := &Network{Nodes: []Node{{Code: "X<1>", Name: `Fish & "Chips"`}}, Edges: []Edge{{Source: "X<1>", Target: "X<1>", Count: 2, GoldsteinSum: -1.5}}}
	var gml strings.Builder
	if err := nw.WriteGraphML(&gml); err != nil {
		t.Fatal(err)
	}
	var g struct {
		Graph struct {
			Nodes []struct {
				ID   string   `xml:"id,attr"`
				Data []string `xml:"data"`
			} `xml:"node"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal([]byte(gml.String()), &g); err != nil || len(g.Graph.Nodes) != 1 || g.Graph.Nodes[0].ID != "X<1>" || g.Graph.Nodes[0].Data[0] != `Fish & "Chips"` {
		t.Errorf("GraphML round trip = %+v, %v", g, err)
	}
	var dot strings.Builder
	if err := nw.WriteDOT(&dot); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(dot.String(), `"X<1>" [label="Fish & \"Chips\" (X<1>)", events=0];`) || !strings.Contains(dot.String(), "color=firebrick") {
		t.Errorf("DOT:\n%s", dot.String())
	}
}

// TestBrief_WriteMarkdownSourceLinks checks that the source list's URLs are
// Markdown autolinks ("<https://…>"), not escaped text ("&lt;https://…&gt;"),
// while markup in titles stays escaped and a URL that could break out of
// the autolink is escaped as text.
func TestBrief_WriteMarkdownSourceLinks(t *testing.T) {
	tests := []struct {
		name      string
		src       SourceEntry
		want      []string
		forbidden []string
	}{
		{"url is an autolink", SourceEntry{N: 1, Title: "Pact *signed*", Outlet: "Wire", Date: "2026-05-27", URL: "https://wire.example/a?b=1&c=2",
			Copies: []string{"Daily: Pact <https://daily.example/pact>"}},
			[]string{"1. Pact \\*signed\\* – Wire, 2026-05-27 <https://wire.example/a?b=1&c=2>\n", "   - same story: Daily: Pact <https://daily.example/pact>\n"},
			[]string{"&lt;https"}},
		{"no url", SourceEntry{N: 2, Title: "a <b> title"}, []string{"2. a &lt;b&gt; title\n"}, nil},
		{"not a web url", SourceEntry{N: 3, Title: "T", URL: "javascript:alert(1)"}, []string{"3. T &lt;javascript:alert(1)&gt;\n"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &Brief{Title: "Brief: X", Period: "all dates", Sources: []SourceEntry{tt.src}}
			var sb strings.Builder
			if err := b.WriteMarkdown(&sb); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(sb.String(), w) {
					t.Errorf("Markdown lacks %q:\n%s", w, sb.String())
				}
			}
			for _, f := range tt.forbidden {
				if strings.Contains(sb.String(), f) {
					t.Errorf("Markdown holds %q:\n%s", f, sb.String())
				}
			}
		})
	}
}
