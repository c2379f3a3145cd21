package syntax

import "slices"

// chunkPhrases finds the noun phrases: an optional pre-determiner and
// determiner or possessive, then adjectives, numbers and nouns, with
// possessive markers continuing the phrase ("Russia’s Supreme Court"),
// ending at the last noun. A pronoun is a phrase by itself.
func chunkPhrases(s *Sentence) {
	toks := s.Tokens
	n := len(toks)
	for i := 0; i < n; {
		t := toks[i].Tag
		if t == PRP || t == DT && isDemonstrative(toks[i].Lower) && (i+1 >= n || !(nounish(toks[i+1].Tag) || toks[i+1].Tag == RB)) {
			s.addPhrase(i, i+1, i, -1)
			i++
			continue
		}
		if !(t == DT || t == PDT || t == PRPS || nounish(t) || t == WPS) {
			i++
			continue
		}
		j := i
		head, poss := -1, -1
		if toks[j].Tag == PDT {
			j++
		}
		if j < n && (toks[j].Tag == DT || toks[j].Tag == PRPS || toks[j].Tag == WPS) {
			j++
		}
	inner:
		for j < n {
			tj := toks[j].Tag
			switch {
			case (tj.IsNoun() || tj == CD) && head >= 0 && head == j-1 && timeNouns[toks[head].Lower] && toks[head].Cap && tj == NNP && !timeNouns[toks[j].Lower]:
				break inner // "said on Sunday Iran had seized": a day, then a name
			case tj == NNP && head >= 0 && head == j-1 && timeNouns[toks[j].Lower] && (toks[head].Tag == NN || toks[head].Tag == NNS):
				break inner // "Gorbachev's offer Saturday to proceed": the day is no part of the offer
			case tj.IsNoun() || tj == CD:
				head = j
				j++
			case tj.IsAdj():
				if head >= 0 && (toks[j].Lower == "next" || toks[j].Lower == "last" || toks[j].Lower == "this") {
					break inner // "talks next month"
				}
				j++
			case tj == POS && head >= 0:
				poss = j
				head = -1
				j++
				// after a possessive, a determiner cannot follow, but
				// adjectives and nouns can
			case (tj == RB || tj == RBR) && j+1 < n && toks[j+1].Tag.IsAdj() && j > i && toks[j].Lower != "not":
				j++ // "a largely hidden network"
			case tj == QUOTE && j > i && j+1 < n && nounish(toks[j+1].Tag):
				j++ // the label “military-technical”
			default:
				break inner
			}
		}
		if head < 0 && j > i+1 && (toks[i].Tag == DT || toks[i].Tag == PRPS) && toks[j-1].Tag.IsAdj() && (j >= n || !toks[j].Tag.IsNoun()) {
			head = j - 1 // "the Russian dissident" with an unknown noun taken for an adjective
		}
		if head < 0 {
			if poss >= 0 {
				// "Russia’s" alone: the possessor is the phrase
				s.addPhrase(i, poss+1, poss-1, -1)
				i = poss + 1
				continue
			}
			i = max(j, i+1)
			continue
		}
		s.addPhrase(i, head+1, head, poss)
		i = head + 1
	}
}

// linkPhrases finds the prepositions that govern phrases, coordination and
// apposition; it runs after findClauses, so that subordinators that open
// clauses are not taken for prepositions.
func linkPhrases(s *Sentence) {
	toks := s.Tokens
	marker := func(b int) bool {
		for _, c := range s.Clauses {
			if c.Marker == b {
				return true
			}
		}
		return false
	}
	for k := range s.Phrases {
		p := &s.Phrases[k]
		if b := p.Start - 1; b >= 0 {
			bt := toks[b].Tag
			if (bt == IN || bt == TO && !toks[p.Start].Tag.IsVerb()) && !marker(b) && toks[b].Lower != "that" {
				p.Prep = b
			} else if bt == RB && b-1 >= 0 && (toks[b-1].Tag == IN) && !marker(b-1) {
				p.Prep = b - 1
			}
		}
	}
	for k := 0; k+1 < len(s.Phrases); k++ {
		a, b := &s.Phrases[k], &s.Phrases[k+1]
		gap := b.Start - a.End
		if gap == 1 && (toks[a.End].Lower == "and" || toks[a.End].Lower == "or" || toks[a.End].Lower == "&") ||
			gap == 2 && toks[a.End].Tag == COMMA && (toks[a.End+1].Lower == "and" || toks[a.End+1].Lower == "or") {
			a.Conj = k + 1
			first := k
			if a.ConjOf >= 0 {
				first = a.ConjOf
			}
			b.ConjOf = first
			if b.Prep < 0 && a.Prep >= 0 {
				b.Prep = a.Prep
			}
			continue
		}
		if gap == 1 && toks[a.End].Tag == COMMA && b.Prep < 0 && s.nameList(k) {
			// "from Nicaragua, Romania and Paraguay": a list of names
			a.Conj = k + 1
			first := k
			if a.ConjOf >= 0 {
				first = a.ConjOf
			}
			b.ConjOf = first
			if a.Prep >= 0 {
				b.Prep = a.Prep
			}
			continue
		}
		if gap == 1 && toks[a.End].Tag == COMMA && b.Prep < 0 && a.ConjOf < 0 && a.Conj < 0 {
			after := b.End
			if after >= len(toks) || toks[after].Tag == COMMA || toks[after].Tag == PUNCT {
				b.AppositiveOf = k
			}
		}
	}
}

func (s *Sentence) addPhrase(start, end, head, poss int) {
	s.Phrases = append(s.Phrases, Phrase{Start: start, End: end, Head: head, Possessor: poss, Conj: -1, ConjOf: -1, AppositiveOf: -1, Prep: -1})
	for i := start; i < end; i++ {
		s.PhraseAt[i] = len(s.Phrases) - 1
	}
}

// isAux reports whether a verb form may be followed by another verb in the
// same group: forms of be, have, do, and "get" in get-passives.
func isAux(t *Token) bool {
	l := t.Lower
	return isBe(l) || isHave(l) || isDo(l) || l == "get" || l == "gets" || l == "got" || l == "getting"
}

// chunkVerbs finds the verb groups and their features.
func chunkVerbs(s *Sentence) {
	toks := s.Tokens
	n := len(toks)
	for i := 0; i < n; {
		t := toks[i].Tag
		start := i
		j := i
		inf := false
		switch {
		case t == TO:
			k := i + 1
			for k < n && toks[k].Tag.IsAdv() {
				k++
			}
			if k < n && (toks[k].Tag == VB || toks[k].Tag == VBP) && s.PhraseAt[k] < 0 {
				inf = true
				j = i + 1
			} else {
				i++
				continue
			}
		case t == MD || t.IsVerb() && s.PhraseAt[i] < 0:
		case t.IsAdv():
			k := i
			for k < n && toks[k].Tag.IsAdv() {
				k++
			}
			if k < n && (toks[k].Tag.IsVerb() || toks[k].Tag == MD) && s.PhraseAt[k] < 0 {
				j = i
			} else {
				i = k
				continue
			}
		default:
			i++
			continue
		}
		v := VerbGroup{Start: start, Head: -1, Particle: -1, Governor: -1, Agent: -1, Infinitive: inf}
		last := -1
	loop:
		for j < n {
			tk := &toks[j]
			switch {
			case tk.Tag == MD && last < 0 && v.Modal == "":
				v.Modal = tk.Lower
				if tk.Lower == "ca" {
					v.Modal = "can"
				} else if tk.Lower == "wo" {
					v.Modal = "will"
				}
				j++
			case tk.Tag.IsAdv() || tk.Lower == "n't" || tk.Lower == "n’t":
				if last >= 0 && !isAux(&toks[last]) {
					break loop
				}
				// an adverb belongs to the group only if a verb follows
				k := j
				for k < n && (toks[k].Tag.IsAdv() || toks[k].Lower == "n't" || toks[k].Lower == "n’t") {
					k++
				}
				if k >= n || !toks[k].Tag.IsVerb() || s.PhraseAt[k] >= 0 {
					if last < 0 && v.Modal == "" && !inf {
						break loop
					}
					// "did not", "will not": negation of an elided verb
					for q := j; q < k; q++ {
						if isNeg(toks[q].Lower) {
							v.Negated = true
						}
					}
					break loop
				}
				for q := j; q < k; q++ {
					if isNeg(toks[q].Lower) {
						v.Negated = true
					}
				}
				j = k
			case tk.Tag.IsVerb() && s.PhraseAt[j] < 0:
				if last >= 0 && !isAux(&toks[last]) {
					break loop
				}
				if last >= 0 && isDo(toks[last].Lower) && tk.Tag != VB && tk.Tag != VBP {
					break loop
				}
				last = j
				j++
			default:
				break loop
			}
		}
		if last < 0 {
			i = max(j, i+1)
			continue
		}
		v.Head = last
		v.End = last + 1
		if v.End < n && toks[v.End].Tag == RP {
			v.Particle = v.End
			v.End++
		} else if v.End+1 < n && toks[v.End].Tag.IsAdv() && toks[v.End+1].Tag == RP {
			v.Particle = v.End + 1
			v.End += 2
		}
		h := &toks[last]
		v.Lemma = h.Lemma
		if h.Tag.IsVerb() {
			v.Lemma = VerbLemma(h.Lower)
		}
		var sawBe, sawHave bool
		first := NONE
		for q := start; q < last; q++ {
			tq := &toks[q]
			if !tq.Tag.IsVerb() && tq.Tag != MD {
				continue
			}
			if first == NONE {
				first = tq.Tag
			}
			if isBe(tq.Lower) || tq.Lower == "get" || tq.Lower == "got" || tq.Lower == "gets" {
				sawBe = true
			}
			if isHave(tq.Lower) {
				sawHave = true
			}
		}
		if first == NONE {
			first = h.Tag
		}
		if v.Modal != "" {
			first = MD
		}
		v.Passive = sawBe && h.Tag == VBN && !isBe(h.Lower)
		// a reduced relative: "the Gaza Strip, occupied by Egypt", "the
		// vacuum left by the withdrawal"
		reduced := !sawBe && !sawHave && h.Tag == VBN && last == start && v.End < n && toks[v.End].Lower == "by" && start > 0 &&
			(s.PhraseAt[start-1] >= 0 || toks[start-1].Tag == COMMA && start > 1 && s.PhraseAt[start-2] >= 0)
		if reduced {
			v.Passive = true
			v.Reduced = true
		}
		v.Perfect = sawHave && (h.Tag == VBN || h.Lower == "been")
		v.Progressive = sawBe && h.Tag == VBG
		v.Copula = isBe(h.Lower) || h.Lower == "been"
		v.Gerund = h.Tag == VBG && last == start && !inf
		switch {
		case inf:
			v.Tense = Nonfinite
		case first == MD:
			if v.Modal == "will" || v.Modal == "shall" || v.Modal == "'ll" {
				v.Tense = Future
			} else {
				v.Tense = Present
			}
		case first == VBD:
			v.Tense = Past
		case first == VBZ || first == VBP:
			v.Tense = Present
		default:
			v.Tense = Nonfinite
		}
		// "going to sign" is a future.
		s.Verbs = append(s.Verbs, v)
		for q := v.Start; q < v.End; q++ {
			s.VerbAt[q] = len(s.Verbs) - 1
		}
		i = v.End
	}
}

func isNeg(l string) bool { return l == "not" || l == "n't" || l == "n’t" || l == "never" }

// subordinators open subordinate clauses when a verb follows.
var subordinators = map[string]bool{
	"while": true, "although": true, "though": true, "because": true, "if": true, "unless": true,
	"whereas": true, "after": true, "before": true, "since": true, "until": true, "when": true,
	"as": true, "once": true, "despite": true, "whether": true, "where": true,
}

// speechVerbs take a clause as object without "that": "Reporters say the
// document was signed".
// tellLemmas take an addressee and then a complement clause ("warned the
// United States it may retaliate", "told reporters Iran had …").
var tellLemmas = map[string]bool{"tell": true, "warn": true, "inform": true, "assure": true, "remind": true, "notify": true}

var speechVerbs = map[string]bool{
	"say": true, "tell": true, "report": true, "claim": true, "allege": true, "believe": true,
	"think": true, "note": true, "show": true, "suggest": true, "stress": true, "emphasize": true,
	"emphasise": true, "add": true, "state": true, "announce": true, "confirm": true, "deny": true,
	"insist": true, "warn": true, "argue": true, "indicate": true, "expect": true, "hope": true,
	"fear": true, "know": true, "understand": true, "assert": true, "acknowledge": true, "underline": true,
	"underscore": true, "reveal": true, "explain": true, "predict": true, "estimate": true, "reckon": true,
}

// finiteAt reports whether a finite verb group starts between tokens i and
// the next clause-breaking punctuation.
func (s *Sentence) finiteBefore(i int, stopAtComma bool) int {
	for k := i; k < len(s.Tokens); k++ {
		t := s.Tokens[k].Tag
		if stopAtComma && t == COMMA || t == COLON || t == PUNCT {
			return -1
		}
		if v := s.VerbAt[k]; v >= 0 {
			vg := &s.Verbs[v]
			if vg.Start == k && vg.Tense != Nonfinite {
				return v
			}
			if vg.Start == k && vg.Tense == Nonfinite && !vg.Gerund {
				return -1
			}
		}
		if s.PhraseAt[k] < 0 && !t.IsAdv() && t != POS && t != QUOTE && t != CC {
			// only phrases (with their prepositions) may stand before it
			if !(s.VerbAt[k] >= 0) {
				return -1
			}
		}
	}
	return -1
}

// findClauses cuts the sentence into clauses.
func findClauses(s *Sentence) {
	toks := s.Tokens
	n := len(toks)
	s.Clauses = append(s.Clauses, Clause{Start: 0, Kind: MainClause, Marker: -1, Parent: -1, Antecedent: -1})
	cur := 0
	hasVerb := false
	open := func(at int, kind ClauseKind, marker, parent, ante int) {
		s.Clauses[cur].End = at
		s.Clauses = append(s.Clauses, Clause{Start: at, Kind: kind, Marker: marker, Parent: parent, Antecedent: ante})
		cur = len(s.Clauses) - 1
		hasVerb = false
	}
	mainOf := func(c int) int {
		for c >= 0 && s.Clauses[c].Kind != MainClause && s.Clauses[c].Parent >= 0 {
			c = s.Clauses[c].Parent
		}
		if c < 0 {
			return 0
		}
		return c
	}
	for i := 0; i < n; i++ {
		t := &toks[i]
		if v := s.VerbAt[i]; v >= 0 && s.Verbs[v].Start == i {
			vg := &s.Verbs[v]
			// "Reporters say the document was signed": a complement
			// clause without "that" after a speech verb
			if tellLemmas[vg.Lemma] && vg.End < n && s.PhraseAt[vg.End] >= 0 {
				// "warned the United States it may retaliate": the
				// addressee, then the complement clause
				p1 := s.PhraseAt[vg.End]
				if e := s.Phrases[p1].End; e < n && s.PhraseAt[e] >= 0 && s.Phrases[s.PhraseAt[e]].Start == e && s.Phrases[s.PhraseAt[e]].Prep < 0 {
					if f := s.finiteBefore(e, true); f >= 0 && s.Verbs[f].Start > e {
						hasVerb = true
						i = e - 1
						open(e, Complement, -1, cur, -1)
						continue
					}
				}
			}
			at := vg.End
			// "said on Sunday Iran had seized …": a time phrase first
			if at+1 < n && toks[at].Tag == IN && s.PhraseAt[at+1] >= 0 && s.temporal(s.PhraseAt[at+1]) {
				at = s.Phrases[s.PhraseAt[at+1]].End
			}
			if speechVerbs[vg.Lemma] && at < n && s.PhraseAt[at] >= 0 {
				if f := s.finiteBefore(at, true); f >= 0 && s.Verbs[f].Start > at {
					hasVerb = true
					i = at - 1
					open(at, Complement, -1, cur, -1)
					continue
				}
			}
			hasVerb = true
			i = vg.End - 1
			continue
		}
		switch {
		case (t.Tag == IN || t.Tag == WRB) && subordinators[t.Lower] && s.PhraseAt[i] < 0:
			if f := s.finiteBefore(i+1, true); f >= 0 {
				parent := cur
				if !hasVerb && cur == 0 {
					parent = -1
				}
				open(i, Subordinate, i, parent, -1)
			}
		case t.Tag == WDT || t.Tag == WP:
			ante := -1
			b := i - 1
			if b >= 0 && toks[b].Tag == COMMA {
				b--
			}
			if b >= 0 {
				ante = s.PhraseAt[b]
				if ante >= 0 && s.Phrases[ante].ConjOf >= 0 {
					ante = s.Phrases[ante].ConjOf
				}
			}
			open(i, Relative, i, cur, ante)
		case t.Tag == IN && t.Lower == "that" || t.Tag == WRB && (t.Lower == "how" || t.Lower == "why") && hasVerb:
			open(i, Complement, i, cur, -1)
		case t.Tag == CC && hasVerb && (t.Lower == "but" || t.Lower == "and" || t.Lower == "or" || t.Lower == "yet"):
			if f := s.finiteBefore(i+1, true); f >= 0 {
				open(i, CoordinateClause, i, cur, -1)
			}
		case t.Tag == COLON || t.Tag == LRB:
			if hasVerb {
				open(i, CoordinateClause, i, mainOf(cur), -1)
			}
		case t.Tag == COMMA && i+1 < n:
			k := i + 1
			for k < n && toks[k].Tag.IsAdv() {
				k++
			}
			if k < n && toks[k].Tag == VBG && s.VerbAt[k] >= 0 && hasVerb {
				open(i, Participial, -1, cur, -1)
				continue
			}
			if k < n && toks[k].Tag == CC {
				continue // handled at the conjunction
			}
			if hasVerb && s.Clauses[cur].Kind != MainClause && s.Clauses[cur].Kind != Complement {
				// the end of a fronted subordinate clause or a relative
				if f := s.finiteBefore(i+1, true); f >= 0 {
					parent := s.Clauses[cur].Parent
					kind := MainClause
					if parent >= 0 {
						kind = CoordinateClause
					}
					open(i, kind, -1, parent, -1)
				} else if s.Clauses[cur].Kind == Relative || s.Clauses[cur].Kind == Participial {
					open(i, s.Clauses[s.Clauses[cur].Parent].Kind, -1, s.Clauses[cur].Parent, -1)
					hasVerb = true
				}
				continue
			}
			if hasVerb {
				if f := s.finiteBefore(i+1, true); f >= 0 && (s.Verbs[f].Start > i+1 || speechVerbs[s.Verbs[f].Lemma]) {
					open(i, CoordinateClause, -1, cur, -1)
				}
			}
		}
	}
	s.Clauses[cur].End = n
	for k := range s.Clauses {
		c := &s.Clauses[k]
		for i := c.Start; i < c.End; i++ {
			if p := s.PhraseAt[i]; p >= 0 && s.Phrases[p].Start == i {
				s.Phrases[p].Clause = k
			}
			if v := s.VerbAt[i]; v >= 0 && s.Verbs[v].Start == i {
				s.Verbs[v].Clause = k
			}
		}
	}
}

// ClauseOf returns the clause that holds token i.
func (s *Sentence) ClauseOf(i int) int {
	for k := len(s.Clauses) - 1; k >= 0; k-- {
		if s.Clauses[k].Start <= i {
			return k
		}
	}
	return 0
}

// Chain returns phrase p and the phrases coordinated after it.
func (s *Sentence) Chain(p int) []int {
	var out []int
	for p >= 0 && len(out) < 16 {
		out = append(out, p)
		p = s.Phrases[p].Conj
	}
	return out
}

// adjunctGerundPreps open a gerund whose doer is the subject of the verb
// before ("killed soldiers in routing a force"), unlike "from" or "of",
// whose gerund the object does ("prevent Japan from getting",
// "accused Ukraine of shelling").
var adjunctGerundPreps = map[string]bool{
	"in": true, "by": true, "after": true, "before": true, "without": true,
	"through": true, "despite": true, "upon": true, "while": true, "when": true,
}

// relate finds subjects, objects, agents and prepositional phrases, and
// links verbs to the verbs that govern them.
func relate(s *Sentence) {
	toks := s.Tokens
	for k := range s.Verbs {
		v := &s.Verbs[k]
		// governor: "began traveling", "plans to sign", "focused on arming"
		if k > 0 {
			pv := &s.Verbs[k-1]
			gap := v.Start - pv.End
			switch {
			case (v.Infinitive || v.Gerund) && (gap == 0 || v.Infinitive && onlyAdverbsBetween(toks, pv.End, v.Start)):
				v.Governor = k - 1
			case v.Gerund && gap == 1 && toks[v.Start-1].Tag == IN && s.PhraseAt[v.Start-1] < 0:
				v.Governor = k - 1
			case v.Infinitive && gap == 1 && pv.Copula && toks[v.Start-1].Tag.IsAdj():
				// "is likely to visit", "are ready to sign"
				v.Governor = k - 1
			case v.Infinitive && gap > 0 && toks[v.Start-1].Tag == CC && pv.Infinitive && pv.Clause == v.Clause:
				// "pledged to keep the lanes open and to protect tankers":
				// the second infinitive shares the first one's governor
				v.Governor = pv.Governor
			case v.Infinitive && gap > 0 && pv.Clause == v.Clause && s.objectBetween(pv.End, v.Start) && !(toks[v.Start-1].Tag == CC && pv.Infinitive):
				// "invited officials to attend": the object does it
				v.Governor = k - 1
			}
		}
	}
	for k := 1; k < len(s.Verbs); k++ {
		// "was beaten and abducted": a bare participle joined to a passive
		// shares its voice
		v, pv := &s.Verbs[k], &s.Verbs[k-1]
		if pv.Passive && v.End-v.Start == 1 && pv.End == v.Start-1 && toks[v.Start-1].Tag == CC && (toks[v.Head].Tag == VBN || toks[v.Head].Tag == VBD) {
			toks[v.Head].Tag = VBN
			v.Passive, v.Tense = true, pv.Tense
		}
	}
	for k := range s.Verbs {
		v := &s.Verbs[k]
		c := &s.Clauses[v.Clause]
		// the window where the subject may stand
		from := c.Start
		for q := k - 1; q >= 0; q-- {
			if s.Verbs[q].Clause == v.Clause && s.Verbs[q].Tense != Nonfinite {
				from = s.Verbs[q].End
				break
			}
		}
		if c.Kind == Relative && c.Marker >= 0 && onlyAdverbsBetween(toks, c.Marker+1, v.Start) && from <= c.Marker {
			if c.Antecedent >= 0 {
				v.Subjects = append(v.Subjects, s.Chain(c.Antecedent)...)
			}
		} else if v.Infinitive && v.Start > 0 && toks[v.Start-1].Tag == CC {
			// "to keep the lanes open and to protect tankers": the subject
			// comes from the governor below
		} else {
			for p := s.phraseFrom(from); p >= 0 && p < len(s.Phrases) && s.Phrases[p].Start < v.Start; p++ {
				ph := &s.Phrases[p]
				if ph.Prep >= 0 || ph.AppositiveOf >= 0 || ph.ConjOf >= 0 || ph.Clause != v.Clause {
					continue
				}

				if ph.Start < from {
					continue
				}
				v.Subjects = append(v.Subjects, s.Chain(p)...)
				break
			}
		}
		if v.Reduced {
			b := v.Start - 1
			if toks[b].Tag == COMMA {
				b--
			}
			v.Subjects = append(v.Subjects[:0], s.PhraseAt[b])
		}
		if len(v.Subjects) == 0 && c.Kind == CoordinateClause && toks[c.Start].Tag == COMMA && v.Start == c.Start+1 && speechVerbs[v.Lemma] {
			// "…, said the spokesman": the subject follows the verb, unless
			// a verb follows it ("the agency, received here, said Iranian
			// forces smashed …": the subject of what was said)
			if p := s.phraseFrom(v.End); p >= 0 && s.Phrases[p].Start == v.End {
				if e := s.Phrases[p].End; e >= len(toks) || s.VerbAt[e] < 0 {
					v.Subjects = append(v.Subjects, s.Chain(p)...)
				}
			}
		}
		if len(v.Subjects) > 0 && v.Start > 0 && (toks[v.Start-1].Tag == COMMA || toks[v.Start-1].Tag == CC) {
			// "smashed four brigades, killed 1,500 soldiers and destroyed
			// 45 tanks": a phrase that is the object of the verb before is
			// not the subject of the next one in the list
			for q := k - 1; q >= 0; q-- {
				if pv := &s.Verbs[q]; pv.Tense != Nonfinite && slices.Contains(pv.Objects, v.Subjects[0]) {
					v.Subjects = append(v.Subjects[:0], pv.Subjects...)
					v.SubjectInherited = true
					break
				}
			}
		}
		if v.Gerund && v.Governor < 0 && v.Start > 0 && toks[v.Start-1].Tag == IN && adjunctGerundPreps[toks[v.Start-1].Lower] {
			// "troops killed 1,269 soldiers in routing a force": the
			// subject of the clause's verb does it, not its object
			for q := k - 1; q >= 0; q-- {
				if pv := &s.Verbs[q]; pv.Clause == v.Clause && pv.Tense != Nonfinite {
					if len(pv.Subjects) > 0 {
						v.Subjects = append(v.Subjects[:0], pv.Subjects...)
						v.SubjectInherited = true
					}
					break
				}
			}
		}
		if v.Infinitive && v.Governor >= 0 && s.Verbs[v.Governor].Gerund && s.Verbs[v.Governor].Clause == v.Clause && s.objectBetween(s.Verbs[v.Governor].End, v.Start) && toks[v.Start-1].Tag != CC {
			// "in routing a 5,000-strong force to capture the base": the
			// force is to capture it
			if p := s.phraseFrom(s.Verbs[v.Governor].End); p >= 0 {
				v.Subjects = append(v.Subjects[:0], s.Chain(p)...)
			}
		}
		if len(v.Subjects) == 0 && v.Tense != Nonfinite && v.Start > 1 && toks[v.Start-1].Tag == COMMA {
			// "Kuwait, whose shipping has come under attack, has the
			// support of …": the subject stands before the relative
			for j := v.Start - 2; j > c.Start; j-- {
				if toks[j].Tag != COMMA {
					continue
				}
				if l := toks[j+1].Lower; l == "whose" || l == "which" || l == "who" {
					if p := s.PhraseAt[j-1]; p >= 0 && s.Phrases[p].Prep < 0 && s.Phrases[p].End == j {
						v.Subjects = append(v.Subjects, s.Chain(p)...)
					}
				}
				break
			}
		}
		if len(v.Subjects) == 0 {
			switch {
			case v.Governor >= 0:
				g := &s.Verbs[v.Governor]
				if v.Infinitive && !v.Gerund && s.objectBetween(g.End, v.Start) && toks[v.Start-1].Tag != CC {
					// "invited Taliban officials to attend"
					if p := s.phraseFrom(g.End); p >= 0 {
						v.Subjects = append(v.Subjects, s.Chain(p)...)
					}
				} else {
					v.Subjects = append(v.Subjects, g.Subjects...)
				}
				v.SubjectInherited = true
			case c.Parent >= 0 && (c.Kind == Participial || c.Kind == CoordinateClause || c.Kind == Subordinate):
				for q := k - 1; q >= 0; q-- {
					if s.Verbs[q].Clause == c.Parent || s.Verbs[q].Clause < v.Clause && len(s.Verbs[q].Subjects) > 0 {
						v.Subjects = append(v.Subjects, s.Verbs[q].Subjects...)
						v.SubjectInherited = true
						break
					}
				}
			}
		}
		// objects and prepositional phrases, up to the next verb of the
		// clause
		to := c.End
		for q := k + 1; q < len(s.Verbs); q++ {
			if s.Verbs[q].Clause == v.Clause && s.Verbs[q].Governor != k {
				to = s.Verbs[q].Start
				break
			}
			if s.Verbs[q].Governor == k {
				to = s.Verbs[q].Start
				break
			}
		}
		if c.Kind == Relative && c.Antecedent >= 0 && len(v.Subjects) > 0 && (len(v.Subjects) == 0 || v.Subjects[0] != c.Antecedent) {
			// "a regime that Washington abandoned": the antecedent is the object
			v.Objects = append(v.Objects, c.Antecedent)
		}
		for p := s.phraseFrom(v.End); p >= 0 && p < len(s.Phrases) && s.Phrases[p].Start < to; p++ {
			ph := &s.Phrases[p]
			if ph.Prep < 0 && ph.ConjOf < 0 && ph.AppositiveOf < 0 && len(v.Objects) == 0 && onlyAdverbsBetween(toks, v.End, ph.Start) && !slices.Contains(v.Subjects, p) {
				v.Objects = append(v.Objects, s.Chain(p)...)
				continue
			}
			if ph.Prep >= 0 && ph.ConjOf < 0 {
				v.PPs = append(v.PPs, PP{Prep: ph.Prep, Phrase: p})
				if v.Passive && v.Agent < 0 && toks[ph.Prep].Lower == "by" {
					v.Agent = p
				}
			}
		}
	}
}

// frontedParticiple gives a participle that opens the sentence the
// subject of the main clause after its comma: in "Welcoming the offer,
// Reagan said …" Reagan welcomes it.
func frontedParticiple(s *Sentence) {
	if len(s.Verbs) < 2 {
		return
	}
	v := &s.Verbs[0]
	if v.Start != 0 || !v.Gerund && v.Tense != Nonfinite || len(v.Subjects) > 0 {
		return
	}
	for k := 1; k < len(s.Verbs); k++ {
		w := &s.Verbs[k]
		if w.Tense == Nonfinite || len(w.Subjects) == 0 || w.Start == 0 || s.Tokens[s.Phrases[w.Subjects[0]].Start-1].Tag != COMMA {
			continue
		}
		for q := 0; q < k; q++ {
			if u := &s.Verbs[q]; len(u.Subjects) == 0 || u.SubjectInherited && q > 0 && s.Verbs[q].Governor >= 0 && s.Verbs[s.Verbs[q].Governor].Start == 0 {
				if q == 0 || u.Governor == 0 {
					u.Subjects = append(u.Subjects[:0], w.Subjects...)
					u.SubjectInherited = true
				}
			}
		}
		return
	}
}

// shareObjects gives coordinated verbs their shared object: in "shelled
// and destroyed two platforms" both verbs take "two platforms".
func shareObjects(s *Sentence) {
	toks := s.Tokens
	for k := len(s.Verbs) - 2; k >= 0; k-- {
		v, w := &s.Verbs[k], &s.Verbs[k+1]
		if len(v.Objects) > 0 || len(v.PPs) > 0 || v.End+1 != w.Start || toks[v.End].Tag != CC {
			continue
		}
		v.Objects = append(v.Objects, w.Objects...)
		v.PPs = append(v.PPs, w.PPs...)
	}
}

func (s *Sentence) objectBetween(a, b int) bool {
	if a >= b {
		return false
	}
	p := s.PhraseAt[a]
	return p >= 0 && s.Phrases[p].End == b && s.Phrases[p].Prep < 0
}

// phraseFrom returns the index of the first phrase starting at or after
// token i, or -1.
func (s *Sentence) phraseFrom(i int) int {
	for k := range s.Phrases {
		if s.Phrases[k].Start >= i {
			return k
		}
	}
	return -1
}

func onlyAdverbsBetween(toks []Token, a, b int) bool {
	for i := a; i < b; i++ {
		if t := toks[i].Tag; !t.IsAdv() && t != RP && t != QUOTE {
			return false
		}
	}
	return true
}

// PhraseText returns the words of phrase p.
func (s *Sentence) PhraseText(p int) string {
	ph := &s.Phrases[p]
	return s.Text[s.Tokens[ph.Start].Span.Start:s.Tokens[ph.End-1].Span.End]
}

// PhraseSpan returns the byte span of phrase p in the sentence text.
func (s *Sentence) PhraseSpan(p int) (start, end int) {
	ph := &s.Phrases[p]
	return s.Tokens[ph.Start].Span.Start, s.Tokens[ph.End-1].Span.End
}

// PPsOf returns the prepositional phrases that follow phrase p directly
// ("the signing of a deal between Russia and the Taliban"), each PP's
// phrase included with its coordinated phrases left to Chain.
func (s *Sentence) PPsOf(p int) []PP {
	var out []PP
	end := s.Phrases[p].End
	for q := p + 1; q < len(s.Phrases); q++ {
		ph := &s.Phrases[q]
		if ph.ConjOf >= 0 || ph.Prep < 0 && ph.Start == end && s.temporal(q) {
			end = ph.End // "a strike last Friday in Kuwaiti waters against …"
			continue
		}
		if ph.Prep != end && !(ph.Prep == end+1 && (s.Tokens[end].Tag.IsAdv() || s.Tokens[end].Tag == COMMA && isExemplifier(s.Tokens[ph.Prep].Lower))) {
			break
		}
		out = append(out, PP{Prep: ph.Prep, Phrase: q})
		end = ph.End
	}
	return out
}

// nameList reports whether phrase k starts or continues a list of proper
// names separated by commas and closed by "and" or "or" ("Nicaragua,
// Romania and Paraguay"), so that its comma coordinates rather than
// introducing an appositive.
func (s *Sentence) nameList(k int) bool {
	toks := s.Tokens
	allNames := func(p *Phrase) bool {
		for i := p.Start; i < p.End; i++ {
			if toks[i].Tag != NNP && toks[i].Tag != NNPS {
				return false
			}
		}
		return true
	}
	if !allNames(&s.Phrases[k]) {
		return false
	}
	for q := k + 1; q < len(s.Phrases); q++ {
		a, b := &s.Phrases[q-1], &s.Phrases[q]
		if !allNames(b) {
			return false
		}
		gap := b.Start - a.End
		switch {
		case gap == 1 && toks[a.End].Tag == COMMA:
			continue
		case gap == 1 && (toks[a.End].Lower == "and" || toks[a.End].Lower == "or"),
			gap == 2 && toks[a.End].Tag == COMMA && (toks[a.End+1].Lower == "and" || toks[a.End+1].Lower == "or"):
			return true
		}
		return false
	}
	return false
}

// timeNouns head noun phrases that say when: "last Friday", "this week".
var timeNouns = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "week": true, "month": true, "year": true, "night": true, "day": true, "weekend": true,
	"today": true, "yesterday": true, "tomorrow": true, "morning": true, "evening": true, "afternoon": true,
	"january": true, "february": true, "march": true, "april": true, "june": true, "july": true, "august": true,
	"september": true, "october": true, "november": true, "december": true, "summer": true, "winter": true,
	"spring": true, "autumn": true,
}

// temporal reports whether phrase p says when ("last Friday", "this
// month"), so that it can stand between a noun and its own phrases.
func (s *Sentence) temporal(p int) bool {
	return timeNouns[s.Tokens[s.Phrases[p].Head].Lower]
}

func isDemonstrative(l string) bool {
	return l == "this" || l == "that" || l == "these" || l == "those"
}

// isExemplifier reports whether a preposition introduces examples of the
// phrase before it, which may stand after a comma ("figures, including").
func isExemplifier(l string) bool { return l == "including" || l == "like" || l == "notably" }
