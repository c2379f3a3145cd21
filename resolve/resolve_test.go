package resolve

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/dyad-project/dyad/dyad"
)

var (
	rus = dyad.Actor{Code: "RUSGOV", Country: "RUS", Role: "GOV", Name: "Russia", Entity: "rus"}
	afg = dyad.Actor{Code: "AFGGOV", Country: "AFG", Role: "GOV", Name: "Taliban", Entity: "taliban"}
)

func day(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }

// mention builds a mention of a Russia–Taliban signing as one document tells it.
func mention(doc, outlet, story, date, published string, c dyad.Certainty) *dyad.Mention {
	m := &dyad.Mention{
		Doc: dyad.DocumentID(doc), Outlet: outlet, Story: dyad.DocumentID(story),
		Source: rus, Target: afg, Code: "057", Certainty: c,
		Published: day(published), Date: dyad.MustParseDate(date),
	}
	m.ID = dyad.NewMentionID(m.Doc, dyad.Span{}, m.Code, m.Source.Code, m.Target.Code)
	return m
}

func fixture() []*dyad.Mention {
	return []*dyad.Mention{
		mention("a", "Wire", "a", "2026-05-27", "2026-05-27", dyad.Asserted),
		mention("b", "Daily", "a", "2026-05-27", "2026-05-28", dyad.Asserted), // syndicated copy of a
		mention("c", "Times", "c", "2026-05-27", "2026-05-28", dyad.Reported),
		mention("d", "Post", "d", "2026-05-27", "2026-05-29", dyad.Asserted),
		mention("e", "Herald", "e", "2026-05-31", "2026-06-01", dyad.Asserted),
		mention("f", "Kabul News", "f", "", "2026-05-30", dyad.Negated),      // a denial
		mention("g", "Wire", "g", "2025-05-20", "2025-05-21", dyad.Asserted), // a year earlier
	}
}

func TestClusterer_Resolve(t *testing.T) {
	var c Clusterer
	evs := c.Resolve(fixture())
	if len(evs) != 2 {
		t.Fatalf("got %d events, want 2", len(evs))
	}
	var signing, earlier *dyad.Event
	for _, e := range evs {
		if e.Date.String() == "2025-05-20" {
			earlier = e
		} else {
			signing = e
		}
	}
	if earlier == nil || earlier.NumMentions != 1 {
		t.Fatalf("the earlier agreement should be its own event: %+v", evs)
	}
	t.Run("Counts", func(t *testing.T) {
		if signing.NumDocuments != 6 || signing.NumMentions != 6 {
			t.Errorf("documents %d mentions %d, want 6 and 6", signing.NumDocuments, signing.NumMentions)
		}
		// a and b are one story; a and g share an outlet but g is elsewhere.
		if signing.NumSources != 5 {
			t.Errorf("independent sources = %d, want 5", signing.NumSources)
		}
	})
	t.Run("DateConflict", func(t *testing.T) {
		if got := signing.Date.String(); got != "2026-05-27" {
			t.Errorf("date = %s, want 2026-05-27", got)
		}
		if len(signing.Conflicts) != 1 || signing.Conflicts[0].Field != "date" {
			t.Fatalf("conflicts = %+v, want one on date", signing.Conflicts)
		}
		want := []dyad.ConflictValue{{Value: "2026-05-27", Sources: 3}, {Value: "2026-05-31", Sources: 1}}
		if !slices.Equal(signing.Conflicts[0].Values, want) {
			t.Errorf("date conflict = %+v, want %+v", signing.Conflicts[0].Values, want)
		}
		if got := String(signing.Conflicts[0]); got != "3 sources say 2026-05-27; 1 says 2026-05-31" {
			t.Errorf("String = %q", got)
		}
	})
	t.Run("DenialDoesNotLowerCertainty", func(t *testing.T) {
		if signing.Certainty != dyad.Asserted {
			t.Errorf("certainty = %s, want asserted", signing.Certainty)
		}
	})
}

func TestClusterer_OrderIndependent(t *testing.T) {
	var c Clusterer
	want := render(c.Resolve(fixture()))
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 20 {
		ms := fixture()
		r.Shuffle(len(ms), func(i, j int) { ms[i], ms[j] = ms[j], ms[i] })
		if got := render(c.Resolve(ms)); got != want {
			t.Fatalf("order %d: got\n%s\nwant\n%s", i, got, want)
		}
	}
}

func TestClusterer_IncompatibleCodes(t *testing.T) {
	a := mention("a", "A", "a", "2026-05-27", "2026-05-27", dyad.Asserted)
	b := mention("b", "B", "b", "2026-05-27", "2026-05-27", dyad.Asserted)
	b.Code = "051"
	b.ID = "mn_b"
	c := mention("c", "C", "c", "2026-05-27", "2026-05-27", dyad.Asserted)
	c.Code = "0571"
	c.ID = "mn_c"
	evs := (&Clusterer{}).Resolve([]*dyad.Mention{a, b, c})
	if len(evs) != 2 {
		t.Fatalf("got %d events, want 2 (057+0571, 051)", len(evs))
	}
}

func TestSourceGroups_CitedSource(t *testing.T) {
	a := mention("a", "Wire", "a", "2026-05-27", "2026-05-27", dyad.Asserted)
	a.URL = "https://wire.example/signing"
	b := mention("b", "Blog", "b", "2026-05-27", "2026-05-28", dyad.Asserted)
	b.CitedKeys = []string{"http://www.wire.example/signing/"}
	_, n := sourceGroups([]*dyad.Mention{a, b})
	if n != 1 {
		t.Errorf("a document citing another's URL: %d sources, want 1", n)
	}
}

func render(evs []*dyad.Event) string {
	s := ""
	for _, e := range evs {
		ids := []string{}
		for _, m := range e.Mentions {
			ids = append(ids, string(m.Doc))
		}
		slices.Sort(ids)
		s += fmt.Sprintf("%s %s %s %d/%d/%d %v %v\n", e.ID, e.Date, e.Certainty, e.NumMentions, e.NumDocuments, e.NumSources, ids, e.Conflicts)
	}
	return s
}

// TestClusterer_NoChaining checks that an undated report cannot bridge two
// reports that disagree on the place, nor dated reports chain beyond the
// window.
func TestClusterer_NoChaining(t *testing.T) {
	moscow := &dyad.Place{Name: "Moscow", Country: "RUS"}
	kabul := &dyad.Place{Name: "Kabul", Country: "AFG"}
	a := mention("a", "A", "a", "2026-05-27", "2026-05-27", dyad.Asserted)
	a.Location = moscow
	b := mention("b", "B", "b", "", "2026-05-27", dyad.Asserted) // undated, no place
	c := mention("c", "C", "c", "2026-05-21", "2026-05-21", dyad.Asserted)
	c.Location = kabul
	d := mention("d", "D", "d", "2026-06-02", "2026-06-02", dyad.Asserted) // 6 days after a, 12 after c
	for _, order := range [][]*dyad.Mention{{a, b, c, d}, {d, c, b, a}, {b, d, a, c}} {
		evs := (&Clusterer{}).Resolve(order)
		got := map[dyad.DocumentID]int{}
		for i, e := range evs {
			for _, m := range e.Mentions {
				got[m.Doc] = i
			}
		}
		if got["a"] == got["c"] {
			t.Errorf("Moscow and Kabul reports joined: %s", render(evs))
		}
		if got["a"] != got["b"] || got["a"] != got["d"] {
			t.Errorf("want a, b, d in one event: %s", render(evs))
		}
	}
}
