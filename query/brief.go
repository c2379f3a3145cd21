package query

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/dyad-project/dyad/cameo"
	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/nlp"
	"github.com/dyad-project/dyad/resolve"
)

// BriefReader is what a brief reads: events with their mentions, and the
// documents behind them for their titles and source lists.
type BriefReader interface {
	dyad.EventReader
	FindDocument(ctx context.Context, id dyad.DocumentID) (*dyad.Document, error)
}

// BriefOptions selects what a brief covers.
type BriefOptions struct {
	A, B           dyad.ActorSelector // B may be zero: a brief on A alone
	ALabel, BLabel string
	Since, Until   dyad.Date
	Snapshot       int // lines in the Snapshot; default 5
	MaxLines       int // lines per section; default 20
}

// A Brief is a cited briefing generated from stored events. It never
// invents text: every line is built from an event's coding and quotes a
// stored mention, and carries the IDs of the mentions behind it.
type Brief struct {
	Title         string        `json:"title"`
	Period        string        `json:"period"`
	Events        int           `json:"events"`
	Snapshot      []Line        `json:"snapshot"`
	Confirmed     []Line        `json:"confirmed"`
	Reported      []Line        `json:"reported"`
	Hedged        []Line        `json:"hedged"`
	Denied        []Line        `json:"denied"`
	Disagreements []Line        `json:"disagreements"`
	Sources       []SourceEntry `json:"sources"`
}

// A Line is one line of a brief.
type Line struct {
	Text      string           `json:"text"`  // the line without its citations
	Quote     string           `json:"quote"` // the evidence it quotes
	Cites     []int            `json:"cites"` // numbers in Sources
	Event     dyad.EventID     `json:"event"`
	Mentions  []dyad.MentionID `json:"mentions"`
	Certainty dyad.Certainty   `json:"certainty"`
}

// A SourceEntry is one numbered source of a brief: a story, with every
// listing or copy of it.
type SourceEntry struct {
	N      int             `json:"n"`
	Title  string          `json:"title"`
	Outlet string          `json:"outlet,omitempty"`
	URL    string          `json:"url,omitempty"`
	Date   string          `json:"date,omitempty"`
	Doc    dyad.DocumentID `json:"doc,omitempty"`
	// Via is the document whose own source list names this source, when
	// the brief cites it through that document's citation markers.
	Via    dyad.DocumentID `json:"via,omitempty"`
	Copies []string        `json:"copies,omitempty"` // other listings or copies of the same story
}

// BriefOf builds the brief that o asks for.
func BriefOf(ctx context.Context, r BriefReader, o BriefOptions) (*Brief, error) {
	if o.Snapshot <= 0 {
		o.Snapshot = 5
	}
	if o.MaxLines <= 0 {
		o.MaxLines = 20
	}
	f := dyad.EventFilter{Since: o.Since, Until: o.Until, WithMentions: true}
	if o.B.IsZero() {
		f.Actor = o.A
	} else {
		f.Dyad = [2]dyad.ActorSelector{o.A, o.B}
	}
	evs, _, err := r.FindEvents(ctx, f)
	if err != nil {
		return nil, err
	}
	b := &Brief{Title: briefTitle(o), Period: period(o), Events: len(evs),
		Snapshot: []Line{}, Confirmed: []Line{}, Reported: []Line{}, Hedged: []Line{}, Denied: []Line{}, Disagreements: []Line{}, Sources: []SourceEntry{}}
	if len(evs) == 0 {
		return b, nil
	}
	c := &citer{r: r, ctx: ctx, byKey: map[string]int{}, docs: map[dyad.DocumentID]*dyad.Document{}}
	ranked := rank(evs)
	// The Snapshot tells what happened: an event that its sources only
	// deny is listed under Denied, not here.
	for _, e := range ranked {
		if len(b.Snapshot) == o.Snapshot {
			break
		}
		if e.Certainty == dyad.Negated {
			continue
		}
		l, err := c.line(e, bestMentions(e, false))
		if err != nil {
			return nil, err
		}
		b.Snapshot = append(b.Snapshot, l)
	}
	for _, e := range ranked {
		var section *[]Line
		switch {
		case e.Certainty == dyad.Asserted && e.NumSources >= 2:
			section = &b.Confirmed
		case e.Certainty == dyad.Asserted || e.Certainty == dyad.Reported:
			section = &b.Reported
		case e.Certainty == dyad.Hedged || e.Certainty == dyad.Future:
			section = &b.Hedged
		default:
			section = &b.Denied
		}
		if len(*section) < o.MaxLines {
			l, err := c.line(e, bestMentions(e, false))
			if err != nil {
				return nil, err
			}
			*section = append(*section, l)
		}
		// A denial, or a hedge or plan, inside an event that others assert
		// is listed in its own section too: an analyst must see both.
		for _, weak := range []struct {
			section *[]Line
			keep    func(dyad.Certainty) bool
			label   dyad.Certainty
		}{
			{&b.Denied, func(c dyad.Certainty) bool { return c == dyad.Negated }, dyad.Negated},
			{&b.Hedged, func(c dyad.Certainty) bool { return c == dyad.Hedged || c == dyad.Future }, dyad.Hedged},
		} {
			if weak.keep(e.Certainty) || e.Certainty == dyad.Negated || len(*weak.section) >= o.MaxLines {
				continue
			}
			ms := mentionsWith(e, weak.keep)
			if len(ms) == 0 {
				continue
			}
			l, err := c.line(e, ms)
			if err != nil {
				return nil, err
			}
			l.Certainty = ms[0].Certainty
			*weak.section = append(*weak.section, l)
		}
		for _, cf := range e.Conflicts {
			if len(b.Disagreements) >= o.MaxLines {
				break
			}
			l, err := c.line(e, bestMentions(e, false))
			if err != nil {
				return nil, err
			}
			l.Text = fmt.Sprintf("%s — %s: %s", l.Text, cf.Field, resolve.String(cf))
			b.Disagreements = append(b.Disagreements, l)
		}
	}
	b.Sources = c.entries
	return b, nil
}

func briefTitle(o BriefOptions) string {
	if o.B.IsZero() {
		return "Brief: " + o.ALabel
	}
	return "Brief: " + o.ALabel + " – " + o.BLabel
}

func period(o BriefOptions) string {
	switch {
	case o.Since.Known() && o.Until.Known():
		return o.Since.String() + " to " + o.Until.String()
	case o.Since.Known():
		return "since " + o.Since.String()
	case o.Until.Known():
		return "until " + o.Until.String()
	}
	return "all dates"
}

// rank orders events by importance: independent sources first, then the
// magnitude of their Goldstein score, then recency; the ID breaks ties.
func rank(evs []*dyad.Event) []*dyad.Event {
	out := slices.Clone(evs)
	score := func(e *dyad.Event) float64 {
		s := 3*float64(e.NumSources) + math.Abs(e.Goldstein)/2 + float64(e.Certainty.Strength())/2
		if e.Date.Known() {
			s += float64(e.Date.First().Year()-1900) / 100
		}
		return s
	}
	slices.SortStableFunc(out, func(a, b *dyad.Event) int {
		if r := cmp.Compare(score(b), score(a)); r != 0 {
			return r
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return out
}

// bestMentions returns the mentions a line about e quotes and cites: the
// negated ones when negated is set, else those of e's own certainty (or
// stronger), one per independent story.
func bestMentions(e *dyad.Event, negated bool) []*dyad.Mention {
	if negated {
		return mentionsWith(e, func(c dyad.Certainty) bool { return c == dyad.Negated })
	}
	return mentionsWith(e, func(c dyad.Certainty) bool { return c != dyad.Negated && c.Strength() >= e.Certainty.Strength() })
}

// mentionsWith returns the mentions of e whose certainty keep accepts, one
// per story.
func mentionsWith(e *dyad.Event, keep func(dyad.Certainty) bool) []*dyad.Mention {
	var out []*dyad.Mention
	seen := map[dyad.DocumentID]bool{}
	for _, m := range e.Mentions {
		if !keep(m.Certainty) {
			continue
		}
		story := m.Story
		if story == "" {
			story = m.Doc
		}
		if seen[story] {
			continue
		}
		seen[story] = true
		out = append(out, m)
	}
	return out
}

// citer numbers the sources of a brief in the order lines first cite them.
type citer struct {
	r       BriefReader
	ctx     context.Context
	byKey   map[string]int
	entries []SourceEntry
	docs    map[dyad.DocumentID]*dyad.Document
}

func (c *citer) doc(id dyad.DocumentID) (*dyad.Document, error) {
	if d, ok := c.docs[id]; ok {
		return d, nil
	}
	d, err := c.r.FindDocument(c.ctx, id)
	if err != nil {
		return nil, fmt.Errorf("brief: document %s: %w", id, err)
	}
	c.docs[id] = d
	return d, nil
}

// cite returns the numbers of the sources behind m: the document's own
// sources that its sentence cites, or else the document itself.
func (c *citer) cite(m *dyad.Mention) ([]int, error) {
	d, err := c.doc(m.Doc)
	if err != nil {
		return nil, err
	}
	var out []int
	if len(m.Citations) > 0 && len(d.Sources) > 0 {
		byN := map[int]dyad.Source{}
		for _, s := range d.Sources {
			byN[s.N] = s
		}
		for _, n := range m.Citations {
			s, ok := byN[n]
			if !ok {
				continue
			}
			first := s
			if f, ok := byN[s.SameAs]; ok && s.SameAs != 0 {
				first = f
			}
			key := "src:" + sourceKey(first)
			num, ok := c.byKey[key]
			if !ok {
				num = c.add(key, SourceEntry{Title: first.Title, Outlet: first.Outlet, URL: first.URL, Via: d.ID})
			}
			// The other listings of the same story in this document's list
			// are copies of the entry, whichever document made it first.
			e := &c.entries[num-1]
			if e.Via == "" {
				e.Via = d.ID
			}
			for _, o := range d.Sources {
				if o.N != first.N && (o.SameAs == first.N || (first.SameAs != 0 && o.SameAs == first.SameAs)) {
					if l := listing(o); !slices.Contains(e.Copies, l) {
						e.Copies = append(e.Copies, l)
					}
				}
			}
			if !slices.Contains(out, num) {
				out = append(out, num)
			}
		}
		if len(out) > 0 {
			return out, nil
		}
	}
	story := m.Story
	if story == "" {
		story = m.Doc
	}
	key := "story:" + string(story)
	num, ok := c.byKey[key]
	if !ok && d.URL != "" {
		// A stored document that another one's source list already cited,
		// by the same URL, is that entry: one story, one number.
		if num, ok = c.byKey["src:"+sourceKey(dyad.Source{URL: d.URL})]; ok {
			c.byKey[key] = num
			if e := &c.entries[num-1]; e.Doc == "" {
				e.Doc, e.Title, e.Outlet = d.ID, cmp.Or(d.Title, e.Title), cmp.Or(d.Outlet, e.Outlet)
				if !d.Published.IsZero() {
					e.Date = d.Published.Format("2006-01-02")
				}
			}
		}
	}
	if !ok {
		e := SourceEntry{Title: d.Title, Outlet: d.Outlet, URL: d.URL, Doc: d.ID}
		if !d.Published.IsZero() {
			e.Date = d.Published.Format("2006-01-02")
		}
		num = c.add(key, e)
		if d.URL != "" {
			c.byKey["src:"+sourceKey(dyad.Source{URL: d.URL})] = num
		}
	}
	// Another document of the same story is a copy of the entry's one.
	if e := &c.entries[num-1]; e.Doc != d.ID {
		if l := docListing(d); !slices.Contains(e.Copies, l) {
			e.Copies = append(e.Copies, l)
		}
	}
	return []int{num}, nil
}

func (c *citer) add(key string, e SourceEntry) int {
	e.N = len(c.entries) + 1
	c.entries = append(c.entries, e)
	c.byKey[key] = e.N
	return e.N
}

// sourceKey identifies a listed source: its URL without scheme, "www."
// and trailing slash, or else its title, case folded.
func sourceKey(s dyad.Source) string {
	if s.URL != "" {
		u := strings.ToLower(strings.TrimSpace(s.URL))
		u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
		return strings.TrimSuffix(strings.TrimPrefix(u, "www."), "/")
	}
	return "title:" + strings.ToLower(s.Title)
}

func listing(s dyad.Source) string {
	l := fmt.Sprintf("[%d] %s", s.N, s.Title)
	if s.Outlet != "" {
		l += " – " + s.Outlet
	}
	if s.URL != "" {
		l += " <" + s.URL + ">"
	}
	return l
}

func docListing(d *dyad.Document) string {
	l := d.Outlet
	if l == "" {
		l = string(d.ID)
	}
	if d.Title != "" {
		l += ": " + d.Title
	}
	if d.URL != "" {
		l += " <" + d.URL + ">"
	}
	return l
}

// line writes the line about e that quotes ms[0] and cites every m of ms.
func (c *citer) line(e *dyad.Event, ms []*dyad.Mention) (Line, error) {
	if len(ms) == 0 {
		ms = e.Mentions
	}
	l := Line{Event: e.ID, Certainty: e.Certainty, Cites: []int{}}
	name := string(e.Code)
	if info, ok := cameo.Lookup(e.Code); ok {
		name = info.Name
	}
	date := e.Date.String()
	if date == "" {
		date = "date unknown"
	}
	l.Text = fmt.Sprintf("%s: %s → %s: %s (CAMEO %s, %d independent source%s)", date, actorName(e.Source), actorName(e.Target),
		name, e.Code, e.NumSources, plural(e.NumSources))
	if len(ms) > 0 {
		q, err := c.quote(ms[0])
		if err != nil {
			return l, err
		}
		l.Quote = q
	}
	for _, m := range ms {
		l.Mentions = append(l.Mentions, m.ID)
		nums, err := c.cite(m)
		if err != nil {
			return l, err
		}
		for _, n := range nums {
			if !slices.Contains(l.Cites, n) {
				l.Cites = append(l.Cites, n)
			}
		}
	}
	// The event's other documents of a story the line cites (syndicated
	// copies) are listed under that story's entry.
	for _, m := range e.Mentions {
		num, ok := c.byKey["story:"+string(storyOf(m))]
		if !ok || !slices.ContainsFunc(ms, func(x *dyad.Mention) bool { return storyOf(x) == storyOf(m) }) {
			continue
		}
		if en := &c.entries[num-1]; en.Doc != m.Doc {
			d, err := c.doc(m.Doc)
			if err != nil {
				return l, err
			}
			cp := docListing(d)
			listed := slices.ContainsFunc(en.Copies, func(x string) bool { return x == cp || (d.URL != "" && strings.HasSuffix(x, " <"+d.URL+">")) })
			if !listed {
				en.Copies = append(en.Copies, cp)
			}
		}
	}
	slices.Sort(l.Cites)
	return l, nil
}

func storyOf(m *dyad.Mention) dyad.DocumentID {
	if m.Story != "" {
		return m.Story
	}
	return m.Doc
}

func actorName(a dyad.Actor) string {
	n := a.Name
	if n == "" {
		n = string(a.Code)
	}
	if a.Role != "" && a.Role != "IGO" {
		return fmt.Sprintf("%s (%s)", n, a.Code)
	}
	return n
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// quote returns the words a line quotes for m: the whole sentence that
// carries it, which reads better than the clause the coder kept, without
// the document's own citation markers (the line carries the brief's), or
// the mention's text when the sentence is not at hand.
func (c *citer) quote(m *dyad.Mention) (string, error) {
	text := m.Text
	d, err := c.doc(m.Doc)
	if err != nil {
		return "", err
	}
	for _, s := range d.Sentences {
		if s.Index == m.Sentence && strings.Contains(s.Text, strings.TrimSpace(m.Text)) {
			text = nlp.StripCitations(s.Text)
			break
		}
	}
	return strings.Join(strings.Fields(text), " "), nil
}
