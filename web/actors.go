package web

import (
	"cmp"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/query"
)

// actorEntry is one suggestion of /api/actors.
type actorEntry struct {
	Code    dyad.ActorCode `json:"code"`
	Name    string         `json:"name"`
	Country string         `json:"country,omitempty"`
	Role    string         `json:"role,omitempty"`
	// Events is the number of stored events with the actor on either side;
	// 0 for a dictionary name that no stored event has.
	Events int `json:"events"`
	// From says where the suggestion comes from: "store" or "dictionary".
	From string `json:"from"`
}

// namer is what a dictionary offers when it can list its names; the
// built-in dictionary is asked for it so that autocompletion covers names
// no stored event uses yet.
type namer interface {
	Names() []dyad.Actor
}

// actorsTTL is how long the store's actor list is cached; a write through
// the API drops it at once.
const actorsTTL = 30 * time.Second

// handleActors serves GET /api/actors?q=&limit=: actor names and codes for
// autocompletion, those present in the store first (most events first),
// then names from the actor dictionary.
func (s *server) handleActors(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query())
	q := strings.ToLower(p.str("q"))
	limit := p.integer("limit", 20, 1, 200)
	if err := p.done(); err != nil {
		s.writeError(w, r, err)
		return
	}
	stored, err := s.storeActors(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := []actorEntry{}
	seen := map[string]bool{}
	add := func(e actorEntry) {
		k := string(e.Code) + "|" + strings.ToLower(e.Name)
		if len(out) < limit && !seen[k] && matchesActor(e, q) {
			seen[k] = true
			out = append(out, e)
		}
	}
	for _, e := range stored {
		add(e)
	}
	if n, ok := any(s.dict).(namer); ok && len(out) < limit {
		for _, a := range n.Names() {
			add(actorEntry{Code: a.Code, Name: a.Name, Country: a.Country, Role: a.Role, From: "dictionary"})
		}
	} else if q != "" && len(out) < limit {
		if a, ok := s.dict.Lookup(q, s.cfg.Now()); ok {
			add(actorEntry{Code: a.Code, Name: a.Name, Country: a.Country, Role: a.Role, From: "dictionary"})
		}
	}
	s.writeJSON(w, r, map[string]any{"actors": out})
}

// matchesActor reports whether q (lower case) starts a word of e's name or
// starts its code.
func matchesActor(e actorEntry, q string) bool {
	if q == "" {
		return true
	}
	if strings.HasPrefix(strings.ToLower(string(e.Code)), q) {
		return true
	}
	name := strings.ToLower(e.Name)
	if strings.HasPrefix(name, q) {
		return true
	}
	for i := 0; i < len(name); i++ {
		if (name[i] == ' ' || name[i] == '-') && strings.HasPrefix(name[i+1:], q) {
			return true
		}
	}
	return false
}

// storeActors returns the actors of the stored events, most events first,
// from a cache refreshed every actorsTTL.
func (s *server) storeActors(r *http.Request) ([]actorEntry, error) {
	s.actorsMu.Lock()
	defer s.actorsMu.Unlock()
	if s.actorsVal != nil && s.cfg.Now().Sub(s.actorsAt) < actorsTTL {
		return s.actorsVal, nil
	}
	n, err := query.NetworkOf(r.Context(), s.cfg.Store, dyad.EventFilter{})
	if err != nil {
		return nil, err
	}
	out := make([]actorEntry, 0, len(n.Nodes))
	for _, nd := range n.Nodes {
		name := nd.Name
		if name == "" {
			name = string(nd.Code)
		}
		out = append(out, actorEntry{Code: nd.Code, Name: name, Country: nd.Country, Role: nd.Role, Events: nd.Events, From: "store"})
	}
	slices.SortStableFunc(out, func(a, b actorEntry) int {
		return cmp.Or(cmp.Compare(b.Events, a.Events), cmp.Compare(a.Code, b.Code))
	})
	s.actorsVal, s.actorsAt = out, s.cfg.Now()
	return out, nil
}

// dropActors forgets the cached actor list after a write.
func (s *server) dropActors() {
	s.actorsMu.Lock()
	s.actorsVal = nil
	s.actorsMu.Unlock()
}

// actorSelector resolves an actor parameter as `dyad events --actor` does:
// a code ("RUS", "RUSGOV", "NATO") or a name the dictionary knows
// ("Russia", "Taliban", "the Kremlin").
func (s *server) actorSelector(arg string) (dyad.ActorSelector, error) {
	return s.dict.Selector(arg, s.cfg.Now())
}
