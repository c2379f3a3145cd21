package eval

import (
	"strings"

	"github.com/dyad-project/dyad/dyad"
)

// aliases groups names and codes that denote one actor, so that a gold
// file written with the README's short names ("UN", "NATO") matches the
// codes a dictionary gives (CAMEO's "UNO", "NAT"). Every name in a group is
// written in lower case. The Soviet Union has no CAMEO code of its own in
// the shared ontology; gold files code it RUS, and SUN/USR are accepted in
// case a dictionary uses them.
var aliases = buildAliases([][]string{
	{"un", "uno", "united nations"},
	{"nato", "nat", "north atlantic treaty organization"},
	{"eu", "eec", "ec", "european union", "european community", "european communities"},
	{"opec", "opc"},
	{"gcc", "gulf cooperation council"},
	{"imf", "international monetary fund"},
	{"world bank", "wbk", "wb"},
	{"arab league", "arl"},
	{"rus", "sun", "usr", "ussr", "soviet union"},
	// CAMEO codes that differ from ISO 3166 alpha-3.
	{"rou", "rom", "romania"},
	{"tls", "tmp", "east timor", "timor-leste"},
	{"mne", "mtn", "montenegro"},
	{"imn", "imy", "isle of man"},
})

// buildAliases maps every name of a group to the group's first name.
func buildAliases(groups [][]string) map[string]string {
	m := make(map[string]string)
	for _, g := range groups {
		for _, n := range g {
			m[n] = g[0]
		}
	}
	return m
}

// canonical folds an actor name or code to the form compared: lower case,
// trimmed, and its alias group's first name when it has one.
func canonical(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if c, ok := aliases[s]; ok {
		return c
	}
	return s
}

// actorMatches reports whether the gold actor g names the system actor a:
// g equals, ignoring case and aliases, a's country, code, name or entity
// (an entity's "kind:" prefix, as in "group:taliban", is ignored). An empty
// gold actor matches only the absent actor.
func actorMatches(g string, a dyad.Actor) bool {
	if g == "" {
		return a.IsZero()
	}
	want := canonical(g)
	entity := a.Entity
	if _, rest, ok := strings.Cut(entity, ":"); ok {
		entity = rest
	}
	for _, s := range []string{a.Country, string(a.Code), a.Name, a.Entity, entity} {
		if s != "" && canonical(s) == want {
			return true
		}
	}
	return false
}
