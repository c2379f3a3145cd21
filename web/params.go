package web

import (
	"encoding/base64"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/dyad-project/dyad/cameo"
	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/query"
)

// params reads query parameters, remembering the first bad one, and
// rejects parameters that the route does not know, so that a misspelt
// filter fails loudly instead of silently selecting everything.
type params struct {
	q    url.Values
	used map[string]bool
	err  error
}

func newParams(q url.Values) *params { return &params{q: q, used: map[string]bool{}} }

func (p *params) fail(format string, args ...any) {
	if p.err == nil {
		p.err = dyad.Errorf(dyad.EINVALID, format, args...)
	}
}

// str returns the parameter's value, "" when absent; a parameter given
// twice is an error.
func (p *params) str(name string) string {
	p.used[name] = true
	vs := p.q[name]
	if len(vs) > 1 {
		p.fail("parameter %s given %d times", name, len(vs))
	}
	if len(vs) == 0 {
		return ""
	}
	return strings.TrimSpace(vs[0])
}

// integer returns the parameter as an int in [lo, hi], def when absent.
func (p *params) integer(name string, def, lo, hi int) int {
	s := p.str(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		p.fail("%s=%q: want a whole number from %d to %d", name, s, lo, hi)
		return def
	}
	return n
}

// date returns the parameter as a dyad.Date.
func (p *params) date(name string) dyad.Date {
	s := p.str(name)
	d, err := dyad.ParseDate(s)
	if err != nil {
		p.fail("%s=%q: want YYYY, YYYY-MM or YYYY-MM-DD", name, s)
	}
	return d
}

// actor resolves an actor parameter; zero when absent.
func (p *params) actor(name string, resolve func(string) (dyad.ActorSelector, error)) dyad.ActorSelector {
	s := p.str(name)
	if s == "" {
		return dyad.ActorSelector{}
	}
	a, err := resolve(s)
	if err != nil {
		p.fail("%s=%q: %s", name, s, dyad.ErrorMessage(err))
	}
	return a
}

// done returns the first error, or EINVALID naming an unknown parameter.
func (p *params) done() error {
	if p.err != nil {
		return p.err
	}
	for k := range p.q {
		if !p.used[k] {
			return dyad.Errorf(dyad.EINVALID, "unknown parameter %q", k)
		}
	}
	return nil
}

// ploverTypes are the PLOVER types the CAMEO ontology maps to, sorted, so
// that plover= rejects a misspelt type instead of finding nothing.
var ploverTypes = func() []string {
	var types []string
	for _, in := range cameo.All() {
		if in.Plover != "" && !slices.Contains(types, in.Plover) {
			types = append(types, in.Plover)
		}
	}
	slices.Sort(types)
	return types
}()

// filter reads the filters of `dyad events`: actor, source, target,
// dyad=X,Y, code, plover, since, until, certainty, min_sources and text,
// parsed by query.FilterArgs as the command line parses its flags.
func (p *params) filter(resolve func(string) (dyad.ActorSelector, error)) dyad.EventFilter {
	return p.readFilter(resolve, false)
}

// listFilter reads the filters of filter and the order of a listing,
// sort= (dyad.EventSorts), which only listings take: a route that counts
// or charts events would ignore it, so there it stays an unknown parameter.
func (p *params) listFilter(resolve func(string) (dyad.ActorSelector, error)) dyad.EventFilter {
	return p.readFilter(resolve, true)
}

func (p *params) readFilter(resolve func(string) (dyad.ActorSelector, error), sortable bool) dyad.EventFilter {
	a := query.FilterArgs{
		Actor: p.str("actor"), Source: p.str("source"), Target: p.str("target"), Dyad: p.str("dyad"),
		Code: p.str("code"), Plover: p.str("plover"), Since: p.str("since"), Until: p.str("until"),
		Certainty: p.str("certainty"), Text: p.str("text"),
		MinSources: p.integer("min_sources", 0, 0, 1000000), PloverTypes: ploverTypes,
	}
	if sortable {
		a.Sort = p.str("sort")
	}
	if len(a.Text) > maxTextQuery {
		p.fail("text: longer than %d bytes", maxTextQuery)
	}
	if p.err != nil {
		return dyad.EventFilter{}
	}
	f, err := a.Filter(resolve, func(field string) string { return strings.ReplaceAll(field, "-", "_") + "=" })
	if err != nil {
		p.err = err
	}
	return f
}

// cursorOf is the opaque cursor that continues a listing in order o after
// ev: the store's cursor (o.Cursor: the sort key of ev and its ID), base64
// so that it is one URL-safe token. In the default order it is the cursor
// of the releases before sorting.
func cursorOf(ev *dyad.Event, o dyad.EventSort) string {
	return base64.RawURLEncoding.EncodeToString([]byte(o.Cursor(ev)))
}

// parseCursor reads a cursor made by cursorOf for order o; a cursor of
// another order, or one this server cannot have made, is EINVALID.
func parseCursor(c string, o dyad.EventSort) (string, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err == nil {
		var id dyad.EventID
		if _, id, err = o.ParseCursor(string(b)); err == nil && strings.HasPrefix(string(id), "ev_") {
			return string(b), nil
		}
	}
	return "", dyad.Errorf(dyad.EINVALID, "cursor %q: not a cursor this server made for sort=%s", c, o.Or())
}
