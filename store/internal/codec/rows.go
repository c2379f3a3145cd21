package codec

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/dyad-project/dyad/dyad"
)

// The stores keep mentions and events in flat rows of the same columns;
// only the types of their date columns differ by engine. MentionRow and
// EventRow hold what needs converting from such a row, and give the scan
// destinations of the columns both engines share, in the order of the
// stores' column lists, so that the order is written down once.

// actorDest returns the destinations of an actor's six columns:
// code, country, role, name, text, entity.
func actorDest(a *dyad.Actor) []any {
	return []any{&a.Code, &a.Country, &a.Role, &a.Name, &a.Text, &a.Entity}
}

func placeDest(p *dyad.Place) []any {
	return []any{&p.Name, &p.Country, &p.Lat, &p.Lon, &p.Kind}
}

// MentionRow is a mention row's columns that need converting.
type MentionRow struct {
	doc, code, certainty, attrText, attrCode string
	citations, citedKeys, event, story       string
	location                                 dyad.Place
}

// Head returns the destinations of the columns before the dates: id, doc,
// sentence, start, end, text, the source's and target's six columns each,
// code, plover, quad_class, goldstein, verb, certainty, attr_text,
// attr_code.
func (r *MentionRow) Head(m *dyad.Mention) []any {
	d := []any{&m.ID, &r.doc, &m.Sentence, &m.Span.Start, &m.Span.End, &m.Text}
	d = append(d, actorDest(&m.Source)...)
	d = append(d, actorDest(&m.Target)...)
	return append(d, &r.code, &m.Plover, &m.QuadClass, &m.Goldstein, &m.Verb, &r.certainty, &r.attrText, &r.attrCode)
}

// Tail returns the destinations of the columns between the dates and the
// document's publication: the place's five, citations, cited_keys, event,
// and the document's outlet and url.
func (r *MentionRow) Tail(m *dyad.Mention) []any {
	d := placeDest(&r.location)
	return append(d, &r.citations, &r.citedKeys, &r.event, &m.Outlet, &m.URL)
}

// Story returns the destination of the last column, the document's story.
func (r *MentionRow) Story() any { return &r.story }

// Finish converts the row's columns into m.
func (r *MentionRow) Finish(m *dyad.Mention) {
	m.Doc, m.Code, m.Certainty = dyad.DocumentID(r.doc), dyad.EventCode(r.code), dyad.Certainty(r.certainty)
	m.Event, m.Story = dyad.EventID(r.event), dyad.DocumentID(r.story)
	if r.attrText != "" || r.attrCode != "" {
		m.AttributedTo = &dyad.Attribution{Text: r.attrText, Code: dyad.ActorCode(r.attrCode)}
	}
	if r.location.Name != "" {
		loc := r.location
		m.Location = &loc
	}
	m.Citations = SplitInts(r.citations)
	if r.citedKeys != "" {
		m.CitedKeys = strings.Split(r.citedKeys, "\t")
	}
}

// EventRow is an event row's columns that need converting.
type EventRow struct {
	id, code, certainty, conflicts string
	location                       dyad.Place
}

// ID returns the destination of the id column.
func (r *EventRow) ID() any { return &r.id }

// Tail returns the destinations of the columns after the dates: the
// source's and target's six columns each, code, plover, quad_class,
// goldstein, certainty, the place's five, num_mentions, num_documents,
// num_sources, conflicts.
func (r *EventRow) Tail(e *dyad.Event) []any {
	d := append(actorDest(&e.Source), actorDest(&e.Target)...)
	d = append(d, &r.code, &e.Plover, &e.QuadClass, &e.Goldstein, &r.certainty)
	d = append(d, placeDest(&r.location)...)
	return append(d, &e.NumMentions, &e.NumDocuments, &e.NumSources, &r.conflicts)
}

// Finish converts the row's columns into e; it fails only on conflicts
// that are not the JSON the stores write.
func (r *EventRow) Finish(e *dyad.Event) error {
	e.ID, e.Code, e.Certainty = dyad.EventID(r.id), dyad.EventCode(r.code), dyad.Certainty(r.certainty)
	if r.location.Name != "" {
		loc := r.location
		e.Location = &loc
	}
	if r.conflicts != "" {
		if err := json.Unmarshal([]byte(r.conflicts), &e.Conflicts); err != nil {
			return fmt.Errorf("event %s conflicts: %w", r.id, err)
		}
	}
	return nil
}
