package syntax

import "strings"

// tagTokens gives every token a tag and a lemma: first from the lexicon or
// the suffix rules, then corrected by the contextual rules below, which look
// at the neighbours' tags. It works in place.
func tagTokens(toks []Token) {
	title := isTitleCase(toks)
	for i := range toks {
		initialTag(toks, i, title)
	}
	contextRules(toks)
	subjectNouns(toks)
	nounFixes(toks)
	for i := range toks {
		t := &toks[i]
		switch {
		case t.Tag.IsVerb() || t.Tag == MD:
			t.Lemma = VerbLemma(t.Lower)
		case t.Tag == NNS || t.Tag == NNPS:
			t.Lemma = NounLemma(t.Lower)
		default:
			t.Lemma = t.Lower
		}
	}
}

// candidates returns the lexicon entry of a token, nil for unknown words.
func candidates(t *Token) *entry { return lexicon[t.Lower] }

func initialTag(toks []Token, i int, title bool) {
	t := &toks[i]
	w := t.Lower
	c := t.Text[0]
	switch {
	case len(t.Text) > 2 && c == '[' && t.Text[len(t.Text)-1] == ']':
		t.Tag = SYM
		return
	case c == ',':
		t.Tag = COMMA
		return
	case c == '.' || c == '!' || c == '?':
		t.Tag = PUNCT
		return
	case c == ';' || c == ':':
		t.Tag = COLON
		return
	case c == '(' || c == '[' || c == '{':
		t.Tag = LRB
		return
	case c == ')' || c == ']' || c == '}':
		t.Tag = RRB
		return
	case c == '"' || c == '`':
		t.Tag = QUOTE
		return
	case c == '\'' && len(w) == 1:
		t.Tag = QUOTE
		return
	}
	switch w {
	case "“", "”", "‘", "’", "«", "»":
		t.Tag = QUOTE
		return
	case "—", "–", "-", "--":
		t.Tag = COLON
		return
	case "…":
		t.Tag = PUNCT
		return
	}
	if e := candidates(t); e != nil {
		t.Tag = e.tags[0]
		// A capitalised word inside the sentence that the lexicon knows only
		// as a common noun or verb is usually a name ("Supreme Court").
		if t.Cap && !title && i > 0 && !prevIsOpener(toks, i) && !strings.HasSuffix(toks[i-1].Text, ".") && (e.tags[0] == NN || e.tags[0] == NNS || e.tags[0].IsVerb() || e.tags[0].IsAdj()) {
			t.Tag = NNP
			if e.tags[0] == NNS {
				t.Tag = NNPS
			}
		}
		return
	}
	if c >= '0' && c <= '9' {
		t.Tag = CD
		return
	}
	if c < 'A' || c > 'z' || (c > 'Z' && c < 'a') {
		if t.Cap {
			t.Tag = NNP
			return
		}
		if !isWordByte(t.Text, 0) {
			t.Tag = SYM
			return
		}
	}
	if t.Cap && (i > 0 && !prevIsOpener(toks, i) || isAllCapsAbbrev(t.Text)) {
		if jj := suffixTag(w); jj == JJ && demonymLike(w) {
			t.Tag = JJ // "Russian officials"; fixed to NNP below when alone
			return
		}
		t.Tag = NNP
		return
	}
	t.Tag = suffixTag(w)
	if t.Cap && t.Tag == NN {
		t.Tag = NNP // sentence-initial unknown capitalised word: a name
	}
}

func prevIsOpener(toks []Token, i int) bool {
	p := toks[i-1].Tag
	return p == QUOTE || p == COLON || p == LRB || p == PUNCT
}

func isAllCapsAbbrev(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'A' && c <= 'Z' || c == '.') {
			return false
		}
	}
	return true
}

func demonymLike(w string) bool {
	return strings.HasSuffix(w, "ian") || strings.HasSuffix(w, "ean") || strings.HasSuffix(w, "ese") ||
		strings.HasSuffix(w, "ish") || strings.HasSuffix(w, "ic") || strings.HasSuffix(w, "an") || strings.HasSuffix(w, "i")
}

// suffixTag guesses the tag of an unknown lower-case word from its ending.
func suffixTag(w string) Tag {
	if k := strings.LastIndexByte(w, '-'); k > 0 && k < len(w)-1 {
		pre, last := w[:k], w[k+1:]
		switch {
		case strings.HasPrefix(w, "anti-"), strings.HasPrefix(w, "pro-"), strings.HasPrefix(w, "non-"), strings.HasPrefix(w, "post-"), strings.HasPrefix(w, "pre-"):
			return JJ
		case strings.HasSuffix(last, "ed"):
			return JJ // Taliban-appointed, long-awaited
		case strings.HasSuffix(last, "ing") && !strings.Contains(pre, "-"):
			return JJ // peace-keeping, long-standing
		}
		if e := lexicon[last]; e != nil {
			switch t := e.tags[0]; {
			case t.IsNoun():
				return t
			case t.IsAdj():
				return JJ
			}
		}
		return suffixTag(last)
	}
	n := len(w)
	has := func(s string) bool { return n > len(s)+1 && strings.HasSuffix(w, s) }
	switch {
	case has("ing"):
		return VBG
	case has("ed"):
		return VBD
	case has("ly"):
		return RB
	case has("tions"), has("sions"), has("ments"), has("nesses"), has("ities"), has("ances"), has("ences"), has("ists"), has("ers"), has("ors"), has("ships"):
		return NNS
	case has("tion"), has("sion"), has("ment"), has("ness"), has("ity"), has("ance"), has("ence"), has("ism"), has("ist"), has("er"), has("or"), has("ship"), has("hood"), has("age"), has("ure"), has("cy"):
		return NN
	case has("al"), has("ic"), has("ous"), has("ive"), has("ful"), has("less"), has("able"), has("ible"), has("ary"), has("ian"), has("ean"), has("ese"), has("ish"), has("ern"), has("ant"), has("ent"):
		return JJ
	case has("est"):
		return JJS
	case has("ize"), has("ise"), has("ify"), has("ate"):
		return VB
	case has("ss"), has("us"), has("is"):
		return NN
	case has("s"):
		return NNS
	}
	return NN
}

func isBe(l string) bool {
	switch l {
	case "be", "is", "are", "was", "were", "been", "being", "am", "'s", "’s", "'re":
		return true
	}
	return false
}

func isHave(l string) bool {
	switch l {
	case "have", "has", "had", "having", "'ve":
		return true
	}
	return false
}

func isDo(l string) bool {
	switch l {
	case "do", "does", "did":
		return true
	}
	return false
}

// nounish reports whether t can stand inside a noun phrase before its head.
func nounish(t Tag) bool {
	return t.IsNoun() || t.IsAdj() || t == CD
}

// determinerLike reports whether a noun (not a verb) must follow a token
// tagged t.
func determinerLike(t Tag) bool {
	return t == DT || t == PRPS || t == POS || t == PDT || t.IsAdj() || t == CD || t == WPS
}

// contextRules fixes tags that depend on the neighbours. Each rule names
// the ambiguity it resolves.
func contextRules(toks []Token) {
	n := len(toks)
	prev := func(i int) Tag {
		for j := i - 1; j >= 0; j-- {
			if t := toks[j].Tag; !t.IsAdv() || toks[j].Lower == "not" {
				return t
			}
		}
		return NONE
	}
	next := func(i int) Tag {
		if i+1 < n {
			return toks[i+1].Tag
		}
		return NONE
	}
	// auxBefore reports whether a form of be/have/get stands before i
	// within the verb group (skipping adverbs and "not").
	auxBefore := func(i int) (be, have bool) {
		for j := i - 1; j >= 0 && j >= i-4; j-- {
			t := &toks[j]
			if t.Tag.IsAdv() || t.Lower == "n't" {
				continue
			}
			if isBe(t.Lower) || t.Lower == "get" || t.Lower == "got" || t.Lower == "gets" || t.Lower == "become" || t.Lower == "became" {
				return true, false
			}
			if isHave(t.Lower) {
				return false, true
			}
			return false, false
		}
		return false, false
	}
	for i := 0; i < n; i++ {
		t := &toks[i]
		e := candidates(t)
		p := prev(i)
		switch {
		// "’s" after a pronoun or "that/there/it" is "is"; after a noun it
		// is possessive.
		case t.Lower == "'s" || t.Lower == "’s":
			if p == PRP || p == EX || p == WDT || p == WP {
				t.Tag = VBZ
			} else {
				t.Tag = POS
			}
			continue
		// "that": a determiner before a noun with no verb in between; a
		// complementizer after a verb; a relative pronoun after a noun.
		case t.Lower == "that":
			nx := next(i)
			switch {
			case p.IsVerb() && (nx.IsNoun() || nx.IsAdj()) && i+2 < n && (toks[i+2].Tag == PUNCT || toks[i+2].Tag == COMMA || toks[i+2].Tag == IN || toks[i+2].Tag == SYM):
				t.Tag = DT // "fits that pattern."
			case p.IsVerb() || p == COMMA && i >= 2 && toks[i-2].Tag.IsVerb():
				t.Tag = IN
			case (p.IsNoun() || p == PRP) && i >= 2 && (tellVerbs[toks[i-2].Lower] || saidTo(toks, i)):
				t.Tag = IN // "told reporters that …", "complained to the UN that …"
			case p.IsNoun() && contentNoun(toks, i) && (!(nx.IsVerb() || nx == MD || nx.IsAdv()) || nx == VBG && i+2 < n && toks[i+2].Tag.IsNoun()):
				t.Tag = IN // "denied reports that Russia had signed …"
			case p.IsNoun() || p == PRP:
				if nx.IsNoun() && i+2 < n && (toks[i+2].Tag.IsVerb() || toks[i+2].Tag == MD) {
					t.Tag = WDT // "a regime that Washington abandoned"
				} else if nx.IsVerb() || nx == MD || nx.IsAdv() {
					t.Tag = WDT
				} else if nx == DT || nx == PRP || nx.IsNoun() || nx == PRPS {
					t.Tag = WDT
				} else {
					t.Tag = WDT
				}
			case nx.IsNoun() || nx.IsAdj():
				t.Tag = DT
			default:
				t.Tag = IN
			}
			continue
		case t.Lower == "to":
			t.Tag = TO
			continue
		}
		if e == nil {
			if t.Cap && (t.Tag == VBG || t.Tag == VBD) && i+1 < n && (toks[i+1].Tag.IsFinite() || toks[i+1].Tag == VBD) {
				t.Tag = NNP // "Beijing condemned", "Reading said"
				continue
			}
			if (p == MD || isDo(prevLower(toks, i)) && p != NONE) && !t.Cap && (t.Tag == NN || t.Tag == VB || t.Tag == JJ) {
				t.Tag = VB // "did not accede", "could rebuff"
				continue
			}
			if (p == DT || p == PRPS || p == POS) && t.Tag == VB {
				// "a deliberate (deepening)": a suffix-guessed verb after a
				// determiner is an adjective before a noun, else a noun
				if nx := next(i); nx.IsNoun() || nx.IsAdj() || nx == COMMA {
					t.Tag = JJ
				} else {
					t.Tag = NN
				}
				continue
			}
			// unknown words: -ed after an auxiliary is a participle.
			if t.Tag == VBD {
				if be, have := auxBefore(i); be || have {
					t.Tag = VBN
				} else if p == DT || p == PRPS || p == POS {
					t.Tag = JJ
				}
			}
			if t.Tag == VBG && (p == DT || p == PRPS || p == POS || p.IsAdj()) {
				if nx := next(i); nx.IsNoun() || nx.IsAdj() {
					t.Tag = JJ
				} else {
					t.Tag = NN
				}
			}
			if t.Tag == JJ && t.Cap {
				// a demonym-like name standing alone is a name
				if nx := next(i); !(nx.IsNoun() || nx.IsAdj()) {
					t.Tag = NNP
				}
			}
			if t.Tag == NNS && (p.IsNoun() || p == PRP) && i+1 < n && (next(i) == DT || next(i) == PRPS || next(i) == NNP) && !determinerLike(p) {
				t.Tag = VBZ
			}
			continue
		}
		if t.Tag == NNP || t.Tag == NNPS {
			continue
		}
		if t.Tag == NN && e.has(VBG) && (p.IsNoun() || p == PRP) && (next(i) == DT || next(i) == PRPS) {
			t.Tag = VBG // "Taliban and Russia signing a deal"
			continue
		}
		verbish := e.has(VB) || e.has(VBD) || e.has(VBZ) || e.has(VBG) || e.has(VBN) || e.has(VBP)
		nounCand := e.has(NN) || e.has(NNS)
		switch {
		case p == MD || p == TO && !(nounCand && determinerLike(next(i))) || isDo(prevLower(toks, i)) && p != NONE:
			// after a modal, "to" or do-support: the base verb
			if e.has(VB) || e.has(VBP) {
				t.Tag = VB
				continue
			}
			if p == TO && nounCand {
				t.Tag = e.tags[0]
				if t.Tag.IsVerb() {
					t.Tag = NN
				}
				continue
			}
		case determinerLike(p) && nounCand:
			// after a determiner, adjective or possessive: a noun
			if e.has(NNS) && (strings.HasSuffix(t.Lower, "s")) {
				t.Tag = NNS
			} else if e.has(NN) {
				t.Tag = NN
			} else {
				t.Tag = NNS
			}
			continue
		case (p == DT && !(i > 0 && isDemonstrative(toks[i-1].Lower)) || p == PRPS || p == POS || p == PDT || p.IsAdj() && (i == 1 || i >= 2 && (toks[i-2].Tag == DT || toks[i-2].Tag == PRPS))) && (t.Tag == VB || t.Tag == VBP || t.Tag == VBZ) && !isAux(t):
			// "the document", "a separate move", "its lack", "symbolic contact"
			nx := next(i)
			switch {
			case t.Tag == VBZ:
				t.Tag = NNS
			case (nx.IsNoun() || nx == COMMA && false) && (strings.HasSuffix(t.Lower, "ate") || e.has(JJ)):
				t.Tag = JJ
			default:
				t.Tag = NN
			}
			continue
		case (p == IN || p == QUOTE || p == DT || p == PRPS) && (e.has(VBG) || e.has(VBN) || e.has(VBD) || e.has(VB)) && (next(i).IsNoun() || next(i).IsAdj() || p == IN && next(i) == CD && t.Tag != VBG) && !(p == IN && t.Tag == VBG && !e.has(JJ)):
			// "amid growing contacts", "with allied states", "for open cooperation"
			if e.has(JJ) || t.Tag != VBG {
				t.Tag = JJ
				continue
			}
		case determinerLike(p) && (t.Tag == VBG || t.Tag == VBN || t.Tag == VBD) && p != CD:
			// "the growing contacts", "the signed agreement", "the signing"
			if nx := next(i); nx.IsNoun() || nx.IsAdj() {
				t.Tag = JJ
			} else if t.Tag == VBG && p != POS {
				t.Tag = NN
			}
			continue
		}
		if p == VB && i >= 2 && toks[i-2].Lower == "to" && !isBe(toks[i-1].Lower) && !isHave(toks[i-1].Lower) && (e.has(VBN) || e.has(VBD)) && strings.HasSuffix(t.Lower, "ed") && next(i).IsNoun() {
			t.Tag = JJ // "to encourage expanded trade": a participle between an infinitive and its object noun
			continue
		}
		if !verbish {
			continue
		}
		if nounCand && (t.Tag == VB || t.Tag == VBP) && p == CC && i >= 2 && toks[i-2].Tag == NN && (next(i) == NN || next(i) == NNS) {
			t.Tag = NN // "oil and gas equipment": a noun shares the head
			continue
		}
		if p == IN && (t.Tag == VB || t.Tag == VBP) && nounCand && i > 0 && (toks[i-1].Lower == "of" || toks[i-1].Lower == "under") {
			t.Tag = NN // "an exchange of fire", "came under fire"
			continue
		}
		if p == IN && t.Tag == VBZ && !subordinatorWord(prevLower(toks, i)) {
			t.Tag = NNS // "amid signs", "on exports"
			continue
		}
		if (p == VBD || p == VBZ || p == VBP) && t.Tag == VBZ && (e.has(NNS) || contentNouns[t.Lower]) && i+1 < n && toks[i+1].Lower == "that" {
			t.Tag = NNS // "dismissed claims that …", "denies reports that …"
			continue
		}
		if (p == VBD || p == VBZ || p == VBN) && (t.Tag == VB || t.Tag == VBP || t.Tag == VBZ) && i > 0 && toks[i-1].Tag == p && !isBe(toks[i-1].Lower) && !isHave(toks[i-1].Lower) && !bareInfVerbs[VerbLemma(toks[i-1].Lower)] && !speechVerbs[VerbLemma(toks[i-1].Lower)] {
			// "exchanged fire", "fired shells", "bombed targets": no subject
			// between two verbs
			if t.Tag == VBZ {
				t.Tag = NNS
			} else {
				t.Tag = NN
			}
			continue
		}
		be, have := auxBefore(i)
		switch {
		case (be || have) && (e.has(VBN) || e.has(VBD)):
			t.Tag = VBN
			if be && e.has(VBG) && strings.HasSuffix(t.Lower, "ing") {
				t.Tag = VBG
			}
		case be && e.has(VBG):
			t.Tag = VBG
		case e.has(VBD) && e.has(VBN) && i+1 < n && toks[i+1].Lower == "by" && p != PRP:
			t.Tag = VBN // "occupied by Egypt", "signed by both sides"
		case e.has(VBD) && e.has(VBN):
			// "the document signed by", "forces deployed in": a reduced
			// relative after a noun, followed by "by" or a preposition;
			// otherwise a simple past.
			if (p.IsNoun() || p == PRP) && i+1 < n && toks[i+1].Lower == "by" {
				t.Tag = VBN
			} else if p == COMMA || p == NONE || p == IN || p == CC && i >= 2 && toks[i-2].Tag == VBN {
				if p == NONE || p == COMMA {
					// sentence-initial or after a comma with no subject:
					// participial phrase when a comma follows soon
					t.Tag = VBD
				} else {
					t.Tag = VBN
				}
			} else {
				t.Tag = VBD
			}
		case nounCand && (e.has(VBZ) || e.has(VBP) || e.has(VB)):
			// noun or finite verb: a verb right after a subject-like word
			// and before an object-like word; else the lexicon's first tag.
			nx := next(i)
			subj := p.IsNoun() || p == PRP || p == WDT || p == WP || p == EX
			obj := nx == DT || nx == PRPS || nx == PRP || nx.IsNoun() || nx == IN || nx == TO || nx.IsAdv() || nx == JJ || nx == CD || nx == RP
			if subj && obj && !p.IsNoun() {
				t.Tag = finiteFor(e, t.Lower)
			} else if subj && obj && p.IsNoun() && (nx == DT || nx == PRPS || nx == PRP || nx == TO || nx == RP || nx == CD || nx == NNP) {
				t.Tag = finiteFor(e, t.Lower)
			} else if p == PRP || p == WDT || p == WP {
				t.Tag = finiteFor(e, t.Lower)
			} else if e.tags[0].IsVerb() && !(p.IsNoun() && (nx == COMMA || nx == PUNCT || nx == NONE || nx == CC)) {
				t.Tag = e.tags[0]
			} else if e.tags[0].IsVerb() {
				if e.has(NNS) && strings.HasSuffix(t.Lower, "s") {
					t.Tag = NNS
				} else if e.has(NN) {
					t.Tag = NN
				}
			}
		case e.tags[0].IsVerb() && e.has(VB) && e.has(VBP) && !e.has(VBD):
			// base form: VBP after a plural or pronoun subject
			t.Tag = VBP
		}
		if t.Tag == VBG && (p == DT || p == PRPS || p == POS) {
			t.Tag = NN
		}
	}
}

// contentNoun reports whether the "that" at i follows a content noun,
// directly or across prepositional phrases ("rumors in world markets on
// Tuesday that").
func contentNoun(toks []Token, i int) bool {
	if contentNouns[toks[i-1].Lower] {
		return true
	}
	for j := i - 1; j > 0 && j >= i-10; j-- {
		switch t := toks[j].Tag; {
		case t == IN:
			if contentNouns[toks[j-1].Lower] {
				return true
			}
		case t.IsNoun() || t == DT || t.IsAdj() || t == CD:
		default:
			return false
		}
	}
	return false
}

// bareInfVerbs take a bare infinitive right after them ("helped build").
var bareInfVerbs = map[string]bool{"help": true, "let": true, "make": true, "bid": true, "dare": true, "go": true, "come": true}

// contentNouns take a that-clause that states their content ("reports
// that Russia had signed …"), which is not a relative clause: the noun is
// not the object of the clause's verb.
var contentNouns = map[string]bool{
	"report": true, "reports": true, "claim": true, "claims": true, "charge": true, "charges": true,
	"allegation": true, "allegations": true, "accusation": true, "accusations": true, "rumor": true,
	"rumors": true, "rumour": true, "rumours": true, "suggestion": true, "suggestions": true,
	"speculation": true, "assertion": true, "assertions": true, "news": true, "fears": true,
	"assurance": true, "assurances": true, "evidence": true, "indications": true, "belief": true,
}

// tellVerbs take an object and then a that-clause: "told reporters that".
var tellVerbs = map[string]bool{
	"told": true, "tell": true, "tells": true, "telling": true, "informed": true, "inform": true,
	"informs": true, "warned": true, "warn": true, "warns": true, "assured": true, "assure": true,
	"reminded": true, "notified": true, "convinced": true, "persuaded": true, "showed": true, "shows": true,
}

// saidTo reports whether "that" at i follows "VERB to NOUN PHRASE" with a
// verb of saying: "complained to the United Nations that …".
func saidTo(toks []Token, i int) bool {
	for j := i - 1; j > 0 && j >= i-6; j-- {
		if toks[j].Lower == "to" {
			return j > 0 && (tellVerbs[toks[j-1].Lower] || sayTo[toks[j-1].Lower])
		}
		if !(toks[j].Tag.IsNoun() || toks[j].Tag.IsAdj() || toks[j].Tag == DT || toks[j].Tag == POS || toks[j].Tag == CD) {
			return false
		}
	}
	return false
}

var sayTo = map[string]bool{
	"said": true, "complained": true, "complains": true, "explained": true, "announced": true, "wrote": true,
	"reported": true, "declared": true, "indicated": true, "confirmed": true, "admitted": true, "stated": true,
	"signalled": true, "signaled": true, "protested": true, "appealed": true, "pledged": true, "promised": true,
}

// subjectNouns retags a verb form that opens the sentence and stands
// right before a finite verb as the noun it must be ("Witnesses said").
func subjectNouns(toks []Token) {
	for i := 0; i+1 < len(toks); i++ {
		if i > 0 && !prevIsOpener(toks, i) {
			continue
		}
		t := &toks[i]
		if (t.Tag == VBZ || t.Tag == VBP || t.Tag == VB) && (toks[i+1].Tag.IsFinite() || toks[i+1].Tag == VBD) && !isAux(t) {
			if strings.HasSuffix(t.Lower, "s") {
				t.Tag = NNS
			} else {
				t.Tag = NN
			}
		}
	}
}

// nounFixes corrects three mistakes the rules above make in news text:
// the month "May" read as a modal ("the May 17 attack"), a word the
// lexicon does not know guessed a verb inside a noun phrase ("the U.S.
// frigate"), and a noun read as a verb after a capitalized modifier that
// follows an action verb ("bombed Palestinian targets").
func nounFixes(toks []Token) {
	n := len(toks)
	for i := range toks {
		t := &toks[i]
		switch {
		case (t.Lower == "today" || t.Lower == "yesterday" || t.Lower == "tomorrow" || t.Lower == "tonight") && t.Tag == NN && (i+1 >= n || toks[i+1].Tag != POS):
			t.Tag = RB // "complained to the UN today that …": not part of a noun phrase
		case directions[t.Lower] && i > 0 && i+1 < n && toks[i+1].Lower == "of" && (toks[i-1].Tag.IsNoun() || toks[i-1].Tag == CD):
			t.Tag = RB // "posts east of Basra": the noun phrase ends before
		case t.Tag == VBD && candidates(t) == nil && i > 0 && i+1 < n && (toks[i+1].Tag == NN || toks[i+1].Tag == NNS) && (toks[i-1].Tag == NNP || toks[i-1].Tag.IsAdj()) && npBefore(toks, i):
			t.Tag = NN // "seven Kuwaiti speed boats"
		case t.Text == "May" && (i+1 < n && toks[i+1].Tag == CD || i > 0 && (toks[i-1].Tag == DT || toks[i-1].Tag == IN)):
			t.Tag = NNP
		case t.Tag == VB && !t.Cap && candidates(t) == nil && i > 0 && (toks[i-1].Tag == NNP || toks[i-1].Tag == NN || toks[i-1].Tag.IsAdj()):
			j := i - 1
			for j >= 0 && (toks[j].Tag == NNP || toks[j].Tag == NN || toks[j].Tag.IsAdj() || toks[j].Tag == CD) {
				j--
			}
			if j >= 0 && (toks[j].Tag == DT || toks[j].Tag == PRPS || toks[j].Tag == POS) {
				t.Tag = NN
			}
		case t.Tag == VBG && i >= 2 && i+1 < n && (toks[i+1].Tag == NN || toks[i+1].Tag == NNS) && (toks[i-1].Tag.IsAdj() || toks[i-1].Tag == NN) && nounRunAfterDeterminer(toks, i):
			// "an extra trading advantage": a modifier inside the phrase
			t.Tag = NN
		case (t.Tag == VB || t.Tag == VBP) && !isAux(t) && i >= 2 && toks[i-1].Tag == NN && !toks[i-1].Cap && nounRunAfterDeterminer(toks, i):
			// "Tripoli's major air base": a singular noun takes "bases", so
			// a plain form after it continues the noun phrase
			t.Tag = NN
		case (t.Tag == VBZ || t.Tag == VBP || t.Tag == VB) && !isAux(t) && i >= 2 && (toks[i-1].Tag == NNP && toks[i-1].Cap || toks[i-1].Tag == NN):
			j := i - 1
			for j >= 0 && (toks[j].Tag == NNP || toks[j].Tag == NN || toks[j].Tag.IsAdj() || toks[j].Tag == CD || toks[j].Tag == DT) {
				j--
			}
			if j >= 0 && (toks[j].Tag == VBD || toks[j].Tag == VBZ || toks[j].Tag == VBP) && !isAux(&toks[j]) && !speechVerbs[VerbLemma(toks[j].Lower)] ||
				j >= 0 && j < i-2 && toks[i-1].Tag == NN && objectPreps[toks[j].Lower] {
				// "bombed Palestinian targets", "sanctions against Japanese
				// semiconductor exports": the phrase after a verb or a
				// preposition goes on
				if strings.HasSuffix(t.Lower, "s") {
					t.Tag = NNS
				} else {
					t.Tag = NN
				}
			}
		}
	}
}

// objectPreps are prepositions that only open a noun phrase, never a
// clause ("against Japanese semiconductor exports").
var objectPreps = map[string]bool{
	"against": true, "of": true, "on": true, "with": true, "to": true,
	"from": true, "about": true, "over": true, "into": true, "toward": true,
	"towards": true, "between": true, "among": true,
}

// nounRunAfterDeterminer reports whether the tokens before i are nouns,
// adjectives and numbers opened by a determiner, possessive or possessive
// pronoun ("the …", "Tripoli's …", "its …").
func nounRunAfterDeterminer(toks []Token, i int) bool {
	j := i - 1
	for j >= 0 && (toks[j].Tag == NN || toks[j].Tag.IsAdj() || toks[j].Tag == CD) {
		j--
	}
	return j >= 0 && (toks[j].Tag == DT || toks[j].Tag == PRPS || toks[j].Tag == POS)
}

// npBefore reports whether the tokens before i, back to a number, can all
// stand in a noun phrase ("seven Kuwaiti speed boats").
func npBefore(toks []Token, i int) bool {
	j := i - 1
	for j >= 0 && (toks[j].Tag == NNP || toks[j].Tag == NN || toks[j].Tag.IsAdj()) {
		j--
	}
	return j >= 0 && toks[j].Tag == CD
}

var directions = map[string]bool{
	"east": true, "west": true, "north": true, "south": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "north-east": true, "north-west": true, "south-east": true, "south-west": true,
}

func prevLower(toks []Token, i int) string {
	for j := i - 1; j >= 0; j-- {
		if toks[j].Tag.IsAdv() {
			continue
		}
		return toks[j].Lower
	}
	return ""
}

func finiteFor(e *entry, w string) Tag {
	switch {
	case e.has(VBZ) && strings.HasSuffix(w, "s"):
		return VBZ
	case e.has(VBD):
		return VBD
	case e.has(VBP):
		return VBP
	case e.has(VB):
		return VBP
	}
	return e.tags[0]
}

// isTitleCase reports whether the sentence is a headline in title case,
// where capitals say nothing about names.
func isTitleCase(toks []Token) bool {
	words, caps := 0, 0
	for i := range toks {
		t := &toks[i]
		if len(t.Text) < 3 || !isWordByte(t.Text, 0) || t.Text[0] >= '0' && t.Text[0] <= '9' {
			continue
		}
		words++
		if t.Cap {
			caps++
		}
	}
	return words >= 3 && caps*10 >= words*8
}

func subordinatorWord(l string) bool {
	switch l {
	case "that", "while", "although", "though", "because", "if", "unless", "whereas", "when", "as", "since", "after", "before", "until", "once", "whether":
		return true
	}
	return false
}

// Known reports whether the lexicon knows w (lower case) as a word, so that
// typo tolerance leaves real words alone.
func Known(w string) bool { return lexicon[w] != nil }
