package petrarch

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/shared"
)

// minDevPassed is the number of dev records (sentence="true") the coder
// passed when this floor was last raised, minus a margin of three.
const minDevPassed = 172 - 3

func TestEval_DevRecords(t *testing.T) {
	path := shared.Path(t, "eval", "petrarch2", "text", "PETR.UnitTest.records.dev.xml")
	res, err := Eval(path, "", EvalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Records != 195 || res.Unimplemented.Records != 2 {
		t.Errorf("records = %d + %d sentence=false, want 195 + 2", res.Records, res.Unimplemented.Records)
	}
	for c, r := range res.Categories {
		t.Logf("%-10s %3d/%3d", c, r.Passed, r.Records)
	}
	t.Logf("passed %d/%d (%.1f%%)", res.Passed, res.Records, 100*res.PassRate)
	if res.Passed < minDevPassed {
		for _, f := range res.Failures {
			t.Logf("%s: want %q got %q", f.ID, f.Expected, f.Got)
		}
		t.Errorf("passed %d records, want at least %d", res.Passed, minDevPassed)
	}
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"records":`, `"passed":`, `"categories":`, `"failures":`, `"SYNSET":`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("result JSON lacks %s", key)
		}
	}
}

func validationCoder(t testing.TB) *Coder {
	t.Helper()
	dir := shared.Path(t, "eval", "petrarch2", "dictionaries")
	d, err := LoadFiles(dir, Files{Verbs: []string{"PETR.Validate.verbs.txt"}, Actors: []string{"PETR.Validate.actors.txt"},
		Agents: []string{"PETR.Validate.agents.txt"}, Discards: []string{"PETR.Validate.discards.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	return NewCoder(d)
}

func TestCoder_CodeText(t *testing.T) {
	c := validationCoder(t)
	day := time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text string
		date       time.Time
		want       []string
	}{
		{"simple", "Arnor is about to restore full diplomatic ties with Gondor.", day, []string{"ARN GON 064"}},
		{"agent after actor", "Russian police arrested students in Moscow today.", day, []string{"RUSCOP ---EDU 212"}},
		{"prefix agent", "MSF Arnor is about to restore full diplomatic ties with Gondor.", day, []string{"NGOARN GON 064"}},
		{"compound target", "Osgiliath welcomed the resumption of formal diplomatic ties with Rohan and Bree.", day,
			[]string{"OSG ROH 041", "OSG BRE 041"}},
		{"synset pattern", "Arnor will contribute a million swiss francs to Gondor.", day, []string{"ARN GON 903"}},
		{"dated code", "Smeagol is about to restore full diplomatic ties with Gondor.", time.Date(1999, 1, 1, 0, 0, 0, 0, time.UTC),
			[]string{"HOBGOV GON 064"}},
		{"passive by", "Eriador was opposed by Osgiliath in the peace process.", day, []string{"OSG ERI 112"}},
		{"noun not verb", "Arnor condemned an attack by Gondor.", day, []string{"ARN GON 122"}},
		{"nothing", "The weather in Bree was mild.", day, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range c.CodeText(tt.text, tt.date) {
				got = append(got, e.Key())
			}
			if strings.Join(sorted(got), "|") != strings.Join(sorted(tt.want), "|") {
				t.Errorf("CodeText(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestCoder_Rejects(t *testing.T) {
	c := validationCoder(t)
	day := time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ name, text, want string }{
		{"story discard", "Arnor will host the World Golf Championships.", "storydiscard"},
		{"sentence discard", "Arnor played baseball with Gondor.", "sentencediscard"},
		{"dateline", "MINAS TIRITH: -- Arnor restored ties with Gondor.", "dateline"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.Analyze(tt.text, day); got.Rejected != tt.want || len(got.Events) != 0 {
				t.Errorf("Analyze(%q) = %+v, want rejected %s", tt.text, got, tt.want)
			}
		})
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}
