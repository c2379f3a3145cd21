package petrarch

import (
	"strings"
	"time"
)

// An Event is one coded (source, target, event code) triple, the unit that
// PETRARCH's validation compares. A null actor is "---"; an agent with no
// actor is "---" followed by the agent's code ("---GOV").
type Event struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Code   string `json:"code"`
	// Verb is the text of the verb the event was coded from; Start and End
	// are the byte span of the verb in the coded text.
	Verb       string `json:"verb,omitempty"`
	Start, End int    `json:"-"`
}

// Key returns the triple as "SOURCE TARGET CODE", for set comparison.
func (e Event) Key() string { return e.Source + " " + e.Target + " " + e.Code }

// Config holds the coder options that PETRARCH's configuration and the
// validation records set.
type Config struct {
	// RequireDyad drops events that lack a source or a target; when false
	// the missing side is written "---".
	RequireDyad bool
	// NewActorLength, when positive, lets noun phrases of up to that many
	// words that name no known actor stand as actors, quoted. Not used yet.
	NewActorLength int
	// Comma limits of PETRARCH's comma-clause deletion; kept for reporting.
	CommaMin, CommaMax, CommaBMin, CommaBMax, CommaEMin, CommaEMax int
}

// DefaultConfig is PETRARCH2's shipped configuration (PETR_config.ini).
func DefaultConfig() Config {
	return Config{RequireDyad: true, CommaMin: 2, CommaMax: 8, CommaEMin: 2, CommaEMax: 8}
}

// A Coder codes raw sentences with a set of PETRARCH dictionaries. It is
// safe for concurrent use: it holds no state between calls.
type Coder struct {
	d   *Dictionaries
	cfg Config
}

// NewCoder returns a coder over d with DefaultConfig.
func NewCoder(d *Dictionaries) *Coder { return &Coder{d: d, cfg: DefaultConfig()} }

// WithConfig returns a copy of c that uses cfg.
func (c *Coder) WithConfig(cfg Config) *Coder { return &Coder{d: c.d, cfg: cfg} }

// Config returns the coder's options.
func (c *Coder) Config() Config { return c.cfg }

// An Analysis is the result of coding one sentence: its events, or the
// reason it was rejected ("dateline", "sentencediscard", "storydiscard").
type Analysis struct {
	Events   []Event
	Rejected string
	Discard  string // the discard phrase that rejected the sentence
}

// CodeText codes one sentence of raw text on date (which selects the
// date-restricted actor codes) and returns its distinct events.
func (c *Coder) CodeText(text string, date time.Time) []Event {
	return c.Analyze(text, date).Events
}

// Analyze codes one sentence and says why it was rejected, if it was.
func (c *Coder) Analyze(text string, date time.Time) Analysis {
	toks := Tokenize(text)
	s := &sentence{c: c, text: text, toks: toks, day: DayOf(date)}
	if isDateline(text, toks) {
		return Analysis{Rejected: "dateline"}
	}
	if d := c.findDiscard(toks); d != nil {
		if d.Story {
			return Analysis{Rejected: "storydiscard", Discard: d.Phrase}
		}
		return Analysis{Rejected: "sentencediscard", Discard: d.Phrase}
	}
	s.findUnits()
	s.findGroups()
	s.findVerbs()
	return Analysis{Events: s.code()}
}

// isDateline reports a sentence that opens with a wire dateline ("CEBU
// CITY: --", "MOSCOW --"): upper-case words followed by ':' or "--".
func isDateline(text string, toks []Token) bool {
	for i, t := range toks {
		if i > 5 {
			return false
		}
		if t.W == ":" || t.W == "--" {
			return i > 0
		}
		raw := text[t.Start:t.End]
		if raw != strings.ToUpper(raw) || strings.ToLower(raw) == raw && raw != "," {
			return false
		}
	}
	return false
}

func (c *Coder) findDiscard(toks []Token) *Discard {
	for i, t := range toks {
		for _, d := range c.d.discards[t.W] {
			if matchWords(toks, i, d.Words) {
				return d
			}
		}
	}
	return nil
}

func matchWords(toks []Token, i int, words []string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for k, w := range words {
		if toks[i+k].W != w {
			return false
		}
	}
	return true
}

// A unit is one actor or agent phrase found in the sentence.
type unit struct {
	start, end int // token range
	actor      *Actor
	agent      *Agent
}

// A group is a run of units joined by "and", commas, "of", "in", "'s":
// one noun phrase naming one or several actors.
type group struct {
	start, end int // token range
	units      []int
	codes      []string
}

// A verbHit is one verb occurrence: the token range of the verb phrase and
// its head, and the dictionary forms it may be.
type verbHit struct {
	start, end, head int
	forms            []VerbForm
}

type sentence struct {
	c      *Coder
	text   string
	toks   []Token
	day    int
	units  []unit
	groups []group
	gAt    []int // token -> index of the group covering it, or -1
	verbs  []verbHit
	isVerb []bool
}

func (s *sentence) findUnits() {
	d := s.c.d
	for i := 0; i < len(s.toks); {
		best := phraseEntry{}
		for _, e := range d.phrases[s.toks[i].W] {
			if len(e.words) <= len(best.words) {
				break // longest first
			}
			if matchWords(s.toks, i, e.words) {
				best = e
				break
			}
		}
		if best.words == nil {
			i++
			continue
		}
		s.units = append(s.units, unit{start: i, end: i + len(best.words), actor: best.actor, agent: best.agent})
		i += len(best.words)
	}
}

// joiners may stand between the units of one group.
var joiners = map[string]bool{"AND": true, ",": true, "OF": true, "IN": true, "'S": true, "'": true, "THE": true}

func (s *sentence) findGroups() {
	s.gAt = make([]int, len(s.toks))
	for i := range s.gAt {
		s.gAt[i] = -1
	}
	for ui := 0; ui < len(s.units); {
		g := group{start: s.units[ui].start, end: s.units[ui].end, units: []int{ui}}
		uj := ui + 1
		for uj < len(s.units) {
			gap := s.toks[g.end:s.units[uj].start]
			ok := len(gap) <= 3
			for _, t := range gap {
				if !joiners[t.W] {
					ok = false
				}
			}
			if !ok {
				break
			}
			g.units = append(g.units, uj)
			g.end = s.units[uj].end
			uj++
		}
		g.codes = s.resolve(g)
		for k := g.start; k < g.end; k++ {
			s.gAt[k] = len(s.groups)
		}
		s.groups = append(s.groups, g)
		ui = uj
	}
}

// resolve turns a group's units into actor codes: every actor combined with
// the agents that apply to it. Agents joined by "and" without an actor of
// their own are alternatives ("media and government"); other agents apply
// to every actor of the group.
func (s *sentence) resolve(g group) []string {
	type segment struct{ actors, agents []int }
	var segs []segment
	cur := segment{}
	last := g.start
	for _, ui := range g.units {
		u := s.units[ui]
		for _, t := range s.toks[last:u.start] {
			if t.W == "AND" || t.W == "," {
				if len(cur.actors)+len(cur.agents) > 0 {
					segs = append(segs, cur)
				}
				cur = segment{}
			}
		}
		if u.actor != nil {
			cur.actors = append(cur.actors, ui)
		} else {
			cur.agents = append(cur.agents, ui)
		}
		last = u.end
	}
	segs = append(segs, cur)
	agentOnly := 0
	for _, sg := range segs {
		if len(sg.actors) == 0 {
			agentOnly++
		}
	}
	var actors []string
	var shared []*Agent
	var alts [][]*Agent
	for _, sg := range segs {
		for _, ui := range sg.actors {
			actors = append(actors, s.units[ui].actor.CodesOn(s.day)...)
		}
		var ags []*Agent
		for _, ui := range sg.agents {
			ags = append(ags, s.units[ui].agent)
		}
		switch {
		case len(sg.actors) == 0:
			alts = append(alts, ags)
		case agentOnly > 0 && len(ags) > 0:
			shared = append(shared, ags[:len(ags)-1]...)
			alts = append(alts, ags[len(ags)-1:])
		default:
			shared = append(shared, ags...)
		}
	}
	if len(alts) == 0 {
		alts = [][]*Agent{nil}
	}
	if len(actors) == 0 {
		actors = []string{"---"}
	}
	var out []string
	seen := map[string]bool{}
	for _, a := range actors {
		for _, alt := range alts {
			code := a
			for _, ag := range append(append([]*Agent(nil), shared...), alt...) {
				code = combine(code, ag)
			}
			if !seen[code] {
				seen[code] = true
				out = append(out, code)
			}
		}
	}
	return out
}

// combine adds an agent's code to an actor code: before it for a prefix
// agent, after it otherwise, unless the code already carries it.
func combine(code string, ag *Agent) string {
	if ag.Prefix {
		if strings.HasPrefix(code, ag.Code) {
			return code
		}
		return ag.Code + code
	}
	if len(code) > 3 && strings.Contains(code[3:], ag.Code) {
		return code
	}
	return code + ag.Code
}

// determiners before a verb form make it a noun ("an attack", "their meeting").
var determiners = map[string]bool{"A": true, "AN": true, "THE": true, "ITS": true, "HIS": true, "HER": true,
	"THEIR": true, "OUR": true, "MY": true, "YOUR": true, "'S": true, "THIS": true, "THESE": true, "THOSE": true,
	"EACH": true, "EVERY": true}

func (s *sentence) findVerbs() {
	s.isVerb = make([]bool, len(s.toks))
	d := s.c.d
	for i := 0; i < len(s.toks); i++ {
		if s.gAt[i] >= 0 {
			continue
		}
		forms := d.verbs[s.toks[i].W]
		if len(forms) == 0 {
			continue
		}
		hit := verbHit{start: i, end: i + 1, head: i}
		for _, f := range forms {
			st, en := i-len(f.Pre), i+1+len(f.Post)
			if st < 0 || en > len(s.toks) {
				continue
			}
			ok := true
			for k, w := range f.Pre {
				if s.toks[st+k].W != w {
					ok = false
				}
			}
			for k, w := range f.Post {
				if s.toks[i+1+k].W != w {
					ok = false
				}
			}
			if !ok {
				continue
			}
			if en-st > hit.end-hit.start {
				hit.start, hit.end, hit.forms = st, en, nil
			}
			if en-st == hit.end-hit.start {
				hit.forms = append(hit.forms, f)
			}
		}
		if len(hit.forms) == 0 {
			continue
		}
		if hit.start > 0 && determiners[s.toks[hit.start-1].W] {
			continue // a noun: "an attack"
		}
		s.verbs = append(s.verbs, hit)
		for k := hit.start; k < hit.end; k++ {
			s.isVerb[k] = true
		}
		i = hit.end - 1
	}
}

// boundary words end the search for a verb's source or target.
var boundary = map[string]bool{".": true, ";": true, ":": true, "--": true, "WHICH": true, "WHO": true,
	"WHOM": true, "WHOSE": true, "THAT": true, "WHEN": true, "WHILE": true, "BECAUSE": true, "AFTER": true,
	"BEFORE": true, "IF": true, "ALTHOUGH": true, "SINCE": true, "UNTIL": true, "WHETHER": true, "WHERE": true}

// stops end pattern skipping.
var stops = map[string]bool{".": true, ";": true, ":": true, "?": true, "!": true}

var beForms = map[string]bool{"IS": true, "WAS": true, "WERE": true, "ARE": true, "BE": true, "BEEN": true, "BEING": true, "AM": true}

// code assigns events to each verb.
func (s *sentence) code() []Event {
	var out []Event
	seen := map[string]bool{}
	consumed := make([]bool, len(s.toks))
	prevSource := []string(nil)
	for _, v := range s.verbs {
		if consumed[v.head] {
			continue
		}
		m := s.matchVerb(v, consumed)
		code, code2 := m.code, m.code2
		// Source: the pattern's, else the subject.
		src := m.source
		if src == nil {
			if v.start > 0 && (s.toks[v.start-1].W == "AND" || (v.start > 1 && s.toks[v.start-2].W == "AND" && !s.isVerb[v.start-1])) && prevSource != nil {
				src = prevSource
			} else {
				src = s.subject(v.start)
			}
		}
		tgt := m.target
		passive := false
		if tgt == nil && m.source == nil {
			// "X was opposed by Y": Y acts on X.
			if s.isPassive(v) {
				if by := s.byAgent(v.end); by != nil {
					tgt, src, passive = src, by, true
				}
			}
			if !passive {
				tgt = s.object(m.after)
			}
		}
		if m.mutual != nil {
			src, tgt = m.mutual, m.mutual
		}
		if len(src) > 0 {
			prevSource = src
		}
		if code == "" || code == "---" {
			continue
		}
		emit := func(srcs, tgts []string, code string) {
			if code == "" || code == "---" {
				return
			}
			if len(srcs) == 0 {
				srcs = []string{""}
			}
			if len(tgts) == 0 {
				tgts = []string{""}
			}
			for _, a := range srcs {
				for _, b := range tgts {
					if a == b {
						continue
					}
					if a == "" || b == "" {
						if s.c.cfg.RequireDyad || (a == "" && b == "") {
							continue
						}
					}
					if a == "" {
						a = "---"
					}
					if b == "" {
						b = "---"
					}
					e := Event{Source: a, Target: b, Code: code, Verb: s.text[s.toks[v.start].Start:s.toks[v.end-1].End],
						Start: s.toks[v.start].Start, End: s.toks[v.end-1].End}
					if !seen[e.Key()] {
						seen[e.Key()] = true
						out = append(out, e)
					}
				}
			}
		}
		emit(src, tgt, code)
		if code2 != "" && m.mutual == nil {
			emit(tgt, src, code2)
		}
	}
	return out
}

// subject returns the codes of the nearest group left of token i, within
// the clause.
func (s *sentence) subject(i int) []string {
	for k := i - 1; k >= 0; k-- {
		if g := s.gAt[k]; g >= 0 {
			return s.groups[g].codes
		}
		if boundary[s.toks[k].W] {
			return nil
		}
	}
	return nil
}

// object returns the codes of the first group right of token i, before the
// next verb or clause boundary.
func (s *sentence) object(i int) []string {
	for k := i; k < len(s.toks); k++ {
		if g := s.gAt[k]; g >= 0 {
			return s.groups[g].codes
		}
		if boundary[s.toks[k].W] || s.isVerb[k] {
			return nil
		}
	}
	return nil
}

func (s *sentence) isPassive(v verbHit) bool {
	for k, n := v.start-1, 0; k >= 0 && n < 3; k, n = k-1, n+1 {
		if beForms[s.toks[k].W] {
			return true
		}
		if s.gAt[k] >= 0 {
			return false
		}
	}
	return false
}

// byAgent finds "BY actor" shortly after a passive verb.
func (s *sentence) byAgent(i int) []string {
	for k := i; k < len(s.toks) && k < i+4; k++ {
		if s.toks[k].W == "BY" && k+1 < len(s.toks) {
			for j := k + 1; j < len(s.toks) && j < k+4; j++ {
				if g := s.gAt[j]; g >= 0 {
					return s.groups[g].codes
				}
			}
			return nil
		}
		if boundary[s.toks[k].W] {
			return nil
		}
	}
	return nil
}
