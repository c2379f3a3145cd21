package resolve

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/dyad-project/dyad/dyad"
)

// tally counts, for each value of a field, the independent sources that give it.
type tally struct {
	sources map[string]map[int]bool
	// rank breaks ties between equally backed values: higher wins.
	rank map[string]int
}

func newTally() *tally {
	return &tally{sources: map[string]map[int]bool{}, rank: map[string]int{}}
}

func (t *tally) add(value string, group, rank int) {
	if value == "" {
		return
	}
	if t.sources[value] == nil {
		t.sources[value] = map[int]bool{}
	}
	t.sources[value][group] = true
	t.rank[value] = max(t.rank[value], rank)
}

// ordered returns the values best-backed first; ties go to the higher
// rank, then to the smaller value, so the order is total.
func (t *tally) ordered() []dyad.ConflictValue {
	out := make([]dyad.ConflictValue, 0, len(t.sources))
	for v, s := range t.sources {
		out = append(out, dyad.ConflictValue{Value: v, Sources: len(s)})
	}
	slices.SortFunc(out, func(a, b dyad.ConflictValue) int {
		if r := cmp.Compare(b.Sources, a.Sources); r != 0 {
			return r
		}
		if r := cmp.Compare(t.rank[b.Value], t.rank[a.Value]); r != 0 {
			return r
		}
		return cmp.Compare(a.Value, b.Value)
	})
	return out
}

func precisionRank(p dyad.Precision) int {
	switch p {
	case dyad.PrecisionDay:
		return 4
	case dyad.PrecisionMonth:
		return 3
	case dyad.PrecisionRange:
		return 2
	case dyad.PrecisionYear:
		return 1
	}
	return 0
}

// summarize builds the event of one cluster of mentions: the best-backed
// date, place, actors and code, the strongest certainty any independent
// source gives, the counts, and the conflicts.
func summarize(ms []*dyad.Mention) *dyad.Event {
	slices.SortFunc(ms, func(a, b *dyad.Mention) int {
		if r := a.Published.Compare(b.Published); r != 0 {
			return r
		}
		return cmp.Compare(a.ID, b.ID)
	})
	group, nsrc := sourceGroups(ms)
	ev := &dyad.Event{ID: EventID(ms), Mentions: ms, NumMentions: len(ms), NumSources: nsrc}
	docs := map[dyad.DocumentID]bool{}
	dates, places, codes, pairs := newTally(), newTally(), newTally(), newTally()
	// weakDates and weakPlaces hold what hedged and negated mentions give,
	// used only when no stronger mention gives a date or a place.
	weakDates, weakPlaces := newTally(), newTally()
	// direction counts which side each independent source says acted, by
	// the sides' resolution keys; it matters only for directed actions.
	direction := newTally()
	dateOf := map[string]dyad.Date{}
	placeOf := map[string]*dyad.Place{}
	pairOf := map[string][2]dyad.Actor{}
	// Each independent source gives the strongest certainty of its mentions;
	// the event takes the strongest of those.
	for i, m := range ms {
		m.Event = ev.ID
		docs[m.Doc] = true
		g := group[i]
		if m.Certainty.Strength() > ev.Certainty.Strength() {
			ev.Certainty = m.Certainty
		}
		// Negated and hedged mentions do not vote for a date or a place:
		// they do not say the event happened then or there.
		dt, pt := dates, places
		if m.Certainty.Strength() < dyad.Reported.Strength() {
			dt, pt = weakDates, weakPlaces
		}
		if m.Date.Known() {
			k := m.Date.String()
			dt.add(k, g, precisionRank(m.Date.Precision))
			dateOf[k] = m.Date
		}
		if m.Location != nil && m.Location.Name != "" {
			pt.add(m.Location.Name, g, 0)
			placeOf[m.Location.Name] = m.Location
		}
		codes.add(string(m.Code), g, len(m.Code))
		k := string(m.Source.Code) + ">" + string(m.Target.Code)
		pairs.add(k, g, m.Certainty.Strength())
		pairOf[k] = [2]dyad.Actor{m.Source, m.Target}
		if m.Certainty.Strength() >= dyad.Reported.Strength() {
			direction.add(dyad.ActorKey(m.Source)+" → "+dyad.ActorKey(m.Target), g, 0)
		}
	}
	ev.NumDocuments = len(docs)
	if len(dates.sources) == 0 {
		dates = weakDates
	}
	if len(places.sources) == 0 {
		places = weakPlaces
	}
	if v := dates.ordered(); len(v) > 0 {
		ev.Date = dateOf[v[0].Value]
		// A coarser date that contains the kept one (May 2026 for 27 May)
		// does not disagree with it; only dates that cannot be it do.
		keep := v[:1]
		for _, x := range v[1:] {
			if !dateOf[x.Value].Overlaps(ev.Date) {
				keep = append(keep, x)
			}
		}
		if len(keep) > 1 {
			ev.Conflicts = append(ev.Conflicts, dyad.Conflict{Field: "date", Values: keep})
		}
	} else {
		ev.Date = dyad.Date{Precision: dyad.PrecisionUnknown}
	}
	if v := places.ordered(); len(v) > 0 {
		ev.Location = placeOf[v[0].Value]
		// Places close together (a city and its region) agree.
		keep := v[:1]
		for _, x := range v[1:] {
			if km(placeOf[x.Value], ev.Location) > 150 {
				keep = append(keep, x)
			}
		}
		if len(keep) > 1 {
			ev.Conflicts = append(ev.Conflicts, dyad.Conflict{Field: "location", Values: keep})
		}
	}
	// The most specific code that the best-backed sources agree on.
	cv := codes.ordered()
	ev.Code = dyad.EventCode(cv[0].Value)
	pv := pairs.ordered()
	pair := pairOf[pv[0].Value]
	ev.Source, ev.Target = pair[0], pair[1]
	if v := direction.ordered(); len(v) > 1 && !Symmetric(ev.Code) {
		ev.Conflicts = append(ev.Conflicts, dyad.Conflict{Field: "actors", Values: v})
	}
	for _, m := range ms {
		if m.Code == ev.Code {
			ev.Plover, ev.QuadClass, ev.Goldstein = m.Plover, m.QuadClass, m.Goldstein
			break
		}
	}
	return ev
}

// String describes a conflict as a person reads it: "3 sources say
// 2026-05-27; 1 says 2026-05-31".
func String(c dyad.Conflict) string {
	s := ""
	for i, v := range c.Values {
		if i > 0 {
			s += "; "
		}
		verb := "sources say"
		if v.Sources == 1 {
			verb = "source says"
		}
		if i > 0 {
			verb = "say"
			if v.Sources == 1 {
				verb = "says"
			}
		}
		s += fmt.Sprintf("%d %s %s", v.Sources, verb, v.Value)
	}
	return s
}

// km returns the great-circle distance between two places in kilometres.
func km(a, b *dyad.Place) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dLat, dLon := (b.Lat-a.Lat)*rad, (b.Lon-a.Lon)*rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * r * math.Asin(math.Sqrt(min(1, h)))
}

// Symmetric reports whether an action has no direction, so that "A and B
// signed" and "B and A signed" say the same: agreements, consultations and
// meetings (04x, 057), and fighting (19x).
func Symmetric(c dyad.EventCode) bool {
	return c.Root() == "04" || c.Refines("057") || c.Root() == "19" || c.Refines("046") || c.Refines("036")
}
