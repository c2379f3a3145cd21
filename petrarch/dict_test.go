package petrarch

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/shared"
)

func loadFixture(t testing.TB, name, kind string) *Dictionaries {
	t.Helper()
	d := &Dictionaries{Synsets: map[string]*Synset{}}
	if err := d.readFile(filepath.Join("testdata", name), kind); err != nil {
		t.Fatal(err)
	}
	d.index()
	return d
}

func errorLines(l ErrorList) []string {
	var out []string
	for _, e := range l {
		out = append(out, e.File+":"+itoa(e.Line))
	}
	return out
}

func itoa(n int) string {
	var b []byte
	if n == 0 {
		return "0"
	}
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

// checkAddsUp checks that every line of a file got exactly one kind and
// that the entry lines match the counted content, so nothing is dropped
// without being reported.
func checkAddsUp(t *testing.T, f FileStats) {
	t.Helper()
	if sum := f.Blank + f.Comments + f.Entries + f.Structure + f.Errors; sum != f.Lines {
		t.Errorf("%s: blank+comments+entries+structure+errors = %d, want %d lines", f.File, sum, f.Lines)
	}
	var content int
	switch f.Kind {
	case "actors":
		content = f.ActorPhrases
	case "agents":
		content = f.Agents
	case "verbs":
		content = f.Verbs + f.Patterns + f.SynsetMembers + f.Transformations
	case "discards":
		content = f.Discards
	case "issues":
		content = f.Issues
	case "words":
		content = f.Words
	}
	if content != f.Entries {
		t.Errorf("%s: %d entry lines but %d entries counted", f.File, f.Entries, content)
	}
}

func TestReaders_Fixtures(t *testing.T) {
	tests := []struct {
		file, kind string
		wantErrs   []string
		check      func(t *testing.T, d *Dictionaries)
	}{
		{"actors.txt", "actors", []string{"actors.txt:16", "actors.txt:17"}, func(t *testing.T, d *Dictionaries) {
			if len(d.Actors) != 5 {
				t.Fatalf("got %d actors, want 5", len(d.Actors))
			}
			g := d.Actors[2]
			for _, c := range []struct {
				day  int
				want string
			}{{19500101, "HOB"}, {19950601, "HOBGOV"}, {19990815, "HOBGOV"}, {19990816, "HOBREB"}} {
				if got := g.CodesOn(c.day); !slices.Equal(got, []string{c.want}) {
					t.Errorf("GOLLUM on %d = %v, want %s", c.day, got, c.want)
				}
			}
			if got := d.Actors[3].CodesOn(20000101); !slices.Equal(got, []string{"FRO", "BIL", "SAM"}) {
				t.Errorf("THE_SHIRE = %v", got)
			}
			if un := d.Actors[4]; un.Root != "U.N._" || !slices.Equal(un.Synonyms, []string{"UNITED_NATIONS"}) {
				t.Errorf("stacked roots = %q %q", un.Root, un.Synonyms)
			}
		}},
		{"agents.txt", "agents", []string{"agents.txt:8", "agents.txt:9", "agents.txt:10"}, func(t *testing.T, d *Dictionaries) {
			forms := map[string]*Agent{}
			for _, a := range d.Agents {
				for _, f := range a.Forms {
					forms[strings.Join(f, " ")] = a
				}
			}
			for phrase, want := range map[string]string{"POLICE": "COP", "GOLDEN GEESE": "GGS", "CONGRESSWOMAN": "LEG", "MINISTERS": "GOV", "MSF": "NGO"} {
				if a := forms[phrase]; a == nil || a.Code != want {
					t.Errorf("agent %q = %v, want code %s", phrase, a, want)
				}
			}
			if _, ok := forms["POLICES"]; ok {
				t.Error("POLICE {} got a plural")
			}
			if !forms["MSF"].Prefix || forms["POLICE"].Prefix {
				t.Error("prefix flags wrong")
			}
		}},
		{"verbs.txt", "verbs", []string{"verbs.txt:17", "verbs.txt:18", "verbs.txt:19", "verbs.txt:20", "verbs.txt:22"}, func(t *testing.T, d *Dictionaries) {
			if len(d.Blocks) != 1 || len(d.Blocks[0].Patterns) != 3 {
				t.Fatalf("blocks/patterns wrong: %+v", d.Blocks)
			}
			if got := d.verbs["TAPPED"]; len(got) != 1 || !slices.Equal(got[0].Pre, []string{"WIRE"}) || got[0].Verb.Code != "1711" {
				t.Errorf("TAPPED forms = %+v", got)
			}
			if got := d.verbs["BROKE"]; len(got) != 1 || !slices.Equal(got[0].Post, []string{"DOWN"}) {
				t.Errorf("BROKE forms = %+v", got)
			}
			if got := d.verbs["ABANDONED"]; len(got) != 1 {
				t.Errorf("ABANDONED forms = %+v", got)
			}
			p := d.Blocks[0].Patterns[1]
			if p.Star != 2 || p.Elems[0].Kind != ElemTarget || !p.Elems[2].Join || p.Elems[4].Kind != ElemSource {
				t.Errorf("pattern %q parsed as %+v", p.Text, p.Elems)
			}
			if c := d.Blocks[0].Patterns[2]; c.Code != "030" || c.Code2 != "030" {
				t.Errorf("paired code = %q:%q", c.Code, c.Code2)
			}
			if got := len(d.synWords["NESTED"]); got != 5 { // MILITARY(S), ECONOMIC(S), CLOSER
				t.Errorf("NESTED has %d members: %v", got, d.synWords["NESTED"])
			}
			if len(d.Transforms) != 1 {
				t.Errorf("transforms = %d", len(d.Transforms))
			}
		}},
		{"discards.txt", "discards", []string{"discards.txt:5"}, func(t *testing.T, d *Dictionaries) {
			if len(d.Discards) != 3 || !d.Discards[1].Story || d.Discards[0].Story {
				t.Errorf("discards = %+v", d.Discards)
			}
		}},
		{"issues.txt", "issues", []string{"issues.txt:5", "issues.txt:7", "issues.txt:8"}, func(t *testing.T, d *Dictionaries) {
			if len(d.Issues) != 3 || !d.Issues[2].Suppress {
				t.Fatalf("issues = %+v", d.Issues)
			}
			var forms []string
			for _, f := range d.Issues[1].Forms {
				forms = append(forms, strings.Join(f, " "))
			}
			if !slices.Equal(forms, []string{"PRE K", "PRE-K", "PREK"}) {
				t.Errorf("pre+k forms = %q", forms)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d := loadFixture(t, tt.file, tt.kind)
			if got := errorLines(d.Errors); !slices.Equal(got, tt.wantErrs) {
				t.Errorf("errors at %v, want %v\n%v", got, tt.wantErrs, d.Errors)
			}
			checkAddsUp(t, d.Files[0])
			if d.Files[0].Errors != len(tt.wantErrs) {
				t.Errorf("error lines = %d, want %d", d.Files[0].Errors, len(tt.wantErrs))
			}
			tt.check(t, d)
		})
	}
}

func TestLoad_SharedDictionaries(t *testing.T) {
	dir := shared.Path(t, "eval", "petrarch2", "dictionaries")
	s, err := Stats(dir)
	if err != nil {
		t.Fatal(err)
	}
	ents, _ := os.ReadDir(dir)
	if len(s.Files) != len(ents) {
		t.Errorf("read %d files of %d", len(s.Files), len(ents))
	}
	perFile := map[string]int{}
	for _, e := range s.Errors {
		perFile[e.File]++
	}
	for _, f := range s.Files {
		t.Logf("%+v", f)
		checkAddsUp(t, f)
		if f.Errors > perFile[f.File] {
			t.Errorf("%s: %d error lines but %d errors reported", f.File, f.Errors, perFile[f.File])
		}
	}
	byName := map[string]FileStats{}
	for _, f := range s.Files {
		byName[f.File] = f
	}
	// Floors from the README and a reading of the files; a reader that
	// starts dropping entries falls below them.
	for _, c := range []struct {
		file  string
		field string
		got   int
		min   int
	}{
		{"CAMEO.2.0.txt", "synsets", byName["CAMEO.2.0.txt"].Synsets, 40},
		{"CAMEO.2.0.txt", "blocks", byName["CAMEO.2.0.txt"].VerbBlocks, 397},
		{"CAMEO.2.0.txt", "patterns", byName["CAMEO.2.0.txt"].Patterns, 4600},
		{"CAMEO.2.0.txt", "transformations", byName["CAMEO.2.0.txt"].Transformations, 8},
		{"Phoenix.Countries.actors.txt", "actors", byName["Phoenix.Countries.actors.txt"].Actors, 18000},
		{"Phoenix.agents.txt", "agents", byName["Phoenix.agents.txt"].Agents, 2200},
		{"Phoenix.discards.txt", "discards", byName["Phoenix.discards.txt"].Discards, 500},
		{"Phoenix.IssueCoding.txt", "issues", byName["Phoenix.IssueCoding.txt"].Issues, 3100},
		{"PETR.Validate.actors.txt", "actors", byName["PETR.Validate.actors.txt"].Actors, 128},
		{"PETR.Validate.verbs.txt", "patterns", byName["PETR.Validate.verbs.txt"].Patterns, 474},
	} {
		if c.got < c.min {
			t.Errorf("%s: %d %s, want at least %d", c.file, c.got, c.field, c.min)
		}
	}
	for _, f := range []string{"PETR.Validate.actors.txt", "PETR.Validate.agents.txt", "PETR.Validate.verbs.txt", "PETR.Validate.discards.txt"} {
		if perFile[f] != 0 {
			t.Errorf("%s: unexpected errors", f)
		}
	}
}
