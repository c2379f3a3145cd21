package dyad

import (
	"context"
	"math"
	"strconv"
	"strings"
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
	// Sort is the order of the listing; "" is SortDate, newest first.
	Sort EventSort
	// After is a cursor made by Sort.Cursor: when set, only events that
	// sort after it in the order Sort are returned.
	After string
}

// An EventSort is the order of an event listing, so that a reader can page
// through the most sourced or the most violent events rather than only the
// newest. Every order is total: the key, then the event ID in the key's
// direction, so a cursor continues a listing with no event lost or repeated.
type EventSort string

// The orders of a listing.
const (
	// SortDate lists newest first (by the first day of the date), undated
	// events last; it is the default, and "" means it too.
	SortDate EventSort = "date"
	// SortDateAsc is the exact reverse of SortDate: oldest first, undated
	// events first.
	SortDateAsc EventSort = "-date"
	// SortSources lists the events with the most independent sources first.
	SortSources EventSort = "sources"
	// SortGoldstein lists the most conflictual events (lowest Goldstein
	// score) first.
	SortGoldstein EventSort = "goldstein"
	// SortGoldsteinDesc lists the most cooperative events (highest
	// Goldstein score) first.
	SortGoldsteinDesc EventSort = "-goldstein"
)

// EventSorts are the valid orders, the default first, as the command line
// and the API list them in messages.
var EventSorts = []EventSort{SortDate, SortDateAsc, SortSources, SortGoldstein, SortGoldsteinDesc}

// ParseEventSort reads an order by its name; "" is SortDate. An unknown
// name is EINVALID.
func ParseEventSort(s string) (EventSort, error) {
	if s == "" {
		return SortDate, nil
	}
	for _, o := range EventSorts {
		if string(o) == s {
			return o, nil
		}
	}
	return "", Errorf(EINVALID, "unknown sort order %q", s)
}

// Or returns s, or SortDate when s is empty, so that callers need not
// treat the zero filter apart.
func (s EventSort) Or() EventSort {
	if s == "" {
		return SortDate
	}
	return s
}

// Descending reports whether s runs from the highest key down (and the IDs
// of equal keys with it); the cursor condition is then "key < last".
func (s EventSort) Descending() bool {
	switch s.Or() {
	case SortDateAsc, SortGoldstein:
		return false
	}
	return true
}

// Key returns e's sort key in order s as a cursor carries it: the first
// day of the date ("" when unknown), the number of sources, or the
// Goldstein score in the shortest form that reads back exactly.
func (s EventSort) Key(e *Event) string {
	switch s.Or() {
	case SortSources:
		return strconv.Itoa(e.NumSources)
	case SortGoldstein, SortGoldsteinDesc:
		return strconv.FormatFloat(e.Goldstein, 'g', -1, 64)
	}
	if f := e.Date.First(); !f.IsZero() {
		return f.Format("2006-01-02")
	}
	return ""
}

// Cursor returns the cursor that continues a listing in order s after e:
// "key|id" for SortDate (the form that listings had before they could be
// sorted, so that old cursors keep working) and "order:key|id" for the
// others, so that a cursor cannot silently continue another order.
func (s EventSort) Cursor(e *Event) string {
	c := s.Key(e) + "|" + string(e.ID)
	if s.Or() != SortDate {
		c = string(s) + ":" + c
	}
	return c
}

// ParseCursor splits a cursor made by Cursor for order s into the sort key
// and the event ID. It returns EINVALID when c is malformed, carries a key
// that is not of this order's kind, or was made for another order.
func (s EventSort) ParseCursor(c string) (key string, id EventID, err error) {
	s = s.Or()
	bad := func() (string, EventID, error) {
		return "", "", Errorf(EINVALID, "bad cursor %q for sort order %s", c, s)
	}
	rest := c
	if s != SortDate {
		var ok bool
		if rest, ok = strings.CutPrefix(c, string(s)+":"); !ok {
			return bad()
		}
	}
	key, i, ok := strings.Cut(rest, "|")
	if !ok || i == "" {
		return bad()
	}
	switch s {
	case SortSources:
		if n, err := strconv.Atoi(key); err != nil || n < 0 {
			return bad()
		}
	case SortGoldstein, SortGoldsteinDesc:
		if g, err := strconv.ParseFloat(key, 64); err != nil || math.IsNaN(g) || math.IsInf(g, 0) {
			return bad()
		}
	default:
		if key != "" {
			if _, err := time.Parse("2006-01-02", key); err != nil {
				return bad()
			}
		}
	}
	return key, EventID(i), nil
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
	if _, err := ParseEventSort(string(f.Sort)); err != nil {
		return err
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
// in the order f.Sort (newest first by default), with their mentions' summaries but not the mentions
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
