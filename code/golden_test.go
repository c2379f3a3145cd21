package code_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/actor"
	"github.com/dyad-project/dyad/code"
	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/place"
	"github.com/dyad-project/dyad/timex"
)

// realCoder wires the real actor, place and date packages, as cmd/dyad does.
func realCoder() *code.Coder {
	d := actor.Builtin()
	return code.New(code.Options{
		Actors:  d,
		Places:  place.Builtin(),
		Demonym: d.Demonym,
		Dates: code.DateFunc(func(text string, span dyad.Span, pub time.Time) (dyad.Date, bool) {
			e, ok := timex.Nearest(timex.Find(text, pub), span, text)
			return e.Date, ok
		}),
	})
}

// A want is one expectation of a golden line: a mention whose code starts
// with Code, whose source and target codes start with Src and Tgt (either
// way round when Sym), with certainty Cert.
type want struct {
	Code, Src, Tgt string
	Cert           dyad.Certainty
	Sym            bool
	// Date, when set ("date=1987-03-04", "date=-" for none), is the
	// mention's date as Date.String gives it.
	Date string
}

type goldenCase struct {
	pos       string
	text      string
	published time.Time
	none      bool             // "# want none": no mention at all
	only      bool             // "# want only; …": no mention but the wanted ones
	notCert   []dyad.Certainty // "# want no asserted": no mention with that certainty
	wants     []want
}

// readGolden reads testdata/*.txt: one sentence a line, with its
// expectations after "# want"; "# published YYYY-MM-DD" lines set the
// publication date of the cases after them. "# want only; …" also
// forbids any mention but the listed ones.
func readGolden(t *testing.T) []goldenCase {
	t.Helper()
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	var out []goldenCase
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		pub := time.Date(2026, 5, 29, 0, 0, 0, 0, time.UTC)
		sc := bufio.NewScanner(fh)
		n := 0
		for sc.Scan() {
			n++
			line := strings.TrimSpace(sc.Text())
			pos := fmt.Sprintf("%s:%d", f, n)
			if line == "" || strings.HasPrefix(line, "//") {
				continue
			}
			if rest, ok := strings.CutPrefix(line, "# published "); ok {
				d, err := time.Parse("2006-01-02", strings.TrimSpace(rest))
				if err != nil {
					t.Fatalf("%s: %v", pos, err)
				}
				pub = d
				continue
			}
			if strings.HasPrefix(line, "#") {
				continue
			}
			text, exp, ok := strings.Cut(line, "# want ")
			if !ok {
				t.Fatalf("%s: no '# want' in %q", pos, line)
			}
			c := goldenCase{pos: pos, text: strings.TrimSpace(text), published: pub}
			for _, part := range strings.Split(exp, ";") {
				f := strings.Fields(part)
				date := ""
				if n := len(f); n > 0 && strings.HasPrefix(f[n-1], "date=") {
					date = strings.TrimPrefix(f[n-1], "date=")
					f = f[:n-1]
				}
				switch {
				case len(f) == 1 && f[0] == "none":
					c.none = true
				case len(f) == 1 && f[0] == "only":
					c.only = true
				case len(f) == 2 && f[0] == "no":
					cert, err := dyad.ParseCertainty(f[1])
					if err != nil {
						t.Fatalf("%s: %v", pos, err)
					}
					c.notCert = append(c.notCert, cert)
				case len(f) == 4 || len(f) == 5 && f[4] == "sym":
					cert, err := dyad.ParseCertainty(f[3])
					if err != nil {
						t.Fatalf("%s: %v", pos, err)
					}
					c.wants = append(c.wants, want{Code: f[0], Src: f[1], Tgt: f[2], Cert: cert, Sym: len(f) == 5, Date: date})
				default:
					t.Fatalf("%s: bad expectation %q", pos, part)
				}
			}
			out = append(out, c)
		}
		fh.Close()
	}
	return out
}

func (w want) matches(m *dyad.Mention) bool {
	if !strings.HasPrefix(string(m.Code), w.Code) || m.Certainty != w.Cert {
		return false
	}
	if w.Date == "-" && m.Date.Known() || w.Date != "" && w.Date != "-" && m.Date.String() != w.Date {
		return false
	}
	s, t := string(m.Source.Code), string(m.Target.Code)
	if strings.HasPrefix(s, w.Src) && strings.HasPrefix(t, w.Tgt) {
		return true
	}
	return w.Sym && strings.HasPrefix(s, w.Tgt) && strings.HasPrefix(t, w.Src)
}

func describe(ms []*dyad.Mention) string {
	var parts []string
	for _, m := range ms {
		parts = append(parts, fmt.Sprintf("%s %s %s %s date=%s", m.Code, m.Source.Code, m.Target.Code, m.Certainty, m.Date))
	}
	sort.Strings(parts)
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "; ")
}

func TestGolden(t *testing.T) {
	c := realCoder()
	cases := readGolden(t)
	for _, gc := range cases {
		t.Run(gc.pos, func(t *testing.T) {
			ms := codeGolden(t, c, gc)
			if gc.none && len(ms) > 0 {
				t.Errorf("%s\n%q: want none, got %s", gc.pos, gc.text, describe(ms))
			}
			for _, cert := range gc.notCert {
				for _, m := range ms {
					if m.Certainty == cert {
						t.Errorf("%s\n%q: want no %s mention, got %s", gc.pos, gc.text, cert, describe(ms))
					}
				}
			}
			if gc.only {
				for _, m := range ms {
					ok := false
					for _, w := range gc.wants {
						ok = ok || w.matches(m)
					}
					if !ok {
						t.Errorf("%s\n%q: want only the listed mentions, got also %s", gc.pos, gc.text, describe([]*dyad.Mention{m}))
					}
				}
			}
			for _, w := range gc.wants {
				found := false
				for _, m := range ms {
					found = found || w.matches(m)
				}
				if !found {
					t.Errorf("%s\n%q: want %s %s %s %s, got %s", gc.pos, gc.text, w.Code, w.Src, w.Tgt, w.Cert, describe(ms))
				}
			}
		})
	}
}

// codeGolden codes a golden case: one sentence, or, when its text holds
// " || ", a document whose sentences are the parts (a first part opening
// with "TITLE: " is the document's title; a part opening with "¶ " starts a
// paragraph), so that cases can test what the coder reads from the
// sentences before.
func codeGolden(t *testing.T, c *code.Coder, gc goldenCase) []*dyad.Mention {
	if !strings.Contains(gc.text, " || ") {
		return c.CodeSentence(gc.text, gc.published)
	}
	doc := &dyad.Document{ID: "golden", Published: gc.published}
	for _, part := range strings.Split(gc.text, " || ") {
		if title, ok := strings.CutPrefix(part, "TITLE: "); ok {
			doc.Title = title
			continue
		}
		// a part opening with "¶ " opens a paragraph
		part, para := strings.CutPrefix(part, "¶ ")
		if doc.Text != "" {
			if para {
				doc.Text += "\n\n"
			} else {
				doc.Text += " "
			}
		}
		start := len(doc.Text)
		doc.Text += part
		doc.Sentences = append(doc.Sentences, dyad.Sentence{Index: len(doc.Sentences), Span: dyad.Span{Start: start, End: len(doc.Text)}, Text: part, Kind: dyad.KindBody})
	}
	ms, err := c.Code(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

// TestGolden_Coverage checks that the golden files cover every CAMEO root
// with a positive case, and every certainty with at least 30 cases.
func TestGolden_Coverage(t *testing.T) {
	roots := map[string]bool{}
	certs := map[dyad.Certainty]int{}
	negatives := 0
	for _, gc := range readGolden(t) {
		for _, w := range gc.wants {
			roots[w.Code[:2]] = true
			certs[w.Cert]++
		}
		if gc.none || len(gc.notCert) > 0 {
			negatives++
		}
	}
	for r := 1; r <= 20; r++ {
		if root := fmt.Sprintf("%02d", r); !roots[root] {
			t.Errorf("no golden case for root %s", root)
		}
	}
	for _, c := range dyad.Certainties {
		if certs[c] < 30 {
			t.Errorf("%d golden cases for %s, want at least 30", certs[c], c)
		}
	}
	if negatives < 20 {
		t.Errorf("%d negative golden cases, want at least 20", negatives)
	}
}
