package code

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/dyad-project/dyad/cameo"
	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/syntax"
)

//go:embed actions.txt
var builtinActions string

// A Rule is one line of the action dictionary: a CAMEO code and the
// conditions under which a verb or noun carries it.
type Rule struct {
	Code dyad.EventCode
	Obj  map[string]bool            // obj=: head lemmas of the direct object
	PP   map[string]map[string]bool // PREP=: preposition → head lemmas ("*" any)
	Gov  map[string]bool            // gov=: (nouns) lemmas of the governing verb
	Mod  map[string]bool            // mod=: words before the head noun
	Swap bool                       // the subject is the target
	Of   string                     // (nouns) "source", "target" or "theme"
	// NeedPP says that the target must come from a prepositional phrase.
	NeedPP bool
	// Alone says that a noun's rule applies only when the noun is not
	// inside another coded event ("violated its agreement with China" is
	// not a signing).
	Alone bool
	// Pos is where the rule was read, "file:line".
	Pos string
}

// An entry is the rules of one verb or noun, conditional rules first.
type entry struct {
	rules []*Rule
}

// Actions is an action dictionary: verb and noun lemmas with their rules.
// It is read-only once built and safe for concurrent use.
type Actions struct {
	verbs map[string]*entry // "sign", "pull out"
	nouns map[string]*entry
	// fuzzy maps each one-letter deletion of a long key (and the key
	// itself) to the keys it comes from, for typo-tolerant lookups.
	fuzzyVerbs, fuzzyNouns map[string][]string
}

// ErrorList is the positioned errors of a dictionary, each "file:line:
// reason", sorted by position. Err returns nil for an empty list.
type ErrorList []error

func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Err returns l as an error, or nil when l is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// BuiltinActions returns the dictionary embedded in the binary
// (actions.txt). It panics if the embedded file is broken, which the tests
// rule out.
func BuiltinActions() *Actions {
	a := newActions()
	if errs := a.parse("actions.txt", builtinActions, false); len(errs) > 0 {
		panic("code: built-in actions: " + errs.Error())
	}
	a.finish()
	return a
}

// LoadActions returns the built-in dictionary extended by the *.txt files of
// dir: a section there replaces the built-in section of the same lemma, so
// users can add words and override codes. Errors come as an ErrorList.
func LoadActions(dir string) (*Actions, error) {
	a := newActions()
	if errs := a.parse("actions.txt", builtinActions, false); len(errs) > 0 {
		return nil, errs
	}
	if errs := a.loadDir(dir); len(errs) > 0 {
		return nil, errs
	}
	a.finish()
	return a, nil
}

// CheckActions reads the *.txt files of dir as LoadActions would and
// returns every problem found, as "file:line: reason" errors, or nil.
func CheckActions(dir string) error {
	a := newActions()
	return a.loadDir(dir).Err()
}

func newActions() *Actions {
	return &Actions{verbs: map[string]*entry{}, nouns: map[string]*entry{}}
}

func (a *Actions) loadDir(dir string) ErrorList {
	var errs ErrorList
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return ErrorList{fmt.Errorf("%s: %w", dir, err)}
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		if err == nil {
			err = errors.New("not a directory")
		}
		return ErrorList{fmt.Errorf("%s: %w", dir, err)}
	}
	sort.Strings(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", f, err))
			continue
		}
		errs = append(errs, a.parse(f, string(b), true)...)
	}
	return errs
}

// parse reads one file. With override, a section replaces what the
// dictionary had for its lemmas; without, sections of one lemma merge.
func (a *Actions) parse(file, src string, override bool) ErrorList {
	var errs ErrorList
	var cur []*entry
	seen := map[*entry]bool{}
	sc := bufio.NewScanner(strings.NewReader(src))
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		pos := fmt.Sprintf("%s:%d", file, n)
		switch f[0] {
		case "verb", "noun":
			rest := strings.TrimSpace(strings.Join(f[1:], " "))
			if rest == "" {
				errs = append(errs, fmt.Errorf("%s: want %q LEMMA[|LEMMA...]", pos, f[0]))
				cur = nil
				continue
			}
			m := a.verbs
			if f[0] == "noun" {
				m = a.nouns
			}
			cur = cur[:0:0]
			for _, alt := range strings.Split(rest, "|") {
				words := strings.Fields(alt)
				if len(words) == 0 || len(words) > 2 || strings.ToLower(alt) != alt {
					errs = append(errs, fmt.Errorf("%s: %q: want a lower-case lemma, for verbs optionally with a particle", pos, alt))
					continue
				}
				key := strings.Join(words, " ")
				if f[0] == "noun" {
					key = nounKey(key)
				}
				e := m[key]
				if e == nil || override && !seen[e] {
					e = &entry{}
					m[key] = e
				}
				seen[e] = true
				cur = append(cur, e)
			}
		default:
			if cur == nil {
				errs = append(errs, fmt.Errorf("%s: rule outside a verb or noun section", pos))
				continue
			}
			r, err := parseRule(f)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %v", pos, err))
				continue
			}
			r.Pos = pos
			for _, e := range cur {
				e.rules = append(e.rules, r)
			}
		}
	}
	return errs
}

func nounKey(w string) string {
	if strings.Contains(w, " ") {
		return w
	}
	return syntax.NounLemma(w)
}

func parseRule(f []string) (*Rule, error) {
	code := dyad.EventCode(f[0])
	if f[0] == "-" {
		code = "" // "not an event": stops the rules that follow
	} else if !cameo.Valid(code) {
		return nil, fmt.Errorf("%q is not a CAMEO event code", f[0])
	}
	r := &Rule{Code: code}
	for _, c := range f[1:] {
		switch c {
		case "swap":
			r.Swap = true
			continue
		case "needpp":
			r.NeedPP = true
			continue
		case "alone":
			r.Alone = true
			continue
		}
		k, v, ok := strings.Cut(c, "=")
		if !ok || k == "" || v == "" {
			return nil, fmt.Errorf("condition %q: want NAME=VALUE, swap, needpp or alone", c)
		}
		set := map[string]bool{}
		for _, w := range strings.Split(v, "|") {
			if w == "" {
				return nil, fmt.Errorf("condition %q: empty word", c)
			}
			if k != "mod" && k != "gov" && !(k == "of" && ofFlag(v)) {
				w = nounKey(w)
			}
			set[w] = true
		}
		switch k {
		case "obj":
			r.Obj = set
		case "gov":
			r.Gov = set
		case "mod":
			r.Mod = set
		case "of":
			if ofFlag(v) {
				r.Of = v
				continue
			}
			// "exchange of fire": a condition on the "of" phrase's head
			if r.PP == nil {
				r.PP = map[string]map[string]bool{}
			}
			r.PP[k] = set
		default:
			if !isPrep(k) {
				return nil, fmt.Errorf("condition %q: %q is not a preposition this dictionary knows", c, k)
			}
			if r.PP == nil {
				r.PP = map[string]map[string]bool{}
			}
			r.PP[k] = set
		}
	}
	return r, nil
}

// ofFlag reports whether an "of=" value names the role of a noun's "of"
// phrase (source, target, theme) rather than the heads it must have.
func ofFlag(v string) bool { return v == "source" || v == "target" || v == "theme" }

var preps = map[string]bool{
	"to": true, "with": true, "for": true, "from": true, "against": true, "on": true, "in": true,
	"at": true, "of": true, "by": true, "between": true, "into": true, "over": true, "as": true,
	"about": true, "toward": true, "towards": true, "among": true, "amid": true, "under": true,
}

func isPrep(w string) bool { return preps[w] }

// finish orders each entry's rules (conditional rules first, in file order,
// then defaults) and builds the typo indexes.
func (a *Actions) finish() {
	for _, m := range []map[string]*entry{a.verbs, a.nouns} {
		for _, e := range m {
			sort.SliceStable(e.rules, func(i, j int) bool {
				return !isDefault(e.rules[i]) && isDefault(e.rules[j])
			})
		}
	}
	a.fuzzyVerbs = fuzzyIndex(a.verbs)
	a.fuzzyNouns = fuzzyIndex(a.nouns)
}

func isDefault(r *Rule) bool {
	return r.Obj == nil && r.PP == nil && r.Gov == nil && r.Mod == nil
}

// minFuzzy is the shortest word that typo tolerance applies to: shorter
// words have too many neighbours one edit away.
const minFuzzy = 6

// fuzzyIndex maps each one-letter deletion of a long key to the keys it
// comes from.
func fuzzyIndex(m map[string]*entry) map[string][]string {
	idx := map[string][]string{}
	for k := range m {
		if len(k) < minFuzzy-1 || strings.Contains(k, " ") {
			continue
		}
		for i := 0; i < len(k); i++ {
			d := k[:i] + k[i+1:]
			if !slices.Contains(idx[d], k) {
				idx[d] = append(idx[d], k)
			}
		}
	}
	for _, v := range idx {
		sort.Strings(v)
	}
	return idx
}

// fuzzy returns the key that w misspells by the typos people make, or ""
// when there is none or more than one: two adjacent letters swapped
// ("Minsiter"), a letter left out ("assasinate"), or a letter doubled
// ("withdrawwal"). Substitutions and extra letters are not tried: they turn
// too many real words into others ("contract" → "contact", "export" →
// "deport").
func fuzzy(m map[string]*entry, idx map[string][]string, w string) string {
	if len(w) < minFuzzy || len(w) > 40 || !isASCIIWord(w) || syntax.Known(w) {
		return ""
	}
	found := ""
	add := func(k string) bool {
		if found != "" && found != k {
			found = "\x00"
			return false
		}
		found = k
		return true
	}
	for _, k := range idx[w] { // a letter left out
		if !add(k) {
			return ""
		}
	}
	var buf [40]byte
	b := buf[:len(w)]
	for i := 0; i+1 < len(w); i++ {
		if w[i] == w[i+1] {
			// a doubled letter
			d := w[:i] + w[i+1:]
			if m[d] != nil && !add(d) {
				return ""
			}
			continue
		}
		copy(b, w)
		b[i], b[i+1] = b[i+1], b[i]
		if m[string(b)] != nil && !add(string(b)) {
			return ""
		}
	}
	if found == "\x00" {
		return ""
	}
	return found
}

func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// Verb returns the rules of a verb lemma (with its particle, "pull out",
// tried first when given), tolerating a typo in long lemmas.
func (a *Actions) Verb(lemma, particle string) []*Rule {
	if particle != "" {
		if e := a.verbs[lemma+" "+particle]; e != nil {
			return e.rules
		}
	}
	if e := a.verbs[lemma]; e != nil {
		return e.rules
	}
	if k := fuzzy(a.verbs, a.fuzzyVerbs, lemma); k != "" {
		return a.verbs[k].rules
	}
	return nil
}

// VerbExact returns the rules of a verb lemma as written, without typo
// tolerance.
func (a *Actions) VerbExact(lemma string) []*Rule {
	if e := a.verbs[lemma]; e != nil {
		return e.rules
	}
	return nil
}

// Noun returns the rules of a noun lemma (singular), tolerating a typo in
// long nouns.
func (a *Actions) Noun(lemma string) []*Rule {
	if e := a.nouns[lemma]; e != nil {
		return e.rules
	}
	if k := fuzzy(a.nouns, a.fuzzyNouns, lemma); k != "" {
		return a.nouns[k].rules
	}
	return nil
}

// Roots returns the CAMEO roots that the dictionary's rules can yield, for
// coverage checks.
func (a *Actions) Roots() map[string]bool {
	out := map[string]bool{}
	for _, m := range []map[string]*entry{a.verbs, a.nouns} {
		for _, e := range m {
			for _, r := range e.rules {
				if r.Code != "" {
					out[r.Code.Root()] = true
				}
			}
		}
	}
	return out
}

// Codes returns every CAMEO code the dictionary's rules can yield.
func (a *Actions) Codes() map[dyad.EventCode]bool {
	out := map[dyad.EventCode]bool{}
	for _, m := range []map[string]*entry{a.verbs, a.nouns} {
		for _, e := range m {
			for _, r := range e.rules {
				if r.Code != "" {
					out[r.Code] = true
				}
			}
		}
	}
	return out
}
