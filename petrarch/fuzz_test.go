package petrarch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
