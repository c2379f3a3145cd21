package timex

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/internal/shared"
)

var friday = time.Date(2026, 5, 29, 0, 0, 0, 0, time.UTC)

// spanOf returns the span of the first occurrence of word in text.
func spanOf(t *testing.T, text, word string) dyad.Span {
	t.Helper()
	i := strings.Index(text, word)
	if i < 0 {
		t.Fatalf("%q not in %q", word, text)
	}
	return dyad.Span{Start: i, End: i + len(word)}
}

func TestNearest(t *testing.T) {
	tests := []struct {
		name, text, event string
		want              string // the Text of the expected expression; "" for none
	}{
		{"after the verb", "Russia signed the deal on Friday in Moscow.", "signed", "Friday"},
		{"before the verb across a comma", "On Monday, Russia and the Taliban signed the agreement.", "signed", "Monday"},
		{"own date beats another event's", "Russia signed the deal on Friday, two days after the Taliban visited Moscow on Wednesday.", "signed", "Friday"},
		{"the other event's own date", "Russia signed the deal on Friday, two days after the Taliban visited Moscow on Wednesday.", "visited", "Wednesday"},
		{"fronted subordinate clause dates its own event", "After talks on Monday, the ministers signed the agreement on Wednesday.", "signed", "Wednesday"},
		{"fronted subordinate clause event", "After talks on Monday, the ministers signed the agreement on Wednesday.", "talks", "Monday"},
		{"only date is in another event's clause", "After talks on Monday, the ministers signed the agreement.", "signed", ""},
		{"relative clause date is not the verb's", "Moscow, which hosted talks in 2021, signed the deal.", "signed", ""},
		{"preposition governs the date after it", "Russia signed the deal after May 3 talks.", "signed", "May 3"},
		{"another sentence", "The deal was signed yesterday. Talks continue in Kabul.", "continue", ""},
		{"a but clause dates its own verb", "It is a major arms supplier to Iraq but has also sought broader contacts with Iran in the last year.", "supplier", ""},
		{"a but clause's own date", "It is a major arms supplier to Iraq but has also sought broader contacts with Iran in the last year.", "sought", "the last year"},
		{"but right before the date keeps it", "Iran did not attack on Monday but on Tuesday.", "attack", "Monday"},
		{"across a semicolon", "The deal was signed yesterday; talks continue in Kabul.", "continue", ""},
		{"abbreviation is no sentence end", "Talks began Jan. 5 and ended in Doha.", "ended", "Jan. 5"},
		{"fronted by-phrase", "By January 2026, the Russian government formally accepted the credentials.", "accepted", "January 2026"},
		{"event inside the expression", "The visit last week ended.", "last week", "last week"},
		{"nearer of two after", "The ministers met on Monday and again on Wednesday.", "met", "Monday"},
		{"governed beats slightly nearer ungoverned", "Friday Russia said it signed the deal on Wednesday.", "signed", "Wednesday"},
		{"no dates", "Russia signed the deal.", "signed", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := Find(tt.text, friday)
			got, ok := Nearest(exprs, spanOf(t, tt.text, tt.event), tt.text)
			if !ok {
				got.Text = ""
			}
			if got.Text != tt.want {
				t.Errorf("Nearest(%q, %q) = %q (ok %v), want %q; exprs %v", tt.text, tt.event, got.Text, ok, tt.want, exprs)
			}
		})
	}
}

func TestInferPublished(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // YYYY-MM-DD, or "" for none
	}{
		{"tweet byline", "Russia and the Taliban signed a deal. By January 2026 Moscow had accepted an ambassador.\n— Sami Yousafzai (@SamiYousafzaii) May 29, 2026", "2026-05-29"},
		{"latest of several", "Holders of record as of April 1, 1987 will be paid on March 30, 1987.", "1987-04-01"},
		{"numeric dates", "Signed 27.05.2026, ratified 2026-05-28.", "2026-05-28"},
		{"weekday with the date", "The talks were held on Tuesday, May 26, 2026.", "2026-05-26"},
		{"no year", "The deal was signed on 29 May.", ""},
		{"relative only", "The deal was signed yesterday, on Wednesday.", ""},
		{"month precision only", "By January 2026 Moscow had accepted an ambassador, as in 2021.", ""},
		{"range is no full date", "The forum met on 27-28 May 2026.", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := InferPublished(tt.text)
			got := ""
			if ok {
				got = d.Format("2006-01-02")
			}
			if got != tt.want {
				t.Errorf("InferPublished(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestSeedArticle runs Find over the seed article and checks the dates SPEC
// expects from it.
func TestSeedArticle(t *testing.T) {
	data, err := os.ReadFile(shared.Path(t, "examples", "russia-taliban-deal.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	want := map[string]string{"2021": "2021", "the past decade": "2016-05-29/2026-05-29", "January 2026": "2026-01", "May 29, 2026": "2026-05-29"}
	for _, e := range Find(text, friday) {
		if w, ok := want[e.Text]; ok {
			if e.Date.String() != w {
				t.Errorf("%q = %s, want %s", e.Text, e.Date, w)
			}
			delete(want, e.Text)
		}
	}
	for k := range want {
		t.Errorf("%q not found", k)
	}
	if d, ok := InferPublished(text); !ok || !d.Equal(friday) {
		t.Errorf("InferPublished(seed) = %v, %v; want 2026-05-29", d, ok)
	}
}
