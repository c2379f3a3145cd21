package code_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/nlp"
)

func TestEvalScratch(t *testing.T) {
	gf, _ := os.Open("../eval/testdata/dev.gold.jsonl")
	type G struct{ Doc, Source_actor, Target_actor, Cameo_root, Evidence string }
	var golds []G
	docs := map[string]bool{}
	sc := bufio.NewScanner(gf)
	for sc.Scan() {
		var g G
		json.Unmarshal(sc.Bytes(), &g)
		golds = append(golds, g)
		docs[g.Doc] = true
	}
	c := realCoder()
	ms := map[string][]*dyad.Mention{}
	for _, part := range []string{"1", "2"} {
		f, _ := os.Open("/work/shared/corpus/reuters21578/reuters21578-part" + part + ".jsonl")
		sc = bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var d struct{ ID, Text, Published string }
			json.Unmarshal(sc.Bytes(), &d)
			if !docs[d.ID] {
				continue
			}
			pub, _ := time.Parse("2006-01-02", d.Published)
			for _, s := range nlp.SplitText(nlp.Normalize(d.Text)) {
				ms[d.ID] = append(ms[d.ID], c.CodeSentence(s, pub)...)
			}
		}
	}
	hit := 0
	for _, g := range golds {
		ok := false
		for _, m := range ms[g.Doc] {
			sc, tc := m.Source.Country, m.Target.Country
			if sc == "SUN" {
				sc = "RUS"
			}
			if tc == "SUN" {
				tc = "RUS"
			}
			if tc == "UNO" {
				tc = "UN"
			}
			if sc == "UNO" {
				sc = "UN"
			}
			if m.Code.Root() == g.Cameo_root && (sc == g.Source_actor && tc == g.Target_actor || sc == g.Target_actor && tc == g.Source_actor) {
				ok = true
			}
			if false && (m.Source.Country == g.Source_actor && m.Target.Country == g.Target_actor || m.Source.Country == g.Target_actor && m.Target.Country == g.Source_actor) {
				ok = true
			}
		}
		if ok {
			hit++
		} else {
			fmt.Printf("MISS %s %s %s→%s %q\n", g.Doc, g.Cameo_root, g.Source_actor, g.Target_actor, g.Evidence)
		}
	}
	n := 0
	for id, l := range ms {
		for _, m := range l {
			n++
			fmt.Printf("GOT %s %s %s→%s %s %q\n", id, m.Code, m.Source.Code, m.Target.Code, m.Certainty, m.Text)
		}
	}
	fmt.Printf("recall %d/%d, mentions %d\n", hit, len(golds), n)
}
