package eval

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/internal/shared"
)

// The development gold set: hand-coded events of Reuters-21578 stories.
const (
	devGold = "testdata/dev.gold.jsonl"
	devDocs = "testdata/dev.docs.txt"
)

// The size the development set must keep, so that a bad edit that drops
// lines is caught.
const (
	minDevDocs   = 40
	minDevEvents = 120
)

// readDevGold reads the development gold set and its document list.
func readDevGold(t *testing.T) ([]Gold, []string) {
	t.Helper()
	f, err := os.Open(devGold)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := ReadGold(f, devGold)
	if err != nil {
		t.Fatal(err)
	}
	df, err := os.Open(devDocs)
	if err != nil {
		t.Fatal(err)
	}
	defer df.Close()
	ids, err := ReadIDs(df)
	if err != nil {
		t.Fatal(err)
	}
	return gold, ids
}

// TestDevGold checks the development gold set on its own: every line parses
// (ReadGold validates codes, roles and dates), the set is as large as it
// should be, every line has evidence, no line is repeated, and the document
// list names exactly the documents that the lines use.
func TestDevGold(t *testing.T) {
	gold, ids := readDevGold(t)
	if len(gold) < minDevEvents {
		t.Errorf("%s has %d events, want at least %d", devGold, len(gold), minDevEvents)
	}
	seen := make(map[Gold]bool)
	used := make(map[string]bool)
	for _, g := range gold {
		if strings.TrimSpace(g.Evidence) == "" || g.Evidence != strings.TrimSpace(g.Evidence) {
			t.Errorf("%s: %s→%s %s: evidence empty or padded: %q", g.Doc, g.SourceActor, g.TargetActor, g.Cameo, g.Evidence)
		}
		if seen[g] {
			t.Errorf("%s: line repeated: %+v", g.Doc, g)
		}
		seen[g] = true
		used[g.Doc] = true
	}
	if len(ids) < minDevDocs {
		t.Errorf("%s lists %d documents, want at least %d", devDocs, len(ids), minDevDocs)
	}
	listed := make(map[string]bool)
	for _, id := range ids {
		if listed[id] {
			t.Errorf("%s lists %s twice", devDocs, id)
		}
		listed[id] = true
		if !used[id] {
			t.Errorf("%s lists %s, which no gold line uses", devDocs, id)
		}
	}
	for id := range used {
		if !listed[id] {
			t.Errorf("gold uses %s, which %s does not list", id, devDocs)
		}
	}
}

// TestDevGold_Corpus checks the development set against the corpus it
// cites: every document exists, every evidence occurs verbatim in its
// document's text, no event told as fact (neither hedged nor negated) is
// dated after the story was published, and every actor code is a CAMEO country or group code or a
// name the alias table knows.
func TestDevGold_Corpus(t *testing.T) {
	dir := shared.Path(t, "corpus", "reuters21578")
	gold, ids := readDevGold(t)
	want := make(map[string]bool)
	for _, id := range ids {
		want[id] = true
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no corpus files in %s: %v", dir, err)
	}
	docs := make(map[string]*dyad.Document)
	for _, p := range paths {
		ds, err := ReadDocsFunc(p, func(id string) bool { return want[id] })
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range ds {
			docs[d.Origin] = d
		}
	}
	codes := actorCodes(t)
	for _, g := range gold {
		d, ok := docs[g.Doc]
		if !ok {
			t.Errorf("%s: no such document in the corpus", g.Doc)
			continue
		}
		if !strings.Contains(d.Text, g.Evidence) {
			t.Errorf("%s: evidence not in the text: %q", g.Doc, g.Evidence)
		}
		if date, err := dyad.ParseDate(g.Date); err == nil && date.Known() && !g.Hedged && !g.Negated && !d.Published.IsZero() &&
			date.First().After(d.Published) {
			t.Errorf("%s: event told as fact on %s, after publication on %s: %q", g.Doc, g.Date, d.Published.Format("2006-01-02"), g.Evidence)
		}
		for _, a := range []string{g.SourceActor, g.TargetActor} {
			if a != "" && !codes[a] && aliases[strings.ToLower(a)] == "" {
				t.Errorf("%s: actor %q is neither a CAMEO code nor a known alias", g.Doc, a)
			}
		}
	}
}

// actorCodes reads the CAMEO country and group codes of the shared
// ontology.
func actorCodes(t *testing.T) map[string]bool {
	t.Helper()
	codes := make(map[string]bool)
	for _, name := range []string{"cameo-country-codes.tsv", "cameo-known-groups.tsv"} {
		f, err := os.Open(shared.Path(t, "ontology", name))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			code, _, _ := strings.Cut(sc.Text(), "\t")
			codes[code] = true
		}
		f.Close()
	}
	return codes
}

// TestDevGold_Symmetric checks that the set exercises the matching rules it
// is scored by: symmetric and directed actions, dates of every precision,
// and hedged events all occur.
func TestDevGold_Coverage(t *testing.T) {
	gold, _ := readDevGold(t)
	var sym, dir, hedged, day, month, year, none int
	for _, g := range gold {
		if symmetric(g.Cameo) {
			sym++
		} else {
			dir++
		}
		if g.Hedged {
			hedged++
		}
		switch len(g.Date) {
		case 10:
			day++
		case 7:
			month++
		case 4:
			year++
		case 0:
			none++
		}
	}
	for name, n := range map[string]int{"symmetric": sym, "directed": dir, "hedged": hedged,
		"day dates": day, "month dates": month, "year dates": year, "empty dates": none} {
		if n == 0 {
			t.Errorf("the development set has no %s", name)
		}
	}
}
