package petrarch

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/shared"
)

// fuzzReader seeds f with a fixture and checks the invariants every reader
// keeps on any input: no panic, one kind per line, errors positioned on
// real lines.
func fuzzReader(f *testing.F, fixture string, extra []string, read func(lines []string, errs *ErrorList) FileStats) {
	if b, err := os.ReadFile(filepath.Join("testdata", fixture)); err == nil {
		f.Add(string(b))
		for _, l := range strings.Split(string(b), "\n") {
			f.Add(l)
		}
	}
	for _, e := range extra {
		f.Add(e)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lines := strings.Split(s, "\n")
		var errs ErrorList
		st := read(lines, &errs)
		if st.Lines != len(lines) {
			t.Fatalf("stats cover %d lines of %d", st.Lines, len(lines))
		}
		if sum := st.Blank + st.Comments + st.Entries + st.Structure + st.Errors; sum != st.Lines {
			t.Fatalf("kinds add up to %d, want %d", sum, st.Lines)
		}
		if st.Errors > len(errs) {
			t.Fatalf("%d error lines but %d errors", st.Errors, len(errs))
		}
		for _, e := range errs {
			if e.Line < 1 || e.Line > len(lines) {
				t.Fatalf("error %v outside 1..%d", e, len(lines))
			}
		}
	})
}

func FuzzActors(f *testing.F) {
	fuzzReader(f, "actors.txt", []string{"X [A <1] [B 1-2]", "[A]", "+Y [Z >991231]", "A [B 20000101-19990101]"},
		func(lines []string, errs *ErrorList) FileStats {
			as, st := readActors("f", lines, errs)
			for _, a := range as {
				if len(a.Codes) == 0 {
					panic("actor without codes kept")
				}
				a.CodesOn(20000101)
			}
			return st
		})
}

func FuzzAgents(f *testing.F) {
	fuzzReader(f, "agents.txt", []string{"!A! = B, C\nX!A!!A! [~Y]", "{ [~]", "A {B} [X~]"},
		func(lines []string, errs *ErrorList) FileStats {
			_, st := readAgents("f", lines, errs)
			return st
		})
}

func FuzzVerbs(f *testing.F) {
	fuzzReader(f, "verbs.txt", []string{"--- A [1] ---\nA {}\n- _*_ [2]", "&X\n+&X", "--- [ ---"},
		func(lines []string, errs *ErrorList) FileStats {
			vf, st := readVerbs("f", lines, errs)
			for _, b := range vf.blocks {
				for _, p := range b.Patterns {
					if p.Star < 0 || p.Star >= len(p.Elems) || p.Elems[p.Star].Kind != ElemVerb {
						panic("pattern star out of place")
					}
				}
			}
			d := &Dictionaries{Synsets: map[string]*Synset{}}
			for _, s := range vf.synsets {
				d.Synsets[s.Name] = s
			}
			d.Blocks = vf.blocks
			d.index()
			return st
		})
}

func FuzzDiscards(f *testing.F) {
	fuzzReader(f, "discards.txt", []string{"+", "+ x", "''"},
		func(lines []string, errs *ErrorList) FileStats {
			_, st := readDiscards("f", lines, errs)
			return st
		})
}

func FuzzIssues(f *testing.F) {
	fuzzReader(f, "issues.txt", []string{"<ISSUE CATEGORY=\"A\">\nv:a+n:b [C]", "<ISSUE CATEGORY=\">"},
		func(lines []string, errs *ErrorList) FileStats {
			_, st := readIssues("f", lines, errs)
			return st
		})
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Gondor's army didn't go.", "U.S. forces ``quoted'' -- (x)", "STATES' rights", "  "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, tok := range Tokenize(s) {
			if tok.Start < last || tok.End <= tok.Start || tok.End > len(s) {
				t.Fatalf("token %+v out of order or bounds (last end %d, len %d)", tok, last, len(s))
			}
			last = tok.End
		}
	})
}

// FuzzValidation reads a validation-record file (PETRARCH's XML) and runs
// it with the test dictionaries: no panic; a malformed file or record is an
// error naming the file; record texts are whitespace-normalized; and the
// result's counts add up.
func FuzzValidation(f *testing.F) {
	if p := shared.Root(); p != "" {
		if b, err := os.ReadFile(filepath.Join(p, "eval", "petrarch2", "text", "PETR.UnitTest.records.dev.xml")); err == nil {
			// Whole records without their parse trees, which Eval ignores,
			// keep the seeds small.
			s := parseTree.ReplaceAllString(string(b), "")
			recs := sentenceRecord.FindAllString(s, 12)
			for i := 0; i+3 <= len(recs); i += 3 {
				f.Add("<Validation><Sentences>" + strings.Join(recs[i:i+3], "\n") + "</Sentences></Validation>")
			}
		}
	}
	f.Add(`<Validation><Environment><Verbfile>v.txt</Verbfile><Actorfile>a.txt, b.txt</Actorfile></Environment>
<Sentences><Config option="new_actor_length" value="3"></Config>
<Sentence date="19950101" id="T-1" category="T" sentence="true"><EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text> Arnor is about to restore full diplomatic ties with Gondor. </Text></Sentence>
<Sentence date="19950102" id="T-2" category="T" sentence="false"><EventCoding noevents="True"></EventCoding><Text>Nothing.</Text></Sentence>
<Sentence date="19950102" id="T-3" category="U"><EventCoding error="True"></EventCoding><Text>Gondor</Text></Sentence>
</Sentences></Validation>`)
	f.Add(`<Sentence date="1995" id="x"><Text>a</Text></Sentence>`)
	f.Add(`<Config option="comma_min" value="x"/>`)
	f.Add(`<Validation><Sentence date="19950101"><Text>a<Text>b</Text></Text><EventCoding/></Sentence></Validation`)
	d, err := LoadFiles("testdata", Files{Verbs: []string{"verbs.txt"}, Actors: []string{"actors.txt"},
		Agents: []string{"agents.txt"}, Discards: []string{"discards.txt"}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := parseValidation(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, st := range v.steps {
			if st.rec == nil {
				continue
			}
			if txt := st.rec.text; txt != strings.Join(strings.Fields(txt), " ") {
				t.Fatalf("record %q text %q is not whitespace-normalized", st.rec.id, txt)
			}
		}
		res, err := v.run("records.xml", d)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "records.xml: ") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		sum, passed := 0, 0
		for _, c := range res.Categories {
			if c.Passed > c.Records {
				t.Fatalf("category passed %d of %d", c.Passed, c.Records)
			}
			sum += c.Records
			passed += c.Passed
		}
		if sum != res.Records || passed != res.Passed || res.Passed > res.Records ||
			res.Unimplemented.Passed > res.Unimplemented.Records {
			t.Fatalf("counts do not add up: %+v", res)
		}
		if fails := res.Records - res.Passed + res.Unimplemented.Records - res.Unimplemented.Passed; fails != len(res.Failures) {
			t.Fatalf("%d failures listed, %d counted", len(res.Failures), fails)
		}
	})
}

var (
	parseTree      = regexp.MustCompile(`(?s)<Parse>.*?</Parse>`)
	sentenceRecord = regexp.MustCompile(`(?s)<Sentence .*?</Sentence>`)
)
