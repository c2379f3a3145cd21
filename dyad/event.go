package dyad

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"
)

// EventCode is a CAMEO event code: a two-digit root ("05"), a three-digit
// code ("057") or a four-digit code ("0571"). Codes are strings; the leading
// zero matters.
type EventCode string

// Root returns the two-digit root of c.
func (c EventCode) Root() string {
	if len(c) < 2 {
		return string(c)
	}
	return string(c[:2])
}

// Refines reports whether c is d or a more specific code under d, e.g.
// "0571" refines "057" and "05".
func (c EventCode) Refines(d EventCode) bool {
	return len(c) >= len(d) && c[:len(d)] == d
}

// Certainty says how sure a document's wording is of an event.
type Certainty string

// The certainties, from the strongest to the weakest claim that the event
// happened. See SPEC.md, "Certainty".
const (
	Asserted Certainty = "asserted" // told as fact by the document
	Reported Certainty = "reported" // attributed to someone else
	Future   Certainty = "future"   // announced or planned, not yet done
	Hedged   Certainty = "hedged"   // possible, probable, conditional
	Negated  Certainty = "negated"  // said not to have happened
)

// Certainties lists every certainty, strongest first.
var Certainties = []Certainty{Asserted, Reported, Future, Hedged, Negated}

// Strength orders certainties: higher is a stronger claim that the event
// happened; an unknown value is 0.
func (c Certainty) Strength() int {
	switch c {
	case Asserted:
		return 5
	case Reported:
		return 4
	case Future:
		return 3
	case Hedged:
		return 2
	case Negated:
		return 1
	}
	return 0
}

// ParseCertainty checks that s names a certainty.
func ParseCertainty(s string) (Certainty, error) {
	c := Certainty(s)
	if c.Strength() == 0 {
		return "", Errorf(EINVALID, "certainty %q: want one of asserted, reported, future, hedged, negated", s)
	}
	return c, nil
}

// MentionID identifies an event mention; it is derived from the document,
// the span and the coding, so coding a document again yields the same IDs.
type MentionID string

// EventID identifies an event. It is derived from the event's earliest
// mention (see resolve), so it does not depend on the order of ingest.
type EventID string

// An Attribution is who a document says an event mention comes from.
type Attribution struct {
	Text string    `json:"text"`           // the words: "Reporters", "according to Interfax"
	Code ActorCode `json:"code,omitempty"` // the actor it resolves to, if any
}

// A Mention is one sentence's claim that Source did an action to Target.
// Span and Text are the evidence: byte offsets into the document's text and
// the words they cover.
type Mention struct {
	ID       MentionID
	Doc      DocumentID
	Sentence int
	Span     Span
	Text     string

	Source, Target Actor
	Code           EventCode
	Plover         string
	QuadClass      int
	Goldstein      float64
	// Verb is the words that carried the action ("signed", "drills").
	Verb string

	Certainty    Certainty
	AttributedTo *Attribution
	Date         Date
	Location     *Place
	// Citations are the document's own source numbers cited by the sentence.
	Citations []int
	// CitedKeys identify the sources that the sentence cites (their
	// normalized URLs, or titles when they have none), so that resolution
	// can count a document that only repeats another's source once.
	CitedKeys []string

	// Document facts, copied for display and for counting sources.
	Published time.Time
	Outlet    string
	URL       string
	Story     DocumentID

	// Event is the event the mention was resolved into, when stored.
	Event EventID
}

// NewMentionID derives a mention's ID from what makes it distinct.
func NewMentionID(doc DocumentID, span Span, code EventCode, source, target ActorCode) MentionID {
	h := sha256.New()
	fmt.Fprintf(h, "%s|%d|%d|%s|%s|%s", doc, span.Start, span.End, code, source, target)
	return MentionID("mn_" + hex.EncodeToString(h.Sum(nil)[:12]))
}

// An Event is the real-world happening behind one or more mentions. Counts
// and certainty summarize its mentions; Conflicts lists where independent
// sources disagree with the values the event keeps.
type Event struct {
	ID             EventID
	Date           Date
	Source, Target Actor
	Code           EventCode
	Plover         string
	QuadClass      int
	Goldstein      float64
	Certainty      Certainty
	Location       *Place

	NumMentions  int
	NumDocuments int
	NumSources   int

	Mentions  []*Mention
	Conflicts []Conflict
}

// A Conflict is a field on which independent sources disagree: each value
// with the number of independent sources that give it, best-backed first.
type Conflict struct {
	Field  string          `json:"field"`
	Values []ConflictValue `json:"values"`
}

// A ConflictValue is one of the values in a Conflict.
type ConflictValue struct {
	Value   string `json:"value"`
	Sources int    `json:"sources"`
}
