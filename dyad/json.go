package dyad

import (
	"encoding/json"
	"strings"
	"time"
)

// The wire shapes of SPEC.md's "Event JSON". Fields may be added to them;
// none may be renamed.

type eventJSON struct {
	ID            EventID       `json:"id"`
	Date          string        `json:"date"`
	DateEnd       string        `json:"date_end,omitempty"`
	DatePrecision Precision     `json:"date_precision"`
	Source        Actor         `json:"source"`
	Target        Actor         `json:"target"`
	Cameo         EventCode     `json:"cameo"`
	Root          string        `json:"root"`
	Plover        string        `json:"plover"`
	QuadClass     int           `json:"quad_class"`
	Goldstein     float64       `json:"goldstein"`
	Certainty     Certainty     `json:"certainty"`
	AttributedTo  *Attribution  `json:"attributed_to,omitempty"`
	Location      *Place        `json:"location"`
	NumMentions   int           `json:"num_mentions"`
	NumDocuments  int           `json:"num_documents"`
	NumSources    int           `json:"num_sources"`
	Mentions      []mentionJSON `json:"mentions"`
	Conflicts     []Conflict    `json:"conflicts"`
}

type mentionJSON struct {
	ID            MentionID    `json:"id"`
	Doc           DocumentID   `json:"doc"`
	Outlet        string       `json:"outlet"`
	URL           string       `json:"url"`
	Published     string       `json:"published,omitempty"`
	Sentence      int          `json:"sentence"`
	Start         int          `json:"start"`
	End           int          `json:"end"`
	Text          string       `json:"text"`
	Certainty     Certainty    `json:"certainty"`
	AttributedTo  *Attribution `json:"attributed_to,omitempty"`
	Date          string       `json:"date"`
	DateEnd       string       `json:"date_end,omitempty"`
	DatePrecision Precision    `json:"date_precision"`
	Citations     []int        `json:"citations,omitempty"`
	Verb          string       `json:"verb,omitempty"`
	Source        *Actor       `json:"source,omitempty"`
	Target        *Actor       `json:"target,omitempty"`
	Cameo         EventCode    `json:"cameo,omitempty"`
}

func dateFields(d Date) (start, end string, p Precision) {
	if !d.Known() {
		return "", "", PrecisionUnknown
	}
	if d.Precision == PrecisionRange {
		return d.Start.Format("2006-01-02"), d.End.Format("2006-01-02"), PrecisionRange
	}
	return d.String(), "", d.Precision
}

func mentionWire(m *Mention, withCoding bool) mentionJSON {
	ds, de, dp := dateFields(m.Date)
	w := mentionJSON{ID: m.ID, Doc: m.Doc, Outlet: m.Outlet, URL: m.URL, Sentence: m.Sentence,
		Start: m.Span.Start, End: m.Span.End, Text: m.Text, Certainty: m.Certainty, AttributedTo: m.AttributedTo,
		Date: ds, DateEnd: de, DatePrecision: dp, Citations: m.Citations, Verb: m.Verb}
	if !m.Published.IsZero() {
		w.Published = m.Published.UTC().Format(time.RFC3339)
	}
	if withCoding {
		src, tgt := m.Source, m.Target
		w.Source, w.Target, w.Cameo = &src, &tgt, m.Code
	}
	return w
}

// MarshalJSON writes an event in SPEC's shape.
func (e *Event) MarshalJSON() ([]byte, error) {
	ds, de, dp := dateFields(e.Date)
	w := eventJSON{ID: e.ID, Date: ds, DateEnd: de, DatePrecision: dp, Source: e.Source, Target: e.Target,
		Cameo: e.Code, Root: e.Code.Root(), Plover: e.Plover, QuadClass: e.QuadClass, Goldstein: e.Goldstein,
		Certainty: e.Certainty, Location: e.Location, NumMentions: e.NumMentions, NumDocuments: e.NumDocuments,
		NumSources: e.NumSources, Mentions: []mentionJSON{}, Conflicts: e.Conflicts}
	if len(e.Mentions) == 1 {
		w.AttributedTo = e.Mentions[0].AttributedTo
	}
	if w.Conflicts == nil {
		w.Conflicts = []Conflict{}
	}
	for _, m := range e.Mentions {
		// A mention coded differently from its event says so.
		w.Mentions = append(w.Mentions, mentionWire(m, m.Code != e.Code || m.Source.Code != e.Source.Code || m.Target.Code != e.Target.Code))
	}
	return json.Marshal(w)
}

// MentionEvent returns the single-mention event that `dyad code` prints for
// a mention: SPEC's event shape with one mention.
func MentionEvent(m *Mention) *Event {
	id := m.Event
	if id == "" {
		id = EventID("ev_" + strings.TrimPrefix(string(m.ID), "mn_"))
	}
	return &Event{ID: id, Date: m.Date, Source: m.Source, Target: m.Target, Code: m.Code, Plover: m.Plover,
		QuadClass: m.QuadClass, Goldstein: m.Goldstein, Certainty: m.Certainty, Location: m.Location,
		NumMentions: 1, NumDocuments: 1, NumSources: 1, Mentions: []*Mention{m}}
}
