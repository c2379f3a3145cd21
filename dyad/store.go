package dyad

import (
	"context"
	"time"
)

// An ActorSelector picks actors for a filter. Each non-empty field must
// match: Country the actor's country ("RUS"), Code its full code ("RUSGOV"),
// Entity its dictionary entity ("taliban").
type ActorSelector struct {
	Country string
	Code    ActorCode
	Entity  string
}

// IsZero reports whether s selects every actor.
func (s ActorSelector) IsZero() bool { return s == ActorSelector{} }

// Matches reports whether a is selected.
func (s ActorSelector) Matches(a Actor) bool {
	return (s.Country == "" || s.Country == a.Country) &&
		(s.Code == "" || s.Code == a.Code) &&
		(s.Entity == "" || s.Entity == a.Entity)
}

// EventFilter selects events. Zero fields select everything.
type EventFilter struct {
	Actor  ActorSelector    // either side
	Source ActorSelector    // the source side
	Target ActorSelector    // the target side
	Dyad   [2]ActorSelector // the pair, in either direction; both or neither set

	Code       string // CAMEO prefix: "05", "057"
	Plover     string
	Since      Date // events on or after the first day of Since
	Until      Date // events on or before the last day of Until
	Certainty  []Certainty
	MinSources int
	Text       string // full-text query over the evidence of mentions

	Limit int // 0 means no limit
	// WithMentions asks for each event's mentions too.
	WithMentions bool
	// After is a cursor: when set, only events that sort after it are
	// returned (events sort by date, newest first, then by ID).
	After string
}

// Validate returns EINVALID when f cannot select anything sensible.
func (f EventFilter) Validate() error {
	if f.Since.Known() && f.Until.Known() && f.Since.First().After(f.Until.Last()) {
		return Errorf(EINVALID, "--since %s is after --until %s", f.Since, f.Until)
	}
	if f.Limit < 0 || f.MinSources < 0 {
		return Errorf(EINVALID, "limit and min-sources must not be negative")
	}
	if f.Dyad[0].IsZero() != f.Dyad[1].IsZero() {
		return Errorf(EINVALID, "a dyad needs two actors")
	}
	return nil
}

// WriteResult tells what a Write stored.
type WriteResult struct {
	New            []DocumentID // documents stored by this write
	Duplicates     int          // documents already stored (same normalized text)
	NearDuplicates int          // new documents linked to an existing story
	Mentions       int          // mentions stored
	Events         int          // events created or updated
}

// A Writer stores coded documents. Write stores, in one transaction, each
// document of docs that is not stored yet, with its sentences, its source
// list and its mentions (mentions[doc.ID]); it links each new document to
// its near-duplicate story and resolves, with r (nil leaves them
// unresolved), every bucket that the new
// mentions touch. Documents already stored are counted, not changed. A
// Write either stores everything or nothing, so a crash leaves the store as
// it was before the call. Writers are safe for concurrent use.
type Writer interface {
	Write(ctx context.Context, docs []*Document, mentions map[DocumentID][]*Mention, r Resolver) (WriteResult, error)
	// HasDocuments returns which of ids are stored, so that a pipeline can
	// skip coding what it has seen.
	HasDocuments(ctx context.Context, ids []DocumentID) (map[DocumentID]bool, error)
}

// CountCap is how far a store must count the matches of a filter: past it,
// FindEvents may return CountCap+1, meaning "more than CountCap", since
// counting every event of a busy dyad in a store of millions costs more
// than finding the page itself.
const CountCap = 10_000

// An EventReader finds events. FindEvents returns the events matching f,
// newest first, with their mentions' summaries but not the mentions
// themselves (unless f.WithMentions), and the number of matches ignoring
// f.Limit and f.After, counted at least up to CountCap; it
// returns EINVALID for a bad filter. FindEvent returns one event with every
// mention and conflict, or ENOTFOUND.
type EventReader interface {
	FindEvents(ctx context.Context, f EventFilter) ([]*Event, int, error)
	FindEvent(ctx context.Context, id EventID) (*Event, error)
}

// A DocumentReader reads documents. FindDocument returns a document with its
// sentences and sources, or ENOTFOUND; DocumentMentions its mentions.
type DocumentReader interface {
	FindDocument(ctx context.Context, id DocumentID) (*Document, error)
	DocumentMentions(ctx context.Context, id DocumentID) ([]*Mention, error)
	// StoryDocuments returns the documents of a story, oldest first,
	// without their sentences.
	StoryDocuments(ctx context.Context, story DocumentID) ([]*Document, error)
	Stats(ctx context.Context) (Stats, error)
}

// Stats is what a store holds.
type Stats struct {
	Documents int   `json:"documents"`
	Stories   int   `json:"stories"`
	Sentences int   `json:"sentences"`
	Mentions  int   `json:"mentions"`
	Events    int   `json:"events"`
	Actors    int   `json:"actors"`
	Bytes     int64 `json:"bytes"`
	// Oldest and Newest are the range of publication dates.
	Oldest time.Time `json:"oldest,omitzero"`
	Newest time.Time `json:"newest,omitzero"`
}

// A Store is everything dyad keeps. Close releases it.
type Store interface {
	Writer
	EventReader
	DocumentReader
	Close() error
}
