package main

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/dyad-project/dyad/internal/shared"
)

// TestEvalGold_DevFloor scores the built-in coder on the development gold
// set at every level and holds each F1 from falling below what it reached
// (November 2026: root 0.616, code 0.552, date 0.432, certainty 0.416).
func TestEvalGold_DevFloor(t *testing.T) {
	corpus := shared.Path(t, "corpus", "reuters21578")
	docs := filepath.Join(corpus, "reuters21578-part1.jsonl") + "," + filepath.Join(corpus, "reuters21578-part2.jsonl")
	code, out, errs := run(t, "", "eval", "gold", filepath.Join("..", "..", "eval", "testdata", "dev.gold.jsonl"), "--docs", docs, "--format", "json")
	if code != exitOK {
		t.Fatalf("eval gold: exit %d\n%s", code, errs)
	}
	var scores map[string]struct {
		Gold, System, Matched int
		F1                    float64 `json:"f1"`
	}
	if err := json.Unmarshal([]byte(out), &scores); err != nil {
		t.Fatalf("decode %s: %v", out, err)
	}
	floors := map[string]float64{"root": 0.59, "code": 0.53, "date": 0.41, "certainty": 0.39}
	for level, floor := range floors {
		s, ok := scores[level]
		if !ok {
			t.Errorf("no %q level in %s", level, out)
			continue
		}
		if s.F1 < floor {
			t.Errorf("%s F1 = %.3f (matched %d of %d gold, %d coded), want at least %.2f", level, s.F1, s.Matched, s.Gold, s.System, floor)
		}
	}
}
