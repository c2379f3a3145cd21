package code_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/code"
	"github.com/dyad-project/dyad/dyad"
)

// fakeActors matches a few names, resolving the Taliban by date.
type fakeActors struct{}

func (fakeActors) Match(text string, on time.Time) []dyad.ActorMention {
	names := []struct {
		name    string
		country string
		role    string
	}{
		{"Russia", "RUS", ""}, {"Moscow", "RUS", "GOV"}, {"Kremlin", "RUS", "GOV"},
		{"Taliban", "AFG", ""}, {"China", "CHN", ""}, {"Iran", "IRN", ""},
	}
	var out []dyad.ActorMention
	for _, n := range names {
		for from := 0; ; {
			i := strings.Index(text[from:], n.name)
			if i < 0 {
				break
			}
			i += from
			role := n.role
			if n.name == "Taliban" {
				role = "REB"
				if !on.Before(time.Date(2021, 8, 15, 0, 0, 0, 0, time.UTC)) {
					role = "GOV"
				}
			}
			out = append(out, dyad.ActorMention{
				Actor: dyad.Actor{Code: dyad.JoinCode(n.country, role), Country: n.country, Role: role, Name: n.name, Entity: strings.ToLower(n.name)},
				Span:  dyad.Span{Start: i, End: i + len(n.name)},
			})
			from = i + len(n.name)
		}
	}
	return out
}

func TestCoder_Fake(t *testing.T) {
	c := code.New(code.Options{Actors: fakeActors{}})
	pub := time.Date(2026, 5, 29, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, in string
		pub      time.Time
		want     string // "CODE SRC TGT CERTAINTY", or "" for none
	}{
		{"active", "Russia signed a treaty with China.", pub, "057 RUS CHN asserted"},
		{"passive", "The treaty was signed by Russia and China.", pub, "057 RUS CHN asserted"},
		{"metonym", "Moscow imposed sanctions on Iran.", pub, "163 RUSGOV IRN asserted"},
		{"time-aware actor before 2021", "The Taliban attacked Russia.", time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC), "190 AFGREB RUS asserted"},
		{"time-aware actor after 2021", "The Taliban attacked Russia.", pub, "190 AFGGOV RUS asserted"},
		{"negated", "Russia did not attack China.", pub, "190 RUS CHN negated"},
		{"hedged", "Russia could attack China.", pub, "190 RUS CHN hedged"},
		{"future", "Russia will attack China.", pub, "190 RUS CHN future"},
		{"reported", "Officials say Russia attacked China.", pub, "190 RUS CHN reported"},
		{"no action", "Russia and China are large.", pub, ""},
		{"no target", "Russia protested.", pub, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := c.CodeSentence(tt.in, tt.pub)
			if tt.want == "" {
				if len(ms) > 0 {
					t.Errorf("got %s, want none", describe(ms))
				}
				return
			}
			for _, m := range ms {
				if got := string(m.Code) + " " + string(m.Source.Code) + " " + string(m.Target.Code) + " " + string(m.Certainty); got == tt.want {
					if tt.in[m.Span.Start:m.Span.End] != m.Text || m.ID == "" || m.Plover == "" || m.QuadClass == 0 {
						t.Errorf("bad mention fields: %+v", m)
					}
					return
				}
			}
			t.Errorf("got %s, want %s", describe(ms), tt.want)
		})
	}
}

func TestCoder_NoActors(t *testing.T) {
	c := code.New(code.Options{})
	if ms := c.CodeSentence("Russia attacked China.", time.Now()); len(ms) != 0 {
		t.Errorf("coded without an actor matcher: %s", describe(ms))
	}
}

func TestCoder_Context(t *testing.T) {
	c := code.New(code.Options{Actors: fakeActors{}})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc := &dyad.Document{Text: "Russia attacked China.", Sentences: []dyad.Sentence{{Text: "Russia attacked China.", Span: dyad.Span{End: 22}}}}
	if _, err := c.Code(ctx, doc); err != context.Canceled {
		t.Errorf("Code on a cancelled context: %v", err)
	}
}

func FuzzCodeSentence(f *testing.F) {
	for _, s := range []string{
		"Russia and the Taliban government have signed a formal military-technical cooperation agreement in the Moscow region.",
		"Reporters say the document was signed by top security figures, including Russia’s Security Council secretary and the Taliban’s defense minister.",
		"Taliban defence Minsiter Mullah Yqoob is in moscow .",
		"The deal could become a major regional turning point if it leads to the restoration of Soviet-era defense systems.",
		"“Moscow will not attack,” Russia said, according to Iran.", "", "Russia", "the of Russia by",
	} {
		f.Add(s)
	}
	c := code.New(code.Options{Actors: fakeActors{}})
	f.Fuzz(func(t *testing.T, in string) {
		for _, m := range c.CodeSentence(in, time.Date(2026, 5, 29, 0, 0, 0, 0, time.UTC)) {
			if m.Span.Start < 0 || m.Span.End > len(in) || m.Span.Start > m.Span.End {
				t.Fatalf("span %v out of %d bytes", m.Span, len(in))
			}
			if m.Certainty.Strength() == 0 || m.Source.Code == "" || m.Target.Code == "" {
				t.Fatalf("bad mention %+v", m)
			}
		}
	})
}

// TestCoder_Location checks that an event's place is the one in the clause
// that carries it, not the first place of the sentence.
func TestCoder_Location(t *testing.T) {
	c := realCoder()
	pub := time.Date(1987, 6, 2, 0, 0, 0, 0, time.UTC)
	tests := []struct{ name, text, place string }{
		{"reporting clause elsewhere", "Speaking in Tehran, the minister said Iran attacked a Kuwaiti tanker near Dubai.", "Dubai"},
		{"monitored elsewhere", "IRNA, monitored in Nicosia, said Iraqi planes bombed Iranian towns near Basra.", "Basra"},
		{"place only outside the clause", "In Moscow, officials said Russia signed a deal with Iran.", "Moscow"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := c.CodeSentence(tt.text, pub)
			if len(ms) == 0 {
				t.Fatalf("no mention in %q", tt.text)
			}
			if l := ms[0].Location; l == nil || l.Name != tt.place {
				t.Errorf("location %+v, want %s", l, tt.place)
			}
		})
	}
}
