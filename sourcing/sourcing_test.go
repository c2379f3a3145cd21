package sourcing_test

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
	"github.com/dyad-project/dyad/sourcing"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

func TestParseSources_Entries(t *testing.T) {
	tests := []struct {
		name string
		line string
		want dyad.Source
	}{
		{"web dash outlet", "[2] Web – Russia, Afghanistan sign military cooperation deal – TRT World",
			dyad.Source{N: 2, Title: "Russia, Afghanistan sign military cooperation deal", Outlet: "TRT World"}},
		{"web no outlet", "[3] Web – Russia and Taliban Forge New Military Cooperation Agreement",
			dyad.Source{N: 3, Title: "Russia and Taliban Forge New Military Cooperation Agreement"}},
		{"truncated title kept", "[1] Web – Moscow, Taliban forge military alliance in power grab after US …",
			dyad.Source{N: 1, Title: "Moscow, Taliban forge military alliance in power grab after US …"}},
		{"pdf prefix and short outlet", "[5] Web – [PDF] Russian Federation: Military Agreements with China – Loc",
			dyad.Source{N: 5, Title: "Russian Federation: Military Agreements with China", Outlet: "Loc"}},
		{"numbered title outlet url", "1. Russia, Taliban sign military pact. Reuters. https://www.reuters.com/x/",
			dyad.Source{N: 1, Title: "Russia, Taliban sign military pact.", Outlet: "Reuters", URL: "https://www.reuters.com/x/"}},
		{"url only", "[3] https://example.com/x", dyad.Source{N: 3, URL: "https://example.com/x"}},
		{"bullet parens url", "- Taliban hail deal (TOLOnews), https://tolonews.com/a",
			dyad.Source{N: 1, Title: "Taliban hail deal", Outlet: "TOLOnews", URL: "https://tolonews.com/a"}},
		{"pipe outlet", "- Talks to resume in June | RIA Novosti", dyad.Source{N: 1, Title: "Talks to resume in June", Outlet: "RIA Novosti"}},
		{"lower-case tail is not an outlet", "[7] Web – Deal signed – officials say more to come",
			dyad.Source{N: 7, Title: "Deal signed – officials say more to come"}},
		{"long tail is not an outlet", "[8] Web – Deal – The Long Winding Road Of Russian Afghan Policy Since 1989",
			dyad.Source{N: 8, Title: "Deal – The Long Winding Road Of Russian Afghan Policy Since 1989"}},
		{"retrieved from", "4) Moscow hosts talks. Retrieved from https://a.example/b.", dyad.Source{N: 4, Title: "Moscow hosts talks.", URL: "https://a.example/b"}},
		{"initial not outlet", "2. Report by J. Smith", dyad.Source{N: 2, Title: "Report by J. Smith"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srcs, _, ok := sourcing.ParseSources("Body.[1]\n\nSources:\n" + tt.line + "\n")
			if !ok || len(srcs) != 1 {
				t.Fatalf("ParseSources found %d sources (ok=%v), want 1", len(srcs), ok)
			}
			if srcs[0] != tt.want {
				t.Errorf("ParseSources(%q)\n got  %+v\n want %+v", tt.line, srcs[0], tt.want)
			}
		})
	}
}

func TestParseSources_SameAs(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []int // SameAs per entry
	}{
		{"same title different outlet label", []string{"[1] A deal is signed in Moscow – TRT World", "[2] A deal is signed in Moscow", "[3] A deal is signed in Moscow – Reuters"}, []int{0, 1, 1}},
		{"case punctuation dashes", []string{"[1] Russia–Taliban deal: what we know", "[2] RUSSIA - TALIBAN DEAL, WHAT WE KNOW"}, []int{0, 1}},
		{"truncated prefix", []string{"[1] Kremlin deepens Taliban partnership with new military-technical pact", "[2] Kremlin Deepens Taliban Partnership With New Military-Tech…"}, []int{0, 1}},
		{"short truncation matches nothing", []string{"[1] Kremlin deepens ties", "[2] Kremlin …"}, []int{0, 0}},
		{"same url", []string{"[1] First title https://www.example.com/a/", "[2] Other title http://example.com/a"}, []int{0, 1}},
		{"different stories", []string{"[1] Russia signs deal", "[2] Russia signs a deal with China"}, []int{0, 0}},
		{"chain points at first", []string{"[1] Alpha beta gamma delta epsilon", "[2] Zeta https://x.example/1", "[3] Alpha beta gamma delta epsilon https://x.example/1"}, []int{0, 0, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srcs, _, ok := sourcing.ParseSources("Body.\n\nSources:\n" + strings.Join(tt.lines, "\n"))
			if !ok {
				t.Fatal("no source list found")
			}
			got := make([]int, len(srcs))
			for i, s := range srcs {
				got[i] = s.SameAs
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("SameAs = %v, want %v (sources %+v)", got, tt.want, srcs)
			}
		})
	}
}

func TestParseSources_None(t *testing.T) {
	for _, text := range []string{"", "Just a sentence.[1]", "Sources:\n", "Sources:\nSome prose that is not a list at all.\nMore prose."} {
		if srcs, start, ok := sourcing.ParseSources(text); ok || srcs != nil || start != 0 {
			t.Errorf("ParseSources(%q) = %v, %d, %v; want nil, 0, false", text, srcs, start, ok)
		}
	}
}

// TestParseSources_Fixtures parses each testdata/*.txt and compares the
// sources with testdata/*.sources.golden.
func TestParseSources_Fixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			text := nlp.Normalize(string(raw))
			srcs, start, ok := sourcing.ParseSources(text)
			got := struct {
				OK      bool          `json:"ok"`
				Start   int           `json:"start"`
				Heading string        `json:"heading,omitempty"`
				Sources []dyad.Source `json:"sources"`
			}{ok, start, firstLine(text[start:], ok), srcs}
			checkGolden(t, strings.TrimSuffix(f, ".txt")+".sources.golden", mustJSON(t, got))
		})
	}
}

func firstLine(s string, ok bool) string {
	if !ok {
		return ""
	}
	if k := strings.IndexByte(s, '\n'); k >= 0 {
		return s[:k]
	}
	return s
}

func TestAudit_Example(t *testing.T) {
	raw, err := os.ReadFile(shared.Path(t, "examples", "russia-taliban-deal.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := nlp.Normalize(string(raw))
	doc := &dyad.Document{ID: dyad.NewDocumentID(text), Text: text}
	r := sourcing.Audit(doc)
	if len(r.Sources) != 9 {
		t.Errorf("got %d sources, want 9", len(r.Sources))
	}
	if len(r.Sources) >= 6 && (r.Sources[3].SameAs != 2 || r.Sources[5].SameAs != 2) {
		t.Errorf("[4].SameAs = %d, [6].SameAs = %d; want 2 and 2", r.Sources[3].SameAs, r.Sources[5].SameAs)
	}
	if r.Independent != 7 {
		t.Errorf("Independent = %d, want 7", r.Independent)
	}
	if want := [][]int{{2, 4, 6}}; !slices.EqualFunc(r.Groups, want, slices.Equal) {
		t.Errorf("Groups = %v, want %v", r.Groups, want)
	}
	if len(r.Uncited) == 0 {
		t.Error("no uncited claims; the bullets and the tweet text cite nothing")
	}
	for _, c := range r.Uncited {
		if strings.HasPrefix(c.Text, "Story Snapshot") || strings.Contains(c.Text, "pic.twitter.com") {
			t.Errorf("uncited claims include a headline or social line: %q", c.Text)
		}
	}
	checkGolden(t, filepath.Join("testdata", "russia-taliban-deal.report.golden"), mustJSON(t, r))
	var buf bytes.Buffer
	if err := r.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, filepath.Join("testdata", "russia-taliban-deal.report.txt.golden"), buf.Bytes())
}

func TestAudit_Gaps(t *testing.T) {
	text := nlp.Normalize(`Headline Without Period
Moscow signed the deal.[1][3] Kabul agreed.[3–4]
Nobody confirmed it.

Sources:
[1] Web – Deal signed in Moscow – TRT World
[2] Web – Deal signed in Moscow
[3] Web – Kabul agrees to deal
`)
	r := sourcing.Audit(&dyad.Document{Text: text})
	if want := []int{4}; !slices.Equal(r.CitedNotListed, want) {
		t.Errorf("CitedNotListed = %v, want %v", r.CitedNotListed, want)
	}
	if want := []int{2}; !slices.Equal(r.ListedNotCited, want) {
		t.Errorf("ListedNotCited = %v, want %v", r.ListedNotCited, want)
	}
	if r.Independent != 2 {
		t.Errorf("Independent = %d, want 2", r.Independent)
	}
	if len(r.Uncited) != 1 || r.Uncited[0].Text != "Nobody confirmed it." {
		t.Errorf("Uncited = %+v, want the one unsourced sentence", r.Uncited)
	}
	if len(r.Claims) != 3 || r.Claims[0].Independent != 2 {
		t.Errorf("Claims = %+v, want 3 with the first citing 2 independent stories", r.Claims)
	}
	// Sources given by the pipeline are used as they are.
	doc := &dyad.Document{Text: "A claim.[1]", Sources: []dyad.Source{{N: 1, Title: "Given"}}}
	if r := sourcing.Audit(doc); len(r.Sources) != 1 || r.Sources[0].Title != "Given" || r.Sources[0].CitedBy != 1 {
		t.Errorf("Audit ignored doc.Sources: %+v", r.Sources)
	}
}

func TestReport_WriteTextError(t *testing.T) {
	r := sourcing.Audit(&dyad.Document{Text: "A claim.[1]\n\nSources:\n[1] Title – Outlet"})
	if err := r.WriteText(failWriter{}); err == nil {
		t.Error("WriteText to a failing writer returned nil")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, fmt.Errorf("disk full") }

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./sourcing -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run with -update and review the diff):\n%s", path, got)
	}
}

func FuzzParseSources(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	if root := shared.Root(); root != "" {
		if b, err := os.ReadFile(filepath.Join(root, "examples", "russia-taliban-deal.txt")); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("Sources:\n[1] https://a (b)) – X\n[2] <www.>\n- ( )\n[99999] …")
	f.Add("References\n[0] Reuters – A\n0. https://b\n[-1] c")
	f.Fuzz(func(t *testing.T, text string) {
		srcs, start, ok := sourcing.ParseSources(text)
		if !ok {
			if srcs != nil || start != 0 {
				t.Fatalf("not ok but returned %v, %d", srcs, start)
			}
			return
		}
		if start < 0 || start > len(text) || len(srcs) == 0 {
			t.Fatalf("start %d out of bounds or no sources (len %d)", start, len(text))
		}
		nums := map[int]int{}
		for i, s := range srcs {
			if s.N <= 0 {
				t.Fatalf("source %d has number %d", i, s.N)
			}
			nums[s.N] = i
			if s.SameAs != 0 {
				j, ok := nums[s.SameAs]
				if !ok || j >= i || srcs[j].SameAs != 0 {
					t.Fatalf("source %d SameAs %d does not name an earlier first source", s.N, s.SameAs)
				}
			}
		}
		r := sourcing.Audit(&dyad.Document{Text: text})
		if r.Independent > len(r.Sources) {
			t.Fatalf("Independent %d > %d sources", r.Independent, len(r.Sources))
		}
	})
}
