package nlp_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/nlp"
)

// render shows tokens as "text/kind" for compact comparisons.
func render(text string, toks []nlp.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text(text) + "/" + t.Kind.String()
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // space-separated text/kind pairs
	}{
		{"empty", "", ""},
		{"words and period", "Russia signed.", "Russia/word signed/word ./punct"},
		{"hyphenated", "military-technical anti-Taliban Soviet-era", "military-technical/word anti-Taliban/word Soviet-era/word"},
		{"dotted abbreviations", "the U.S. and U.N. e.g. here", "the/word U.S./word and/word U.N./word e.g./word here/word"},
		{"title abbreviation", "Gen. Milley and Mr. Lavrov", "Gen./word Milley/word and/word Mr./word Lavrov/word"},
		{"no number", "No. 10 but no.", "No./word 10/number but/word no/word ./punct"},
		{"initial", "J. Smith", "J./word Smith/word"},
		{"possessive straight", "Russia's army", "Russia/word 's/word army/word"},
		{"possessive curly", "Moscow’s security", "Moscow/word ’s/word security/word"},
		{"contraction nt", "didn't can't", "did/word n't/word ca/word n't/word"},
		{"contraction re ll", "they're we’ll I'm", "they/word 're/word we/word ’ll/word I/word 'm/word"},
		{"inner apostrophe", "O'Brien Qur'an", "O'Brien/word Qur'an/word"},
		{"plural possessive", "states' rights", "states/word '/punct rights/word"},
		{"quotes", "“amid growing contacts” \"no\"", "“/punct amid/word growing/word contacts/word ”/punct \"/punct no/word \"/punct"},
		{"numbers", "155,221 5.93 27.05.2026 2026-05-29 10:30", "155,221/number 5.93/number 27.05.2026/number 2026-05-29/number 10:30/number"},
		{"number then comma", "in 2021, then", "in/word 2021/number ,/punct then/word"},
		{"number suffixes", "1980s 5th 155mm 10-year", "1980s/number 5th/number 155mm/word 10-year/word"},
		{"citations", "region.[1][2] and [3, 4] [5–7] [PDF]", "region/word ./punct [1]/citation [2]/citation and/word [3, 4]/citation [5–7]/citation [/punct PDF/word ]/punct"},
		{"urls", "see https://example.com/x?a=1. and pic.twitter.com/Yh3X8ANuKJ or www.trtworld.com", "see/word https://example.com/x?a=1/url ./punct and/word pic.twitter.com/Yh3X8ANuKJ/url or/word www.trtworld.com/url"},
		{"bare domain", "reuters.com reported", "reuters.com/url reported/word"},
		{"handle hashtag", "(@SamiYousafzaii) #Afghanistan", "(/punct @SamiYousafzaii/handle )/punct #Afghanistan/hashtag"},
		{"ellipsis", "missile… wait...", "missile/word …/punct wait/word .../punct"},
		{"dashes", "deal – TRT -- x — y", "deal/word –/punct TRT/word --/punct x/word —/punct y/word"},
		{"non latin", "Sami سمیع یوسفزي", "Sami/word سمیع/word یوسفزي/word"},
		{"currency percent", "$5 rose 3%", "$/punct 5/number rose/word 3/number %/punct"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(tt.in, nlp.Tokenize(tt.in))
			var want []string
			if tt.want != "" {
				want = splitPairs(tt.want)
			}
			if !slices.Equal(got, want) {
				t.Errorf("Tokenize(%q)\n got  %q\n want %q", tt.in, got, want)
			}
		})
	}
}

// splitPairs splits "a/word b c/punct" on spaces that precede a token, so
// that tokens containing spaces ("[3, 4]/citation") survive.
func splitPairs(s string) []string {
	var out []string
	cur := ""
	for _, f := range strings.Split(s, " ") {
		cur += f
		if strings.Contains(f, "/") && !strings.HasSuffix(f, "/") && isKindSuffix(f) {
			out = append(out, cur)
			cur = ""
			continue
		}
		cur += " "
	}
	return out
}

func isKindSuffix(f string) bool {
	for _, k := range []string{"word", "number", "punct", "citation", "url", "handle", "hashtag"} {
		if strings.HasSuffix(f, "/"+k) {
			return true
		}
	}
	return false
}

func TestAppendTokens_NoAlloc(t *testing.T) {
	text := "Russia’s Supreme Court removed the Taliban from its terrorist blacklist, clearing the way for U.S. cooperation.[4][8]"
	buf := make([]nlp.Token, 0, 64)
	allocs := testing.AllocsPerRun(100, func() {
		buf = nlp.AppendTokens(buf[:0], text)
	})
	if allocs != 0 {
		t.Errorf("AppendTokens allocated %v times per run, want 0", allocs)
	}
	if len(buf) < 15 {
		t.Errorf("got %d tokens, want at least 15", len(buf))
	}
}

func TestLower(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""}, {"abc", "abc"}, {"Taliban", "taliban"}, {"U.S.", "u.s."}, {"МОСКВА", "москва"}, {"Kabul’s", "kabul’s"},
	}
	for _, tt := range tests {
		if got := nlp.Lower(tt.in); got != tt.want {
			t.Errorf("Lower(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { nlp.Lower("already lower") }); n != 0 {
		t.Errorf("Lower of lower-case text allocated %v times", n)
	}
}

func ExampleTokenize() {
	text := "Russia’s military-technical deal with the U.S.-backed…[1]"
	for _, t := range nlp.Tokenize(text) {
		fmt.Printf("%s %s\n", t.Kind, t.Text(text))
	}
	// Output:
	// word Russia
	// word ’s
	// word military-technical
	// word deal
	// word with
	// word the
	// word U.S.-backed
	// punct …
	// citation [1]
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"Russia’s military-technical deal didn't start in 2021.[1][2]",
		"@x #y https://a.b/c) www.x.com pic.twitter.com/Yh3X8 U.S. e.g. 27.05.2026 [5–7] ...",
		"'s ’ ' O'Brien 10-year 5th 155mm [1", "\xff\xfe", "a.b.c.d", "--- ‐x a‐b",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := nlp.Tokenize(text)
		prev := 0
		for i, tk := range toks {
			if tk.Span.Start < prev || tk.Span.End <= tk.Span.Start || tk.Span.End > len(text) {
				t.Fatalf("token %d span %v out of order or bounds (prev end %d, len %d)", i, tk.Span, prev, len(text))
			}
			if strings.TrimSpace(tk.Text(text)) == "" {
				t.Fatalf("token %d %q is blank", i, tk.Text(text))
			}
			prev = tk.Span.End
		}
	})
}
