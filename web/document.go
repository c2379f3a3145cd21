package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/sourcing"
)

// documentJSON is a document as /api/documents/{id} gives it.
type documentJSON struct {
	ID                dyad.DocumentID `json:"id"`
	Title             string          `json:"title"`
	Outlet            string          `json:"outlet"`
	URL               string          `json:"url"`
	Language          string          `json:"language"`
	Published         string          `json:"published,omitempty"`
	PublishedInferred bool            `json:"published_inferred,omitempty"`
	Story             dyad.DocumentID `json:"story"`
	Text              string          `json:"text"`
	Sentences         []sentenceJSON  `json:"sentences"`
	Sources           []sourceJSON    `json:"sources"`
	Mentions          []mentionJSON   `json:"mentions"`
	Audit             sourcing.Report `json:"audit"`
}

type sentenceJSON struct {
	Index     int               `json:"index"`
	Start     int               `json:"start"`
	End       int               `json:"end"`
	Kind      dyad.SentenceKind `json:"kind"`
	Citations []int             `json:"citations"`
}

type sourceJSON struct {
	N      int    `json:"n"`
	Title  string `json:"title"`
	Outlet string `json:"outlet,omitempty"`
	URL    string `json:"url,omitempty"`
	SameAs int    `json:"same_as,omitempty"`
}

// mentionJSON is a coded span of a document: byte offsets into its text.
type mentionJSON struct {
	ID           dyad.MentionID    `json:"id"`
	Event        dyad.EventID      `json:"event,omitempty"`
	Sentence     int               `json:"sentence"`
	Start        int               `json:"start"`
	End          int               `json:"end"`
	Text         string            `json:"text"`
	Source       dyad.Actor        `json:"source"`
	Target       dyad.Actor        `json:"target"`
	Cameo        dyad.EventCode    `json:"cameo"`
	Plover       string            `json:"plover"`
	QuadClass    int               `json:"quad_class"`
	Goldstein    float64           `json:"goldstein"`
	Certainty    dyad.Certainty    `json:"certainty"`
	AttributedTo *dyad.Attribution `json:"attributed_to,omitempty"`
	Date         string            `json:"date"`
	Location     *dyad.Place       `json:"location,omitempty"`
}

func mentionOut(m *dyad.Mention) mentionJSON {
	return mentionJSON{ID: m.ID, Event: m.Event, Sentence: m.Sentence, Start: m.Span.Start, End: m.Span.End, Text: m.Text,
		Source: m.Source, Target: m.Target, Cameo: m.Code, Plover: m.Plover, QuadClass: m.QuadClass, Goldstein: m.Goldstein,
		Certainty: m.Certainty, AttributedTo: m.AttributedTo, Date: m.Date.String(), Location: m.Location}
}

// handleDocument serves GET /api/documents/{id}: a document's text and
// metadata, its sentences (spans into the text), its source list, its
// coded mentions (spans into the text) and its own sourcing audit.
func (s *server) handleDocument(w http.ResponseWriter, r *http.Request) {
	if err := newParams(r.URL.Query()).done(); err != nil {
		s.writeError(w, r, err)
		return
	}
	id := r.PathValue("id")
	if !strings.HasPrefix(id, "doc_") || len(id) > 80 {
		s.writeError(w, r, dyad.Errorf(dyad.ENOTFOUND, "no document %q", id))
		return
	}
	d, err := s.cfg.Store.FindDocument(r.Context(), dyad.DocumentID(id))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	ms, err := s.cfg.Store.DocumentMentions(r.Context(), d.ID)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, documentOut(d, ms))
}

func documentOut(d *dyad.Document, ms []*dyad.Mention) documentJSON {
	out := documentJSON{ID: d.ID, Title: d.Title, Outlet: d.Outlet, URL: d.URL, Language: d.Language,
		PublishedInferred: d.PublishedInferred, Story: d.Story, Text: d.Text,
		Sentences: make([]sentenceJSON, 0, len(d.Sentences)), Sources: make([]sourceJSON, 0, len(d.Sources)),
		Mentions: make([]mentionJSON, 0, len(ms)), Audit: sourcing.Audit(d)}
	if !d.Published.IsZero() {
		out.Published = d.Published.UTC().Format(time.RFC3339)
	}
	for _, st := range d.Sentences {
		cs := st.Citations
		if cs == nil {
			cs = []int{}
		}
		out.Sentences = append(out.Sentences, sentenceJSON{Index: st.Index, Start: st.Span.Start, End: st.Span.End, Kind: st.Kind, Citations: cs})
	}
	for _, src := range d.Sources {
		out.Sources = append(out.Sources, sourceJSON{N: src.N, Title: src.Title, Outlet: src.Outlet, URL: src.URL, SameAs: src.SameAs})
	}
	for _, m := range ms {
		out.Mentions = append(out.Mentions, mentionOut(m))
	}
	return out
}
