package syntax

import "sync"

// A Phrase is a noun phrase: tokens [Start, End) of the sentence.
type Phrase struct {
	Start, End int
	// Head is the index of the head noun (the last noun of the phrase).
	Head int
	// Possessor is the index of the possessive marker ("’s") inside the
	// phrase, or -1: in "Russia’s Supreme Court" the tokens before it name
	// the possessor and the tokens after it the possessed.
	Possessor int
	// Conj is the index of the next phrase coordinated with this one
	// ("Russia and the Taliban"), or -1.
	Conj int
	// ConjOf is the index of the first phrase of the coordination this one
	// belongs to, or -1 when it is the first or stands alone.
	ConjOf int
	// AppositiveOf is the index of the phrase this one renames ("Sergei
	// Shoigu, Russia’s Security Council secretary"), or -1.
	AppositiveOf int
	// Prep is the index of the preposition that governs this phrase, or -1.
	Prep int
	// Clause is the index of the clause the phrase is in.
	Clause int
}

// Tense is the time a verb group places its action in.
type Tense uint8

// The tenses a verb group can have.
const (
	Present Tense = iota
	Past
	Future
	Nonfinite // infinitives, gerunds and participles
)

// A VerbGroup is a verb with its auxiliaries, modals, adverbs and negation:
// "has already recognized", "was signed", "did not accede", "to sign".
type VerbGroup struct {
	Start, End int // tokens [Start, End)
	Head       int // the main verb
	Lemma      string
	// Modal is the modal verb in lower case ("could", "will"), or "".
	Modal       string
	Negated     bool
	Passive     bool
	Perfect     bool
	Progressive bool
	Infinitive  bool // "to sign"
	Gerund      bool // a bare -ing form heading a phrase: "arming forces"
	Copula      bool // the main verb is a form of "be"
	// Reduced is true for a participle that modifies the noun before it
	// ("the Gaza Strip, occupied by Egypt"); that noun is its subject.
	Reduced bool
	Tense   Tense
	// Particle is the index of a verb particle ("pull out"), or -1.
	Particle int
	// Governor is the verb group whose complement this one is ("began
	// traveling", "plans to sign"), or -1.
	Governor int
	// Subjects are the noun phrases that do the verb (the grammatical
	// subject and those coordinated with it); for a passive, the patient.
	Subjects []int
	// SubjectInherited is true when the subject comes from a governing verb
	// or a coordinated clause rather than the verb's own clause.
	SubjectInherited bool
	// Objects are the direct objects, coordinated ones included.
	Objects []int
	// Agent is the phrase of a passive's "by" phrase, or -1.
	Agent int
	// PPs are the prepositional phrases that follow the verb in its clause.
	PPs []PP
	// Clause is the index of the verb's clause.
	Clause int
}

// A PP is a preposition with its noun phrase.
type PP struct {
	Prep   int // token index of the preposition
	Phrase int // index of the noun phrase
}

// ClauseKind tells how a clause hangs on the sentence.
type ClauseKind uint8

// The kinds of clause.
const (
	MainClause       ClauseKind = iota
	Subordinate                 // "while details remain secret", "if it leads to"
	Relative                    // "that Washington abandoned", "who ..."
	Complement                  // "(say) the document was signed"
	Participial                 // ", underscoring that …"
	CoordinateClause            // ", but recent analysis shows …"
)

// A Clause is a stretch of tokens with at most one finite verb of its own.
type Clause struct {
	Start, End int
	Kind       ClauseKind
	// Marker is the token index of the word that opens it ("while", "if",
	// "that", "but"), or -1.
	Marker int
	// Parent is the clause it hangs on, or -1 for the first main clause.
	Parent int
	// Antecedent is the phrase a relative clause modifies, or -1.
	Antecedent int
}

// A Sentence is the shallow analysis of one sentence's text.
type Sentence struct {
	Text    string
	Tokens  []Token
	Phrases []Phrase
	Verbs   []VerbGroup
	Clauses []Clause
	// PhraseAt maps a token index to the noun phrase that holds it, or -1.
	PhraseAt []int
	// VerbAt maps a token index to the verb group that holds it, or -1.
	VerbAt []int
}

// An Analyzer analyzes sentences, reusing its buffers between calls. It is
// not safe for concurrent use; Analyze (the function) pools analyzers.
type Analyzer struct {
	s Sentence
}

var pool = sync.Pool{New: func() any { return new(Analyzer) }}

// Analyze returns the analysis of one sentence. The result is the caller's
// to keep.
func Analyze(text string) *Sentence {
	a := pool.Get().(*Analyzer)
	s := a.Analyze(text)
	out := clone(s)
	pool.Put(a)
	return out
}

func clone(s *Sentence) *Sentence {
	c := &Sentence{Text: s.Text}
	c.Tokens = append([]Token(nil), s.Tokens...)
	c.Phrases = append([]Phrase(nil), s.Phrases...)
	c.Clauses = append([]Clause(nil), s.Clauses...)
	c.PhraseAt = append([]int(nil), s.PhraseAt...)
	c.VerbAt = append([]int(nil), s.VerbAt...)
	c.Verbs = make([]VerbGroup, len(s.Verbs))
	for i, v := range s.Verbs {
		v.Subjects = append([]int(nil), v.Subjects...)
		v.Objects = append([]int(nil), v.Objects...)
		v.PPs = append([]PP(nil), v.PPs...)
		c.Verbs[i] = v
	}
	return c
}

// Analyze tokenizes, tags and chunks text and finds its verb groups,
// clauses, subjects, objects and prepositional phrases. The result and
// everything in it is valid until the next call on a.
func (a *Analyzer) Analyze(text string) *Sentence {
	s := &a.s
	s.Text = text
	s.Tokens = Tokenize(s.Tokens[:0], text)
	tagTokens(s.Tokens)
	s.Phrases = s.Phrases[:0]
	for i := range s.Verbs {
		s.Verbs[i].Subjects = s.Verbs[i].Subjects[:0]
		s.Verbs[i].Objects = s.Verbs[i].Objects[:0]
		s.Verbs[i].PPs = s.Verbs[i].PPs[:0]
	}
	s.Verbs = s.Verbs[:0]
	s.Clauses = s.Clauses[:0]
	n := len(s.Tokens)
	s.PhraseAt = fill(s.PhraseAt, n)
	s.VerbAt = fill(s.VerbAt, n)
	chunkPhrases(s)
	chunkVerbs(s)
	findClauses(s)
	linkPhrases(s)
	relate(s)
	frontedParticiple(s)
	shareObjects(s)
	return s
}

// AnalyzeTokens analyzes a sentence whose tokens another tokenizer found;
// only each token's Text and Span are read.
func (a *Analyzer) AnalyzeTokens(text string, toks []Token) *Sentence {
	s := &a.s
	s.Text = text
	s.Tokens = s.Tokens[:0]
	for _, t := range toks {
		s.Tokens = append(s.Tokens, Token{Text: t.Text, Lower: lower(t.Text), Span: t.Span, Cap: t.Text != "" && isUpperStart(t.Text)})
	}
	tagTokens(s.Tokens)
	s.Phrases = s.Phrases[:0]
	s.Verbs = s.Verbs[:0]
	s.Clauses = s.Clauses[:0]
	s.PhraseAt = fill(s.PhraseAt, len(s.Tokens))
	s.VerbAt = fill(s.VerbAt, len(s.Tokens))
	chunkPhrases(s)
	chunkVerbs(s)
	findClauses(s)
	linkPhrases(s)
	relate(s)
	frontedParticiple(s)
	shareObjects(s)
	return s
}

func fill(b []int, n int) []int {
	if cap(b) < n {
		b = make([]int, n)
	}
	b = b[:n]
	for i := range b {
		b[i] = -1
	}
	return b
}
