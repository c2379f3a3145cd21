package actor

import (
	"cmp"
	"slices"
	"time"

	"github.com/dyad-project/dyad/dyad"
)

// Names lists the dictionary's countries, organizations, groups and people
// by their display names, each resolved as of today — states, then
// organizations, groups and people, each by name: what an actor field
// offers for autocompletion before any event names them.
func (d *Dictionary) Names() []dyad.Actor {
	now := time.Now()
	out := make([]dyad.Actor, 0, len(d.entries))
	rank := map[string]kind{}
	for _, e := range d.entries {
		switch e.Kind {
		case kindCountry, kindIGO, kindGroup, kindPerson:
		default:
			continue
		}
		if e.Name == "" {
			continue
		}
		a, ok := d.Lookup(e.Name, now)
		if !ok {
			continue
		}
		a.Name = e.Name // a person's own name, not their post's
		rank[a.Name] = e.Kind
		out = append(out, a)
	}
	slices.SortFunc(out, func(a, b dyad.Actor) int {
		if r := cmp.Compare(rank[a.Name], rank[b.Name]); r != 0 {
			return r
		}
		return cmp.Compare(a.Name, b.Name)
	})
	return out
}
