// Package resolve clusters event mentions from many documents into events:
// the real-world happenings behind them. It counts the independent sources
// behind each event and lists where they disagree.
//
// Resolution works on buckets (dyad.BucketKey: one CAMEO root and one
// unordered pair of actor entities). Within a bucket, two mentions are
// compatible when their codes refine one another, their dates can fall
// within Window of each other, and their places, when both have one, are in
// the same country. Events are the connected components of that relation, so
// the result depends only on the set of mentions and never on the order in
// which documents arrived; storing a new document re-resolves only the
// buckets its mentions touch.
package resolve

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"time"

	"github.com/dyad-project/dyad/dyad"
)

// Clusterer is the default dyad.Resolver.
type Clusterer struct {
	// Window is how far apart two day-precision dates may be and still name
	// one event (a 27 May and a 31 May report of one signing). Default 7 days.
	Window time.Duration
	// UndatedLookback is how long before its publication an undated mention
	// may have happened; it joins events dated within that span. Default 7 days.
	UndatedLookback time.Duration
}

var _ dyad.Resolver = (*Clusterer)(nil)

func (c *Clusterer) window() time.Duration {
	if c == nil || c.Window <= 0 {
		return 7 * 24 * time.Hour
	}
	return c.Window
}

func (c *Clusterer) lookback() time.Duration {
	if c == nil || c.UndatedLookback <= 0 {
		return 7 * 24 * time.Hour
	}
	return c.UndatedLookback
}

// span is the interval of days in which a mention's event may have happened.
type span struct{ first, last time.Time }

// anchor is the day that links from m are measured from: the middle of its
// date, or for an undated report its publication day, since news reports
// recent happenings.
func anchor(m *dyad.Mention, s span) time.Time {
	if !m.Date.Known() {
		return s.last
	}
	return s.first.Add(s.last.Sub(s.first) / 2)
}

// clusterSummary is what decides whether two clusters of mentions may
// merge: the span of their precise (day) dates, the interval that their
// coarse or missing dates allow, the countries of their places, and their
// most specific code.
type clusterSummary struct {
	precise       bool
	pFirst, pLast time.Time // the days that precise dates name
	bounded       bool
	bFirst, bLast time.Time // where coarse and undated mentions allow the event
	country       string    // the country of the places given, "" if none
	code          dyad.EventCode
}

func (c *Clusterer) summaryOf(m *dyad.Mention, s span) clusterSummary {
	cs := clusterSummary{code: m.Code}
	if m.Location != nil {
		cs.country = m.Location.Country
	}
	w := c.window()
	switch {
	case s.first.IsZero():
	case m.Date.Known() && (m.Date.Precision == dyad.PrecisionDay || s.last.Sub(s.first) <= w):
		cs.precise, cs.pFirst, cs.pLast = true, s.first, s.last
	default:
		// A month, a year, a long range, or an undated report: it may be
		// any day within its span, give or take the window.
		cs.bounded, cs.bFirst, cs.bLast = true, s.first.Add(-w), s.last.Add(w)
	}
	return cs
}

// merge returns the summary of two clusters joined, and whether they may
// join: one country at most, codes that refine one another, precise dates
// within the window of each other, inside what the coarse dates allow.
func (a clusterSummary) merge(b clusterSummary, w time.Duration) (clusterSummary, bool) {
	m := a
	switch {
	case a.country == "":
		m.country = b.country
	case b.country != "" && b.country != a.country:
		return m, false
	}
	switch {
	case b.code.Refines(a.code):
		m.code = b.code
	case !a.code.Refines(b.code):
		return m, false
	}
	if b.precise {
		if !m.precise {
			m.precise, m.pFirst, m.pLast = true, b.pFirst, b.pLast
		} else {
			m.pFirst, m.pLast = minTime(m.pFirst, b.pFirst), maxTime(m.pLast, b.pLast)
		}
	}
	if b.bounded {
		if !m.bounded {
			m.bounded, m.bFirst, m.bLast = true, b.bFirst, b.bLast
		} else {
			m.bFirst, m.bLast = maxTime(m.bFirst, b.bFirst), minTime(m.bLast, b.bLast)
		}
	}
	if m.precise && m.pLast.Sub(m.pFirst) > w {
		return m, false
	}
	if m.bounded && m.bLast.Before(m.bFirst) {
		return m, false
	}
	if m.precise && m.bounded && (m.pLast.Before(m.bFirst) || m.pFirst.After(m.bLast)) {
		return m, false
	}
	return m, true
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func (c *Clusterer) spanOf(m *dyad.Mention) span {
	if m.Date.Known() {
		return span{m.Date.First(), m.Date.Last()}
	}
	p := dyad.Day(m.Published).Start
	if m.Published.IsZero() {
		return span{}
	}
	return span{p.Add(-c.lookback()), p}
}

// Resolve clusters one bucket's mentions into events and sets each
// mention's Event. The events come back sorted by ID.
func (c *Clusterer) Resolve(bucket []*dyad.Mention) []*dyad.Event {
	if len(bucket) == 0 {
		return nil
	}
	ms := slices.Clone(bucket)
	spans := make(map[*dyad.Mention]span, len(ms))
	for _, m := range ms {
		spans[m] = c.spanOf(m)
	}
	// Sort by the start of the span so that only neighbours within the
	// window need comparing; ties by ID keep the sort total.
	slices.SortFunc(ms, func(a, b *dyad.Mention) int {
		if r := spans[a].first.Compare(spans[b].first); r != 0 {
			return r
		}
		return cmp.Compare(a.ID, b.ID)
	})
	// Candidate links join pairwise-compatible mentions; they are tried
	// closest first, in an order fixed by the mentions themselves, and a
	// link merges two clusters only if the whole of both stay compatible.
	// So a chain of links cannot join two reports that disagree on the
	// place or lie weeks apart (single linkage would), and the result still
	// does not depend on the order of the input.
	type link struct {
		i, j int
		dist time.Duration
	}
	var links []link
	w := c.window()
	for i, a := range ms {
		sa := spans[a]
		for j := i + 1; j < len(ms); j++ {
			b := ms[j]
			sb := spans[b]
			if !sa.first.IsZero() && !sb.first.IsZero() && sb.first.Sub(sa.last) > w {
				// Later mentions start later still, so none can join a.
				break
			}
			if c.compatible(a, b, sa, sb) {
				d := anchor(a, sa).Sub(anchor(b, sb))
				links = append(links, link{i, j, max(d, -d)})
			}
		}
	}
	slices.SortFunc(links, func(x, y link) int {
		if r := cmp.Compare(x.dist, y.dist); r != 0 {
			return r
		}
		if r := cmp.Compare(ms[x.i].ID, ms[y.i].ID); r != 0 {
			return r
		}
		return cmp.Compare(ms[x.j].ID, ms[y.j].ID)
	})
	uf := newUnionFind(len(ms))
	sums := make([]clusterSummary, len(ms))
	for i, m := range ms {
		sums[i] = c.summaryOf(m, spans[m])
	}
	for _, l := range links {
		a, b := uf.find(l.i), uf.find(l.j)
		if a == b {
			continue
		}
		merged, ok := sums[a].merge(sums[b], w)
		if !ok {
			continue
		}
		uf.union(a, b)
		sums[uf.find(a)] = merged
	}
	groups := map[int][]*dyad.Mention{}
	for i, m := range ms {
		r := uf.find(i)
		groups[r] = append(groups[r], m)
	}
	events := make([]*dyad.Event, 0, len(groups))
	for _, g := range groups {
		events = append(events, summarize(g))
	}
	slices.SortFunc(events, func(a, b *dyad.Event) int { return cmp.Compare(a.ID, b.ID) })
	return events
}

func (c *Clusterer) compatible(a, b *dyad.Mention, sa, sb span) bool {
	if !a.Code.Refines(b.Code) && !b.Code.Refines(a.Code) {
		return false
	}
	if sa.first.IsZero() || sb.first.IsZero() {
		// Neither date nor publication known: only identical claims join.
		return sa.first.IsZero() && sb.first.IsZero()
	}
	w := c.window()
	if sb.first.Sub(sa.last) > w || sa.first.Sub(sb.last) > w {
		return false
	}
	// A coarse date (a year, a decade) overlaps everything within it; it
	// joins a precise one only when it is the only date it has.
	if a.Location != nil && b.Location != nil && a.Location.Country != "" && b.Location.Country != "" &&
		a.Location.Country != b.Location.Country {
		return false
	}
	return true
}

// EventID returns the ID of the event made of mentions: a hash of the
// smallest mention ID, which does not depend on the order of ingest.
func EventID(ms []*dyad.Mention) dyad.EventID {
	min := ms[0].ID
	for _, m := range ms[1:] {
		if m.ID < min {
			min = m.ID
		}
	}
	sum := sha256.Sum256([]byte(min))
	return dyad.EventID("ev_" + hex.EncodeToString(sum[:10]))
}

// sourceGroups partitions mentions into independent sources: mentions whose
// documents share a story (syndicated copies, near-duplicates), an outlet, a
// URL, or a cited source with another document, or that cite another
// document's own URL, are one source. It returns each mention's group index
// and the number of groups.
func sourceGroups(ms []*dyad.Mention) ([]int, int) {
	uf := newUnionFind(len(ms))
	first := map[string]int{}
	link := func(i int, key string) {
		if key == "" {
			return
		}
		if j, ok := first[key]; ok {
			uf.union(i, j)
		} else {
			first[key] = i
		}
	}
	for i, m := range ms {
		link(i, "doc:"+string(m.Doc))
		if m.Story != "" {
			link(i, "story:"+string(m.Story))
		}
		if o := normalizeKey(m.Outlet); o != "" {
			link(i, "outlet:"+o)
		}
		if u := normalizeKey(m.URL); u != "" {
			link(i, "ref:"+u)
		}
	}
	// A citation names another document's source: link it to that document
	// (by URL) and to every other document citing the same source.
	for i, m := range ms {
		for _, k := range m.CitedKeys {
			link(i, "ref:"+normalizeKey(k))
		}
	}
	idx := make([]int, len(ms))
	roots := map[int]int{}
	for i := range ms {
		r := uf.find(i)
		g, ok := roots[r]
		if !ok {
			g = len(roots)
			roots[r] = g
		}
		idx[i] = g
	}
	return idx, len(roots)
}

func normalizeKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "https://")
	s = strings.TrimPrefix(s, "http://")
	s = strings.TrimPrefix(s, "www.")
	return strings.TrimRight(s, "/")
}

type unionFind struct{ parent []int }

func newUnionFind(n int) *unionFind {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	return &unionFind{p}
}

func (u *unionFind) find(i int) int {
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
	}
	return i
}

// union joins the sets of i and j; the smaller root wins, so the result of
// a sequence of unions does not depend on their order.
func (u *unionFind) union(i, j int) {
	a, b := u.find(i), u.find(j)
	switch {
	case a < b:
		u.parent[b] = a
	case b < a:
		u.parent[a] = b
	}
}
