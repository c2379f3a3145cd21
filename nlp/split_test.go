package nlp_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/internal/shared"
	"github.com/dyad-project/dyad/nlp"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

func TestSplitText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"blank", " \n\n ", nil},
		{"two sentences", "Talks began. They ended.", []string{"Talks began.", "They ended."}},
		{"abbreviation titles", "Mr. Lavrov met Mr. Muttaqi. Talks ended.", []string{"Mr. Lavrov met Mr. Muttaqi.", "Talks ended."}},
		{"quote", `He said "no." Then left.`, []string{`He said "no."`, "Then left."}},
		{"curly quote", "He said “no.” Then left.", []string{"He said “no.”", "Then left."}},
		{"bracket", "It was signed (in Moscow.) Then it was published.", []string{"It was signed (in Moscow.)", "Then it was published."}},
		{"question and exclamation", "Why now? Because! It matters.", []string{"Why now?", "Because!", "It matters."}},
		{"question then lower", `"Why?" he asked. She left.`, []string{`"Why?" he asked.`, "She left."}},
		{"US mid sentence", "The U.S. Army withdrew. Russia moved in.", []string{"The U.S. Army withdrew.", "Russia moved in."}},
		{"US ends sentence", "He flew to the U.S. The talks failed.", []string{"He flew to the U.S.", "The talks failed."}},
		{"UN lower", "the U.N. said so. Then it voted.", []string{"the U.N. said so.", "Then it voted."}},
		{"general", "Gen. Mark Milley spoke. Dr. Smith and Mrs. Jones listened.", []string{"Gen. Mark Milley spoke.", "Dr. Smith and Mrs. Jones listened."}},
		{"number abbreviation", "He lives at No. 10 Downing Street. It is old.", []string{"He lives at No. 10 Downing Street.", "It is old."}},
		{"no ends sentence", "He said no. Then he left.", []string{"He said no.", "Then he left."}},
		{"months", "On Jan. 5 they met. On Sept. 9 they parted. Feb. 2 came.", []string{"On Jan. 5 they met.", "On Sept. 9 they parted.", "Feb. 2 came."}},
		{"companies", "Apple Inc. said profits rose. Shares of Acme Corp. The company fell.", []string{"Apple Inc. said profits rose.", "Shares of Acme Corp.", "The company fell."}},
		{"saint", "They flew to St. Petersburg. It rained.", []string{"They flew to St. Petersburg.", "It rained."}},
		{"eg ie", "Some weapons, e.g. rifles, i.e. small arms, were sold. More followed.", []string{"Some weapons, e.g. rifles, i.e. small arms, were sold.", "More followed."}},
		{"times", "They met at 10 a.m. on Monday. It ended at 5 p.m. The talks resume today.", []string{"They met at 10 a.m. on Monday.", "It ended at 5 p.m.", "The talks resume today."}},
		{"initials", "J. Smith and A. B. Jones wrote it. Nobody read it.", []string{"J. Smith and A. B. Jones wrote it.", "Nobody read it."}},
		{"decimals", "Arrivals were 5.93 mln bags. Sales were 6.2 mln.", []string{"Arrivals were 5.93 mln bags.", "Sales were 6.2 mln."}},
		{"ellipsis lower", "It could restore missiles… and more. Done.", []string{"It could restore missiles… and more.", "Done."}},
		{"ellipsis upper", "He paused... Then he spoke.", []string{"He paused...", "Then he spoke."}},
		{"citations after period", "It was signed in the Moscow region.[1][2] Reports describe it.[3]", []string{"It was signed in the Moscow region.[1][2]", "Reports describe it.[3]"}},
		{"citation after space", "It was signed. [4] Reports describe it.", []string{"It was signed. [4]", "Reports describe it."}},
		{"lines end sentences", "First line without period\nSecond line here\n\nThird.", []string{"First line without period", "Second line here", "Third."}},
		{"wrapped line continues", "The agreement was signed by the\nsecurity council secretary. Then it ended.", []string{"The agreement was signed by the\nsecurity council secretary.", "Then it ended."}},
		{"bullets", "Key points:\n- Russia signed a deal. It is new.\n- The Taliban agreed\n1. First item", []string{"Key points:", "- Russia signed a deal.", "It is new.", "- The Taliban agreed", "1. First item"}},
		{"url not split", "See pic.twitter.com/Yh3X8ANuKJ for details. Next.", []string{"See pic.twitter.com/Yh3X8ANuKJ for details.", "Next."}},
		{"stray closing quote", "He said it was \"the spirit of the accords... \"", []string{"He said it was \"the spirit of the accords... \""}},
		{"no final punctuation", "Taliban defence Minister is in moscow .", []string{"Taliban defence Minister is in moscow ."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := nlp.SplitText(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("SplitText(%q)\n got  %q\n want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSplitter_Kinds(t *testing.T) {
	text := nlp.Normalize(`Story Snapshot
- Russia and the Taliban signed a deal in the Moscow region.
* Washington abandoned Afghanistan in 2021.
• Moscow accepted an ambassador.
Russia’s Military Deal With the Taliban: What Actually Happened
Officials signed an agreement.[1][2] Reports describe it as a deal.[1, 2][5–7]
Afgahn Taliban and Russia signing a deal , the deal could become a turning point… pic.twitter.com/Yh3X8ANuKJ
— Sami Yousafzai (@SamiYousafzaii) May 29, 2026
Sources:
[1] Web – Moscow, Taliban forge military alliance
[2] Web – Russia, Afghanistan sign military cooperation deal – TRT World
`)
	want := []struct {
		kind dyad.SentenceKind
		cits []int
	}{
		{dyad.KindHeadline, nil},
		{dyad.KindBullet, nil},
		{dyad.KindBullet, nil},
		{dyad.KindBullet, nil},
		{dyad.KindHeadline, nil},
		{dyad.KindBody, []int{1, 2}},
		{dyad.KindBody, []int{1, 2, 5, 6, 7}},
		{dyad.KindSocial, nil},
		{dyad.KindSocial, nil},
		{dyad.KindSources, nil},
		{dyad.KindSources, nil},
		{dyad.KindSources, nil},
	}
	got := nlp.Splitter{}.Split(text)
	if len(got) != len(want) {
		for _, s := range got {
			t.Logf("%s %q %v", s.Kind, s.Text, s.Citations)
		}
		t.Fatalf("got %d sentences, want %d", len(got), len(want))
	}
	for i, s := range got {
		if s.Kind != want[i].kind || !slices.Equal(s.Citations, want[i].cits) {
			t.Errorf("sentence %d %q: kind %s citations %v, want %s %v", i, s.Text, s.Kind, s.Citations, want[i].kind, want[i].cits)
		}
		if s.Index != i {
			t.Errorf("sentence %d has Index %d", i, s.Index)
		}
	}
}

func TestCitations(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []int
	}{
		{"none", "No markers here.", nil},
		{"adjacent", "Signed.[1][2]", []int{1, 2}},
		{"list", "Signed [3, 4].", []int{3, 4}},
		{"range en dash", "Signed.[5–7]", []int{5, 6, 7}},
		{"range hyphen", "Signed.[5-7]", []int{5, 6, 7}},
		{"repeat", "A[1] b[1][2].", []int{1, 2}},
		{"not a marker", "[PDF] and [a1] and [1", nil},
		{"zero is no source number", "Signed.[0] [0-2] [2, 0][3]", []int{3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := nlp.Citations(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Citations(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// goldenSentence is the golden-file shape of a sentence.
type goldenSentence struct {
	Index     int               `json:"index"`
	Start     int               `json:"start"`
	End       int               `json:"end"`
	Kind      dyad.SentenceKind `json:"kind"`
	Citations []int             `json:"citations,omitempty"`
	Text      string            `json:"text"`
}

func TestSplitter_Golden(t *testing.T) {
	raw, err := os.ReadFile(shared.Path(t, "examples", "russia-taliban-deal.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := nlp.Normalize(string(raw))
	sents := nlp.Splitter{}.Split(text)
	checkSpans(t, text, sents)
	var buf bytes.Buffer
	for _, s := range sents {
		g := goldenSentence{s.Index, s.Span.Start, s.Span.End, s.Kind, s.Citations, s.Text}
		b, err := json.Marshal(g)
		if err != nil {
			t.Fatal(err)
		}
		buf.Write(b)
		buf.WriteByte('\n')
	}
	golden := filepath.Join("testdata", "russia-taliban-deal.sentences.golden")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./nlp -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("sentences differ from %s (run with -update and review the diff):\n%s", golden, diffLines(string(want), buf.String()))
	}
}

// diffLines reports the first lines where want and got differ.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)) && b.Len() < 4000; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n- %s\n+ %s\n", i+1, wl, gl)
		}
	}
	return b.String()
}

// checkSpans fails t unless sents have in-bounds, ordered, non-overlapping
// spans whose Text is the spanned bytes and whose Index is its position.
func checkSpans(t testing.TB, text string, sents []dyad.Sentence) {
	t.Helper()
	prev := 0
	for i, s := range sents {
		if s.Span.Start < prev || s.Span.End <= s.Span.Start || s.Span.End > len(text) {
			t.Fatalf("sentence %d span %v out of order or bounds (prev end %d, len %d)", i, s.Span, prev, len(text))
		}
		if s.Text != text[s.Span.Start:s.Span.End] {
			t.Fatalf("sentence %d Text %q != text[span] %q", i, s.Text, text[s.Span.Start:s.Span.End])
		}
		if s.Index != i {
			t.Fatalf("sentence %d has Index %d", i, s.Index)
		}
		prev = s.Span.End
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("Mr. Lavrov met Mr. Muttaqi. Talks ended.")
	f.Add("He said \"no.\" Then left.[1][2] Reports.[3, 4][5–7]\n\n- bullet\n— Name (@x) May 29, 2026\nSources:\n[1] Web – X – Y")
	f.Add("U.S. e.g. 5.93 … ... [ [1 [1–] [99999999]")
	if p := shared.Root(); p != "" {
		if raw, err := os.ReadFile(filepath.Join(p, "examples", "russia-taliban-deal.txt")); err == nil {
			f.Add(string(raw))
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSpans(t, text, nlp.Splitter{}.Split(text))
		norm := nlp.Normalize(text)
		checkSpans(t, norm, nlp.Splitter{}.Split(norm))
	})
}
