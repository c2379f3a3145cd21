package web

import (
	"net/http"

	"github.com/dyad-project/dyad/dyad"
)

// handleHealth serves GET /healthz: 200 with the store's counts when the
// store answers, 500 when it does not. It says whether writes are enabled.
func (s *server) handleHealth(w http.ResponseWriter, r *http.Request) {
	st, err := s.cfg.Store.Stats(r.Context())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	s.writeJSON(w, r, map[string]any{"status": "ok", "version": dyad.Version, "writable": s.cfg.Token != "", "stats": st})
}
