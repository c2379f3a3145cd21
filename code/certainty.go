package code

import (
	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/syntax"
	"strings"
)

// Certainty is read from the structure around the words that carry the
// event, never from keywords anywhere in the sentence:
//
//   - negated: the event's verb group is negated ("did not accede"), a
//     governing verb denies or refuses it ("denied sending"), or the
//     event's noun phrase is negated ("not a … treaty", "no agreement");
//   - hedged: a modal other than will/shall on the verb or a governing verb
//     ("could become"), a hedging governor ("is expected to", "is likely
//     to"), a hedging adverb in the event's clause ("possibly",
//     "reportedly"), or a conditional clause ("if it leads to");
//   - future: will/shall, a governing verb of plans ("plans to", "is set
//     to", "agreed to hold"), or a date after publication;
//   - reported: the event's clause is the complement of a speech verb
//     ("Reporters say …", "Coverage emphasizes that …"), the sentence ends in
//     "X said", or cites "according to X";
//   - asserted otherwise.
//
// When several hold, the weakest claim wins: negated, hedged, future,
// reported. AttributedTo is set whenever an attribution is found.

var hedgeModals = map[string]bool{"could": true, "may": true, "might": true, "would": true, "should": true, "can": true, "must": true}

var hedgeGovernors = map[string]bool{
	"expect": true, "seek": true, "try": true, "attempt": true, "hope": true, "want": true, "consider": true,
	"appear": true, "seem": true, "threaten": true, "offer": true, "propose": true, "suggest": true,
}

var futureGovernors = map[string]bool{
	"plan": true, "intend": true, "prepare": true, "aim": true, "schedule": true, "set": true, "agree": true,
	"decide": true, "promise": true, "pledge": true, "vow": true, "go": true, "due": true, "resolve": true,
}

var negGovernors = map[string]bool{
	"deny": true, "refuse": true, "fail": true, "decline": true, "reject": true, "avoid": true,
	"cancel": true, "scrap": true, "abandon": true, // "cancelled a trip to the U.S."
}

var hedgeAdverbs = map[string]bool{
	"possibly": true, "reportedly": true, "allegedly": true, "apparently": true, "probably": true, "perhaps": true,
	"likely": true, "purportedly": true, "supposedly": true, "suspected": true, "rumoured": true, "rumored": true,
	"potentially": true, "maybe": true, "unlikely": true,
}

// speechVerbs introduce what someone else says or thinks.
var speechVerbs = map[string]bool{
	"say": true, "tell": true, "report": true, "claim": true, "allege": true, "note": true, "emphasize": true,
	"emphasise": true, "describe": true, "stress": true, "state": true, "add": true, "announce": true, "confirm": true,
	"insist": true, "argue": true, "assert": true, "suggest": true, "believe": true, "write": true, "quote": true,
	"explain": true, "indicate": true, "find": true, "conclude": true, "underline": true, "underscore": true, "show": true, "reveal": true, "warn": true,
}

func (st *sent) certainty(ev event) (dyad.Certainty, *dyad.Attribution) {
	s := st.s
	var negated, hedged, future bool
	if ev.verb >= 0 {
		for k, depth := ev.verb, 0; k >= 0 && depth < 4; k, depth = s.Verbs[k].Governor, depth+1 {
			v := &s.Verbs[k]
			if v.Negated {
				negated = true
			}
			if v.Modal != "" && hedgeModals[v.Modal] {
				hedged = true
			}
			if v.Tense == syntax.Future {
				future = true
			}
			// an intent (03x: "pledged to protect", "wants to encourage
			// trade", "was ready to continue talks", "seek new talks") is
			// itself a fact: the wanting, not the deed, is the event
			intent := ev.code.Root() == "03"
			if k != ev.verb || ev.nominal {
				// a governing verb, or the verb whose object the event's
				// noun is ("seek agreements", "denied talks")
				switch {
				case negGovernors[v.Lemma]:
					negated = true
				case futureGovernors[v.Lemma]:
					future = future || !intent
				case hedgeGovernors[v.Lemma]:
					hedged = hedged || !intent
				case v.Lemma == "be" && k+1 < len(s.Verbs):
					// "is likely to", "is due to"
				}
			}
			if k != ev.verb && v.Copula && v.End < len(s.Tokens) {
				// "is likely to visit", "is due to sign"
				switch s.Tokens[v.End].Lower {
				case "likely", "unlikely", "able", "possible":
					hedged = true
				case "willing", "eager", "prepared":
					hedged = hedged || !intent
				case "ready":
					future = future || !intent
				case "due", "set", "poised", "about", "scheduled":
					future = true
				}
			}
			// "is expected to", "is set to", "is scheduled to"
			if k != ev.verb && v.Passive && (v.Lemma == "expect" || v.Lemma == "believe" || v.Lemma == "think") {
				hedged = true
			}
		}
	}
	if !ev.nominal && ev.verb >= 0 {
		// "signed no treaty", "no agreement was signed"
		v := &s.Verbs[ev.verb]
		ps := v.Objects
		if v.Passive {
			ps = v.Subjects
		}
		for _, p := range ps {
			if l := s.Tokens[s.Phrases[p].Start].Lower; l == "no" || l == "neither" {
				negated = true
			}
		}
	}
	if ev.nominal {
		ph := &s.Phrases[ev.noun]
		first := s.Tokens[ph.Start].Lower
		if first == "no" || first == "neither" {
			negated = true
		}
		b := ph.Start - 1
		for b >= 0 && (s.Tokens[b].Tag == syntax.COMMA || s.Tokens[b].Tag.IsAdv() && !isNegWord(s.Tokens[b].Lower)) {
			b--
		}
		if b >= 0 && (isNegWord(s.Tokens[b].Lower) || s.Tokens[b].Lower == "without") {
			negated = true
		}
	}
	// "likely to", "due to" before the verb, and hedging adverbs in the
	// event's clause
	c := &s.Clauses[ev.clause]
	for i := c.Start; i < c.End; i++ {
		l := s.Tokens[i].Lower
		if hedgeAdverbs[l] {
			hedged = true
		}
	}
	// "denied that Russia had signed", "rejected reports that it attacked":
	// a denial verb negates the events of its complement clause
	if st.deniedClause(ev.clause) {
		negated = true
	}
	// "rumors that Iran had fired shells": the content of a rumour or an
	// allegation is not given as fact
	if !ev.nominal && st.hedgedClause(ev.clause) { // a noun there is presupposed: "in retaliation for U.S. attacks"
		hedged = true
	}
	// "Taliban and Russia signing a deal, the deal could become …": a
	// verbless fragment reports nothing by itself; the clause that goes on
	// about what it names gives the claim its modality.
	if !hedged && ev.verb >= 0 && st.fragmentHedged(ev.verb) {
		hedged = true
	}
	// conditional clauses: the event's clause or a clause it hangs on
	for k, depth := ev.clause, 0; k >= 0 && depth < 6; k, depth = s.Clauses[k].Parent, depth+1 {
		cl := &s.Clauses[k]
		if cl.Kind == syntax.Subordinate && cl.Marker >= 0 {
			switch s.Tokens[cl.Marker].Lower {
			case "if", "unless", "whether":
				hedged = true
			}
		}
	}
	attr := st.attribution(ev)
	switch {
	case negated:
		return dyad.Negated, attr
	case hedged:
		return dyad.Hedged, attr
	case future:
		return dyad.Future, attr
	case attr != nil:
		return dyad.Reported, attr
	}
	return dyad.Asserted, nil
}

// denyVerbs deny or reject what their complement clause says.
var denyVerbs = map[string]bool{
	"deny": true, "reject": true, "dismiss": true, "refute": true, "rebut": true, "disclaim": true,
	"dispute": true, "contradict": true,
}

// deniedClause reports whether clause k, or a clause it hangs on, is the
// complement of a denial verb that is not itself negated ("denied that …",
// "dismissed claims that …"; not "did not deny that …").
func (st *sent) deniedClause(k int) bool {
	s := st.s
	for depth := 0; k > 0 && depth < 6; k, depth = s.Clauses[k].Parent, depth+1 {
		cl := &s.Clauses[k]
		if cl.Kind != syntax.Complement || cl.Parent < 0 {
			continue
		}
		for q := len(s.Verbs) - 1; q >= 0; q-- {
			v := &s.Verbs[q]
			if v.End > cl.Start || v.Clause != cl.Parent {
				continue
			}
			if denyVerbs[v.Lemma] && !v.Negated {
				return true
			}
			break
		}
	}
	return false
}

// hedgeNouns are the nouns whose that-clause is not given as fact.
var hedgeNouns = map[string]bool{
	"rumor": true, "rumour": true, "speculation": true, "allegation": true, "suspicion": true,
	"fear": true, "possibility": true, "charge": true, "accusation": true, "claim": true,
}

// hedgedClause reports whether clause k, or a clause it hangs on, is the
// that-clause of a hedging noun ("rumors that …", "allegations that …").
func (st *sent) hedgedClause(k int) bool {
	s := st.s
	for depth := 0; k > 0 && depth < 6; k, depth = s.Clauses[k].Parent, depth+1 {
		cl := &s.Clauses[k]
		if cl.Kind != syntax.Complement || cl.Marker < 1 {
			continue
		}
		if p := s.PhraseAt[cl.Marker-1]; p >= 0 && hedgeNouns[st.headLemma(p)] {
			return true
		}
		// "rumors in world oil markets on Tuesday that …"
		for i := cl.Marker - 1; i >= 0 && i >= cl.Marker-12; i-- {
			if s.VerbAt[i] >= 0 {
				break
			}
			if p := s.PhraseAt[i]; p >= 0 && s.Phrases[p].Head == i && hedgeNouns[st.headLemma(p)] {
				return true
			}
		}
	}
	return false
}

func isNegWord(l string) bool { return l == "not" || l == "n't" || l == "never" || l == "no" }

// attribution finds who the sentence says the event comes from.
func (st *sent) attribution(ev event) *dyad.Attribution {
	s := st.s
	toks := s.Tokens
	// "according to X"
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Lower == "according" && toks[i+1].Lower == "to" && i+2 < len(toks) {
			if p := s.PhraseAt[i+2]; p >= 0 {
				return st.attr(s.PhraseText(p), p) // the source, without "according to"
			}
		}
	}
	// the event's clause is the complement of a speech verb
	for k, depth := ev.clause, 0; k > 0 && depth < 6; k, depth = s.Clauses[k].Parent, depth+1 {
		cl := &s.Clauses[k]
		if cl.Kind != syntax.Complement || cl.Parent < 0 {
			continue
		}
		// the speech verb is the last verb group before the clause
		for q := len(s.Verbs) - 1; q >= 0; q-- {
			v := &s.Verbs[q]
			if v.End > cl.Start {
				continue
			}
			if speechVerbs[v.Lemma] && !v.Negated && len(v.Subjects) > 0 && st.sayer(v.Subjects[0]) {
				return st.attr(s.PhraseText(v.Subjects[0]), v.Subjects[0])
			}
			break
		}
	}
	// a speech verb after the event, in a clause of its own: "…, X said."
	evEnd := ev.evEnd
	for q := range s.Verbs {
		v := &s.Verbs[q]
		if v.Start < evEnd || !speechVerbs[v.Lemma] || v.Negated || len(v.Objects) > 0 || v.Clause == ev.clause && !ev.nominal {
			continue
		}
		if v.Start > 0 && (toks[v.Start-1].Tag == syntax.COMMA || s.PhraseAt[v.Start-1] >= 0 && s.Phrases[s.PhraseAt[v.Start-1]].Start > 0 && toks[s.Phrases[s.PhraseAt[v.Start-1]].Start-1].Tag == syntax.COMMA) {
			if len(v.Subjects) > 0 && st.sayer(v.Subjects[0]) {
				return st.attr(s.PhraseText(v.Subjects[0]), v.Subjects[0])
			}
			if len(v.Subjects) == 0 && v.End < len(toks) && s.PhraseAt[v.End] >= 0 {
				p := s.PhraseAt[v.End]
				return st.attr(s.PhraseText(p), p) // "…, said Lavrov."
			}
		}
	}
	// inside quotation marks
	open := false
	for i := 0; i < ev.evStart && i < len(toks); i++ {
		if toks[i].Tag == syntax.QUOTE {
			switch toks[i].Text {
			case "“", "‘":
				open = true
			case "”", "’":
				open = false
			default:
				open = !open
			}
		}
	}
	if open {
		for i := ev.evEnd; i < len(toks); i++ {
			if toks[i].Tag == syntax.QUOTE {
				return &dyad.Attribution{Text: "quotation"}
			}
		}
	}
	return nil
}

func (st *sent) attr(text string, p int) *dyad.Attribution {
	a := &dyad.Attribution{Text: text}
	if act, ok := st.phraseActor(p); ok {
		a.Code = act.Code
	}
	return a
}

// date dates an event: the date expression that belongs to it, else the
// publication day for the present and present perfect ("is in Moscow",
// "have signed", as SPEC's example requires) and for a past event
// "overnight", else unknown (simple past, future, nominal actions, and acts
// governed by a present perfect, "has pledged to protect": the text gives
// no date).
func (st *sent) date(ev event) dyad.Date {
	s := st.s
	if st.c.opts.Dates != nil {
		sp := dyad.Span{Start: s.Tokens[ev.evStart].Span.Start, End: s.Tokens[ev.evEnd-1].Span.End}
		text := st.text
		if k := st.pastPerfect(ev); k >= 0 {
			// "IRNA said on Sunday Iran had seized …": a past perfect
			// came before the day its reporting clause gives
			text = blankBefore(text, s.Tokens[s.Clauses[k].Start].Span.Start)
		}
		if i := st.innerAct(ev); i >= 0 {
			// "Howe backed the U.S. attack on the platform on Monday",
			// "said it understood why the U.S. attacked it on Monday": a
			// date after the act a comment is about is that act's
			text = blankAfter(text, s.Tokens[i].Span.Start)
		}
		if d, ok := st.c.opts.Dates.Date(text, sp, st.pub); ok && d.Known() {
			return d
		}
	}
	if st.pub.IsZero() || ev.nominal || ev.verb < 0 {
		return dyad.Date{Precision: dyad.PrecisionUnknown}
	}
	v := &s.Verbs[ev.verb]
	if v.Infinitive {
		// "is likely to visit Moscow soon", "agreed to hold talks": an
		// act still to come has no day of its own
		return dyad.Date{Precision: dyad.PrecisionUnknown}
	}
	for depth := 0; v.Tense == syntax.Nonfinite && depth < 4; depth++ {
		switch {
		case v.Governor >= 0:
			v = &s.Verbs[v.Governor]
		default:
			// a participial clause takes the tense of the clause it hangs on
			c := &s.Clauses[v.Clause]
			found := false
			if c.Parent >= 0 {
				for q := range s.Verbs {
					if s.Verbs[q].Clause == c.Parent && s.Verbs[q].Tense != syntax.Nonfinite {
						v, found = &s.Verbs[q], true
						break
					}
				}
			}
			if !found {
				return dyad.Date{Precision: dyad.PrecisionUnknown}
			}
		}
	}
	if v.Tense == syntax.Present && v.Modal == "" && !(v.Perfect && v != &s.Verbs[ev.verb]) {
		return dyad.Day(st.pub)
	}
	if v.Tense == syntax.Past && st.overnight(ev) {
		return dyad.Day(st.pub) // "in a major battle overnight", "repelled an overnight attack"
	}
	return dyad.Date{Precision: dyad.PrecisionUnknown}
}

// overnight reports whether the event's clause says "overnight", which in
// news dates a past event to the night before publication, the day the
// wires file it under.
func (st *sent) overnight(ev event) bool {
	c := &st.s.Clauses[ev.clause]
	for i := c.Start; i < c.End; i++ {
		if st.s.Tokens[i].Lower == "overnight" {
			return true
		}
	}
	return false
}

// sayerNouns are the nouns that can be the source of a report.
var sayerNouns = map[string]bool{
	"reporter": true, "report": true, "analyst": true, "study": true, "research": true, "coverage": true,
	"official": true, "source": true, "media": true, "outlet": true, "expert": true, "observer": true,
	"diplomat": true, "witness": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"statement": true, "ministry": true, "agency": true, "newspaper": true, "assessment": true,
	"analysis": true, "survey": true, "journalist": true, "correspondent": true, "critic": true,
	"aide": true, "insider": true, "leader": true, "minister": true, "president": true, "envoy": true,
	"ambassador": true, "commander": true, "resident": true, "activist": true, "group": true,
	"he": true, "she": true, "they": true, "paper": true, "daily": true, "press": true, "account": true,
	"document": true, "intelligence": true, "investigator": true, "scholar": true, "researcher": true,
}

// sayer reports whether phrase p can be the source of a report: an actor,
// a person's name, or a noun such as "reporters" or "analysts".
func (st *sent) sayer(p int) bool {
	h := &st.s.Tokens[st.s.Phrases[p].Head]
	for i := range st.actors {
		if m := &st.actors[i]; m.Span.Start <= h.Span.Start && m.Span.End >= h.Span.End {
			return true
		}
	}
	if h.Tag == syntax.NNP || h.Tag == syntax.NNPS {
		return true
	}
	return sayerNouns[st.headLemma(p)]
}

// blankBefore returns text with its bytes before offset i replaced by
// spaces, so that a date finder sees the same offsets but no date
// expression there.
func blankBefore(text string, i int) string {
	if i <= 0 {
		return text
	}
	return strings.Repeat(" ", i) + text[i:]
}

// blankAfter returns text with the bytes from i on replaced by spaces, so
// that a date finder sees no expression there but spans keep their offsets.
func blankAfter(text string, i int) string {
	if i < 0 || i >= len(text) {
		return text
	}
	return text[:i] + strings.Repeat(" ", len(text)-i)
}

// innerActs are the nouns of a material act that a comment may be about
// ("backed the attack", "denounced a U.S. raid").
var innerActs = map[string]bool{
	"attack": true, "attacks": true, "raid": true, "raids": true, "strike": true, "strikes": true,
	"assault": true, "offensive": true, "bombing": true, "shelling": true, "invasion": true,
	"shooting": true, "bombardment": true,
}

// innerAct returns the token after a comment's verb (roots 01–13: a
// statement, appeal, intent, consultation, cooperation, disapproval,
// rejection or threat) where another act begins: an act noun ("backed the
// attack") or a clause on how or why something happened ("understood why
// the U.S. attacked"); -1 when there is none before the sentence or a
// semicolon ends, or when the event is a nominal one or a material act.
func (st *sent) innerAct(ev event) int {
	if ev.nominal || ev.verb < 0 || len(ev.code) < 2 || ev.code[:2] > "13" {
		return -1
	}
	toks := st.s.Tokens
	for i := ev.evEnd; i < len(toks); i++ {
		switch w := toks[i].Lower; {
		case w == ";":
			return -1
		case w == "why" || w == "how" || innerActs[w]:
			return i
		}
	}
	return -1
}

// pastPerfect returns the clause of the event's verb when it is a past
// perfect, or of the past perfect it is coordinated with ("had seized
// boats and detained their crew"), and -1 otherwise.
func (st *sent) pastPerfect(ev event) int {
	if ev.verb < 0 {
		return -1
	}
	s := st.s
	clause := ev.clause
	for q := ev.verb; q >= 0; q-- {
		v := &s.Verbs[q]
		if v.Clause != clause {
			if s.Clauses[clause].Kind != syntax.CoordinateClause || v.Clause != clause-1 {
				return -1
			}
			clause = v.Clause
		}
		if v.Perfect && v.Tense == syntax.Past {
			return v.Clause
		}
		if v.Tense != syntax.Past {
			return -1
		}
	}
	return -1
}

// anaphors are the subjects by which a clause takes up an agreement or
// act named before it.
var anaphors = map[string]bool{
	"it": true, "this": true, "that": true, "deal": true, "agreement": true, "accord": true, "pact": true,
	"treaty": true, "move": true, "step": true, "signing": true, "alliance": true, "partnership": true,
}

// fragmentHedged reports whether verb k is a bare -ing form heading a
// clause with no finite verb of its own (a headline-like fragment), and a
// later clause that takes it up ("the deal", "it", or the fragment's own
// object noun) is hedged by a modal ("could become").
func (st *sent) fragmentHedged(k int) bool {
	s := st.s
	v := &s.Verbs[k]
	if !v.Gerund || v.Modal != "" || v.Governor >= 0 {
		return false
	}
	for q := range s.Verbs {
		if q != k && s.Verbs[q].Clause == v.Clause && !s.Verbs[q].Gerund {
			return false // the clause has a finite verb: not a fragment
		}
	}
	object := ""
	if len(v.Objects) > 0 {
		object = st.headLemma(v.Objects[0])
	}
	for q := k + 1; q < len(s.Verbs); q++ {
		w := &s.Verbs[q]
		if w.Clause == v.Clause || !hedgeModals[w.Modal] || len(w.Subjects) == 0 {
			continue
		}
		if subj := st.headLemma(w.Subjects[0]); anaphors[subj] || (object != "" && subj == object) {
			return true
		}
	}
	return false
}
