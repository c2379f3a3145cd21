package code

import (
	"context"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/dyad-project/dyad/cameo"
	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/syntax"
)

// An ActorMatcher finds the actors named in a text, resolved for the day on
// (actor.Dictionary implements it). Spans are byte offsets into text.
type ActorMatcher interface {
	Match(text string, on time.Time) []dyad.ActorMention
}

// A PlaceFinder finds where a sentence says something happened
// (place.Gazetteer implements it); hints are the country codes of the
// actors involved, demonym maps adjectives to country codes.
type PlaceFinder interface {
	Find(sentence string, hints []string, demonym func(string) (string, bool)) (dyad.Place, dyad.Span, bool)
}

// A DateFinder dates an event: it returns the date of the date expression
// in text that belongs to the words at span, resolved against published,
// and false when none does.
type DateFinder interface {
	Date(text string, span dyad.Span, published time.Time) (dyad.Date, bool)
}

// DateFunc adapts a function to a DateFinder.
type DateFunc func(text string, span dyad.Span, published time.Time) (dyad.Date, bool)

// Date calls f.
func (f DateFunc) Date(text string, span dyad.Span, published time.Time) (dyad.Date, bool) {
	return f(text, span, published)
}

// Options are the coder's dependencies. Nil Actors means no actor is ever
// found (and so no event); nil Places, Dates or Demonym leave locations,
// dated expressions and demonym fallbacks out; nil Actions means the
// built-in action dictionary.
type Options struct {
	Actors  ActorMatcher
	Places  PlaceFinder
	Dates   DateFinder
	Demonym func(word string) (country string, ok bool)
	Actions *Actions
}

// Coder is dyad's dictionary coder: it parses each sentence shallowly
// (package syntax), finds the words that carry actions in its action
// dictionary, and reads who did it to whom from the parse. It implements
// dyad.Coder and is safe for concurrent use.
type Coder struct {
	opts Options
	pool sync.Pool
}

var _ dyad.Coder = (*Coder)(nil)

// New returns a coder with the given dependencies.
func New(opts Options) *Coder {
	if opts.Actions == nil {
		opts.Actions = builtin()
	}
	c := &Coder{opts: opts}
	c.pool.New = func() any { return new(syntax.Analyzer) }
	return c
}

var (
	builtinOnce sync.Once
	builtinDict *Actions
)

func builtin() *Actions {
	builtinOnce.Do(func() { builtinDict = BuiltinActions() })
	return builtinDict
}

// Code returns the event mentions of doc's sentences (source lists are
// skipped), with spans into doc.Text. It returns ctx.Err() when ctx ends.
func (c *Coder) Code(ctx context.Context, doc *dyad.Document) ([]*dyad.Mention, error) {
	var out []*dyad.Mention
	dc := c.newDocContext(doc)
	for i := range doc.Sentences {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		s := &doc.Sentences[i]
		if s.Kind == dyad.KindSources {
			continue
		}
		text := s.Text
		if n := dc.storyBreak(c, doc, s, i); n > 0 {
			// the lead is no party: "ROME - Israeli Foreign Minister …"
			text = strings.Repeat(" ", n) + text[n:]
		}
		ms := c.codeText(text, doc.Published, dc)
		for _, m := range ms {
			if text != s.Text && m.Span.End <= len(s.Text) {
				m.Text = s.Text[m.Span.Start:m.Span.End]
			}
			m.Span.Start += s.Span.Start
			m.Span.End += s.Span.Start
			m.Doc = doc.ID
			m.Sentence = s.Index
			m.Citations = append([]int(nil), s.Citations...)
			m.Published = doc.Published
			m.Outlet = doc.Outlet
			m.URL = doc.URL
			m.Story = doc.Story
			m.ID = dyad.NewMentionID(doc.ID, m.Span, m.Code, m.Source.Code, m.Target.Code)
			out = append(out, m)
		}
	}
	return out, nil
}

// CodeSentence codes one sentence as if published on published; spans are
// offsets into text and Doc is empty. It is meant for tests and tools.
func (c *Coder) CodeSentence(text string, published time.Time) []*dyad.Mention {
	ms := c.codeText(text, published, &docContext{})
	for _, m := range ms {
		m.ID = dyad.NewMentionID("", m.Span, m.Code, m.Source.Code, m.Target.Code)
	}
	return ms
}

// sent is the state of coding one sentence.
type sent struct {
	c      *Coder
	s      *syntax.Sentence
	text   string
	pub    time.Time
	actors []dyad.ActorMention
	// used holds, per phrase, the CAMEO root of a verb's event that
	// already covers it ("*" for any), so that its noun does not code the
	// same event again ("signed an agreement"); "" when none.
	used   []string
	out    []*dyad.Mention
	recent []dyad.Actor
	// ctx is the document read so far (nil for a lone sentence);
	// fromContext marks the phrases whose actor came from it.
	ctx         *docContext
	fromContext map[int]bool
	ctxActors   map[string]bool // the texts of the actors the context gave
}

// codeText codes one sentence; dc is what the sentences before it said
// (nil for a lone sentence), for resolving "the group", "the
// administration" and "Ivanov", and is updated with this sentence.
func (c *Coder) codeText(text string, pub time.Time, dc *docContext) []*dyad.Mention {
	if c.opts.Actors == nil || strings.TrimSpace(text) == "" {
		return nil
	}
	actors := c.opts.Actors.Match(text, pub)
	if len(actors) == 0 && !c.hasDemonym(text) && !dc.mayResolve(text) {
		return nil // no party can be read: skip the parse
	}
	a := c.pool.Get().(*syntax.Analyzer)
	defer c.pool.Put(a)
	st := &sent{c: c, s: a.Analyze(text), text: text, pub: pub, actors: actors, ctx: dc}
	if dc != nil {
		st.recent = dc.recent
	}
	st.used = make([]string, len(st.s.Phrases))
	for k := range st.s.Verbs {
		st.codeVerb(k)
	}
	for p := range st.s.Phrases {
		if st.used[p] != "*" {
			st.codeNoun(p)
		}
	}
	st.remember(dc)
	return st.out
}

// hasDemonym reports whether text has a capitalized word that Demonym
// knows ("Iraqi planes attacked an Iranian jet" names no actor the matcher
// knows, but two parties all the same).
func (c *Coder) hasDemonym(text string) bool {
	if c.opts.Demonym == nil {
		return false
	}
	for i := 0; i < len(text); i++ {
		if b := text[i]; b < 'A' || b > 'Z' || i > 0 && isLetter(text[i-1]) {
			continue
		}
		j := i + 1
		for j < len(text) && isLetter(text[j]) {
			j++
		}
		if _, ok := c.opts.Demonym(text[i:j]); ok {
			return true
		}
		i = j
	}
	return false
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80 }

// maxRecent bounds the entities remembered for resolving "the group".
const maxRecent = 8

// rememberActors adds the named entities (not plain countries) of a
// sentence to recent, most recent last.
func rememberActors(recent []dyad.Actor, ms []dyad.ActorMention) []dyad.Actor {
	for _, m := range ms {
		if m.Entity == "" || strings.EqualFold(m.Entity, m.Country) || strings.HasPrefix(m.Entity, "person:") {
			continue
		}
		a := m.Actor
		for i, b := range recent {
			if b.Entity == a.Entity {
				recent = append(recent[:i], recent[i+1:]...)
				break
			}
		}
		recent = append(recent, a)
	}
	if len(recent) > maxRecent {
		recent = recent[len(recent)-maxRecent:]
	}
	return recent
}

// genericNouns name an organization already named: "the group", "the
// regime", "the movement".
var genericNouns = map[string]bool{
	"regime": true, "group": true, "movement": true, "militant": true, "insurgent": true,
	"organization": true, "organisation": true, "militia": true, "faction": true,
}

// corefActor resolves a generic noun phrase to the latest named entity:
// one named earlier in the sentence, else in the sentences before.
func (st *sent) corefActor(p int) (dyad.Actor, bool) {
	if !genericNouns[st.headLemma(p)] {
		return dyad.Actor{}, false
	}
	start, end := st.s.PhraseSpan(p)
	for i := len(st.actors) - 1; i >= 0; i-- {
		m := &st.actors[i]
		if m.Span.End <= start && m.Entity != "" && !strings.EqualFold(m.Entity, m.Country) && !strings.HasPrefix(m.Entity, "person:") {
			a := m.Actor
			a.Text = st.text[start:end]
			return a, true
		}
	}
	if n := len(st.recent); n > 0 {
		a := st.recent[n-1]
		a.Text = st.text[start:end]
		return a, true
	}
	return dyad.Actor{}, false
}

// ---- participants ---------------------------------------------------------

// phraseActor returns the actor that phrase p names, and false when it
// names none: the actor over the head noun, else one inside the phrase
// ("Russian strategy" → Russia), completed with the possessor's country when
// it has only a role ("Russia’s Supreme Court").
func (st *sent) phraseActor(p int) (dyad.Actor, bool) {
	s := st.s
	ph := &s.Phrases[p]
	start, end := s.PhraseSpan(p)
	head := s.Tokens[ph.Head].Span
	best, bestScore := -1, -1
	for i := range st.actors {
		m := &st.actors[i]
		if m.Span.End <= start || m.Span.Start >= end {
			continue
		}
		score := m.Span.Len()
		if m.Span.Start <= head.Start && m.Span.End >= head.End {
			score += 1000
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		if a, ok := st.corefActor(p); ok {
			return a, true
		}
		if a, ok := st.possessiveActor(p); ok {
			return a, true
		}
		if a, ok := st.pronounActor(p); ok {
			return a, true
		}
		if a, ok := st.demonymActor(p); ok {
			return a, true
		}
		return st.contextActor(p)
	}
	a := st.actors[best].Actor
	if a.Country == "" {
		for i := range st.actors {
			m := &st.actors[i]
			if i != best && m.Span.Start >= start && m.Span.End <= end && m.Country != "" {
				a.Country = m.Country
				a.Code = dyad.JoinCode(a.Country, a.Role)
				if a.Name == "" {
					a.Name = m.Name
				}
				break
			}
		}
		if a.Country == "" {
			if b, ok := st.contextActor(p); ok && (a.Role == "" || b.Role == a.Role) {
				return b, true
			}
			return dyad.Actor{}, false
		}
	}
	// "anti-Taliban forces": the opponents of the named actor, in its country
	if tok := st.tokenAt(st.actors[best].Span.Start); tok >= 0 {
		if l := s.Tokens[tok].Lower; strings.HasPrefix(l, "anti-") {
			a = dyad.Actor{Country: a.Country, Role: "OPP", Code: dyad.JoinCode(a.Country, "OPP"), Name: "anti-" + a.Name}
		}
	}
	a.Text = st.text[start:end]
	return a, true
}

// tokenAt returns the token that holds byte offset b, or -1.
func (st *sent) tokenAt(b int) int {
	toks := st.s.Tokens
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Span.End > b })
	if i < len(toks) && toks[i].Span.Start <= b {
		return i
	}
	return -1
}

// demonymActor reads a country from a demonym before the head noun, for
// matchers that leave "Russian policy" unmatched.
func (st *sent) demonymActor(p int) (dyad.Actor, bool) {
	if st.c.opts.Demonym == nil {
		return dyad.Actor{}, false
	}
	s := st.s
	ph := &s.Phrases[p]
	for i := ph.Start; i < ph.Head; i++ {
		t := &s.Tokens[i]
		if !t.Cap {
			continue
		}
		if c, ok := st.c.opts.Demonym(t.Text); ok {
			start, end := s.PhraseSpan(p)
			a := dyad.Actor{Code: dyad.ActorCode(c), Country: c, Text: st.text[start:end]}
			if forceNouns[st.headLemma(p)] {
				a.Role, a.Code = "MIL", dyad.JoinCode(c, "MIL") // "Iraqi planes"
			}
			return a, true
		}
	}
	return dyad.Actor{}, false
}

// actorsOf returns the actors of phrases and of the phrases coordinated
// with them; a phrase that names no actor lends the actors of its
// "including"/"such as"/"of" phrases ("top security figures, including
// Russia’s Security Council secretary and …").
func (st *sent) actorsOf(ps []int) []dyad.Actor {
	var out []dyad.Actor
	for _, p0 := range ps {
		for _, p := range st.s.Chain(p0) {
			if a, ok := st.phraseActor(p); ok {
				out = appendActor(out, a)
				// "Secretary of State George Shultz and Soviet Foreign
				// Minister Eduard Shevardnadze": the coordination hangs on
				// the title's "of" phrase
				if pps := st.s.PPsOf(p); len(pps) > 0 && st.s.Tokens[pps[0].Prep].Lower == "of" && st.s.Phrases[pps[0].Phrase].Conj >= 0 {
					for _, q := range st.s.Chain(pps[0].Phrase)[1:] {
						if a, ok := st.phraseActor(q); ok {
							out = appendActor(out, a)
						}
					}
				}
				continue
			}
			for _, pp := range st.s.PPsOf(p) {
				if st.s.Tokens[pp.Prep].Lower == "from" && forceNouns[st.headLemma(p)] {
					// "planes from Afghanistan": its armed forces
					for _, a := range st.actorsOf([]int{pp.Phrase}) {
						if a.Country != "" {
							start, end := st.s.PhraseSpan(p)
							out = appendActor(out, dyad.Actor{Country: a.Country, Role: "MIL", Code: dyad.JoinCode(a.Country, "MIL"), Text: st.text[start:end]})
						}
					}
				}
				prep := st.s.Tokens[pp.Prep].Lower
				if prep == "by" && actNouns[st.headLemma(p)] {
					// "the action by the United States to slap tariffs": the doer
					out = append(out, st.actorsOf([]int{pp.Phrase})...)
					break
				}
				switch prep {
				case "including", "like", "of":
					for _, q := range st.s.Chain(pp.Phrase) {
						if a, ok := st.phraseActor(q); ok {
							out = appendActor(out, a)
						}
					}
				}
				if len(out) > 0 {
					break
				}
			}
		}
	}
	return out
}

// actNouns name a deed whose "by" phrase names the doer, who is then the
// doer of what the deed is "to" do ("the decision by Japan to cut …").
var actNouns = map[string]bool{
	"action": true, "decision": true, "move": true, "step": true, "attempt": true, "effort": true,
	"bid": true, "measure": true, "plan": true, "proposal": true, "threat": true,
}

func appendActor(list []dyad.Actor, a dyad.Actor) []dyad.Actor {
	for _, b := range list {
		if b.Code == a.Code && b.Entity == a.Entity {
			return list
		}
	}
	return append(list, a)
}

// headLemma returns the lemma of phrase p's head noun.
func (st *sent) headLemma(p int) string {
	t := &st.s.Tokens[st.s.Phrases[p].Head]
	switch t.Tag {
	case syntax.NNP, syntax.NNPS, syntax.NN:
		return syntax.NounLemma(t.Lower)
	}
	return t.Lemma
}

// ---- matching rules -------------------------------------------------------

// partWords name a part of what their "of" phrase names: "one of Iraq's
// fortifications" is a fortification.
var partWords = map[string]bool{
	"one": true, "some": true, "part": true, "most": true, "all": true, "several": true, "many": true,
	"dozen": true, "number": true, "two": true, "three": true, "four": true, "five": true, "each": true,
	"parts": true, "none": true, "rest": true, "majority": true, "hundred": true, "thousand": true,
	"resumption": true, "renewal": true, "wave": true, "series": true, "spate": true,
}

// partHead returns the head lemma of the "of" phrase of a phrase headed by
// a part word or a number ("one of the fortifications", "dozens of
// tanks"), else "".
func (st *sent) partHead(p int) string {
	h := &st.s.Tokens[st.s.Phrases[p].Head]
	if !partWords[h.Lower] && !partWords[st.headLemma(p)] && h.Tag != syntax.CD {
		return ""
	}
	for _, pp := range st.s.PPsOf(p) {
		if st.s.Tokens[pp.Prep].Lower == "of" {
			return st.headLemma(pp.Phrase)
		}
		break
	}
	return ""
}

// match returns the first rule whose conditions hold for a verb with
// objects objs, prepositional phrases pps and governing verb gov, with mod
// words read from modPhrase.
func (st *sent) match(rules []*Rule, objs []int, pps []syntax.PP, gov string, modPhrase int) (*Rule, []syntax.PP) {
	for _, r := range rules {
		if r.Obj != nil {
			ok := false
			for _, o := range objs {
				for _, q := range st.s.Chain(o) {
					if r.Obj["*"] || r.Obj[st.headLemma(q)] || r.Obj[st.partHead(q)] {
						ok = true
					}
				}
			}
			if !ok {
				continue
			}
		}
		if r.Gov != nil && !r.Gov[gov] {
			continue
		}
		if r.Mod != nil {
			if modPhrase < 0 || !st.hasMod(modPhrase, r.Mod) {
				continue
			}
		}
		var hit []syntax.PP
		if r.PP != nil {
			for _, pp := range pps {
				prep := st.s.Tokens[pp.Prep].Lower
				set, ok := r.PP[prep]
				if !ok {
					continue
				}
				if set["*"] || set[st.headLemma(pp.Phrase)] {
					hit = append(hit, pp)
				}
			}
			if len(hit) == 0 {
				continue
			}
		}
		return r, hit
	}
	return nil, nil
}

func (st *sent) hasMod(p int, set map[string]bool) bool {
	ph := &st.s.Phrases[p]
	for i := ph.Start; i < ph.Head; i++ {
		if set[st.s.Tokens[i].Lower] {
			return true
		}
	}
	return false
}

// targetPreps are the prepositions whose phrases name a target, most
// telling first.
var targetPreps = []string{"with", "to", "against", "on", "toward", "towards", "into", "from", "for", "between", "of", "over", "near", "along", "around", "off", "about", "by"}

// ppTargets returns the actors of the most telling prepositional phrase
// that names a party other than src; a phrase that names none, or only
// src's own ("from its mission in Tehran"), lends the actors of its own
// phrases ("for exports from Nicaragua", "at a camp in northern Kuwait").
func (st *sent) ppTargets(pps []syntax.PP, src []dyad.Actor) []dyad.Actor {
	return st.ppTargetsOf(targetPreps, pps, src)
}

// placePreps name where an act of force lands: "fired shells at an oil
// camp in northern Kuwait", "bombed targets in Lebanon".
var placePreps = []string{"at", "in", "inside"}

func (st *sent) ppTargetsOf(preps []string, pps []syntax.PP, src []dyad.Actor) []dyad.Actor {
	for _, prep := range preps {
		for _, pp := range pps {
			if st.s.Tokens[pp.Prep].Lower != prep {
				continue
			}
			if st.c.opts.Actions.Noun(st.headLemma(pp.Phrase)) != nil {
				continue // "in retaliation for U.S. attacks": an event, not a party
			}
			if as := st.actorsOf([]int{pp.Phrase}); len(as) > 0 && !allSameCountry(as, src) {
				return as
			}
			for _, q := range st.s.PPsOf(pp.Phrase) {
				switch st.s.Tokens[q.Prep].Lower {
				case "in", "from", "of", "near", "to", "against", "on":
					if as := st.actorsOf([]int{q.Phrase}); len(as) > 0 && !allSameCountry(as, src) {
						return as
					}
				}
			}
		}
	}
	return nil
}

// ---- verbs ------------------------------------------------------------------

func (st *sent) codeVerb(k int) {
	s := st.s
	v := &s.Verbs[k]
	if v.Copula {
		st.codeCopulaVisit(k)
		return
	}
	if st.codeAttitude(k) || st.rejectedProposal(k) {
		return
	}
	particle := ""
	if v.Particle >= 0 {
		particle = s.Tokens[v.Particle].Lower
	}
	rules := st.c.opts.Actions.Verb(v.Lemma, particle)
	if len(rules) == 0 && len(v.Lemma) > 2 && !strings.HasSuffix(v.Lemma, "e") {
		rules = st.c.opts.Actions.VerbExact(v.Lemma + "e") // "phoned" for an unknown "phone"
	}
	if len(rules) == 0 {
		return
	}
	var objPPs []syntax.PP
	if len(v.Objects) > 0 {
		objPPs = s.PPsOf(v.Objects[0])
	}
	pps := append(append([]syntax.PP(nil), v.PPs...), objPPs...)
	mod := -1
	if len(v.Objects) > 0 {
		mod = v.Objects[0]
	}
	gov := ""
	if v.Governor >= 0 {
		gov = s.Verbs[v.Governor].Lemma
	}
	objs := v.Objects
	if v.Passive {
		objs = v.Subjects // "sanctions were imposed on Iran"
		if len(objs) > 0 {
			mod = objs[0]
		}
	}
	r, hit := st.match(rules, objs, pps, gov, mod)
	if r == nil || r.Code == "" {
		return
	}
	subj, obj := v.Subjects, v.Objects
	var src, tgt []dyad.Actor
	if v.Passive {
		if v.Agent >= 0 {
			src = st.actorsOf([]int{v.Agent})
		}
		tgt = st.actorsOf(subj)
		if len(src) == 0 && len(tgt) > 0 && tgt[0].Country != "" && r.Code.Root() == "18" {
			// "a British diplomat was beaten and abducted in the Iranian
			// capital": with no agent, the state where it happened, when it
			// is not the victim's own
			if src = st.ppTargetsOf(placePreps, pps, tgt); len(src) == 0 {
				src = st.placeTarget(pps, tgt)
			}
		}
	} else {
		src = st.actorsOf(subj)
		if len(src) == 0 && v.Infinitive && len(subj) == 1 && actNouns[st.headLemma(subj[0])] {
			// "Washington announced plans to slap tariffs": the plans' maker
			for j := range s.Verbs {
				if j != k && slices.Contains(s.Verbs[j].Objects, subj[0]) {
					src = st.actorsOf(s.Verbs[j].Subjects)
				}
			}
		}
		if !r.NeedPP {
			tgt = st.actorsOf(obj)
			if st.ownPossession(obj, src) || len(src) > 0 && len(tgt) > 0 && (allSameCountry(tgt, src) || st.ctxActors[tgt[0].Text] && sameState(tgt[0], src[0])) {
				tgt = nil // "withdrew its troops from Syria", "mobilized troops against Ukraine": not a target
			}
		}
	}
	if len(tgt) == 0 {
		if len(hit) > 0 {
			tgt = st.ppTargets(hit, src)
		}
		if len(tgt) == 0 && !r.NeedPP {
			tgt = st.ppTargets(pps, src)
		}
		if len(tgt) == 0 && !r.NeedPP && r.Code.Root() >= "17" && len(src) > 0 {
			tgt = st.ppTargetsOf(placePreps, pps, src)
		}
		if len(tgt) == 0 && !r.NeedPP && r.Code.Root() >= "18" && len(src) > 0 {
			// "shelled Kharkiv", "an attack on Kharkiv": the country of the
			// place struck
			tgt = st.placeTarget(append(objsAsPPs(obj), pps...), src)
		}
	}
	if v.Gerund && v.Lemma == "visit" && v.Governor >= 0 && !catenatives[s.Verbs[v.Governor].Lemma] && len(v.Objects) > 0 && v.End == s.Phrases[v.Objects[0]].Start {
		// "Deng told visiting US Secretary of State Shultz": the visitor is
		// the phrase "visiting" modifies, the host the governor's subject
		src, tgt = st.actorsOf(v.Objects), st.actorsOf(s.Verbs[v.Governor].Subjects)
	}
	if r.Swap {
		src, tgt = tgt, src
		if len(src) == 0 {
			for _, pp := range pps {
				if s.Tokens[pp.Prep].Lower == "from" {
					src = st.actorsOf([]int{pp.Phrase})
				}
			}
		}
	}
	for _, o := range obj {
		for _, q := range s.Chain(o) {
			st.used[q] = r.Code.Root()
			for _, pp := range s.PPsOf(q) {
				if p := s.Tokens[pp.Prep].Lower; p == "for" || p == "after" || p == "over" || p == "despite" {
					break // "in retaliation for U.S. attacks": another event
				}
				st.used[pp.Phrase] = r.Code.Root()
			}
		}
	}
	code := r.Code
	if len(tgt) == 0 && strings.HasPrefix(string(code), "016") && len(v.Objects) > 0 {
		// "rejected charges that vessels seized by Iran were spy boats":
		// the accuser is named in what the charge says
		tgt = st.contentActor(s.Phrases[v.Objects[0]].End, src)
	}
	if code == "190" && !v.Passive && len(subj) > 0 && aircraft[st.headLemma(subj[0])] {
		code = "195" // "planes from Afghanistan attacked Pakistani villages": from the air
	}
	if code == "130" && st.threatensForce(k) {
		code = "138" // "warned the U.S. that Iran would close the Strait"
	}
	if v.Governor >= 0 && (intentVerbs[s.Verbs[v.Governor].Lemma] || wantVerbs[s.Verbs[v.Governor].Lemma] && wantable(code)) {
		code = intentCode(code) // "pledged to protect Kuwaiti tankers": a promise
	}
	if code == "040" && len(src) == 2 && len(tgt) == 0 {
		// "Shultz and Shevardnadze will meet in Moscow": a visit by the guest
		if host, ok := st.hostCountry(pps); ok {
			for i, a := range src {
				if sameCountry(a.Country, host.Country) && !sameCountry(src[1-i].Country, host.Country) {
					host.Country, host.Code = a.Country, dyad.ActorCode(a.Country) // Moscow in 1987: the Soviet Union
					src, tgt, code = src[1-i:2-i], []dyad.Actor{host}, "042"
					break
				}
			}
		}
	}
	if len(src) == 0 && len(tgt) >= 2 && !v.Passive && !st.hasPrep(pps, "between") {
		// "when the two meet for the IMF and World Bank meetings": the
		// parties of one phrase are no pair when the doer is unnamed
		return
	}
	ev := event{code: code, verb: k, src: src, tgt: tgt, evStart: v.Start, evEnd: v.End, clause: v.Clause}
	st.emit(ev)
}

// attitudes are the feelings a passive reports about what its agent did
// ("was encouraged by recent actions by Tokyo", "was deeply disappointed
// by the tariffs announced by President Reagan"): approval or criticism
// of the agent's party.
var attitudes = map[string]dyad.EventCode{
	"encourage": "051", "hearten": "051", "please": "051", "satisfy": "051", "reassure": "051", "gratify": "051",
	"disappoint": "111", "dismay": "111", "anger": "111", "outrage": "111", "upset": "111", "disturb": "111",
	"alarm": "111", "annoy": "111", "irritate": "111", "shock": "111",
}

// codeAttitude codes a feeling about another party's deed: a passive of
// attitudes with an agent, and "understood why X did …" (051, the
// subject approves of X's deed). It reports whether k was such a verb.
func (st *sent) codeAttitude(k int) bool {
	s := st.s
	v := &s.Verbs[k]
	if code, ok := attitudes[v.Lemma]; ok && v.Passive && v.Agent >= 0 {
		src := st.actorsOf(v.Subjects)
		tgt := st.agentActors(v.Agent)
		if len(src) == 0 || len(tgt) == 0 {
			return true
		}
		st.emit(event{code: code, verb: k, src: src, tgt: tgt, evStart: v.Start, evEnd: v.End, clause: v.Clause})
		return true
	}
	if (v.Lemma == "understand" || v.Lemma == "sympathize" || v.Lemma == "sympathise") && !v.Passive && len(v.Objects) == 0 {
		// "Japan said it understood why the U.S. attacked …"
		for c := range s.Clauses {
			cl := &s.Clauses[c]
			if cl.Start != v.End || cl.Marker < 0 || s.Tokens[cl.Marker].Lower != "why" {
				continue
			}
			for j := range s.Verbs {
				if s.Verbs[j].Clause != c || len(s.Verbs[j].Subjects) == 0 {
					continue
				}
				src, tgt := st.actorsOf(v.Subjects), st.actorsOf(s.Verbs[j].Subjects)
				if len(src) > 0 && len(tgt) > 0 {
					st.emit(event{code: "051", verb: k, src: src, tgt: tgt, evStart: v.Start, evEnd: v.End, clause: v.Clause})
				}
				return true
			}
		}
	}
	return false
}

// rejecters are the verbs whose object, a proposal, then does not happen.
var rejecters = map[string]bool{"veto": true, "reject": true, "block": true, "defeat": true, "oppose": true, "scuttle": true}

// rejectedProposal reports whether k is what a rejected proposal would
// do: "vetoed a Security Council resolution to impose sanctions" imposes
// none.
func (st *sent) rejectedProposal(k int) bool {
	s := st.s
	v := &s.Verbs[k]
	if !v.Infinitive || len(v.Subjects) != 1 {
		return false
	}
	for j := range s.Verbs {
		if w := &s.Verbs[j]; j != k && rejecters[w.Lemma] && !w.Passive && slices.Contains(w.Objects, v.Subjects[0]) {
			for _, o := range v.Objects {
				st.used[o] = "*" // nor do its "sanctions"
			}
			return true
		}
	}
	return false
}

// agentActors returns the parties of an agent phrase; a deed that names
// none lends the doer its own "by" phrase or participle names ("recent
// actions by Tokyo", "the tariffs announced by President Reagan").
func (st *sent) agentActors(p int) []dyad.Actor {
	if as := st.actorsOf([]int{p}); len(as) > 0 {
		return as
	}
	s := st.s
	for _, pp := range s.PPsOf(p) {
		if s.Tokens[pp.Prep].Lower == "by" {
			return st.actorsOf([]int{pp.Phrase})
		}
	}
	end := s.Phrases[p].End
	for j := range s.Verbs {
		if w := &s.Verbs[j]; w.Start == end && w.Passive && w.Agent >= 0 {
			return st.actorsOf([]int{w.Agent})
		}
	}
	return nil
}

// objsAsPPs lets direct objects be searched like prepositional phrases.
func objsAsPPs(obj []int) []syntax.PP {
	out := make([]syntax.PP, 0, len(obj))
	for _, o := range obj {
		out = append(out, syntax.PP{Prep: -1, Phrase: o})
	}
	return out
}

// placeTarget returns, as an actor, the country of the first place among
// the phrases (direct objects, or "on"/"in"/"at"/"near" phrases) that is
// in another country than the source's.
func (st *sent) placeTarget(pps []syntax.PP, src []dyad.Actor) []dyad.Actor {
	if st.c.opts.Places == nil {
		return nil
	}
	for _, pp := range pps {
		if pp.Prep >= 0 {
			switch st.s.Tokens[pp.Prep].Lower {
			case "on", "in", "at", "near", "against", "into":
			default:
				continue
			}
		}
		start, end := st.s.PhraseSpan(pp.Phrase)
		pl, _, ok := st.c.opts.Places.Find("in "+st.text[start:end], nil, st.c.opts.Demonym)
		if !ok || pl.Country == "" {
			continue
		}
		a := dyad.Actor{Code: dyad.ActorCode(pl.Country), Country: pl.Country, Text: st.text[start:end]}
		if !allSameCountry([]dyad.Actor{a}, src) && !sameCountry(a.Country, src[0].Country) {
			return []dyad.Actor{a}
		}
	}
	return nil
}

// sameCountry reports whether two country codes name one country, the
// Soviet Union counting as Russia for its places.
func sameCountry(a, b string) bool {
	if a == "SUN" {
		a = "RUS"
	}
	if b == "SUN" {
		b = "RUS"
	}
	return a == b
}

// contentActor returns the first actor of a "by" phrase in the that-clause
// starting at token i that is not the same party as src: the accuser of a
// charge (never the victim the charge names).
func (st *sent) contentActor(i int, src []dyad.Actor) []dyad.Actor {
	s := st.s
	if i >= len(s.Tokens) || s.Tokens[i].Lower != "that" {
		return nil
	}
	k := s.ClauseOf(i)
	for p := range s.Phrases {
		if s.Phrases[p].Start <= i || s.Phrases[p].Clause < k || s.Phrases[p].Prep < 0 || s.Tokens[s.Phrases[p].Prep].Lower != "by" {
			continue // only the doer the charge names: "seized by Iran"
		}
		if a, ok := st.phraseActor(p); ok && !allSameCountry([]dyad.Actor{a}, src) {
			return []dyad.Actor{a}
		}
	}
	return nil
}

// aircraft are the subjects whose attacks are air strikes.
var aircraft = map[string]bool{
	"plane": true, "warplane": true, "jet": true, "aircraft": true, "bomber": true, "helicopter": true,
	"gunship": true, "drone": true, "fighter-bomber": true, "air force": true,
}

// catenatives take a gerund as their complement ("began visiting"), where
// the gerund is the subject's own act.
var catenatives = map[string]bool{
	"begin": true, "start": true, "continue": true, "stop": true, "keep": true, "finish": true, "avoid": true,
	"consider": true, "resume": true, "end": true, "quit": true, "recommend": true, "suggest": true,
	"risk": true, "deny": true, "plan": true, "propose": true, "include": true, "involve": true, "like": true,
}

// intentVerbs make the aid they govern a stated intent (CAMEO 033):
// "pledged to protect", "promised to send aid".
var intentVerbs = map[string]bool{"pledge": true, "promise": true, "vow": true, "offer": true, "undertake": true}

// wantVerbs state a wish or aim; governing cooperation or aid they make
// it an intent ("wants to encourage expanded trade with the Soviet Union":
// 0311), while other deeds they govern stay hedged deeds.
var wantVerbs = map[string]bool{"want": true, "wish": true, "seek": true}

// wantable reports whether a code is material cooperation or aid, which
// a wish makes an intent (intentCode maps them).
func wantable(code dyad.EventCode) bool {
	r := code.Root()
	return r == "06" || r == "07"
}

// forceVerbs are the deeds of force that make a warning a threat of
// force (138).
var forceVerbs = map[string]bool{
	"close": true, "attack": true, "strike": true, "retaliate": true, "combat": true,
	"confront": true, "invade": true, "bomb": true, "blockade": true, "destroy": true,
	"hit": true, "sink": true, "shell": true, "fire": true, "mine": true,
}

// threatensForce reports whether verb k's complement clause says its
// subject will use force ("warned that Iran would close the Strait").
func (st *sent) threatensForce(k int) bool {
	s := st.s
	for j := k + 1; j < len(s.Verbs); j++ {
		c := s.Clauses[s.Verbs[j].Clause]
		// ("warned the U.S. that it would …" may parse as a relative
		// clause; one whose subject is not its antecedent is what was said)
		said := c.Kind == syntax.Complement || c.Kind == syntax.Relative && len(s.Verbs[j].Subjects) > 0 && s.Verbs[j].Subjects[0] != c.Antecedent
		if said && c.Parent == s.Verbs[k].Clause && forceVerbs[s.Verbs[j].Lemma] {
			return true
		}
	}
	return false
}

// hasPrep reports whether one of pps opens with the preposition prep.
func (st *sent) hasPrep(pps []syntax.PP, prep string) bool {
	for _, pp := range pps {
		if st.s.Tokens[pp.Prep].Lower == prep {
			return true
		}
	}
	return false
}

// intentCode returns the CAMEO 03 code of the intent to give aid or
// protection, or code itself for other acts, which keep their own code
// given as future ("pledged to cooperate" stays 06, a vow to attack 19).
func intentCode(code dyad.EventCode) dyad.EventCode {
	switch {
	case code == "074":
		return "0334" // military protection or peacekeeping
	case strings.HasPrefix(string(code), "07"):
		return "033"
	case code == "061":
		return "0311" // economic cooperation
	case code == "062":
		return "0312" // military cooperation
	case code == "064":
		return "0314" // intelligence
	case strings.HasPrefix(string(code), "06"):
		return "031"
	}
	return code
}

// hostCountry returns the country of the place of an "in" phrase among pps
// ("in Moscow"), as an actor standing for that country.
func (st *sent) hostCountry(pps []syntax.PP) (dyad.Actor, bool) {
	for _, pp := range pps {
		if st.s.Tokens[pp.Prep].Lower != "in" {
			continue
		}
		start, end := st.s.PhraseSpan(pp.Phrase)
		country := ""
		if st.c.opts.Places != nil {
			if pl, _, ok := st.c.opts.Places.Find("in "+st.text[start:end], nil, st.c.opts.Demonym); ok {
				country = pl.Country
			}
		}
		if country == "" {
			if a, ok := st.phraseActor(pp.Phrase); ok && a.Role == "GOV" {
				country = a.Country
			}
		}
		if country != "" {
			return dyad.Actor{Code: dyad.ActorCode(country), Country: country, Text: st.text[start:end]}, true
		}
	}
	return dyad.Actor{}, false
}

// codeCopulaVisit codes "X is in <city of another country>" as a visit.
func (st *sent) codeCopulaVisit(k int) {
	s := st.s
	v := &s.Verbs[k]
	if len(v.Subjects) == 0 || v.Negated {
		return
	}
	var where = -1
	for _, pp := range v.PPs {
		if s.Tokens[pp.Prep].Lower == "in" && pp.Prep >= v.End {
			// "is now in Moscow", not "was consistent with the position
			// at the summit in Geneva"
			near := true
			for i := v.End; i < pp.Prep; i++ {
				if t := s.Tokens[i].Tag; !t.IsAdv() && t != syntax.RP {
					near = false
				}
			}
			if near {
				where = pp.Phrase
			}
			break
		}
	}
	if where < 0 {
		return
	}
	src := st.actorsOf(v.Subjects)
	if len(src) == 0 {
		return
	}
	start, end := s.PhraseSpan(where)
	var country string
	if st.c.opts.Places != nil {
		if pl, _, ok := st.c.opts.Places.Find("in "+st.text[start:end], nil, st.c.opts.Demonym); ok && pl.Kind != "country" {
			country = pl.Country
		}
	}
	if country == "" {
		if a, ok := st.phraseActor(where); ok && a.Role == "GOV" {
			country = a.Country // a capital standing for its government
		}
	}
	if country == "" || country == src[0].Country {
		return
	}
	tgt := []dyad.Actor{{Code: dyad.ActorCode(country), Country: country, Text: st.text[start:end]}}
	st.used[where] = "*"
	st.emit(event{code: "042", verb: k, src: src, tgt: tgt, evStart: v.Start, evEnd: v.End, clause: v.Clause})
}

// ---- nouns ------------------------------------------------------------------

// codeNoun codes a noun that carries an action ("the Biden-era Afghanistan
// withdrawal", "the signing of a deal between Russia and the Taliban") when
// the phrase and its prepositional phrases name both parties.
func (st *sent) codeNoun(p int) {
	s := st.s
	ph := &s.Phrases[p]
	rules := st.c.opts.Actions.Noun(st.headLemma(p))
	if len(rules) == 0 {
		return
	}
	gov, govVerb, passive := "", -1, false
	for k := range s.Verbs {
		v := &s.Verbs[k]
		for _, o := range v.Objects {
			if o == p || s.Phrases[p].ConjOf == o {
				gov, govVerb = v.Lemma, k
			}
		}
		if v.Passive && len(v.Subjects) > 0 && v.Subjects[0] == p {
			gov, govVerb, passive = v.Lemma, k, true // "no agreement was reached"
		}
	}
	// the noun's own prepositional phrases: the first few, while their
	// prepositions can name a party
	var pps []syntax.PP
	for _, pp := range s.PPsOf(p) {
		prep := s.Tokens[pp.Prep].Lower
		if prep == "in" || prep == "at" || prep == "during" {
			continue // "a strike in Kuwaiti waters against a US ship"
		}
		if len(pps) == 3 || prep != "by" && prep != "of" && !slices.Contains(targetPreps, prep) {
			break
		}
		pps = append(pps, pp)
	}
	if passive {
		for _, pp := range s.Verbs[govVerb].PPs {
			if prep := s.Tokens[pp.Prep].Lower; prep == "between" || prep == "with" {
				pps = append(pps, pp)
			}
		}
	}
	r, _ := st.match(rules, nil, pps, gov, p)
	if r == nil || r.Code == "" || st.used[p] == r.Code.Root() || r.Alone && st.used[p] != "" {
		return
	}
	// actors inside the phrase, before the head
	var pre []dyad.Actor
	start := s.Tokens[ph.Start].Span.Start
	head := s.Tokens[ph.Head].Span.Start
	for i := ph.Start; i < ph.Head; i++ {
		t := &s.Tokens[i]
		found := false
		for k := range st.actors {
			m := &st.actors[k]
			if m.Span.Start < t.Span.End && m.Span.End > t.Span.Start && m.Span.Start >= start && m.Span.End <= head && m.Country != "" {
				a := m.Actor
				a.Text = st.text[m.Span.Start:m.Span.End]
				pre = appendActor(pre, a)
				found = true
			}
		}
		if !found && t.Cap && st.c.opts.Demonym != nil && (t.Tag.IsAdj() || t.Tag == syntax.NNP) {
			if cc, ok := st.c.opts.Demonym(t.Text); ok {
				pre = appendActor(pre, dyad.Actor{Code: dyad.ActorCode(cc), Country: cc, Text: t.Text})
				found = true
			}
		}
		// "Biden-era", "Kremlin-backed": the name before the hyphen
		if j := strings.IndexByte(t.Text, '-'); !found && t.Cap && j > 0 {
			for _, m := range st.c.opts.Actors.Match(t.Text[:j], st.pub) {
				if m.Span.Start == 0 && m.Span.End == j && m.Country != "" {
					a := m.Actor
					a.Text = t.Text
					pre = appendActor(pre, a)
				}
			}
		}
	}
	var src, tgt []dyad.Actor
	for _, pp := range pps {
		prep := s.Tokens[pp.Prep].Lower
		as := st.actorsOf([]int{pp.Phrase})
		switch {
		case prep == "by":
			src = append(src, as...)
		case prep == "of" && r.Of == "source":
			src = append(src, as...)
		case prep == "from" && r.Code.Root() == "07":
			// "assistance from the U.S.": the giver
			src = append(src, as...)
		case prep == "of" && r.Of == "theme":
			// "the signing of a deal between A and B"
			if len(as) == 0 {
				for _, q := range s.PPsOf(pp.Phrase) {
					tgt = append(tgt, st.actorsOf([]int{q.Phrase})...)
				}
			} else {
				tgt = append(tgt, as...)
			}
		default:
			tgt = append(tgt, as...)
		}
	}
	switch {
	case len(pre) >= 2 && len(src) == 0 && len(tgt) == 0:
		src, tgt = pre[:1], pre[len(pre)-1:]
	case len(pre) >= 1 && len(src) == 0:
		src = pre[:1]
		if len(tgt) == 0 && len(pre) > 1 {
			tgt = pre[1:2]
		}
	case len(pre) >= 1 && len(tgt) == 0:
		tgt = pre[:1]
	}
	between := false
	for _, pp := range pps {
		between = between || s.Tokens[pp.Prep].Lower == "between"
	}
	if len(src) == 0 && govVerb >= 0 && !between {
		// ("an IMF program would help along negotiations between Brazil and
		// the banks": the parties are those "between", not the helper)
		src = st.actorsOf(s.Verbs[govVerb].Subjects)
	}
	if len(src) == 0 && len(tgt) >= 1 && !between {
		// "offer a treaty at talks with the Soviet Union", "went into a
		// meeting with Shevardnadze": the talks of the verb's subject
		for k := range s.Verbs {
			for _, pp := range s.Verbs[k].PPs {
				if pp.Phrase == p {
					src = st.actorsOf(s.Verbs[k].Subjects)
				}
			}
		}
	}
	verb := govVerb
	clause := ph.Clause
	st.used[p] = "*"
	if s.Tokens[ph.Start].Lower == "any" {
		// "any Iranian attack on Soviet ships will bring a response",
		// "would combat any superpower intervention": a supposed act,
		// none that happened or is planned
		return
	}
	st.emit(event{code: r.Code, verb: verb, noun: p, nominal: true, src: src, tgt: tgt, evStart: ph.Start, evEnd: ph.End, clause: clause})
}

// ---- emitting -----------------------------------------------------------------

// event is a coded action before it becomes mentions.
type event struct {
	code     dyad.EventCode
	verb     int // verb group, or -1
	noun     int // phrase of a nominal action
	nominal  bool
	src, tgt []dyad.Actor
	// evStart, evEnd are the tokens that carry the action.
	evStart, evEnd int
	clause         int
}

// maxPairs bounds the mentions one event yields from coordinated actors.
const maxPairs = 4

func (st *sent) emit(ev event) {
	src, tgt := ev.src, ev.tgt
	if len(src) >= 2 && len(tgt) > 0 && allSameCountry(tgt, src) {
		tgt = nil // "Russia and the Taliban signed … near Moscow": a place, not a party
	}
	if len(tgt) == 0 && len(src) >= 2 {
		if !jointRoot(ev.code) {
			return // "the US and Britain vetoed a resolution" is no act between them
		}
		src, tgt = src[:1], src[1:2] // "Russia and the Taliban signed": a symmetric pair
	}
	if len(src) == 0 && len(tgt) >= 2 && (ev.nominal || jointRoot(ev.code)) {
		src, tgt = tgt[:1], tgt[1:2] // "a deal between Russia and the Taliban"
	}
	if len(src) == 0 || len(tgt) == 0 {
		return
	}
	if len(src) == 1 && len(tgt) > 0 && st.ctxActors != nil {
		// "the government sent thousands of troops": a role word the
		// context gave the source's own country is the source's own
		keep := tgt[:0:0]
		for _, b := range tgt {
			if !(st.ctxActors[b.Text] && sameState(src[0], b)) {
				keep = append(keep, b)
			}
		}
		if tgt = keep; len(tgt) == 0 {
			return
		}
	}
	// "will come to Israel and an Israeli delegation to …": one party
	// named twice is one target
	src, tgt = distinctParties(src), distinctParties(tgt)
	info, ok := cameo.Lookup(ev.code)
	if !ok {
		return
	}
	cert, attr := st.certainty(ev)
	date := st.date(ev)
	if date.Known() && date.First().After(dyad.Day(st.pub).Start) && !st.pub.IsZero() && cert == dyad.Asserted && !st.past(ev) {
		cert = dyad.Future
	}
	if date.Known() && !st.pub.IsZero() && date.Last().Before(dyad.Day(st.pub).Start.AddDate(0, 0, -31)) {
		src, tgt = st.reresolve(src, date), st.reresolve(tgt, date)
	}
	span := st.evidence(ev)
	verbText := st.text[st.s.Tokens[ev.evStart].Span.Start:st.s.Tokens[ev.evEnd-1].Span.End]
	if ev.nominal {
		h := st.s.Tokens[st.s.Phrases[ev.noun].Head]
		verbText = h.Text
	}
	n := 0
	for _, a := range src {
		for _, b := range tgt {
			if a.Code == b.Code || sameActor(a, b) || n >= maxPairs || st.dup(ev.code, a, b) {
				continue
			}
			n++
			m := &dyad.Mention{
				Span: span, Text: st.text[span.Start:span.End],
				Source: a, Target: b, Code: ev.code,
				Plover: info.Plover, QuadClass: info.QuadClass, Goldstein: info.Goldstein,
				Verb: verbText, Certainty: cert, AttributedTo: attr, Date: date,
			}
			if date.Precision == "" {
				m.Date = dyad.Date{Precision: dyad.PrecisionUnknown}
			}
			m.Location = st.location(a, b, span)
			st.out = append(st.out, m)
		}
	}
}

// sameKind reports whether two codes of one root name the same kind of
// event: the same three-digit code, or one of them the root's generic code
// ("attacked and shelled": 190 and 194 are one fight; "seized boats and
// detained their crew": 171 and 173 are two acts).
func sameKind(a, b dyad.EventCode) bool {
	ka, kb := string(a), string(b)
	if len(ka) < 3 || len(kb) < 3 || ka[2] == '0' || kb[2] == '0' {
		return true
	}
	return ka[:3] == kb[:3]
}

// distinctParties drops the actors that are the same party as one before
// them.
func distinctParties(as []dyad.Actor) []dyad.Actor {
	out := as[:0:0]
	for _, a := range as {
		dup := false
		for _, b := range out {
			if sameActor(a, b) {
				dup = true
			}
		}
		if !dup {
			out = append(out, a)
		}
	}
	return out
}

// jointRoot reports whether two coordinated subjects with no target can be
// read as doing the action together, to each other: meeting, signing,
// cooperating, fighting ("Russia and the Taliban signed"), but not "the US
// and Britain vetoed a resolution".
func jointRoot(code dyad.EventCode) bool {
	switch code.Root() {
	case "03", "04", "05", "06", "08", "19":
		return true
	}
	return false
}

// sameActor reports whether a and b are one party: the same country with
// the same sector, or a country and one of its state sectors ("Russia" and
// "Russian officials"). A country's distinct sectors (its opposition and
// its government, the state and its rebels) stay two parties.
func sameActor(a, b dyad.Actor) bool {
	if a.Country == "" || a.Country != b.Country {
		return false
	}
	switch {
	case a.Role == b.Role:
		return true
	case a.Role == "":
		return stateRoles[b.Role]
	case b.Role == "":
		return stateRoles[a.Role]
	}
	return false
}

// sameState reports whether a and b are both the state of one country,
// whatever its sectors: "Beijing mobilized troops" moves its own army.
func sameState(a, b dyad.Actor) bool {
	return sameCountry(a.Country, b.Country) && (a.Role == "" || stateRoles[a.Role]) && (b.Role == "" || stateRoles[b.Role])
}

// stateRoles are the sectors that a country's name stands for: "Russia"
// and "Russian officials" are one party, "Syria" and "Syrian rebels" two.
var stateRoles = map[string]bool{"GOV": true, "MIL": true, "COP": true, "JUD": true, "LEG": true, "SPY": true}

// allSameCountry reports whether every actor of tgt is the same party as
// one of src.
func allSameCountry(tgt, src []dyad.Actor) bool {
	for _, b := range tgt {
		found := false
		for _, a := range src {
			if sameActor(a, b) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// dup reports whether the sentence already has a mention of the same kind
// of event between a and b in either direction.
func (st *sent) dup(code dyad.EventCode, a, b dyad.Actor) bool {
	for _, m := range st.out {
		if m.Code.Root() != code.Root() || !sameKind(m.Code, code) {
			continue
		}
		if m.Source.Code == a.Code && m.Target.Code == b.Code || m.Source.Code == b.Code && m.Target.Code == a.Code {
			return true
		}
	}
	return false
}

// evidence returns the byte span of the clause that carries the event,
// widened to cover the event's words.
func (st *sent) evidence(ev event) dyad.Span {
	s := st.s
	c := s.Clauses[ev.clause]
	first, last := c.Start, c.End-1
	if ev.evStart < first {
		first = ev.evStart
	}
	if ev.evEnd-1 > last {
		last = ev.evEnd - 1
	}
	if ev.verb >= 0 {
		v := &s.Verbs[ev.verb]
		for _, p := range append(append([]int(nil), v.Subjects...), v.Objects...) {
			if ph := &s.Phrases[p]; ph.Start < first {
				first = ph.Start
			}
		}
	}
	for first < last && (s.Tokens[first].Tag.IsPunct() || s.Tokens[first].Tag == syntax.CC || s.Tokens[first].Tag == syntax.SYM) {
		first++
	}
	for last > first && (s.Tokens[last].Tag.IsPunct() && s.Tokens[last].Tag != syntax.QUOTE || s.Tokens[last].Tag == syntax.SYM) {
		last--
	}
	if first >= len(s.Tokens) || last < 0 {
		return dyad.Span{Start: 0, End: len(st.text)}
	}
	return dyad.Span{Start: s.Tokens[first].Span.Start, End: s.Tokens[last].Span.End}
}

// location returns the place of the event: the first place in the clause
// that carries it (span), else the first in the sentence.
func (st *sent) location(a, b dyad.Actor, span dyad.Span) *dyad.Place {
	if st.c.opts.Places == nil {
		return nil
	}
	var hints []string
	for _, c := range []string{a.Country, b.Country} {
		if c != "" {
			hints = append(hints, c)
		}
	}
	if span.Start > 0 || span.End < len(st.text) {
		if p, _, ok := st.c.opts.Places.Find(st.text[span.Start:span.End], hints, st.c.opts.Demonym); ok {
			return &p
		}
	}
	p, _, ok := st.c.opts.Places.Find(st.text, hints, st.c.opts.Demonym)
	if !ok {
		return nil
	}
	return &p
}

// reresolve resolves actors again on the first day of an event's date when
// the event is older than the publication, so that the Taliban of 2020 are
// insurgents and a named official holds the post of that day.
func (st *sent) reresolve(as []dyad.Actor, d dyad.Date) []dyad.Actor {
	out := make([]dyad.Actor, len(as))
	for i, a := range as {
		out[i] = a
		if a.Entity == "" || a.Text == "" {
			continue
		}
		best := -1
		ms := st.c.opts.Actors.Match(a.Text, d.First())
		for k := range ms {
			if best < 0 || ms[k].Span.Len() > ms[best].Span.Len() {
				best = k
			}
		}
		if best >= 0 && ms[best].Entity == a.Entity {
			b := ms[best].Actor
			b.Text = a.Text
			out[i] = b
		}
	}
	return out
}

// past reports whether the event's verb is in the simple past.
func (st *sent) past(ev event) bool {
	return ev.verb >= 0 && st.s.Verbs[ev.verb].Tense == syntax.Past
}

// forceNouns name armed forces: "its troops" are the military of the
// country "its" refers to.
var forceNouns = map[string]bool{
	"troop": true, "force": true, "army": true, "soldier": true, "warplane": true, "plane": true,
	"jet": true, "navy": true, "warship": true, "gunboat": true, "artillery": true, "military": true,
	"air force": true, "frigate": true, "destroyer": true, "unit": true, "division": true,
}

// possessiveActor resolves "its troops", "their government" to the actor
// named last before the phrase, with the military role for armed forces.
func (st *sent) possessiveActor(p int) (dyad.Actor, bool) {
	s := st.s
	ph := &s.Phrases[p]
	if s.Tokens[ph.Start].Tag != syntax.PRPS {
		return dyad.Actor{}, false
	}
	switch s.Tokens[ph.Start].Lower {
	case "its", "their":
	default:
		return dyad.Actor{}, false
	}
	start, end := s.PhraseSpan(p)
	if s.Tokens[ph.Start].Lower == "their" && p > 0 {
		// "seized seven Kuwaiti boats and detained their crew": "their"
		// names the plural phrase just before when it names a country
		if q := p - 1; s.Tokens[s.Phrases[q].Head].Tag == syntax.NNS && s.Phrases[q].End+3 >= ph.Start {
			if b, ok := st.demonymActor(q); ok && b.Country != "" {
				a := dyad.Actor{Country: b.Country, Code: dyad.ActorCode(b.Country), Text: st.text[start:end]}
				if forceNouns[st.headLemma(p)] {
					a.Role, a.Code = "MIL", dyad.JoinCode(b.Country, "MIL")
				}
				return a, true
			}
		}
	}
	for i := len(st.actors) - 1; i >= 0; i-- {
		m := &st.actors[i]
		if m.Span.End > start || m.Country == "" {
			continue
		}
		a := dyad.Actor{Country: m.Country, Code: dyad.ActorCode(m.Country), Name: m.Name, Entity: m.Entity, Text: st.text[start:end]}
		if forceNouns[st.headLemma(p)] {
			a.Role = "MIL"
			a.Code = dyad.JoinCode(a.Country, "MIL")
		} else {
			a.Role = m.Role
			a.Code = m.Code
		}
		return a, true
	}
	return dyad.Actor{}, false
}

// pronounActor resolves a personal pronoun standing alone ("Iraq said it
// attacked …", "Moscow denied that they had met …") to the last actor named
// before it in the sentence: "it" and "they" to any actor, "he" and "she"
// to a person or a holder of a post.
func (st *sent) pronounActor(p int) (dyad.Actor, bool) {
	s := st.s
	ph := &s.Phrases[p]
	if ph.End-ph.Start != 1 || s.Tokens[ph.Start].Tag != syntax.PRP {
		return dyad.Actor{}, false
	}
	l := s.Tokens[ph.Start].Lower
	person := l == "he" || l == "she"
	if !person && l != "it" && l != "they" {
		return dyad.Actor{}, false
	}
	start, end := s.PhraseSpan(p)
	for i := len(st.actors) - 1; i >= 0; i-- {
		m := &st.actors[i]
		if m.Span.End > start || m.Country == "" {
			continue
		}
		isPerson := strings.HasPrefix(m.Entity, "person:") || m.Entity == "" && m.Role != ""
		if person != isPerson {
			continue
		}
		a := m.Actor
		a.Text = st.text[start:end]
		return a, true
	}
	if l == "it" && ph.Start == 0 && st.ctx != nil && st.ctx.lead.Country != "" {
		// "Moscow is officially neutral … || It is a major arms supplier
		// to Iraq": a sentence opened by "it" goes on about the party
		// that opened the one before
		a := st.ctx.lead
		a.Text = st.text[start:end]
		return a, true
	}
	return dyad.Actor{}, false
}

// ownPossession reports whether the object phrases are the source's own
// ("its troops", "their ambassador"), which are not the target.
func (st *sent) ownPossession(obj []int, src []dyad.Actor) bool {
	if len(obj) == 0 || len(src) == 0 {
		return false
	}
	ph := &st.s.Phrases[obj[0]]
	switch st.s.Tokens[ph.Start].Lower {
	case "its", "their", "his", "her":
	default:
		return false
	}
	a, ok := st.phraseActor(obj[0])
	return !ok || a.Country == src[0].Country
}
