package code_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/internal/shared"
	"github.com/dyad-project/dyad/nlp"
)

func seedDoc(t testing.TB) *dyad.Document {
	b, err := os.ReadFile(shared.Path(t, "examples", "russia-taliban-deal.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := nlp.Normalize(string(b))
	return &dyad.Document{
		ID: dyad.NewDocumentID(text), Text: text, Outlet: "example", URL: "https://example.org/seed",
		Published: time.Date(2026, 5, 29, 0, 0, 0, 0, time.UTC), Sentences: nlp.Splitter{}.Split(text),
	}
}

// TestSeed checks the seven event mentions of SPEC.md's table "What the
// seed must give".
func TestSeed(t *testing.T) {
	doc := seedDoc(t)
	ms, err := realCoder().Code(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		evidence string // words the mention's text must contain
		code     string // prefix
		src, tgt string // code prefixes; either way round when sym
		sym      bool
		cert     dyad.Certainty
		date     []string // acceptable dyad.Date strings ("" for unknown)
		place    string
	}{
		{"1 sign agreement", "have signed a formal military-technical cooperation agreement", "057", "RUS", "AFGGOV", true, dyad.Asserted, []string{"2026-05", "2026-05-29"}, "Moscow Oblast"},
		{"2 recognition", "formally accepted the credentials", "054", "RUSGOV", "AFGGOV", false, dyad.Asserted, []string{"2026-01"}, ""},
		{"3 delisting", "removed the Taliban from its terrorist blacklist", "08", "RUSJUD", "AFG", false, dyad.Asserted, []string{""}, ""},
		{"4 talks in Moscow", "traveling regularly to Moscow for talks", "04", "AFG", "RUS", false, dyad.Asserted, []string{""}, ""},
		{"5 arming", "arming anti-Taliban forces", "07", "RUS", "AFG", false, dyad.Asserted, []string{""}, ""},
		{"6 withdrawal", "Washington abandoned", "08", "USA", "AFG", false, dyad.Asserted, []string{"2021"}, ""},
		{"7 visit", "is in moscow", "042", "AFGMIL", "RUS", false, dyad.Asserted, []string{"2026-05-29"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var cands []*dyad.Mention
			for _, m := range ms {
				if strings.Contains(m.Text, tt.evidence) {
					cands = append(cands, m)
				}
			}
			for _, m := range cands {
				s, g := string(m.Source.Code), string(m.Target.Code)
				dir := strings.HasPrefix(s, tt.src) && strings.HasPrefix(g, tt.tgt) ||
					tt.sym && strings.HasPrefix(s, tt.tgt) && strings.HasPrefix(g, tt.src)
				if !strings.HasPrefix(string(m.Code), tt.code) || !dir {
					continue
				}
				if m.Certainty != tt.cert {
					t.Errorf("certainty %s, want %s", m.Certainty, tt.cert)
				}
				okDate := false
				for _, d := range tt.date {
					okDate = okDate || m.Date.String() == d
				}
				if !okDate {
					t.Errorf("date %q (%s), want one of %q", m.Date.String(), m.Date.PrecisionOrUnknown(), tt.date)
				}
				if tt.place != "" && (m.Location == nil || m.Location.Name != tt.place) {
					t.Errorf("location %+v, want %s", m.Location, tt.place)
				}
				if m.Doc != doc.ID || m.ID == "" || m.Published != doc.Published || m.Outlet != "example" {
					t.Errorf("document facts not copied: %+v", m)
				}
				if doc.Text[m.Span.Start:m.Span.End] != m.Text {
					t.Errorf("span %v does not give the text %q", m.Span, m.Text)
				}
				if m.Plover == "" || m.QuadClass == 0 {
					t.Errorf("no PLOVER or QuadClass: %+v", m)
				}
				return
			}
			t.Errorf("no %s %s→%s mention in %q; mentions there: %s", tt.code, tt.src, tt.tgt, tt.evidence, describe(cands))
		})
	}
}

// TestSeed_Certainty checks the hedged, negated and reported sentences of
// the seed.
func TestSeed_Certainty(t *testing.T) {
	doc := seedDoc(t)
	ms, err := realCoder().Code(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		for _, phrase := range []string{"could become a major regional turning point", "not a publicly disclosed mutual-defense treaty", "does not prove a full mutual-defense alliance"} {
			if strings.Contains(m.Text, phrase) && m.Certainty == dyad.Asserted {
				t.Errorf("asserted mention from %q: %s %s→%s %q", phrase, m.Code, m.Source.Code, m.Target.Code, m.Text)
			}
		}
	}
	found := false
	for _, m := range ms {
		if strings.Contains(m.Text, "the document was signed by top security figures") {
			found = true
			if m.Certainty != dyad.Reported || m.AttributedTo == nil || m.AttributedTo.Text != "Reporters" {
				t.Errorf("signed by top security figures: %s attributed to %+v, want reported by Reporters", m.Certainty, m.AttributedTo)
			}
		}
	}
	if !found {
		t.Error("no mention from \"Reporters say the document was signed by top security figures\"")
	}
	for _, m := range ms {
		if m.Date.Precision == "" {
			t.Errorf("mention with empty date precision: %+v", m)
		}
	}
}
