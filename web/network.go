package web

import (
	"net/http"

	"github.com/dyad-project/dyad/query"
)

// maxNetworkEvents bounds the events a network is drawn from, newest first,
// so that one request cannot read the whole store.
const maxNetworkEvents = 20000

// handleNetwork serves GET /api/network?…: actors as nodes (with their
// event counts) and event flows as weighted edges (with the Goldstein sum),
// over the events that the filters of /api/events select; limit (default
// 5000) caps the events read, newest first.
func (s *server) handleNetwork(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query())
	f := p.filter(s.resolve)
	f.Limit = p.integer("limit", 5000, 1, maxNetworkEvents)
	if err := p.done(); err != nil {
		s.writeError(w, r, err)
		return
	}
	n, err := query.NetworkOf(r.Context(), s.cfg.Store, f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, n)
}
