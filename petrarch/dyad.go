package petrarch

import (
	"context"
	"time"

	"github.com/dyad-project/dyad/dyad"
)

var _ dyad.Coder = (*Coder)(nil)

// Code implements dyad.Coder: it codes each of doc's sentences (the whole
// text as one sentence when doc has none) on doc's publication date and
// returns one mention per event, asserted, with the verb as its evidence
// span. It checks ctx between sentences.
func (c *Coder) Code(ctx context.Context, doc *dyad.Document) ([]*dyad.Mention, error) {
	sents := doc.Sentences
	if len(sents) == 0 && doc.Text != "" {
		sents = []dyad.Sentence{{Index: 0, Span: dyad.Span{Start: 0, End: len(doc.Text)}, Text: doc.Text, Kind: dyad.KindBody}}
	}
	date := doc.Published
	if date.IsZero() {
		date = time.Now().UTC()
	}
	var out []*dyad.Mention
	for _, s := range sents {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if s.Kind == dyad.KindSources {
			continue
		}
		for _, e := range c.CodeText(s.Text, date) {
			span := dyad.Span{Start: s.Span.Start + e.Start, End: s.Span.Start + e.End}
			m := &dyad.Mention{
				Doc: doc.ID, Sentence: s.Index, Span: s.Span, Text: s.Text,
				Source: actorOf(e.Source), Target: actorOf(e.Target), Code: dyad.EventCode(e.Code),
				Verb: e.Verb, Certainty: dyad.Asserted, Citations: s.Citations,
				Published: doc.Published, Outlet: doc.Outlet, URL: doc.URL, Story: doc.Story,
			}
			if !doc.Published.IsZero() {
				m.Date = dyad.Day(doc.Published)
			}
			m.ID = dyad.NewMentionID(doc.ID, span, m.Code, m.Source.Code, m.Target.Code)
			out = append(out, m)
		}
	}
	return out, nil
}

// actorOf splits a PETRARCH actor code into dyad's country and role: the
// first three letters name the country or organization ("---" none).
func actorOf(code string) dyad.Actor {
	a := dyad.Actor{Code: dyad.ActorCode(code)}
	if code == "---" {
		return dyad.Actor{}
	}
	if len(code) >= 3 {
		a.Country, a.Role = code[:3], code[3:]
		if a.Country == "---" {
			a.Country = ""
		}
	} else {
		a.Country = code
	}
	return a
}
