package web

import (
	"bytes"
	"net/http"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/query"
)

// bytesBuffer is bytes.Buffer, named for the renderers' writers.
type bytesBuffer = bytes.Buffer

// handleBrief serves GET /api/brief?a=&b=&since=&until=&snapshot=&format=:
// the cited brief on actor a, or on the dyad a–b, as JSON (default),
// Markdown (format=md) or HTML (format=html).
func (s *server) handleBrief(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query())
	o := query.BriefOptions{ALabel: p.str("a"), BLabel: p.str("b")}
	if o.ALabel == "" {
		p.fail("a is required: the actor, or the first actor of the dyad")
	}
	o.A = p.actor("a", s.resolve)
	o.B = p.actor("b", s.resolve)
	o.Since, o.Until = p.date("since"), p.date("until")
	o.Snapshot = p.integer("snapshot", 5, 1, 50)
	format := orElse(p.str("format"), "json")
	if format != "json" && format != "md" && format != "html" {
		p.fail("format=%q: want json, md or html", format)
	}
	if err := p.done(); err != nil {
		s.writeError(w, r, err)
		return
	}
	if err := (dyad.EventFilter{Since: o.Since, Until: o.Until}).Validate(); err != nil {
		s.writeError(w, r, err)
		return
	}
	b, err := query.BriefOf(r.Context(), s.cfg.Store, o)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	var buf bytes.Buffer
	switch format {
	case "md":
		err = b.WriteMarkdown(&buf)
		s.writeRendered(w, r, "text/markdown; charset=utf-8", buf.Bytes(), err)
	case "html":
		err = b.WriteHTML(&buf)
		s.writeRendered(w, r, "text/html; charset=utf-8", buf.Bytes(), err)
	default:
		s.writeJSON(w, r, b)
	}
}

func (s *server) writeRendered(w http.ResponseWriter, r *http.Request, ctype string, body []byte, err error) {
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeBody(w, r, ctype, body)
}
