package petrarch

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Dictionaries holds everything the coder reads from PETRARCH dictionary
// files, indexed for matching. Build it with Load or LoadFiles; it is not
// modified afterwards, so one value may be shared by concurrent coders.
type Dictionaries struct {
	Actors     []*Actor
	Agents     []*Agent
	Blocks     []*VerbBlock
	Synsets    map[string]*Synset
	Transforms []*Transform
	Discards   []*Discard
	Issues     []*Issue
	Words      []string // plain word lists (prepositions)

	// Files has the statistics of each file read, in load order.
	Files []FileStats
	// Errors lists every problem found; each bad entry was skipped.
	Errors ErrorList

	phrases  map[string][]phraseEntry         // first word -> entries, longest first
	verbs    map[string][]VerbForm            // head form -> forms
	synWords map[string][][]string            // synset name -> member phrases (expanded)
	synFirst map[string]map[string][][]string // synset -> first word -> members
	synLast  map[string]map[string][][]string // synset -> last word -> members
	discards map[string][]*Discard            // first word -> discards
}

// phraseEntry is one actor or agent phrase in the index.
type phraseEntry struct {
	words []string
	actor *Actor
	agent *Agent
}

// Files names the dictionary files of one coder configuration. Empty
// fields are not loaded.
type Files struct {
	Verbs    []string
	Actors   []string
	Agents   []string
	Discards []string
	Issues   []string
}

// PhoenixFiles is the production configuration of PETRARCH2's
// PETR_config.ini, relative to a dictionary folder.
var PhoenixFiles = Files{
	Verbs:    []string{"CAMEO.2.0.txt"},
	Actors:   []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"},
	Agents:   []string{"Phoenix.agents.txt"},
	Discards: []string{"Phoenix.discards.txt"},
	Issues:   []string{"Phoenix.IssueCoding.txt"},
}

// LoadFiles reads the files named in f, resolving relative names against
// dir. A file that cannot be opened is an error; problems inside files are
// collected in the result's Errors and never stop the load.
func LoadFiles(dir string, f Files) (*Dictionaries, error) {
	d := &Dictionaries{Synsets: map[string]*Synset{}}
	read := func(kind string, names []string) error {
		for _, name := range names {
			p := name
			if !filepath.IsAbs(p) && dir != "" {
				p = filepath.Join(dir, name)
			}
			if err := d.readFile(p, kind); err != nil {
				return err
			}
		}
		return nil
	}
	for _, step := range []struct {
		kind  string
		names []string
	}{{"verbs", f.Verbs}, {"actors", f.Actors}, {"agents", f.Agents}, {"discards", f.Discards}, {"issues", f.Issues}} {
		if err := read(step.kind, step.names); err != nil {
			return nil, err
		}
	}
	d.index()
	return d, nil
}

// Load reads every dictionary file in dir, guessing each file's kind from
// its name (see KindOf); files of unknown kind are skipped.
func Load(dir string) (*Dictionaries, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read dictionary folder: %w", err)
	}
	d := &Dictionaries{Synsets: map[string]*Synset{}}
	for _, e := range ents {
		if e.IsDir() {
			continue
		}
		kind := KindOf(e.Name())
		if kind == "" {
			continue
		}
		if err := d.readFile(filepath.Join(dir, e.Name()), kind); err != nil {
			return nil, err
		}
	}
	d.index()
	return d, nil
}

// KindOf guesses a dictionary file's kind from its name: "actors",
// "agents", "verbs", "discards", "issues", "words", or "" when unknown.
func KindOf(name string) string {
	n := strings.ToLower(filepath.Base(name))
	if !strings.HasSuffix(n, ".txt") {
		return ""
	}
	switch {
	case strings.Contains(n, "actor"):
		return "actors"
	case strings.Contains(n, "agent"):
		return "agents"
	case strings.Contains(n, "verb") || strings.HasPrefix(n, "cameo"):
		return "verbs"
	case strings.Contains(n, "discard"):
		return "discards"
	case strings.Contains(n, "issue"):
		return "issues"
	case strings.Contains(n, "preposition"):
		return "words"
	}
	return ""
}

// readFile reads one file of the given kind into d.
func (d *Dictionaries) readFile(path, kind string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open %s dictionary: %w", kind, err)
	}
	defer f.Close()
	lines, err := readLines(f)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	d.addLines(filepath.Base(path), kind, lines)
	return nil
}

// addLines parses lines of a file of the given kind into d.
func (d *Dictionaries) addLines(name, kind string, lines []string) {
	var st FileStats
	switch kind {
	case "actors":
		var a []*Actor
		a, st = readActors(name, lines, &d.Errors)
		d.Actors = append(d.Actors, a...)
	case "agents":
		var a []*Agent
		a, st = readAgents(name, lines, &d.Errors)
		d.Agents = append(d.Agents, a...)
	case "verbs":
		var vf verbFile
		vf, st = readVerbs(name, lines, &d.Errors)
		d.Blocks = append(d.Blocks, vf.blocks...)
		for _, s := range vf.synsets {
			if _, dup := d.Synsets[s.Name]; dup {
				// Later definitions add members, as one set.
				d.Synsets[s.Name].Raw = append(d.Synsets[s.Name].Raw, s.Raw...)
				continue
			}
			d.Synsets[s.Name] = s
		}
		d.Transforms = append(d.Transforms, vf.transforms...)
	case "discards":
		var x []*Discard
		x, st = readDiscards(name, lines, &d.Errors)
		d.Discards = append(d.Discards, x...)
	case "issues":
		var x []*Issue
		x, st = readIssues(name, lines, &d.Errors)
		d.Issues = append(d.Issues, x...)
	case "words":
		var x []string
		x, st = readWords(name, lines, &d.Errors)
		d.Words = append(d.Words, x...)
	}
	d.Files = append(d.Files, st)
}

// index builds the lookup tables the coder uses.
func (d *Dictionaries) index() {
	d.phrases = map[string][]phraseEntry{}
	add := func(words []string, e phraseEntry) {
		if len(words) == 0 {
			return
		}
		e.words = words
		d.phrases[words[0]] = append(d.phrases[words[0]], e)
	}
	for _, a := range d.Actors {
		for _, p := range append([]string{a.Root}, a.Synonyms...) {
			add(tokenizePhrase(p), phraseEntry{actor: a})
		}
	}
	for _, a := range d.Agents {
		for _, f := range a.Forms {
			add(f, phraseEntry{agent: a})
		}
	}
	for _, es := range d.phrases {
		sort.SliceStable(es, func(i, j int) bool { return len(es[i].words) > len(es[j].words) })
	}
	d.verbs = map[string][]VerbForm{}
	for _, b := range d.Blocks {
		b.sorted = append([]*Pattern(nil), b.Patterns...)
		sort.SliceStable(b.sorted, func(i, j int) bool { return len(b.sorted[i].Elems) > len(b.sorted[j].Elems) })
		for _, p := range b.Patterns {
			for _, e := range p.Elems {
				if e.Kind == ElemWord {
					p.need = e.Word
					break
				}
			}
		}
		for _, v := range b.Verbs {
			for _, f := range v.Forms {
				d.verbs[f.Head] = append(d.verbs[f.Head], f)
			}
		}
	}
	d.synWords = map[string][][]string{}
	d.synFirst = map[string]map[string][][]string{}
	d.synLast = map[string]map[string][][]string{}
	for name := range d.Synsets {
		ms := d.expandSynset(name, map[string]bool{})
		d.synWords[name] = ms
		first, last := map[string][][]string{}, map[string][][]string{}
		for _, m := range ms {
			first[m[0]] = append(first[m[0]], m)
			last[m[len(m)-1]] = append(last[m[len(m)-1]], m)
		}
		d.synFirst[name], d.synLast[name] = first, last
	}
	d.discards = map[string][]*Discard{}
	for _, x := range d.Discards {
		d.discards[x.Words[0]] = append(d.discards[x.Words[0]], x)
	}
	d.Errors.Sort()
}

// expandSynset returns the member phrases of a synset, with embedded
// synsets expanded and, unless the set says otherwise, plurals added.
func (d *Dictionaries) expandSynset(name string, seen map[string]bool) [][]string {
	s := d.Synsets[name]
	if s == nil || seen[name] {
		return nil
	}
	seen[name] = true
	var out [][]string
	for _, m := range s.Raw {
		if strings.HasPrefix(m, "&") {
			out = append(out, d.expandSynset(strings.ToUpper(strings.TrimSuffix(strings.TrimSpace(m[1:]), "_")), seen)...)
			continue
		}
		words, exact := splitPhrase(m)
		if len(words) == 0 {
			continue
		}
		out = append(out, words)
		if !exact && !s.NoPlural {
			p := append([]string(nil), words...)
			p[len(p)-1] = plural(p[len(p)-1])
			out = append(out, p)
		}
	}
	return out
}
