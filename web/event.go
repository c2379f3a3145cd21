package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/resolve"
)

// mentionContext is where one mention of an event stands: its sentence,
// the span of the evidence within that sentence, the sentences around it,
// and the document and story it comes from.
type mentionContext struct {
	Mention  dyad.MentionID  `json:"mention"`
	Doc      dyad.DocumentID `json:"doc"`
	Title    string          `json:"title"`
	Outlet   string          `json:"outlet"`
	Story    dyad.DocumentID `json:"story"`
	Before   string          `json:"before"`
	Sentence string          `json:"sentence"`
	After    string          `json:"after"`
	// Start and End are byte offsets of the evidence within Sentence.
	Start int `json:"start"`
	End   int `json:"end"`
}

// handleEvent serves GET /api/events/{id}: one event in SPEC's event
// shape with every mention and conflict, plus "conflict_text" (each
// conflict as a person reads it: "3 sources say 2026-05-27; 1 says
// 2026-05-31") and "contexts" (each mention's sentence in its document).
func (s *server) handleEvent(w http.ResponseWriter, r *http.Request) {
	if err := newParams(r.URL.Query()).done(); err != nil {
		s.writeError(w, r, err)
		return
	}
	id := r.PathValue("id")
	if !strings.HasPrefix(id, "ev_") || len(id) > 80 {
		s.writeError(w, r, dyad.Errorf(dyad.ENOTFOUND, "no event %q", id))
		return
	}
	ev, err := s.cfg.Store.FindEvent(r.Context(), dyad.EventID(id))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	ctxs, err := s.contexts(r.Context(), ev.Mentions)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	texts := make([]string, len(ev.Conflicts))
	for i, c := range ev.Conflicts {
		texts[i] = c.Field + ": " + resolve.String(c)
	}
	body, err := extend(ev, map[string]any{"conflict_text": texts, "contexts": ctxs})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeBody(w, r, "application/json; charset=utf-8", body)
}

// extend adds fields to v's JSON object; SPEC lets fields be added to the
// event shape, never renamed.
func extend(v any, extra map[string]any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	for k, x := range extra {
		xb, err := json.Marshal(x)
		if err != nil {
			return nil, err
		}
		m[k] = xb
	}
	return json.Marshal(m)
}

// contexts finds each mention's sentence and neighbours in its document,
// reading each document once.
func (s *server) contexts(ctx context.Context, ms []*dyad.Mention) ([]mentionContext, error) {
	docs := map[dyad.DocumentID]*dyad.Document{}
	out := make([]mentionContext, 0, len(ms))
	for _, m := range ms {
		d, ok := docs[m.Doc]
		if !ok {
			var err error
			d, err = s.cfg.Store.FindDocument(ctx, m.Doc)
			if err != nil && dyad.ErrorCode(err) != dyad.ENOTFOUND {
				return nil, err
			}
			docs[m.Doc] = d
		}
		c := mentionContext{Mention: m.ID, Doc: m.Doc, Outlet: m.Outlet, Story: m.Story, Sentence: m.Text, End: len(m.Text)}
		if d != nil {
			c.Title, c.Outlet = d.Title, orElse(d.Outlet, m.Outlet)
			if c.Story == "" {
				c.Story = d.Story
			}
			if i := sentenceAt(d.Sentences, m.Sentence); i >= 0 {
				st := d.Sentences[i]
				c.Sentence = st.Text
				c.Start, c.End = clampSpan(m.Span.Start-st.Span.Start, m.Span.End-st.Span.Start, len(st.Text))
				if i > 0 {
					c.Before = d.Sentences[i-1].Text
				}
				if i+1 < len(d.Sentences) {
					c.After = d.Sentences[i+1].Text
				}
			}
		}
		if c.Story == "" {
			c.Story = m.Doc
		}
		out = append(out, c)
	}
	return out, nil
}

// sentenceAt returns the position in sents of the sentence with index i,
// or -1.
func sentenceAt(sents []dyad.Sentence, i int) int {
	if i >= 0 && i < len(sents) && sents[i].Index == i {
		return i
	}
	for j, s := range sents {
		if s.Index == i {
			return j
		}
	}
	return -1
}

// clampSpan keeps a span within [0, n]; a span that does not fit covers the
// whole sentence.
func clampSpan(start, end, n int) (int, int) {
	if start < 0 || end > n || start >= end {
		return 0, n
	}
	return start, end
}

func orElse(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
