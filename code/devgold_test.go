package code_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/internal/shared"
	"github.com/dyad-project/dyad/nlp"
)

// minDevRecall is the number of the eval package's development gold events
// (first Reuters stories) that the coder must find, by CAMEO root and
// actor countries in either direction. It guards against regressions; raise
// it as recall improves.
const minDevRecall = 80

// TestDevGold_Recall codes the Reuters stories of eval/testdata/dev.gold.jsonl
// and counts the gold events found.
func TestDevGold_Recall(t *testing.T) {
	gf, err := os.Open("../eval/testdata/dev.gold.jsonl")
	if err != nil {
		t.Skipf("eval gold not present: %v", err)
	}
	defer gf.Close()
	type gold struct{ Doc, Source_actor, Target_actor, Cameo_root, Evidence string }
	var golds []gold
	docs := map[string]bool{}
	sc := bufio.NewScanner(gf)
	for sc.Scan() {
		var g gold
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		golds = append(golds, g)
		docs[g.Doc] = true
	}
	c := realCoder()
	ms := map[string][]*dyad.Mention{}
	for _, part := range []string{"reuters21578-part1.jsonl", "reuters21578-part2.jsonl"} {
		f, err := os.Open(shared.Path(t, "corpus", "reuters21578", part))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var d struct{ ID, Title, Text, Published string }
			if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
				t.Fatal(err)
			}
			if !docs[d.ID] {
				continue
			}
			pub, _ := time.Parse("2006-01-02", d.Published)
			// the whole document, so that the coder reads each sentence
			// in the context of those before it
			text := nlp.Normalize(d.Text)
			doc := &dyad.Document{ID: dyad.DocumentID(d.ID), Title: d.Title, Text: text, Published: pub, Sentences: nlp.Splitter{}.Split(text)}
			got, err := c.Code(context.Background(), doc)
			if err != nil {
				t.Fatal(err)
			}
			ms[d.ID] = append(ms[d.ID], got...)
		}
		f.Close()
	}
	// the gold writes the Soviet Union as RUS and the United Nations as UN
	norm := func(c string) string {
		switch c {
		case "SUN":
			return "RUS"
		case "UNO":
			return "UN"
		}
		return c
	}
	hit := 0
	for _, g := range golds {
		found := false
		for _, m := range ms[g.Doc] {
			s, o := norm(m.Source.Country), norm(m.Target.Country)
			if m.Code.Root() == g.Cameo_root && (s == g.Source_actor && o == g.Target_actor || s == g.Target_actor && o == g.Source_actor) {
				found = true
			}
		}
		if found {
			hit++
		} else if testing.Verbose() {
			t.Logf("missed %s %s %s→%s %q", g.Doc, g.Cameo_root, g.Source_actor, g.Target_actor, g.Evidence)
		}
	}
	n := 0
	for _, l := range ms {
		n += len(l)
	}
	t.Logf("dev gold: found %d of %d events; %d mentions coded", hit, len(golds), n)
	if hit < minDevRecall {
		t.Errorf("found %d dev gold events, want at least %d", hit, minDevRecall)
	}
}
