package dyad

import "context"

// A Splitter cuts a document's text into sentences. Split returns the
// sentences in order, with spans into text that do not overlap; it never
// fails, and returns nil for text with no sentences.
type Splitter interface {
	Split(text string) []Sentence
}

// A Coder turns a document into the event mentions it contains. Code returns
// an empty slice, not an error, when there is nothing to code. It must not
// modify or retain doc, and must be safe for concurrent use.
type Coder interface {
	Code(ctx context.Context, doc *Document) ([]*Mention, error)
}

// A Resolver clusters the mentions of one bucket (one unordered actor pair
// and CAMEO root) into events. Resolve must depend only on the set of
// mentions it is given, not on their order, so that events do not depend on
// the order in which documents arrive. It must not modify the mentions
// except to set their Event field.
type Resolver interface {
	Resolve(bucket []*Mention) []*Event
}

// BucketKey returns the resolution bucket of a mention: its CAMEO root and
// its two actors' entities in sorted order, so that either direction of a
// dyad lands in the same bucket.
func BucketKey(m *Mention) string {
	a, b := ActorKey(m.Source), ActorKey(m.Target)
	if b < a {
		a, b = b, a
	}
	return m.Code.Root() + "|" + a + "|" + b
}

// ActorKey returns what identifies an actor's side for resolution: its
// country (or organization), so that a state's government, its officials
// and its capital's metonym meet in one bucket, and the Taliban meet the
// Afghan government once they are it. Rebel and opposition roles keep their
// role, since before taking power they are a side of their own.
func ActorKey(a Actor) string {
	switch a.Role {
	case "REB", "INS", "OPP", "SEP":
		return a.Country + a.Role
	}
	if a.Country == "" {
		return a.Entity
	}
	return a.Country
}
