package web

import (
	"net/http"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/query"
)

// handleTimeline serves GET /api/timeline?a=&b=&by=&since=&until=: the
// events between actors a and b per period (day, week, month or year;
// default month) in each direction, by QuadClass, with the Goldstein sum
// and mean; format=svg gives the chart that `dyad timeline` draws.
func (s *server) handleTimeline(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query())
	aArg, bArg := p.str("a"), p.str("b")
	if aArg == "" || bArg == "" {
		p.fail("a and b are required: the two actors of the dyad")
	}
	a := p.actor("a", s.resolve)
	b := p.actor("b", s.resolve)
	by := orElse(p.str("by"), "month")
	period, err := query.ParsePeriod(by)
	if err != nil {
		p.fail("by=%q: want day, week, month or year", by)
	}
	f := dyad.EventFilter{Since: p.date("since"), Until: p.date("until")}
	format := orElse(p.str("format"), "json")
	if format != "json" && format != "svg" {
		p.fail("format=%q: want json or svg", format)
	}
	if err := p.done(); err != nil {
		s.writeError(w, r, err)
		return
	}
	if err := f.Validate(); err != nil {
		s.writeError(w, r, err)
		return
	}
	t, err := query.TimelineOf(r.Context(), s.cfg.Store, a, b, aArg, bArg, period, f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if format == "svg" {
		var buf bytesBuffer
		if err := t.WriteSVG(&buf); err != nil {
			s.writeError(w, r, err)
			return
		}
		s.writeBody(w, r, "image/svg+xml", buf.Bytes())
		return
	}
	s.writeJSON(w, r, t)
}
