package actor

import (
	"embed"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/dyad-project/dyad/dyad"
)

// A Dictionary holds actors (countries, international organizations,
// groups, people), role words and the function words the matcher needs,
// indexed for matching. A Dictionary is immutable once built and safe for
// concurrent use.
type Dictionary struct {
	entries []*entry
	byKey   map[string]*entry // entity() → entry, for Merge and codes
	byCode  map[string]*entry // "RUS", "NATO" → the entry whose undated code it is

	vocab  map[string]int32 // word key ("russia", "^us") → id
	words  []vword
	first  [][]*phrase               // by first word id, longest first
	dels   map[string][]int32        // symmetric-delete index for fuzzy matching
	swaps  map[string]int32          // dictionary words with two adjacent letters swapped
	sets   map[field]map[string]bool // single-word keys of the words blocks (against, ...)
	demons map[string]string         // adjective or demonym key → country code

	stats Stats
}

// vword is a word of the vocabulary.
type vword struct {
	key    string
	proper bool // part of a name: fuzzy-matched only from capitalized words
	common bool // a role or function word: fuzzy-matched from any word
}

// A phrase is a dictionary value as a sequence of word ids, with every entry
// that uses it.
type phrase struct {
	words   []int32
	targets []target
}

// A target is one use of a phrase: the entry and field it comes from, and
// the code override or role sector it carries.
type target struct {
	f             field
	e             *entry
	country, role string
}

// Stats says how much a dictionary holds, for `dyad dict` and for tests.
type Stats struct {
	Countries int `json:"countries"`
	IGOs      int `json:"igos"`
	Groups    int `json:"groups"`
	People    int `json:"people"`
	RoleWords int `json:"role_words"`
	Phrases   int `json:"phrases"` // distinct names and words the matcher knows
	Words     int `json:"words"`   // distinct word keys
}

//go:embed data/*.txt
var builtinFS embed.FS

//go:embed english.txt
var englishText string

var (
	builtinOnce sync.Once
	builtinDict *Dictionary
)

// Builtin returns the dictionary embedded in the binary, parsed on first use.
// It panics if the embedded data does not parse, which a test rules out.
func Builtin() *Dictionary {
	builtinOnce.Do(func() {
		d, errs := loadFS(builtinFS, "data")
		if len(errs) > 0 {
			panic("actor: built-in dictionary is broken:\n" + errs.Error())
		}
		builtinDict = d
	})
	return builtinDict
}

// Load reads every *.txt file of a dictionary directory (not its
// subdirectories). The error, if any, is an ErrorList of "file:line: reason"
// entries; the returned Dictionary holds every good entry even then, and is
// never nil.
func Load(dir string) (*Dictionary, error) {
	d, errs := loadFS(os.DirFS(dir), ".")
	for _, e := range errs {
		if e.File == "." {
			e.File = dir
		} else {
			e.File = filepath.Join(dir, e.File)
		}
	}
	return d, errs.Err()
}

// Check reports the problems of a dictionary directory, as `dyad dict check`
// prints them; an empty list means the directory is good.
func Check(dir string) ErrorList {
	_, err := Load(dir)
	if err == nil {
		return nil
	}
	return err.(ErrorList)
}

func loadFS(fsys fs.FS, dir string) (*Dictionary, ErrorList) {
	var errs ErrorList
	names, err := fs.Glob(fsys, pathJoin(dir, "*.txt"))
	if err != nil {
		errs.add(dir, 0, "%v", err)
	}
	if _, err := fs.Stat(fsys, dir); err != nil {
		errs.add(dir, 0, "cannot read dictionary directory: %v", unwrapPath(err))
	}
	sort.Strings(names)
	var all []*entry
	seen := map[string]*entry{}
	for _, name := range names {
		src, err := fs.ReadFile(fsys, name)
		file := strings.TrimPrefix(name, dir+"/")
		if err != nil {
			errs.add(file, 0, "%v", unwrapPath(err))
			continue
		}
		es, perrs := parse(file, src)
		errs = append(errs, perrs...)
		for _, e := range es {
			k := mergeKey(e)
			if prev, dup := seen[k]; dup && e.Kind != kindRole && e.Kind != kindWords {
				errs.add(file, e.Line, "%s %s is already defined at %s:%d", kindString(e.Kind), e.ID, prev.File, prev.Line)
				continue
			}
			seen[k] = e
			all = append(all, e)
		}
	}
	errs.Sort()
	return build(all), errs
}

func pathJoin(dir, name string) string {
	if dir == "." {
		return name
	}
	return dir + "/" + name
}

func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

func mergeKey(e *entry) string {
	switch e.Kind {
	case kindRole:
		return "role:" + e.ID
	case kindWords:
		return "words:" + e.ID
	}
	return e.entity()
}

// Merge returns a new dictionary with o's entries on top of d's: an entry of
// o replaces d's entry with the same id; role and words blocks add to d's.
// Neither d nor o changes.
func (d *Dictionary) Merge(o *Dictionary) *Dictionary {
	all := slices.Clone(d.entries)
	pos := map[string]int{}
	for i, e := range all {
		pos[mergeKey(e)] = i
	}
	for _, e := range o.entries {
		if i, ok := pos[mergeKey(e)]; ok && e.Kind != kindRole && e.Kind != kindWords {
			all[i] = e
			continue
		}
		pos[mergeKey(e)] = len(all)
		all = append(all, e)
	}
	return build(all)
}

// Stats returns how much d holds.
func (d *Dictionary) Stats() Stats { return d.stats }

// build indexes entries for matching.
func build(entries []*entry) *Dictionary {
	d := &Dictionary{
		entries: entries,
		byKey:   map[string]*entry{},
		byCode:  map[string]*entry{},
		vocab:   map[string]int32{},
		dels:    map[string][]int32{},
		swaps:   map[string]int32{},
		sets:    map[field]map[string]bool{},
		demons:  map[string]string{},
	}
	type pkey = string
	phrases := map[pkey]*phrase{}
	add := func(text string, t target) {
		keys := normalizeWords(text)
		if len(keys) == 0 {
			return
		}
		ids := make([]int32, len(keys))
		common := t.f >= fWord
		for i, k := range keys {
			id, ok := d.vocab[k]
			if !ok {
				id = int32(len(d.words))
				d.vocab[k] = id
				d.words = append(d.words, vword{key: k})
			}
			if common {
				d.words[id].common = true
			} else {
				d.words[id].proper = true
			}
			ids[i] = id
		}
		pk := strings.Join(keys, " ")
		p := phrases[pk]
		if p == nil {
			p = &phrase{words: ids}
			phrases[pk] = p
		}
		for _, old := range p.targets {
			if old == t {
				return
			}
		}
		p.targets = append(p.targets, t)
	}
	for _, e := range entries {
		switch e.Kind {
		case kindCountry:
			d.stats.Countries++
		case kindIGO:
			d.stats.IGOs++
		case kindGroup:
			d.stats.Groups++
		case kindPerson:
			d.stats.People++
		}
		if e.Kind != kindRole && e.Kind != kindWords {
			d.byKey[e.entity()] = e
		}
		if c, ok := e.undatedCode(); ok && (e.Kind == kindCountry || e.Kind == kindIGO) {
			if _, dup := d.byCode[c]; !dup {
				d.byCode[c] = e
			}
		}
		autoSurname := true
		for _, v := range e.Values {
			if v.Field == fSurname {
				autoSurname = false
			}
		}
		for _, v := range e.Values {
			if v.Field == fSurname && v.Text == "-" {
				continue
			}
			t := target{f: v.Field, e: e, country: v.Country, role: v.Role}
			switch v.Field {
			case fWord:
				t.role = e.ID
				d.stats.RoleWords++
			case fTitle, fModifier, fPlace, fLead, fNotActor, fAgainst:
				if d.sets[v.Field] == nil {
					d.sets[v.Field] = map[string]bool{}
				}
				for _, k := range normalizeWords(v.Text) {
					d.sets[v.Field][strings.TrimPrefix(k, "^")] = true
				}
			case fAdj, fPeople:
				if e.Kind == kindCountry {
					d.demons[strings.Join(normalizeWords(v.Text), " ")] = strings.ToUpper(e.ID)
				}
			}
			add(v.Text, t)
			if autoSurname && e.Kind == kindPerson && (v.Field == fName || v.Field == fAlias) {
				// A person is also known by the last word of each full name,
				// unless surname lines say otherwise.
				if ks := normalizeWords(v.Text); len(ks) > 1 {
					last := ks[len(ks)-1]
					if len(strings.TrimPrefix(last, "^")) >= 4 {
						add(lastWord(v.Text), target{f: fSurname, e: e})
					}
				}
			}
		}
	}
	d.first = make([][]*phrase, len(d.words))
	for _, p := range phrases {
		d.first[p.words[0]] = append(d.first[p.words[0]], p)
		d.stats.Phrases++
	}
	for _, ps := range d.first {
		sort.Slice(ps, func(i, j int) bool {
			if len(ps[i].words) != len(ps[j].words) {
				return len(ps[i].words) > len(ps[j].words)
			}
			return joinIDs(ps[i].words) < joinIDs(ps[j].words)
		})
	}
	d.stats.Words = len(d.words)
	d.buildFuzzy()
	return d
}

func joinIDs(ids []int32) string {
	var b strings.Builder
	for _, id := range ids {
		b.WriteString(string(rune(id + 1)))
	}
	return b.String()
}

func lastWord(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexAny(s, " -"); i >= 0 {
		return s[i+1:]
	}
	return s
}

// undatedCode returns the code an entry has regardless of date: a country's
// upper-cased id, or the single undated code line of an entry.
func (e *entry) undatedCode() (string, bool) {
	if len(e.Codes) == 0 {
		if e.Kind == kindCountry {
			return strings.ToUpper(e.ID), true
		}
		return "", false
	}
	if len(e.Codes) == 1 && e.Codes[0].From.IsZero() && e.Codes[0].To.IsZero() {
		return e.Codes[0].Country + e.Codes[0].Role, true
	}
	return "", false
}

// farFuture stands for "no date": it picks the latest code of an entry.
var farFuture = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)

// codeOn returns the entry's code on day t, and whether a code line covers
// t. When none does, it returns the nearest code line's.
func (e *entry) codeOn(t time.Time) (dated, bool) {
	if len(e.Codes) == 0 {
		return dated{Country: strings.ToUpper(e.ID)}, true
	}
	if t.IsZero() {
		t = farFuture
	}
	var best dated
	var bestGap time.Duration = -1
	for _, c := range e.Codes {
		if c.covers(t) {
			return c, true
		}
		var gap time.Duration
		if !c.From.IsZero() && t.Before(c.From) {
			gap = c.From.Sub(t)
		} else if !c.To.IsZero() {
			gap = t.Sub(c.To)
		}
		if bestGap < 0 || gap < bestGap {
			best, bestGap = c, gap
		}
	}
	return best, false
}

// actor resolves a target to the actor it names on day t.
func (t *target) actor(on time.Time) dyad.Actor {
	e := t.e
	c, inOffice := e.codeOn(on)
	if e.Kind == kindPerson && !inOffice {
		c.Role = "" // out of office: a national of the country, no sector
	}
	switch t.f {
	case fCapital, fMetonym:
		c.Role = "GOV"
	}
	if t.role != "" {
		c.Role = t.role
	}
	if t.country != "" {
		c.Country = t.country
	}
	a := dyad.Actor{Country: c.Country, Role: c.Role, Name: e.Name, Entity: e.entity()}
	if e.Kind == kindIGO && a.Role == "" {
		a.Role = "IGO"
		a.Code = dyad.ActorCode(a.Country)
	} else {
		a.Code = dyad.JoinCode(a.Country, a.Role)
	}
	return a
}

// inOffice reports whether a person target holds a post on day t.
func (t *target) inOffice(on time.Time) bool {
	_, ok := t.e.codeOn(on)
	return ok
}

// compound returns the actor that a role word makes of base: a state's
// government, military or other sector ("Russia's Supreme Court" → RUSJUD).
// Actors that are not a state or its government (groups that are not in
// power, organizations, officials with a sector of their own) stay
// themselves.
func compound(base dyad.Actor, role string) dyad.Actor {
	if base.Role != "" && base.Role != "GOV" {
		return base
	}
	base.Role = role
	base.Code = dyad.JoinCode(base.Country, role)
	return base
}

// Demonym returns the country code of an adjective or demonym ("Afghan",
// "Afghans" → "AFG"), for gazetteers that read "on the Afghan border".
func (d *Dictionary) Demonym(word string) (country string, ok bool) {
	ks := normalizeWords(word)
	for i := range ks {
		ks[i] = strings.TrimPrefix(ks[i], "^")
	}
	c, ok := d.demons[strings.Join(ks, " ")]
	return c, ok
}

// Lookup resolves a command-line actor argument on day on: a code ("RUS",
// "RUSGOV", "NATO"), a name ("Russia", "Taliban", "the Kremlin", "Putin") or
// an adjective ("Afghan"). A zero on means the latest known state. It
// returns false for words that name no actor, such as a role word alone.
func (d *Dictionary) Lookup(name string, on time.Time) (dyad.Actor, bool) {
	s := strings.TrimSpace(name)
	if s == "" {
		return dyad.Actor{}, false
	}
	if a, ok := d.lookupCode(s, on); ok {
		return a, true
	}
	if ms := d.Match(s, on); len(ms) == 1 && ms[0].Span.Start == 0 && strings.TrimRight(s[ms[0].Span.End:], ". ") == "" {
		a := ms[0].Actor
		a.Text = ""
		return a, true
	}
	if c, ok := d.Demonym(s); ok {
		if a, ok := d.lookupCode(c, on); ok {
			return a, true
		}
	}
	if up := strings.ToUpper(s); up != s {
		return d.lookupCode(up, on)
	}
	return dyad.Actor{}, false
}

func (d *Dictionary) lookupCode(s string, on time.Time) (dyad.Actor, bool) {
	if len(s) > 12 || !isOrgCode(s[:min(len(s), 8)]) || !isOrgCode(s) && !isCode(s[8:], 1, 4) {
		return dyad.Actor{}, false
	}
	if e := d.byCode[s]; e != nil {
		t := target{f: fName, e: e}
		return t.actor(on), true
	}
	for _, n := range []int{3, 2, 4} {
		if len(s) <= n {
			continue
		}
		c, r := s[:len(s)-n], s[len(s)-n:]
		if e := d.byCode[c]; e != nil && sectors[r] {
			t := target{f: fName, e: e, role: r}
			return t.actor(on), true
		}
	}
	return dyad.Actor{}, false
}
