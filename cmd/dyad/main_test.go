package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// run runs Main with args and returns its exit status, stdout and stderr.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// sampleDir writes the bundled samples into a fresh folder.
func sampleDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := extractSamples(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

type eventJSON struct {
	ID            string `json:"id"`
	Date          string `json:"date"`
	DatePrecision string `json:"date_precision"`
	Source        struct{ Code, Country, Role, Name string }
	Target        struct{ Code, Country, Role, Name string }
	Cameo         string `json:"cameo"`
	Certainty     string `json:"certainty"`
	NumMentions   int    `json:"num_mentions"`
	NumDocuments  int    `json:"num_documents"`
	NumSources    int    `json:"num_sources"`
	Mentions      []struct {
		Doc       string `json:"doc"`
		Certainty string `json:"certainty"`
	} `json:"mentions"`
	Conflicts []struct {
		Field  string `json:"field"`
		Values []struct {
			Value   string `json:"value"`
			Sources int    `json:"sources"`
		} `json:"values"`
	} `json:"conflicts"`
}

func decodeEvents(t *testing.T, s string) []eventJSON {
	t.Helper()
	var evs []eventJSON
	if err := json.Unmarshal([]byte(s), &evs); err != nil {
		t.Fatalf("decode events: %v\n%s", err, s)
	}
	return evs
}

func TestMain_UsageAndUnknownCommand(t *testing.T) {
	if code, _, _ := run(t, ""); code != exitUsage {
		t.Errorf("no args: exit %d, want %d", code, exitUsage)
	}
	if code, _, errs := run(t, "", "frobnicate"); code != exitUsage || !strings.Contains(errs, "unknown command") {
		t.Errorf("unknown command: exit %d, stderr %q", code, errs)
	}
	if code, _, _ := run(t, "", "events", "--since", "yesterday", "--db", filepath.Join(t.TempDir(), "x.db")); code != exitUsage {
		t.Errorf("bad date: exit %d, want %d", code, exitUsage)
	}
	if code, _, _ := run(t, "", "events", "--format", "xml", "--db", filepath.Join(t.TempDir(), "x.db")); code != exitUsage {
		t.Errorf("bad format: exit %d, want %d", code, exitUsage)
	}
}

// TestIngest_SigningCorpus ingests the bundled samples and checks the
// signing that five outlets tell: 5 documents, 4 independent sources (two
// are a wire story and its syndicated copy), a date conflict backed 3 to 1,
// the denial kept as a negated mention without lowering the certainty, and
// the same parties' agreement a year earlier as an event of its own.
func TestIngest_SigningCorpus(t *testing.T) {
	db := filepath.Join(t.TempDir(), "dyad.db")
	code, _, errs := run(t, "", "ingest", "--db", db, sampleDir(t))
	if code != exitOK {
		t.Fatalf("ingest: exit %d\n%s", code, errs)
	}
	_, out, errs := run(t, "", "events", "--db", db, "--dyad", "RUS,AFG", "--code", "057", "--format", "json", "--limit", "0")
	evs := decodeEvents(t, out)
	var signing, earlier *eventJSON
	for i, e := range evs {
		switch {
		case strings.HasPrefix(e.Date, "2026-05"):
			signing = &evs[i]
		case strings.HasPrefix(e.Date, "2025-05"):
			earlier = &evs[i]
		}
	}
	if signing == nil || earlier == nil {
		t.Fatalf("want the 2026 signing and the 2025 agreement among:\n%s\n%s", out, errs)
	}
	if signing.NumDocuments != 5 || signing.NumSources != 4 {
		t.Errorf("signing: %d documents, %d independent sources; want 5 and 4", signing.NumDocuments, signing.NumSources)
	}
	if signing.Date != "2026-05-27" || signing.Certainty != "asserted" {
		t.Errorf("signing: date %s certainty %s; want 2026-05-27 asserted", signing.Date, signing.Certainty)
	}
	var dateConflict bool
	for _, c := range signing.Conflicts {
		if c.Field == "date" && len(c.Values) == 2 && c.Values[0].Value == "2026-05-27" && c.Values[0].Sources == 3 &&
			c.Values[1].Value == "2026-05-31" && c.Values[1].Sources == 1 {
			dateConflict = true
		}
	}
	if !dateConflict {
		t.Errorf("signing conflicts = %+v, want date 2026-05-27 (3) vs 2026-05-31 (1)", signing.Conflicts)
	}
	var denial bool
	for _, m := range signing.Mentions {
		denial = denial || m.Certainty == "negated"
	}
	if !denial {
		t.Errorf("the denial should be a negated mention of the signing: %+v", signing.Mentions)
	}
	if earlier.NumDocuments != 1 {
		t.Errorf("earlier agreement: %d documents, want 1", earlier.NumDocuments)
	}
	// show prints the denial.
	_, shown, _ := run(t, "", "show", "--db", db, signing.ID)
	if !strings.Contains(shown, "negated") || !strings.Contains(shown, "2026-05-31") {
		t.Errorf("show lacks the denial or the conflict:\n%s", shown)
	}
	// Ingesting again stores nothing new.
	_, _, errs = run(t, "", "ingest", "--db", db, sampleDir(t))
	if !strings.Contains(errs, " 0 new") {
		t.Errorf("second ingest: %s", errs)
	}
}

// TestIngest_OrderIndependent ingests the samples one file at a time in
// three orders and compares the events, IDs aside.
func TestIngest_OrderIndependent(t *testing.T) {
	dir := sampleDir(t)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		files = append(files, filepath.Join(dir, e.Name()))
	}
	orders := [][]int{{0, 1, 2, 3, 4, 5, 6}, {6, 5, 4, 3, 2, 1, 0}, {3, 0, 6, 1, 5, 2, 4}}
	var want string
	for i, order := range orders {
		db := filepath.Join(t.TempDir(), "dyad.db")
		for _, j := range order {
			if j >= len(files) {
				continue
			}
			if code, _, errs := run(t, "", "ingest", "--db", db, files[j]); code != exitOK {
				t.Fatalf("ingest %s: %s", files[j], errs)
			}
		}
		_, out, _ := run(t, "", "events", "--db", db, "--format", "json", "--limit", "0")
		got := canonical(t, out)
		if i == 0 {
			want = got
		} else if got != want {
			t.Errorf("order %v gives other events:\n%s\nwant\n%s", order, got, want)
		}
	}
}

// canonical renders events without their IDs, sorted, for comparison.
func canonical(t *testing.T, out string) string {
	evs := decodeEvents(t, out)
	var lines []string
	for _, e := range evs {
		docs := []string{}
		for _, m := range e.Mentions {
			docs = append(docs, m.Doc+":"+m.Certainty)
		}
		b, _ := json.Marshal(struct {
			E    eventJSON
			Docs []string
		}{eventJSON{Date: e.Date, Source: e.Source, Target: e.Target, Cameo: e.Cameo, Certainty: e.Certainty,
			NumMentions: e.NumMentions, NumDocuments: e.NumDocuments, NumSources: e.NumSources, Conflicts: e.Conflicts}, docs})
		lines = append(lines, string(b))
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}
