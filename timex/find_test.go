package timex

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the expectations in testdata/dates.txt from Find's output")

// A golden case is one line of testdata/dates.txt.
type golden struct {
	line      int
	text      string
	published time.Time
	want      string
}

// format renders exprs as the "# want" part of a golden line.
func format(exprs []Expr) string {
	if len(exprs) == 0 {
		return "none"
	}
	parts := make([]string, len(exprs))
	for i, e := range exprs {
		parts[i] = fmt.Sprintf("%s %s %q", e.Date, e.Date.PrecisionOrUnknown(), e.Text)
	}
	return strings.Join(parts, "; ")
}

func readGolden(t *testing.T, path string) (lines []string, cases []golden) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var pub time.Time
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		lines = append(lines, line)
		if rest, ok := strings.CutPrefix(line, "# published "); ok {
			f := strings.Fields(rest)
			if len(f) == 0 || f[0] == "none" {
				pub = time.Time{}
				continue
			}
			pub, err = time.Parse("2006-01-02", f[0])
			if err != nil {
				t.Fatalf("line %d: %v", n, err)
			}
			continue
		}
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		text, want, ok := strings.Cut(line, "  # want ")
		if !ok {
			t.Fatalf("line %d: no \"  # want \" in %q", n, line)
		}
		cases = append(cases, golden{line: n, text: strings.TrimRight(text, " "), published: pub, want: strings.TrimSpace(want)})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines, cases
}

func TestFindGolden(t *testing.T) {
	const path = "testdata/dates.txt"
	lines, cases := readGolden(t, path)
	resolved := 0
	for _, c := range cases {
		got := format(Find(c.text, c.published))
		if got != "none" {
			resolved += strings.Count(got, ";") + 1
		}
		if *update {
			text, _, _ := strings.Cut(lines[c.line-1], "  # want ")
			lines[c.line-1] = text + "  # want " + got
			continue
		}
		if got != c.want {
			t.Errorf("%s:%d: Find(%q, %s)\n got  %s\n want %s", path, c.line, c.text, c.published.Format("2006-01-02 Mon"), got, c.want)
		}
	}
	if *update {
		if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if resolved < 60 {
		t.Errorf("golden file resolves %d expressions; want at least 60", resolved)
	}
}
