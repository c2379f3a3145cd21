package syntax

// A Tag is a part-of-speech tag, a Penn Treebank tag or one of a few
// punctuation classes. Tags are small integers so that tagging and chunking
// compare them without touching strings.
type Tag uint8

// The tags. Their String values are the Penn Treebank names.
const (
	NONE Tag = iota
	NN
	NNS
	NNP
	NNPS
	VB
	VBD
	VBG
	VBN
	VBP
	VBZ
	MD
	JJ
	JJR
	JJS
	RB
	RBR
	RBS
	IN
	DT
	PDT
	CC
	CD
	PRP
	PRPS // PRP$
	POS
	TO
	WDT
	WP
	WPS // WP$
	WRB
	EX
	RP
	UH
	SYM   // symbols, citation markers, URLs
	PUNCT // . ! ? …
	COMMA // ,
	COLON // ; : — –
	QUOTE // " “ ” ‘ ’ '
	LRB   // ( [
	RRB   // ) ]
	numTags
)

var tagNames = [numTags]string{
	NONE: "NONE", NN: "NN", NNS: "NNS", NNP: "NNP", NNPS: "NNPS", VB: "VB", VBD: "VBD", VBG: "VBG",
	VBN: "VBN", VBP: "VBP", VBZ: "VBZ", MD: "MD", JJ: "JJ", JJR: "JJR", JJS: "JJS", RB: "RB",
	RBR: "RBR", RBS: "RBS", IN: "IN", DT: "DT", PDT: "PDT", CC: "CC", CD: "CD", PRP: "PRP",
	PRPS: "PRP$", POS: "POS", TO: "TO", WDT: "WDT", WP: "WP", WPS: "WP$", WRB: "WRB", EX: "EX",
	RP: "RP", UH: "UH", SYM: "SYM", PUNCT: ".", COMMA: ",", COLON: ":", QUOTE: "``", LRB: "(", RRB: ")",
}

// String returns the Penn Treebank name of t.
func (t Tag) String() string {
	if t < numTags {
		return tagNames[t]
	}
	return "?"
}

// ParseTag returns the tag named s, and false for an unknown name.
func ParseTag(s string) (Tag, bool) {
	for i, n := range tagNames {
		if n == s {
			return Tag(i), true
		}
	}
	return NONE, false
}

// IsNoun reports whether t is a common or proper noun.
func (t Tag) IsNoun() bool { return t >= NN && t <= NNPS }

// IsVerb reports whether t is a verb form (not a modal).
func (t Tag) IsVerb() bool { return t >= VB && t <= VBZ }

// IsAdj reports whether t is an adjective.
func (t Tag) IsAdj() bool { return t >= JJ && t <= JJS }

// IsAdv reports whether t is an adverb.
func (t Tag) IsAdv() bool { return t >= RB && t <= RBS }

// IsFinite reports whether t is a finite verb or modal, one that can head a
// clause.
func (t Tag) IsFinite() bool { return t == VBD || t == VBP || t == VBZ || t == MD }

// IsPunct reports whether t is punctuation.
func (t Tag) IsPunct() bool { return t >= PUNCT && t <= RRB }
