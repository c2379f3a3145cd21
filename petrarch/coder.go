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
	words  map[string]struct{} // built on first use by has
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
var joiners = map[string]bool{"AND": true, ",": true, "'S": true, "'": true, "THE": true, "A": true, "AN": true}

// linkers join an agent to the actor after it: "ambassadors of Arnor",
// "activists in Arnor", "soldiers from Gondor".
var linkers = map[string]bool{"OF": true, "IN": true, "FROM": true}

// functionWords are never taken for adjectives inside a noun phrase.
var functionWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`A AN THE AND OR BUT NOR OF IN ON AT TO FOR FROM BY WITH WITHOUT INTO ONTO
		ABOUT AGAINST BETWEEN AMONG OVER UNDER AFTER BEFORE DURING SINCE UNTIL THROUGH ACROSS ALONG AROUND NEAR
		TOWARD TOWARDS UPON WITHIN BEYOND LIKE AS THAN IS ARE WAS WERE BE BEEN BEING AM HAS HAVE HAD DO DOES DID
		WILL WOULD SHALL SHOULD CAN COULD MAY MIGHT MUST NOT N'T NO IT ITS HE HIS SHE HER THEY THEIR THEM WE OUR
		US YOU YOUR I MY ME THIS THAT THESE THOSE WHICH WHO WHOM WHOSE WHAT WHEN WHERE WHY HOW IF WHILE BECAUSE
		ALTHOUGH WHETHER THERE THEN SO ALSO VERY SAID SAYS`) {
		functionWords[w] = true
	}
}

// freeWord reports a word that may be an adjective or noun modifier.
func freeWord(w string) bool {
	if functionWords[w] {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			return true
		}
	}
	return false
}

func (s *sentence) free(w string) bool { return freeWord(w) && len(s.c.d.verbs[w]) == 0 }

// joinable reports whether the tokens between units l and r let them form
// one noun phrase.
func (s *sentence) joinable(l, r unit) bool {
	gap := s.toks[l.end:r.start]
	if len(gap) > 4 {
		return false
	}
	free := 0
	for _, t := range gap {
		switch {
		case joiners[t.W]:
		case linkers[t.W] && l.agent != nil:
		case s.free(t.W):
			free++
		default:
			return false
		}
	}
	return free <= 2
}

func (s *sentence) findGroups() {
	s.gAt = make([]int, len(s.toks))
	for i := range s.gAt {
		s.gAt[i] = -1
	}
	for ui := 0; ui < len(s.units); {
		g := group{start: s.units[ui].start, end: s.units[ui].end, units: []int{ui}}
		uj := ui + 1
		for uj < len(s.units) && s.joinable(s.units[uj-1], s.units[uj]) {
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

// resolve turns a group's units into actor codes. The group splits into
// segments at "and" and commas; a segment names its first actor (later
// ones are appositions: "Bree Prime Minister Romendacil"). Segments made of
// agents only are alternatives applied to every actor ("lawmakers and
// officials in Fornost and Gondor", "Danish media and government");
// otherwise a segment's agents apply to its actor, and the head agents of
// the first segment ("the ambassadors of Arnor, Osgiliath and Gondor")
// also to the actors of the later segments that have none of their own.
func (s *sentence) resolve(g group) []string {
	type segment struct {
		actor       *Actor
		agents      []*Agent
		headAgents  bool // agents stand before the actor
		actorsAfter bool
	}
	var segs []segment
	cur := segment{}
	last := g.start
	for n, ui := range g.units {
		u := s.units[ui]
		if n > 0 {
			gap := s.toks[last:u.start]
			if len(gap) == 0 || gap[0].W != "'S" {
				for _, t := range gap {
					if (t.W == "AND" || t.W == ",") && (cur.actor != nil || len(cur.agents) > 0) {
						segs = append(segs, cur)
						cur = segment{}
					}
				}
			}
		}
		switch {
		case u.actor != nil && cur.actor == nil:
			cur.actor = u.actor
			cur.headAgents = len(cur.agents) > 0
		case u.agent != nil:
			cur.agents = append(cur.agents, u.agent)
		}
		last = u.end
	}
	segs = append(segs, cur)
	agentOnly := 0
	for _, sg := range segs {
		if sg.actor == nil {
			agentOnly++
		}
	}
	out := make([]string, 0, 2)
	add := func(base string, ags []*Agent) {
		code := base
		for _, ag := range ags {
			code = combine(code, ag)
		}
		for _, c := range out {
			if c == code {
				return
			}
		}
		out = append(out, code)
	}
	bases := func(sg segment) []string {
		if sg.actor == nil {
			return []string{"---"}
		}
		return sg.actor.CodesOn(s.day)
	}
	if agentOnly > 0 {
		var shared []*Agent
		var alts [][]*Agent
		var actors []string
		for _, sg := range segs {
			switch {
			case sg.actor == nil:
				alts = append(alts, sg.agents)
			case len(sg.agents) > 0:
				shared = append(shared, sg.agents[:len(sg.agents)-1]...)
				alts = append(alts, sg.agents[len(sg.agents)-1:])
				actors = append(actors, bases(sg)...)
			default:
				actors = append(actors, bases(sg)...)
			}
		}
		if len(actors) == 0 {
			actors = []string{"---"}
		}
		for _, a := range actors {
			for _, alt := range alts {
				add(a, append(append([]*Agent(nil), shared...), alt...))
			}
		}
		return out
	}
	var head []*Agent
	if segs[0].headAgents {
		head = segs[0].agents
	}
	for i, sg := range segs {
		ags := sg.agents
		if i > 0 && len(ags) == 0 {
			ags = head
		}
		for _, b := range bases(sg) {
			add(b, ags)
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
		if s.nounAt(hit.start) {
			continue // a noun: "an attack", "a brief private visit"
		}
		s.verbs = append(s.verbs, hit)
		for k := hit.start; k < hit.end; k++ {
			s.isVerb[k] = true
		}
		i = hit.end - 1
	}
}

// nounAt reports a verb form at token i that a determiner, possibly
// followed by adjectives, makes a noun.
func (s *sentence) nounAt(i int) bool {
	for k, n := i-1, 0; k >= 0 && n < 3; k, n = k-1, n+1 {
		w := s.toks[k].W
		if determiners[w] {
			return true
		}
		if s.gAt[k] >= 0 || !s.free(w) {
			return false
		}
	}
	return false
}

// boundary words end the search for a verb's source or target.
var boundary = map[string]bool{".": true, ";": true, ":": true, "--": true, "WHICH": true, "WHO": true,
	"WHOM": true, "WHOSE": true, "WHEN": true, "WHILE": true, "BECAUSE": true, "AFTER": true,
	"BEFORE": true, "IF": true, "ALTHOUGH": true, "SINCE": true, "UNTIL": true, "WHERE": true}

// stops end pattern skipping.
var stops = map[string]bool{".": true, ";": true, ":": true, "?": true, "!": true}

var beForms = map[string]bool{"IS": true, "WAS": true, "WERE": true, "ARE": true, "BE": true, "BEEN": true, "BEING": true, "AM": true}

// code assigns events to each verb: first every verb's pattern match and
// code, then, left to right, its source (the first group of its clause, or
// the source of the verb it is conjoined with) and its target (the first
// group after it, before the next verb that codes an event).
func (s *sentence) code() []Event {
	consumed := make([]bool, len(s.toks))
	matches := make([]match, len(s.verbs))
	active := make([]bool, len(s.verbs))
	for i, v := range s.verbs {
		if consumed[v.head] {
			continue
		}
		matches[i] = s.matchVerb(v, consumed)
		active[i] = matches[i].code != "" && matches[i].code != "---" || matches[i].code2 != ""
	}
	for i, v := range s.verbs {
		if consumed[v.head] {
			active[i] = false
			for k := v.start; k < v.end; k++ {
				s.isVerb[k] = false
			}
		}
	}
	srcs := make([][]string, len(s.verbs))
	clauseStart := 0
	var prevSource []string
	for i, v := range s.verbs {
		if !active[i] {
			continue
		}
		src := matches[i].source
		if src == nil && matches[i].mutual == nil {
			if s.conjoined(v) && prevSource != nil {
				src = prevSource
			} else {
				src = s.subject(clauseStart, v.start)
			}
		}
		srcs[i] = src
		if src != nil || matches[i].target != nil || matches[i].mutual != nil {
			clauseStart = v.end
			if src != nil {
				prevSource = src
			}
		} else {
			active[i] = false // no subject: not a verb that codes
		}
	}
	for i, v := range s.verbs {
		if !active[i] { // only verbs that code an event end an object search
			for k := v.start; k < v.end; k++ {
				s.isVerb[k] = false
			}
		}
	}
	var out []Event
	seen := map[string]bool{}
	for i, v := range s.verbs {
		m := matches[i]
		if consumed[v.head] || m.code == "" && m.code2 == "" || m.code == "---" {
			continue
		}
		src, tgt := srcs[i], m.target
		if tgt == nil && m.source == nil && m.mutual == nil {
			passive := false
			if s.isPassive(v) {
				if by := s.byAgent(v.end); by != nil {
					tgt, src, passive = src, by, true
				}
			}
			if !passive {
				tgt = s.object(v.end)
			}
		}
		if m.mutual != nil {
			src, tgt = m.mutual, m.mutual
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
		emit(src, tgt, m.code)
		if m.code2 != "" && m.mutual == nil {
			emit(tgt, src, m.code2)
		}
	}
	return out
}

// conjoined reports a verb that shares the subject of the verb before it:
// "condemned ... and promised".
func (s *sentence) conjoined(v verbHit) bool {
	for k, n := v.start-1, 0; k >= 0 && n < 3; k, n = k-1, n+1 {
		w := s.toks[k].W
		if w == "AND" || w == "BUT" {
			return true
		}
		if s.gAt[k] >= 0 || !freeWord(w) && !auxiliaries[w] {
			return false
		}
	}
	return false
}

// auxiliaries may stand between a subject or conjunction and its verb.
var auxiliaries = map[string]bool{"WILL": true, "WOULD": true, "HAS": true, "HAVE": true, "HAD": true, "ALSO": true,
	"CAN": true, "COULD": true, "MAY": true, "MIGHT": true, "SHOULD": true, "MUST": true, "THEN": true, "LATER": true}

// subject returns the codes of the first group between token from and
// token i, after the last clause boundary.
func (s *sentence) subject(from, i int) []string {
	for k := i - 1; k >= from; k-- {
		if s.gAt[k] < 0 && (boundary[s.toks[k].W] || s.toks[k].W == ",") {
			from = k + 1
			break
		}
	}
	for k := from; k < i; k++ {
		if g := s.gAt[k]; g >= 0 {
			return s.groups[g].codes
		}
	}
	return nil
}

// object returns the codes of the first group right of token i, before the
// next coding verb or clause boundary. A group right after a comma that is
// the subject of a following verb is not an object.
func (s *sentence) object(i int) []string {
	for k := i; k < len(s.toks); k++ {
		if g := s.gAt[k]; g >= 0 {
			return s.groups[g].codes
		}
		if boundary[s.toks[k].W] || s.isVerb[k] {
			return nil
		}
		if s.toks[k].W == "," && s.subjectAhead(k+1) {
			return nil
		}
	}
	return nil
}

// subjectAhead reports a clause starting at token i: a group soon followed
// by a verb.
func (s *sentence) subjectAhead(i int) bool {
	for k := i; k < len(s.toks) && k < i+6; k++ {
		if g := s.gAt[k]; g >= 0 {
			e := s.groups[g].end
			for j := e; j < len(s.toks) && j < e+3; j++ {
				if s.isVerb[j] {
					return true
				}
				if !freeWord(s.toks[j].W) && !auxiliaries[s.toks[j].W] {
					return false
				}
			}
			return false
		}
	}
	return false
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
