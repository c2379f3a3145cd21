package dyad

// A Span is a half-open range [Start, End) of byte offsets into a text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes in s.
func (s Span) Len() int { return s.End - s.Start }

// SentenceKind tells where a sentence stands in the document's layout, since
// headlines, list items and embedded posts are read differently from prose.
type SentenceKind string

// The kinds of sentence the splitter tells apart.
const (
	KindBody     SentenceKind = "body"
	KindHeadline SentenceKind = "headline" // a title or section heading
	KindBullet   SentenceKind = "bullet"   // an item of a bulleted list
	KindSocial   SentenceKind = "social"   // an embedded social-media post or its byline
	KindSources  SentenceKind = "sources"  // part of the trailing source list
	KindDateline SentenceKind = "dateline" // a wire dateline: "MOSCOW, May 27 (Reuters) -"
)

// A Sentence is one sentence of a document. Its Span indexes Document.Text;
// Text is the same bytes, kept for convenience. Citations are the source
// numbers of the markers ([1][2]) that close or stand inside the sentence;
// the markers themselves stay in Text.
type Sentence struct {
	Index     int
	Span      Span
	Text      string
	Kind      SentenceKind
	Citations []int
}
