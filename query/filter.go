package query

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dyad-project/dyad/dyad"
)

// FilterArgs are the filters of `dyad events` as text, as the command line
// and the HTTP API take them.
type FilterArgs struct {
	Actor, Source, Target string
	Dyad                  string // "X,Y"
	Code, Plover          string
	Since, Until          string
	Certainty             string // comma-separated
	Text                  string
	// Sort names the order of the listing (dyad.EventSorts); "" is newest
	// first.
	Sort              string
	MinSources, Limit int
	// PloverTypes, when not empty, are the PLOVER types that Plover may
	// name, as the caller's ontology spells them (the cameo package's), so
	// that a misspelt type is an error rather than an empty answer; Plover
	// matches them regardless of case.
	PloverTypes []string
}

// Filter parses a into an EventFilter. resolve turns an actor argument
// into a selector (actor.Dictionary.Selector); name says how the caller
// spells a field in messages ("--min-sources" on the command line,
// "min_sources=" in the API) and may be nil. Errors are EINVALID.
func (a FilterArgs) Filter(resolve func(string) (dyad.ActorSelector, error), name func(field string) string) (dyad.EventFilter, error) {
	if name == nil {
		name = func(field string) string { return field }
	}
	// A message that starts with the quoted value follows the field's name
	// ('--since "2026-13": want …', 'since="2026-13": want …'); any other
	// follows it after a colon ('--limit: must not be negative').
	bad := func(field, format string, args ...any) error {
		msg, n := fmt.Sprintf(format, args...), name(field)
		switch {
		case !strings.HasPrefix(msg, `"`):
			n = strings.TrimSuffix(n, "=") + ": "
		case !strings.HasSuffix(n, "="):
			n += " "
		}
		return dyad.Errorf(dyad.EINVALID, "%s%s", n, msg)
	}
	f := dyad.EventFilter{Code: a.Code, Plover: strings.ToUpper(a.Plover), MinSources: a.MinSources, Text: a.Text, Limit: a.Limit}
	for _, s := range []struct {
		field, arg string
		dst        *dyad.ActorSelector
	}{{"actor", a.Actor, &f.Actor}, {"source", a.Source, &f.Source}, {"target", a.Target, &f.Target}} {
		if s.arg == "" {
			continue
		}
		sel, err := resolve(s.arg)
		if err != nil {
			return f, bad(s.field, "%s", dyad.ErrorMessage(err))
		}
		*s.dst = sel
	}
	if a.Dyad != "" {
		x, y, ok := strings.Cut(a.Dyad, ",")
		if !ok || strings.TrimSpace(x) == "" || strings.TrimSpace(y) == "" {
			return f, bad("dyad", "%q: want two actors X,Y", a.Dyad)
		}
		for i, s := range []string{x, y} {
			sel, err := resolve(strings.TrimSpace(s))
			if err != nil {
				return f, bad("dyad", "%s", dyad.ErrorMessage(err))
			}
			f.Dyad[i] = sel
		}
	}
	var err error
	if f.Since, err = dyad.ParseDate(a.Since); err != nil {
		return f, bad("since", "%q: want YYYY, YYYY-MM or YYYY-MM-DD", a.Since)
	}
	if f.Until, err = dyad.ParseDate(a.Until); err != nil {
		return f, bad("until", "%q: want YYYY, YYYY-MM or YYYY-MM-DD", a.Until)
	}
	if a.Certainty != "" {
		for s := range strings.SplitSeq(a.Certainty, ",") {
			c, err := dyad.ParseCertainty(strings.TrimSpace(s))
			if err != nil {
				return f, bad("certainty", "%q: want one or more of asserted, reported, future, hedged, negated, comma-separated", strings.TrimSpace(s))
			}
			f.Certainty = append(f.Certainty, c)
		}
	}
	if f.Code != "" {
		if _, err := strconv.Atoi(f.Code); err != nil || len(f.Code) > 4 {
			return f, bad("code", "%q: want a CAMEO code or prefix such as 05 or 057", f.Code)
		}
	}
	if f.Plover != "" && !isPloverWord(f.Plover) {
		return f, bad("plover", "%q: want a PLOVER event type such as AGREE", a.Plover)
	}
	if f.Plover != "" && len(a.PloverTypes) > 0 {
		i := slices.IndexFunc(a.PloverTypes, func(t string) bool { return strings.EqualFold(t, f.Plover) })
		if i < 0 {
			return f, bad("plover", "%q: want one of %s", a.Plover, strings.Join(a.PloverTypes, ", "))
		}
		f.Plover = a.PloverTypes[i]
	}
	if a.Sort == "" {
		f.Sort = "" // the default order, as the zero filter has it
	} else if f.Sort, err = dyad.ParseEventSort(a.Sort); err != nil {
		names := make([]string, len(dyad.EventSorts))
		for i, o := range dyad.EventSorts {
			names[i] = string(o)
		}
		return f, bad("sort", "%q: want one of %s", a.Sort, strings.Join(names, ", "))
	}
	if f.MinSources < 0 {
		return f, bad("min-sources", "must not be negative")
	}
	if f.Limit < 0 {
		return f, bad("limit", "must not be negative")
	}
	if f.Since.Known() && f.Until.Known() && f.Since.First().After(f.Until.Last()) {
		return f, dyad.Errorf(dyad.EINVALID, "%s%s is after %s%s", name("since"), spaced(name("since"), a.Since), name("until"), spaced(name("until"), a.Until))
	}
	return f, f.Validate()
}

// spaced returns v as it follows a field's name: after "since=" directly,
// after "--since" with a space.
func spaced(name, v string) string {
	if strings.HasSuffix(name, "=") {
		return v
	}
	return " " + v
}

func isPloverWord(s string) bool {
	for _, r := range s {
		if (r < 'A' || r > 'Z') && r != '_' && r != '-' {
			return false
		}
	}
	return len(s) <= 32
}
