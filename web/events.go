package web

import (
	"net/http"

	"github.com/dyad-project/dyad/dyad"
)

// eventsPage is the answer of /api/events.
type eventsPage struct {
	Events []*dyad.Event `json:"events"`
	// Total is the number of matching events, ignoring limit and cursor.
	Total int `json:"total"`
	// Next is the cursor of the next page, "" on the last page.
	Next string `json:"next"`
}

// handleEvents serves GET /api/events: the events that the filters of
// `dyad events` select (actor, source, target, dyad=X,Y, code, plover,
// since, until, certainty, min_sources, text), in the order sort= names
// (date, newest first, by default; -date, sources, goldstein, -goldstein),
// limit per page (default 50) and a cursor from the previous page's "next",
// which continues only the order that made it.
func (s *server) handleEvents(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query())
	f := p.listFilter(s.resolve)
	f.Limit = p.integer("limit", 50, 1, DefaultMaxLimit)
	f.WithMentions = p.str("mentions") == "true"
	if c := p.str("cursor"); c != "" {
		after, err := parseCursor(c, f.Sort)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		f.After = after
	}
	if err := p.done(); err != nil {
		s.writeError(w, r, err)
		return
	}
	limit := f.Limit
	f.Limit++ // one more tells whether there is a next page
	evs, total, err := s.cfg.Store.FindEvents(r.Context(), f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	page := eventsPage{Events: evs, Total: total}
	if len(evs) > limit {
		page.Events = evs[:limit]
		page.Next = cursorOf(evs[limit-1], f.Sort)
	}
	if page.Events == nil {
		page.Events = []*dyad.Event{}
	}
	s.writeJSON(w, r, page)
}
