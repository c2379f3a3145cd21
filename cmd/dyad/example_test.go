package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/shared"
)

// TestBrief_Example ingests the example article and checks its brief: the
// Snapshot cites the article's own sources where the coded sentence carried
// citation markers, the hedged "turning point" assessment is under hedged,
// and [2], [6] and [4] are listed as one story.
func TestBrief_Example(t *testing.T) {
	example := shared.Path(t, "examples", "russia-taliban-deal.txt")
	db := filepath.Join(t.TempDir(), "dyad.db")
	if code, _, errs := run(t, "", "ingest", "--db", db, "--published", "2026-05-29", example); code != exitOK {
		t.Fatalf("ingest: exit %d\n%s", code, errs)
	}
	code, out, errs := run(t, "", "brief", "Russia", "Taliban", "--db", db, "--format", "json")
	if code != exitOK {
		t.Fatalf("brief: exit %d\n%s", code, errs)
	}
	var b struct {
		Snapshot, Hedged []struct {
			Text, Quote string
			Cites       []int
		}
		Sources []struct {
			N      int
			Title  string
			Copies []string
			Via    string
		}
	}
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatalf("decode: %v\n%s", err, out)
	}
	listed := map[int]bool{} // brief numbers of the article's own listed sources
	for _, s := range b.Sources {
		if s.Via != "" {
			listed[s.N] = true
		}
	}
	citesListed := false
	for _, l := range b.Snapshot {
		for _, n := range l.Cites {
			citesListed = citesListed || listed[n]
		}
	}
	if !citesListed {
		t.Errorf("no Snapshot line cites the article's own sources:\n%s", out)
	}
	hedged := false
	for _, l := range b.Hedged {
		hedged = hedged || strings.Contains(l.Quote, "turning point")
	}
	if !hedged {
		t.Errorf("the 'turning point' assessment is not under hedged:\n%s", out)
	}
	oneStory := false
	for _, s := range b.Sources {
		if strings.Contains(s.Title, "Russia, Afghanistan sign military cooperation deal") {
			joined := strings.Join(s.Copies, "\n")
			oneStory = strings.Contains(joined, "[4]") && strings.Contains(joined, "[6]")
		}
	}
	if !oneStory {
		t.Errorf("[2], [4] and [6] are not listed as one story:\n%s", out)
	}
}
