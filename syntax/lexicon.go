package syntax

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed lexicon.txt
var lexiconText string

//go:embed verbs.txt
var verbsText string

// entry is what the lexicon knows of one lower-case word form.
type entry struct {
	tags  [4]Tag // candidate tags, most frequent first
	n     uint8
	lemma string // the verb lemma when the form is a verb form
}

func (e *entry) add(t Tag) {
	for i := uint8(0); i < e.n; i++ {
		if e.tags[i] == t {
			return
		}
	}
	if e.n < uint8(len(e.tags)) {
		e.tags[e.n] = t
		e.n++
	}
}

func (e *entry) has(t Tag) bool {
	for i := uint8(0); i < e.n; i++ {
		if e.tags[i] == t {
			return true
		}
	}
	return false
}

var (
	lexicon = map[string]*entry{}
	// verbBase is the set of verb lemmas the lexicon knows.
	verbBase = map[string]bool{}
)

func init() {
	if err := loadVerbs(verbsText); err != nil {
		panic("syntax: verbs.txt: " + err.Error())
	}
	if err := loadLexicon(lexiconText); err != nil {
		panic("syntax: lexicon.txt: " + err.Error())
	}
}

func loadLexicon(s string) error {
	for n, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 2 {
			return fmt.Errorf("line %d: want a word and its tags", n+1)
		}
		e := lexicon[f[0]]
		if e == nil {
			e = &entry{}
			lexicon[f[0]] = e
		} else {
			// Lexicon tags come first: they are the words' usual classes;
			// verb tags already present stay as further candidates.
			old := *e
			*e = entry{lemma: old.lemma}
			defer func(e *entry, old entry) {
				for i := uint8(0); i < old.n; i++ {
					e.add(old.tags[i])
				}
			}(e, old)
		}
		for _, t := range f[1:] {
			tag, ok := ParseTag(t)
			if !ok {
				return fmt.Errorf("line %d: unknown tag %q", n+1, t)
			}
			e.add(tag)
		}
	}
	return nil
}

func addForm(form, lemma string, tags ...Tag) {
	e := lexicon[form]
	if e == nil {
		e = &entry{}
		lexicon[form] = e
	}
	if e.lemma == "" {
		e.lemma = lemma
	}
	for _, t := range tags {
		e.add(t)
	}
}

func loadVerbs(s string) error {
	for n, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Fields(line)
		if f[0] == "+" {
			for _, v := range f[1:] {
				addRegular(v)
			}
			continue
		}
		if len(f) < 3 {
			return fmt.Errorf("line %d: want base, past and participle", n+1)
		}
		base := f[0]
		verbBase[base] = true
		addForm(base, base, VB, VBP)
		for _, p := range strings.Split(f[1], "/") {
			addForm(p, base, VBD)
		}
		for _, p := range strings.Split(f[2], "/") {
			addForm(p, base, VBN)
		}
		third := thirdPerson(base)
		if len(f) > 3 {
			third = f[3]
		}
		addForm(third, base, VBZ)
		ing := gerunds(base)[0]
		if len(f) > 4 {
			ing = f[4]
		}
		addForm(ing, base, VBG)
	}
	// The forms of be, have and do that the table's columns cannot hold.
	for _, w := range []string{"am", "are"} {
		addForm(w, "be", VBP)
	}
	addForm("'s", "be", POS, VBZ)
	addForm("’s", "be", POS, VBZ)
	addForm("'re", "be", VBP)
	addForm("'ve", "have", VBP)
	addForm("n't", "not", RB)
	addForm("n’t", "not", RB)
	addForm("ca", "can", MD)
	addForm("wo", "will", MD)
	return nil
}

func addRegular(v string) {
	verbBase[v] = true
	addForm(v, v, VB, VBP)
	addForm(thirdPerson(v), v, VBZ)
	for _, p := range pasts(v) {
		addForm(p, v, VBD, VBN)
	}
	for _, g := range gerunds(v) {
		addForm(g, v, VBG)
	}
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

func thirdPerson(v string) string {
	switch {
	case strings.HasSuffix(v, "s"), strings.HasSuffix(v, "x"), strings.HasSuffix(v, "z"),
		strings.HasSuffix(v, "ch"), strings.HasSuffix(v, "sh"), strings.HasSuffix(v, "o"):
		return v + "es"
	case len(v) > 1 && v[len(v)-1] == 'y' && !isVowel(v[len(v)-2]):
		return v[:len(v)-1] + "ies"
	}
	return v + "s"
}

// cvc reports whether v ends consonant-vowel-consonant, where English may
// double the final consonant (ban → banned, travel → travelled).
func cvc(v string) bool {
	n := len(v)
	if n < 3 {
		return false
	}
	a, b, c := v[n-3], v[n-2], v[n-1]
	return !isVowel(a) && isVowel(b) && !isVowel(c) && c != 'w' && c != 'x' && c != 'y'
}

func pasts(v string) []string {
	n := len(v)
	switch {
	case v[n-1] == 'e':
		return []string{v + "d"}
	case n > 1 && v[n-1] == 'y' && !isVowel(v[n-2]):
		return []string{v[:n-1] + "ied"}
	case cvc(v):
		return []string{v + "ed", v + v[n-1:] + "ed"}
	}
	return []string{v + "ed"}
}

func gerunds(v string) []string {
	n := len(v)
	switch {
	case strings.HasSuffix(v, "ie"):
		return []string{v[:n-2] + "ying"}
	case v[n-1] == 'e' && n > 2 && v[n-2] != 'e' && v[n-2] != 'y' && v[n-2] != 'o':
		return []string{v[:n-1] + "ing"}
	case cvc(v):
		return []string{v + "ing", v + v[n-1:] + "ing"}
	}
	return []string{v + "ing"}
}

// VerbLemma returns the base form of a verb form in lower case: the
// lexicon's lemma when it knows the form, else a guess from the regular
// spelling rules ("normalized" → "normalize", "shelled" → "shell").
func VerbLemma(w string) string {
	if e := lexicon[w]; e != nil && e.lemma != "" {
		return e.lemma
	}
	n := len(w)
	try := func(c string) bool { return verbBase[c] }
	switch {
	case n > 4 && strings.HasSuffix(w, "ied"):
		if c := w[:n-3] + "y"; try(c) {
			return c
		}
	case n > 3 && strings.HasSuffix(w, "ed"):
		for _, c := range []string{w[:n-1], w[:n-2]} {
			if try(c) {
				return c
			}
		}
		if n > 4 && w[n-3] == w[n-4] && (try(w[:n-3]) || w[n-3] != 's' && w[n-3] != 'l' && w[n-3] != 'f' && w[n-3] != 'z') {
			return w[:n-3] // banned, gassed is "gas" only when known
		}
		if stem := w[:n-2]; needsE(stem) {
			return w[:n-1] // an unknown "…ated" verb: "assasinated" → "assasinate"
		}
		return w[:n-2]
	case n > 4 && strings.HasSuffix(w, "ing"):
		s := w[:n-3]
		if try(s) {
			return s
		}
		if try(s + "e") {
			return s + "e"
		}
		if len(s) > 2 && s[len(s)-1] == s[len(s)-2] && try(s[:len(s)-1]) {
			return s[:len(s)-1]
		}
		return s
	case n > 3 && strings.HasSuffix(w, "ies"):
		if c := w[:n-3] + "y"; try(c) {
			return c
		}
	case n > 3 && strings.HasSuffix(w, "es") && try(w[:n-2]):
		return w[:n-2]
	case n > 2 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:n-1]
	}
	return w
}

// NounLemma returns the singular of a plural noun in lower case
// ("sanctions" → "sanction", "talks" → "talks" is kept whole only when
// listed as such by the caller).
func NounLemma(w string) string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 4 && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes")):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}

// needsE reports whether a stem left by removing "-ed" from an unknown verb
// probably lost a silent e ("assasinat-ed", "normaliz-ed").
func needsE(stem string) bool {
	for _, suf := range []string{"at", "iz", "is", "ut", "uc", "iv", "ov", "ag", "ud", "id", "ur", "us"} {
		if strings.HasSuffix(stem, suf) && len(stem) > 3 {
			return true
		}
	}
	return false
}
