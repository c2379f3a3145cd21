package actor

import (
	"sync"
	"time"

	"github.com/dyad-project/dyad/dyad"
)

// class bits say what a matched phrase can be.
const (
	cEntity   uint16 = 1 << iota // names an actor by itself
	cPerson                      // names a person
	cGov                         // a capital or metonym only (a place before a place noun)
	cAdj                         // an adjective of an actor
	cRole                        // a role word
	cTitle                       // an honorific before a name
	cModifier                    // a word between an actor and its role word
	cPlace                       // a place noun ("region")
	cLead                        // a hyphen suffix keeping the actor in charge ("led")
	cNotActor                    // a hyphen suffix undoing the actor ("era")
)

// An item is a phrase matched over tokens [t0, t1).
type item struct {
	t0, t1 int
	p      *phrase
	cls    uint16
}

type scratch struct {
	toks  []token
	buf   []byte
	items []item
	fz    []byte
}

var scratchPool = sync.Pool{New: func() any {
	return &scratch{toks: make([]token, 0, 64), buf: make([]byte, 0, 512), items: make([]item, 0, 16), fz: make([]byte, 0, 96)}
}}

// Match finds the actors named in text, resolved for day on (a zero on
// means the latest known state), in order and without overlaps. Spans are
// byte offsets into text and Text is the matched words. Matching is
// case-insensitive except for names the dictionary writes in capitals
// ("US", "WHO"), takes the longest name at each word, joins an actor and its
// role words into one actor ("Russia's Supreme Court" → RUSJUD), reads
// titles before a person's name, and tolerates small typos in longer words.
// Role words without an actor ("the defence minister") are not returned.
// It returns nil when text names no actor.
func (d *Dictionary) Match(text string, on time.Time) []dyad.ActorMention {
	if d == nil || len(d.words) == 0 {
		return nil
	}
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	s.toks, s.buf = scan(text, s.toks[:0], s.buf[:0])
	toks, buf := s.toks, s.buf
	// In text written all in capitals (a wire headline), capitals say
	// nothing: "US" may be the pronoun and "IS" the verb. Only dotted
	// abbreviations ("U.S.") keep their case-sensitive reading there.
	caps := 0
	for i := range toks {
		if toks[i].has(tCaps) {
			caps++
		}
	}
	shouting := len(toks) >= 4 && caps*2 > len(toks)
	for i := range toks {
		t := &toks[i]
		key := buf[t.k0:t.k1]
		if id, ok := d.vocab[string(key)]; ok {
			t.id = id
		}
		if t.has(tCaps) && (!shouting || bytesIndexDot(key)) {
			if id, ok := d.vocab[string(buf[t.k0-1:t.k1])]; ok {
				t.cid = id
			}
		}
		if t.id < 0 && t.cid < 0 && t.has(tASCII) && len(key) >= fuzzyMin {
			t.id = d.fuzzy(key, t.has(tUpper), s.fz[:0])
		}
	}
	s.items = s.items[:0]
	for i := 0; i < len(toks); {
		p, n := d.longest(toks, i)
		if p == nil || !shouting && firstName(p, toks, buf, i+n) {
			i++
			continue
		}
		s.items = append(s.items, item{t0: i, t1: i + n, p: p, cls: classify(p)})
		i += n
	}
	if len(s.items) == 0 {
		return nil
	}
	a := assembler{d: d, text: text, toks: toks, buf: buf, items: s.items, on: on}
	a.run()
	return a.out
}

// firstName reports whether p, matched just before token next, is only a
// surname that here stands as the first name of someone else: "Michel
// Camdessus" is not Charles Michel. It is when the next word, unbroken by
// punctuation, is capitalised, unknown to the dictionary and no calendar
// word ("Shultz Monday").
func firstName(p *phrase, toks []token, buf []byte, next int) bool {
	for _, t := range p.targets {
		if t.f != fSurname {
			return false
		}
	}
	if next >= len(toks) {
		return false
	}
	t := &toks[next]
	if !t.has(tUpper) || t.has(tGap) || t.has(tHyphen) || t.id >= 0 || t.cid >= 0 {
		return false
	}
	return !calendarWords[string(buf[t.k0:t.k1])]
}

// calendarWords are the capitalised words that may follow a name without
// being part of it.
var calendarWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"i": true, "ii": true, "iii": true, "jr": true, "sr": true,
}

func bytesIndexDot(b []byte) bool {
	for _, c := range b {
		if c == '.' {
			return true
		}
	}
	return false
}

// longest returns the longest phrase starting at token i and its length in
// tokens. Phrases do not cross punctuation (hyphens excepted).
func (d *Dictionary) longest(toks []token, i int) (*phrase, int) {
	var best *phrase
	for _, first := range [2]int32{toks[i].cid, toks[i].id} {
		if first < 0 {
			continue
		}
	next:
		for _, p := range d.first[first] {
			n := len(p.words)
			if i+n > len(toks) || best != nil && n <= len(best.words) {
				continue
			}
			for k := 1; k < n; k++ {
				t := &toks[i+k]
				if t.has(tGap) || (p.words[k] != t.id && p.words[k] != t.cid) {
					continue next
				}
			}
			best = p
			break
		}
	}
	if best == nil {
		return nil, 0
	}
	return best, len(best.words)
}

func classify(p *phrase) uint16 {
	var c uint16
	gov := true
	for _, t := range p.targets {
		switch t.f {
		case fName, fAlias, fPeople:
			c |= cEntity
			gov = false
			if t.e.Kind == kindPerson {
				c |= cPerson
			}
		case fSurname:
			c |= cEntity | cPerson
			gov = false
		case fCapital, fMetonym:
			c |= cEntity
		case fAdj:
			c |= cAdj
		case fWord:
			c |= cRole
		case fTitle:
			c |= cTitle
		case fModifier:
			c |= cModifier
		case fPlace:
			c |= cPlace
		case fLead:
			c |= cLead
		case fNotActor:
			c |= cNotActor
		}
	}
	if gov && c&cEntity != 0 {
		c |= cGov
	}
	return c
}

// assembler turns the matched items of one text into actor mentions.
type assembler struct {
	d     *Dictionary
	text  string
	toks  []token
	buf   []byte
	items []item
	on    time.Time
	out   []dyad.ActorMention
	upper bool // the item entityTarget looks at starts with a capital
}

func (a *assembler) key(ti int) string {
	t := &a.toks[ti]
	return string(a.buf[t.k0:t.k1])
}

func (a *assembler) run() {
	for p := 0; p < len(a.items); {
		c := a.items[p].cls
		switch {
		case c&(cEntity|cAdj) != 0:
			p = a.fromHead(p)
		case c&(cRole|cTitle|cModifier) != 0:
			p = a.fromRole(p)
		default:
			p++
		}
	}
}

// entityTarget picks the target a head phrase names: a name before a
// metonym before a surname, and among people the one in office on the day.
func (a *assembler) entityTarget(it *item, adjOK bool) *target {
	p := it.p
	a.upper = false // any capital will do: "al-Sharaa", "von der Leyen"
	for i := it.t0; i < it.t1; i++ {
		a.upper = a.upper || a.toks[i].has(tUpper)
	}
	var best *target
	rank := func(t *target) int {
		switch t.f {
		case fName, fAlias, fPeople:
			if t.e.Kind == kindPerson {
				if t.inOffice(a.on) {
					return 5
				}
				return 3
			}
			return 6
		case fCapital, fMetonym:
			return 4
		case fSurname:
			if !a.upper {
				return -1 // "pence", "truss": surnames count only when capitalized
			}
			if t.inOffice(a.on) {
				return 2
			}
			return 1
		case fAdj:
			if adjOK {
				return 0
			}
		}
		return -1
	}
	br := -1
	for i := range p.targets {
		t := &p.targets[i]
		if r := rank(t); r > br {
			best, br = t, r
		}
	}
	return best
}

// roleOf returns the sector of a role phrase.
func roleOf(p *phrase) string {
	for _, t := range p.targets {
		if t.f == fWord {
			return t.role
		}
	}
	return ""
}

func (a *assembler) emit(t0, t1 int, act dyad.Actor) {
	start := int(a.toks[t0].start)
	modifier := t1 < len(a.toks) && a.toks[t1].has(tHyphen) // "the Russian-led alliance"
	if t0 > 0 && !modifier && a.key(t0-1) == "the" && !a.toks[t0].has(tGap) && !a.toks[t0].has(tHyphen) {
		start = int(a.toks[t0-1].start)
	}
	end := int(a.toks[t1-1].end)
	act.Text = a.text[start:end]
	a.out = append(a.out, dyad.ActorMention{Actor: act, Span: dyad.Span{Start: start, End: end}})
}

// fromHead reads an actor starting with a name or an adjective at item p
// and returns the next item to read.
func (a *assembler) fromHead(p int) int {
	head := &a.items[p]
	tgt := a.entityTarget(head, true)
	if tgt == nil {
		return p + 1
	}
	isEnt := head.cls&cEntity != 0
	base := tgt.actor(a.on)
	// A hyphen after the head: "Soviet-era", "Taliban-led authorities",
	// "Russian-Taliban".
	if head.t1 < len(a.toks) && a.toks[head.t1].has(tHyphen) {
		q := p + 1
		nextIsItem := q < len(a.items) && a.items[q].t0 == head.t1
		if nextIsItem && a.items[q].cls&cNotActor != 0 || !nextIsItem && a.d.sets[fNotActor][a.key(head.t1)] {
			if nextIsItem {
				return q + 1
			}
			return q
		}
		if nextIsItem && a.items[q].cls&cLead != 0 {
			if r, role, end := a.roleChain(q + 1); role != "" && a.items[q+1].t0 == a.items[q].t1 {
				a.emit(head.t0, end, compound(base, role))
				return r
			}
			a.emit(head.t0, head.t1, base)
			return q + 1
		}
		a.emit(head.t0, head.t1, base)
		return p + 1
	}
	// A hyphen before the head: "anti-Taliban forces" are not the Taliban's.
	if a.toks[head.t0].has(tHyphen) {
		a.emit(head.t0, head.t1, base)
		return p + 1
	}
	// A capital before a place noun is a place: "the Moscow region".
	if head.cls&cGov != 0 && a.adjacentItem(p, p+1) && a.items[p+1].cls&cPlace != 0 && a.items[p+1].cls&(cRole|cEntity) == 0 {
		return p + 2
	}
	// An actor and its role words, titles and a person's name.
	q, role, end := a.roleChain(p + 1)
	if q > p+1 && !a.adjacentItem(p, p+1) {
		q, role, end = p+1, "", 0
	}
	if q < len(a.items) && a.items[q].cls&cPerson != 0 && (q == p+1 && a.adjacentItem(p, q) || q > p+1 && a.adjacentItem(q-1, q)) {
		if pt := a.entityTarget(&a.items[q], false); pt != nil && pt.e.Kind == kindPerson {
			act := pt.actor(a.on)
			if !pt.inOffice(a.on) && role != "" {
				act = compound(base, role)
			}
			a.emit(head.t0, a.items[q].t1, act)
			return q + 1
		}
	}
	if role != "" {
		a.emit(head.t0, end, compound(base, role))
		return q
	}
	if isEnt {
		a.emit(head.t0, head.t1, base)
	}
	return p + 1
}

// adjacentItem reports whether item q follows item p directly; a possessive
// on p does not part them ("Russia's Supreme Court").
func (a *assembler) adjacentItem(p, q int) bool {
	if q >= len(a.items) || a.items[q].t0 != a.items[p].t1 {
		return false
	}
	t := &a.toks[a.items[q].t0]
	return !t.has(tGap) && !t.has(tHyphen)
}

// roleChain reads modifiers, role words and titles from item q on. It
// returns the item after the chain, the sector of its last role word ("" if
// none) and the token after that role word.
func (a *assembler) roleChain(q int) (next int, role string, end int) {
	for r := q; r < len(a.items); r++ {
		c := a.items[r].cls
		if c&(cEntity) != 0 && c&cRole == 0 {
			return r, role, end
		}
		if c&(cRole|cTitle|cModifier) == 0 {
			return r, role, end
		}
		if r > q && !a.adjacentItem(r-1, r) {
			return r, role, end
		}
		if r > q && a.toks[a.items[r-1].t1-1].has(tPoss) {
			return r, role, end
		}
		if c&cRole != 0 {
			role, end = roleOf(a.items[r].p), a.items[r].t1
		}
		next = r + 1
	}
	return len(a.items), role, end
}

// fromRole reads role words or titles followed by a person's name
// ("President Putin", "Mr. Lavrov") or by "of" and an actor ("the
// government of Afghanistan"). Role words alone name no actor.
func (a *assembler) fromRole(p int) int {
	q, role, end := a.roleChain(p)
	if q < len(a.items) && a.items[q].cls&cPerson != 0 && a.adjacentItem(q-1, q) {
		if pt := a.entityTarget(&a.items[q], false); pt != nil && pt.e.Kind == kindPerson {
			a.emit(a.items[p].t0, a.items[q].t1, pt.actor(a.on))
			return q + 1
		}
	}
	if role != "" && end < len(a.toks) && a.key(end) == "of" && !a.toks[end].has(tGap) {
		ti := end + 1
		if ti < len(a.toks) && a.key(ti) == "the" {
			ti++
		}
		for r := q; r < len(a.items) && a.items[r].t0 <= ti; r++ {
			if a.items[r].t0 == ti && a.items[r].cls&cEntity != 0 && !a.toks[ti].has(tGap) {
				if t := a.entityTarget(&a.items[r], false); t != nil {
					a.emit(a.items[p].t0, a.items[r].t1, compound(t.actor(a.on), role))
					return r + 1
				}
			}
		}
	}
	if q == p {
		return p + 1
	}
	return q
}
