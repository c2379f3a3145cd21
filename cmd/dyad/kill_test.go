package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildDyad builds the dyad binary into a temporary folder.
func buildDyad(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "dyad")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// writeCorpus writes n synthetic news documents as JSON Lines, with a few
// exact repeats, and returns the path and the number of distinct texts.
func writeCorpus(t *testing.T, n int) (string, int) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	actors := []string{"Russia", "China", "Iran", "the United States", "Turkey", "India", "Japan", "France"}
	verbs := []string{"signed a trade agreement with", "condemned", "met officials from", "imposed sanctions on", "praised", "threatened"}
	distinct := 0
	for i := range n {
		k := i
		if i%50 == 49 {
			k = i - 1 // an exact repeat of the previous record
		} else {
			distinct++
		}
		a, b := actors[k%len(actors)], actors[(k/len(actors)+1+k)%len(actors)]
		text := fmt.Sprintf("Report number %d. %s %s %s on Monday, officials said. The talks covered item %d and item %d.", k, a, verbs[k%len(verbs)], b, k*7, k*13)
		rec := map[string]string{"id": fmt.Sprint("syn-", i), "title": fmt.Sprint("Report ", k), "outlet": fmt.Sprint("Outlet ", k%17), "published": "2026-05-18", "text": text}
		b2, _ := json.Marshal(rec)
		w.Write(b2)
		w.WriteByte('\n')
	}
	w.Flush()
	f.Close()
	return path, distinct
}

type statsJSON struct {
	Documents, Stories, Sentences, Mentions, Events int
}

func stats(t *testing.T, bin, db string) statsJSON {
	t.Helper()
	out, err := exec.Command(bin, "stats", "--db", db, "--format", "json").Output()
	if err != nil {
		t.Fatalf("stats: %v", err)
	}
	var s statsJSON
	if err := json.Unmarshal(out, &s); err != nil {
		t.Fatalf("stats: %v: %s", err, out)
	}
	return s
}

// TestIngest_KillAndResume kills a real ingest with SIGKILL mid-run, runs
// it again, and checks that the store equals that of an uninterrupted run.
func TestIngest_KillAndResume(t *testing.T) {
	bin := buildDyad(t)
	corpus, distinct := writeCorpus(t, 6000)

	clean := filepath.Join(t.TempDir(), "clean.db")
	if out, err := exec.Command(bin, "ingest", "--db", clean, corpus).CombinedOutput(); err != nil {
		t.Fatalf("uninterrupted ingest: %v\n%s", err, out)
	}
	want := stats(t, bin, clean)
	if want.Documents != distinct {
		t.Fatalf("uninterrupted ingest stored %d documents, want %d", want.Documents, distinct)
	}

	db := filepath.Join(t.TempDir(), "killed.db")
	killed := false
	for delay := 300 * time.Millisecond; delay < 20*time.Second && !killed; delay *= 2 {
		os.Remove(db)
		cmd := exec.Command(bin, "ingest", "--db", db, corpus)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		if err := cmd.Process.Signal(syscall.SIGKILL); err == nil {
			err := cmd.Wait()
			killed = err != nil && strings.Contains(err.Error(), "killed")
		} else {
			cmd.Wait()
		}
		if killed {
			if got := stats(t, bin, db); got.Documents >= distinct {
				killed = false // it had already finished; try a shorter run
				break
			} else {
				t.Logf("killed after %v with %d of %d documents stored", delay, got.Documents, distinct)
			}
		}
	}
	if !killed {
		t.Skip("could not kill the ingest mid-run on this machine")
	}
	out, err := exec.Command(bin, "ingest", "--db", db, corpus).CombinedOutput()
	if err != nil {
		t.Fatalf("resumed ingest: %v\n%s", err, out)
	}
	if got := stats(t, bin, db); got != want {
		t.Errorf("after kill and resume: %+v\nuninterrupted:         %+v", got, want)
	}
	if out, err := exec.Command(bin, "ingest", "--db", db, corpus).CombinedOutput(); err != nil || !strings.Contains(string(out), " 0 new") {
		t.Errorf("third ingest should store nothing new: %v\n%s", err, out)
	}
}
