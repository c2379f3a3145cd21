package eval

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/dyad-project/dyad/dyad"
)

// gold builds a gold event of document "d1" from src and tgt (actor
// names), code, date and certainty flags.
func gold(src, tgt, code, date string, hedged, negated bool) Gold {
	return Gold{Doc: "d1", SourceActor: src, TargetActor: tgt, CameoRoot: code[:2], Cameo: code,
		Date: date, Hedged: hedged, Negated: negated}
}

// country returns the plain country actor of code c.
func country(c string) dyad.Actor { return dyad.Actor{Code: dyad.ActorCode(c), Country: c} }

// mention builds a system mention.
func mention(src, tgt dyad.Actor, code, date string, c dyad.Certainty) *dyad.Mention {
	return &dyad.Mention{Source: src, Target: tgt, Code: dyad.EventCode(code), Date: dyad.MustParseDate(date), Certainty: c}
}

// matched returns the Matched counts of the four levels.
func matched(s Scores) [4]int {
	return [4]int{s.Root.Matched, s.Code.Matched, s.Date.Matched, s.Certainty.Matched}
}

func TestScore(t *testing.T) {
	usa, jpn, irn, irq := country("USA"), country("JPN"), country("IRN"), country("IRQ")
	usagov := dyad.Actor{Code: "USAGOV", Country: "USA", Role: "GOV", Name: "United States"}
	taliban := dyad.Actor{Code: "AFGREB", Country: "AFG", Role: "REB", Name: "Taliban", Entity: "taliban"}
	un := dyad.Actor{Code: "UNO", Country: "UNO", Name: "United Nations"}
	opec := dyad.Actor{Code: "OPC", Country: "OPC"}
	soviet := dyad.Actor{Code: "SUNGOV", Country: "SUN", Role: "GOV"}
	group := dyad.Actor{Code: "LBNREB", Country: "LBN", Role: "REB", Entity: "group:hezbollah"}
	const A, H, F, N, R = dyad.Asserted, dyad.Hedged, dyad.Future, dyad.Negated, dyad.Reported

	tests := []struct {
		name   string
		gold   []Gold
		system map[string][]*dyad.Mention
		want   [4]int // matched at root, code, date, certainty
	}{
		{"exact", []Gold{gold("USA", "JPN", "163", "1987-04-17", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "1987-04-17", A)}}, [4]int{1, 1, 1, 1}},
		{"other document", []Gold{gold("USA", "JPN", "163", "1987-04-17", false, false)},
			map[string][]*dyad.Mention{"d2": {mention(usa, jpn, "163", "1987-04-17", A)}}, [4]int{}},
		{"role ignored, country matches code", []Gold{gold("USA", "JPN", "163", "1987-04-17", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usagov, jpn, "163", "1987-04-17", A)}}, [4]int{1, 1, 1, 1}},
		{"gold full code matches", []Gold{gold("USAGOV", "JPN", "163", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usagov, jpn, "163", "", A)}}, [4]int{1, 1, 1, 1}},
		{"gold name matches", []Gold{gold("united states", "JPN", "163", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usagov, jpn, "163", "", A)}}, [4]int{1, 1, 1, 1}},
		{"wrong source", []Gold{gold("USA", "JPN", "163", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(irn, jpn, "163", "", A)}}, [4]int{}},
		{"wrong target", []Gold{gold("USA", "JPN", "163", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, irn, "163", "", A)}}, [4]int{}},
		{"missing target in system", []Gold{gold("USA", "JPN", "163", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, dyad.Actor{}, "163", "", A)}}, [4]int{}},
		{"no target in gold or system", []Gold{gold("USA", "", "010", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, dyad.Actor{}, "010", "", A)}}, [4]int{1, 1, 1, 1}},
		{"no target in gold, one in system", []Gold{gold("USA", "", "010", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "010", "", A)}}, [4]int{}},
		{"group by entity", []Gold{gold("Taliban", "USA", "190", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(taliban, usa, "190", "", A)}}, [4]int{1, 1, 1, 1}},
		{"group by entity without kind", []Gold{gold("Hezbollah", "USA", "181", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(group, usa, "181", "", A)}}, [4]int{1, 1, 1, 1}},
		{"group by country", []Gold{gold("AFG", "USA", "190", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(taliban, usa, "190", "", A)}}, [4]int{1, 1, 1, 1}},
		{"alias UN to UNO", []Gold{gold("UN", "IRN", "020", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(un, irn, "020", "", A)}}, [4]int{1, 1, 1, 1}},
		{"alias OPEC to OPC", []Gold{gold("OPEC", "", "010", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(opec, dyad.Actor{}, "010", "", A)}}, [4]int{1, 1, 1, 1}},
		{"alias RUS to SUN", []Gold{gold("RUS", "USA", "036", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(soviet, usa, "036", "", A)}}, [4]int{1, 1, 1, 1}},
		{"wrong root", []Gold{gold("USA", "JPN", "163", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "172", "", A)}}, [4]int{}},
		{"directed not swapped", []Gold{gold("USA", "JPN", "163", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(jpn, usa, "163", "", A)}}, [4]int{}},
		{"sign swapped", []Gold{gold("USA", "JPN", "057", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(jpn, usa, "057", "", A)}}, [4]int{1, 1, 1, 1}},
		{"consult swapped", []Gold{gold("USA", "JPN", "043", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(jpn, usa, "040", "", A)}}, [4]int{1, 0, 0, 0}},
		{"fight swapped", []Gold{gold("IRN", "IRQ", "19", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(irq, irn, "193", "", A)}}, [4]int{1, 1, 1, 1}},
		{"root gold, system sign swapped", []Gold{gold("USA", "JPN", "05", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(jpn, usa, "057", "", A)}}, [4]int{1, 1, 1, 1}},
		{"cooperate swapped is directed", []Gold{gold("USA", "JPN", "051", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(jpn, usa, "051", "", A)}}, [4]int{}},
		{"system refines gold", []Gold{gold("USA", "JPN", "16", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "", A)}}, [4]int{1, 1, 1, 1}},
		{"system coarser than gold", []Gold{gold("USA", "JPN", "163", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "16", "", A)}}, [4]int{1, 0, 0, 0}},
		{"unspecified code is not a parent", []Gold{gold("IRN", "IRQ", "190", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(irn, irq, "193", "", A)}}, [4]int{1, 0, 0, 0}},
		{"sibling code", []Gold{gold("USA", "JPN", "163", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "162", "", A)}}, [4]int{1, 0, 0, 0}},
		{"four-digit refinement", []Gold{gold("USA", "IRN", "172", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, irn, "1721", "", A)}}, [4]int{1, 1, 1, 1}},
		{"wrong day", []Gold{gold("USA", "JPN", "163", "1987-04-17", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "1987-04-16", A)}}, [4]int{1, 1, 0, 0}},
		{"system month for gold day", []Gold{gold("USA", "JPN", "163", "1987-04-17", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "1987-04", A)}}, [4]int{1, 1, 0, 0}},
		{"gold month, system day in it", []Gold{gold("USA", "JPN", "163", "1987-04", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "1987-04-30", A)}}, [4]int{1, 1, 1, 1}},
		{"gold month, system day outside", []Gold{gold("USA", "JPN", "163", "1987-04", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "1987-05-01", A)}}, [4]int{1, 1, 0, 0}},
		{"gold year, system month", []Gold{gold("USA", "JPN", "163", "1987", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "1987-12", A)}}, [4]int{1, 1, 1, 1}},
		{"gold year, system year", []Gold{gold("USA", "JPN", "163", "1987", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "1987", A)}}, [4]int{1, 1, 1, 1}},
		{"gold month, system year", []Gold{gold("USA", "JPN", "163", "1987-04", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "1987", A)}}, [4]int{1, 1, 0, 0}},
		{"gold month, system range within", []Gold{gold("USA", "JPN", "163", "1987-04", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "1987-04-02/1987-04-09", A)}}, [4]int{1, 1, 1, 1}},
		{"gold month, system range across", []Gold{gold("USA", "JPN", "163", "1987-04", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "1987-04-28/1987-05-02", A)}}, [4]int{1, 1, 0, 0}},
		{"gold empty, system unknown", []Gold{gold("USA", "JPN", "163", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "", A)}}, [4]int{1, 1, 1, 1}},
		{"gold empty, system zero date", []Gold{gold("USA", "JPN", "163", "", false, false)},
			map[string][]*dyad.Mention{"d1": {{Source: usa, Target: jpn, Code: "163", Certainty: A}}}, [4]int{1, 1, 1, 1}},
		{"gold empty, system known", []Gold{gold("USA", "JPN", "163", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "1987-04-17", A)}}, [4]int{1, 1, 0, 0}},
		{"gold day, system unknown", []Gold{gold("USA", "JPN", "163", "1987-04-17", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "", A)}}, [4]int{1, 1, 0, 0}},
		{"reported is not hedged", []Gold{gold("USA", "JPN", "163", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "", R)}}, [4]int{1, 1, 1, 1}},
		{"hedged gold, asserted system", []Gold{gold("USA", "JPN", "163", "", true, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "", A)}}, [4]int{1, 1, 1, 0}},
		{"hedged gold, hedged system", []Gold{gold("USA", "JPN", "163", "", true, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "", H)}}, [4]int{1, 1, 1, 1}},
		{"hedged gold, future system", []Gold{gold("USA", "JPN", "163", "", true, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "", F)}}, [4]int{1, 1, 1, 1}},
		{"asserted gold, hedged system", []Gold{gold("USA", "JPN", "163", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "", H)}}, [4]int{1, 1, 1, 0}},
		{"negated gold, negated system", []Gold{gold("USA", "JPN", "163", "", false, true)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "", N)}}, [4]int{1, 1, 1, 1}},
		{"negated gold, asserted system", []Gold{gold("USA", "JPN", "163", "", false, true)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "", A)}}, [4]int{1, 1, 1, 0}},
		{"asserted gold, negated system", []Gold{gold("USA", "JPN", "163", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "", N)}}, [4]int{1, 1, 1, 0}},
		{"hedged and negated gold, negated system", []Gold{gold("USA", "JPN", "163", "", true, true)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "", N)}}, [4]int{1, 1, 1, 1}},
		{"hedged and negated gold, asserted system", []Gold{gold("USA", "JPN", "163", "", true, true)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "", A)}}, [4]int{1, 1, 1, 0}},
		{"each gold matches one mention", []Gold{gold("USA", "JPN", "163", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "", A), mention(usa, jpn, "163", "", A)}}, [4]int{1, 1, 1, 1}},
		{"each mention matches one gold", []Gold{gold("USA", "JPN", "163", "", false, false), gold("USA", "JPN", "163", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "", A)}}, [4]int{1, 1, 1, 1}},
		{"nil mention ignored", []Gold{gold("USA", "JPN", "163", "", false, false)},
			map[string][]*dyad.Mention{"d1": {nil, mention(usa, jpn, "163", "", A)}}, [4]int{1, 1, 1, 1}},
		{
			// The first mention fits both gold events at the root level, the
			// second only the first gold event: a greedy pass in order would
			// pair gold 1 with mention 1 and leave gold 2 unmatched.
			"maximum matching beats greedy",
			[]Gold{gold("USA", "JPN", "16", "", false, false), gold("USA", "JPN", "163", "", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "", A), mention(usa, jpn, "162", "", A)}},
			[4]int{2, 2, 2, 2},
		},
		{
			// At the root level any pairing gives 2; at the date level only
			// the crossed pairing keeps both, which a fresh matching per
			// level finds.
			"stricter level rematches",
			[]Gold{gold("USA", "JPN", "163", "1987-04-17", false, false), gold("USA", "JPN", "163", "1987-04-18", false, false)},
			map[string][]*dyad.Mention{"d1": {mention(usa, jpn, "163", "1987-04-18", A), mention(usa, jpn, "163", "1987-04-17", A)}},
			[4]int{2, 2, 2, 2},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Score(tt.gold, tt.system)
			if got := matched(s); got != tt.want {
				t.Errorf("Score matched %v, want %v", got, tt.want)
			}
			for _, l := range s.Levels() {
				if l.Gold != len(tt.gold) {
					t.Errorf("%s: Gold = %d, want %d", l.Name, l.Gold, len(tt.gold))
				}
			}
		})
	}
}

func TestScore_Ratios(t *testing.T) {
	usa, jpn := country("USA"), country("JPN")
	g := []Gold{
		gold("USA", "JPN", "163", "", false, false),
		gold("JPN", "USA", "111", "", false, false),
		gold("USA", "JPN", "036", "", false, false),
		gold("USA", "JPN", "020", "", false, false),
	}
	sys := map[string][]*dyad.Mention{
		"d1": {mention(usa, jpn, "163", "", dyad.Asserted), mention(jpn, usa, "111", "1987", dyad.Asserted)},
		"d9": {mention(usa, jpn, "163", "", dyad.Asserted)}, // a document without gold
		"d8": nil,
	}
	s := Score(g, sys)
	want := Level{Gold: 4, System: 3, Matched: 2, Recall: 0.5, Precision: 2.0 / 3, F1: 4.0 / 7}
	if got := s.Root; got.Gold != want.Gold || got.System != want.System || got.Matched != want.Matched ||
		!near(got.Recall, want.Recall) || !near(got.Precision, want.Precision) || !near(got.F1, want.F1) {
		t.Errorf("Root = %+v, want %+v", s.Root, want)
	}
	if s.Date.Matched != 1 || s.Date.Recall != 0.25 {
		t.Errorf("Date = %+v, want 1 matched, recall 0.25", s.Date)
	}
	if z := Score(nil, nil); z.Root != (Level{}) {
		t.Errorf("Score(nil, nil).Root = %+v, want zero", z.Root)
	}
	if z := Score(g, nil); z.Root != (Level{Gold: 4}) {
		t.Errorf("Score(g, nil).Root = %+v, want only Gold 4", z.Root)
	}
}

// TestScore_OrderIndependent shuffles gold lines and mentions: the counts
// must not change.
func TestScore_OrderIndependent(t *testing.T) {
	usa, jpn, irn := country("USA"), country("JPN"), country("IRN")
	g := []Gold{
		gold("USA", "JPN", "16", "1987-04", false, false),
		gold("USA", "JPN", "163", "1987-04-17", false, false),
		gold("JPN", "USA", "04", "", false, false),
		gold("IRN", "USA", "19", "", true, false),
		gold("USA", "IRN", "190", "1987", false, false),
	}
	ms := []*dyad.Mention{
		mention(usa, jpn, "163", "1987-04-17", dyad.Asserted),
		mention(usa, jpn, "162", "1987-04-02", dyad.Asserted),
		mention(usa, jpn, "040", "", dyad.Asserted),
		mention(usa, irn, "193", "1987-06", dyad.Asserted),
		mention(irn, usa, "190", "", dyad.Hedged),
		mention(irn, jpn, "190", "", dyad.Hedged),
	}
	want := Score(g, map[string][]*dyad.Mention{"d1": ms})
	r := rand.New(rand.NewPCG(1, 2))
	for range 50 {
		g2, ms2 := slices.Clone(g), slices.Clone(ms)
		r.Shuffle(len(g2), func(i, j int) { g2[i], g2[j] = g2[j], g2[i] })
		r.Shuffle(len(ms2), func(i, j int) { ms2[i], ms2[j] = ms2[j], ms2[i] })
		if got := Score(g2, map[string][]*dyad.Mention{"d1": ms2}); got != want {
			t.Fatalf("shuffled: %+v, want %+v", got, want)
		}
	}
	// By hand: every gold event has a root match; g5 (190, 1987) loses at
	// the date level, since its only code match has an unknown date.
	if got := matched(want); got != [4]int{5, 5, 4, 4} {
		t.Errorf("matched %v, want [5 5 4 4]", got)
	}
}

func TestMaxMatching(t *testing.T) {
	tests := []struct {
		name  string
		n, m  int
		edges [][2]int
		want  int
	}{
		{"empty", 0, 0, nil, 0},
		{"no edges", 2, 2, nil, 0},
		{"one", 1, 1, [][2]int{{0, 0}}, 1},
		{"star", 3, 1, [][2]int{{0, 0}, {1, 0}, {2, 0}}, 1},
		{"augmenting path", 3, 3, [][2]int{{0, 0}, {0, 1}, {1, 0}, {2, 1}, {2, 2}, {1, 2}}, 3},
		{"chain needs rematching", 3, 3, [][2]int{{0, 0}, {0, 1}, {1, 0}, {2, 1}}, 2},
		{"perfect after two swaps", 3, 3, [][2]int{{0, 0}, {1, 0}, {1, 1}, {2, 1}, {2, 2}}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := maxMatching(tt.n, tt.m, func(i, j int) bool { return slices.Contains(tt.edges, [2]int{i, j}) })
			if got != tt.want {
				t.Errorf("maxMatching = %d, want %d", got, tt.want)
			}
		})
	}
}

// near reports whether two ratios agree to rounding.
func near(a, b float64) bool { return math.Abs(a-b) < 1e-12 }
