package sourcing

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/nlp"
)

// A Report is a document's own sourcing, as `dyad sources` prints it: which
// claims cite which listed sources, which sources repeat each other, how many
// independent stories the list holds, and where the sourcing has gaps.
type Report struct {
	Document dyad.DocumentID `json:"document,omitempty"`
	Title    string          `json:"title,omitempty"`
	// Claims are the document's body and list-item sentences, cited or not.
	Claims  []Claim  `json:"claims"`
	Sources []Source `json:"sources"`
	// Groups are the sets of listed sources that tell the same story (only
	// sets of two or more), each in list order.
	Groups [][]int `json:"groups"`
	// Independent is the number of distinct stories among the listed sources.
	Independent int `json:"independent"`
	// Uncited are the claims that cite no source.
	Uncited []Claim `json:"uncited"`
	// CitedNotListed are citation numbers used in the text but absent from the list.
	CitedNotListed []int `json:"cited_not_listed"`
	// ListedNotCited are listed sources that no sentence cites.
	ListedNotCited []int `json:"listed_not_cited"`
}

// A Claim is one sentence that makes a claim, with the sources it cites.
type Claim struct {
	Index     int               `json:"index"`
	Kind      dyad.SentenceKind `json:"kind"`
	Text      string            `json:"text"`
	Citations []int             `json:"citations"`
	// Independent is the number of distinct stories among the cited sources
	// that are listed (sources that repeat each other count once).
	Independent int `json:"independent"`
}

// A Source is one listed source in a Report.
type Source struct {
	N      int    `json:"n"`
	Title  string `json:"title"`
	Outlet string `json:"outlet,omitempty"`
	URL    string `json:"url,omitempty"`
	// SameAs is the number of the first source of the same story, 0 when
	// this source is the first.
	SameAs int `json:"same_as,omitempty"`
	// CitedBy is the number of sentences that cite this source.
	CitedBy int `json:"cited_by"`
}

// Audit reports the sourcing of doc. It uses doc.Sentences and doc.Sources
// when the pipeline has filled them, and otherwise splits doc.Text with
// nlp.Splitter and parses its source list with ParseSources. It does not
// modify doc.
func Audit(doc *dyad.Document) Report {
	sents := doc.Sentences
	if sents == nil {
		sents = nlp.Splitter{}.Split(doc.Text)
	}
	srcs := doc.Sources
	if srcs == nil {
		srcs, _, _ = ParseSources(doc.Text)
	} else {
		srcs = slices.Clone(srcs)
		MarkSameStories(srcs)
	}
	r := Report{Document: doc.ID, Title: doc.Title, Claims: []Claim{}, Sources: []Source{},
		Groups: [][]int{}, Uncited: []Claim{}, CitedNotListed: []int{}, ListedNotCited: []int{}}

	root := make(map[int]int, len(srcs)) // source number -> its story's first number
	pos := make(map[int]int, len(srcs))  // source number -> index in r.Sources
	for _, s := range srcs {
		rt := s.N
		if s.SameAs != 0 {
			rt = s.SameAs
		}
		if _, dup := root[s.N]; !dup {
			root[s.N] = rt
			pos[s.N] = len(r.Sources)
		}
		r.Sources = append(r.Sources, Source{N: s.N, Title: s.Title, Outlet: s.Outlet, URL: s.URL, SameAs: s.SameAs})
	}
	stories := map[int][]int{}
	var order []int
	for _, s := range srcs {
		rt := root[s.N]
		if _, ok := stories[rt]; !ok {
			order = append(order, rt)
		}
		if !slices.Contains(stories[rt], s.N) {
			stories[rt] = append(stories[rt], s.N)
		}
	}
	r.Independent = len(order)
	for _, rt := range order {
		if g := stories[rt]; len(g) > 1 {
			r.Groups = append(r.Groups, g)
		}
	}

	cited := map[int]bool{}
	for _, s := range sents {
		if s.Kind != dyad.KindBody && s.Kind != dyad.KindBullet {
			continue
		}
		c := Claim{Index: s.Index, Kind: s.Kind, Text: s.Text, Citations: s.Citations}
		if c.Citations == nil {
			c.Citations = []int{}
		}
		seen := map[int]bool{}
		for _, n := range c.Citations {
			if !cited[n] {
				cited[n] = true
				if _, listed := root[n]; !listed {
					r.CitedNotListed = append(r.CitedNotListed, n)
				}
			}
			if i, listed := pos[n]; listed {
				r.Sources[i].CitedBy++
				if !seen[root[n]] {
					seen[root[n]] = true
					c.Independent++
				}
			}
		}
		r.Claims = append(r.Claims, c)
		if len(c.Citations) == 0 {
			r.Uncited = append(r.Uncited, c)
		}
	}
	slices.Sort(r.CitedNotListed)
	for _, s := range r.Sources {
		if !cited[s.N] {
			r.ListedNotCited = append(r.ListedNotCited, s.N)
		}
	}
	return r
}

// WriteText writes r as a plain-text report for a terminal: a summary, the
// source list with repeats marked, the claims that cite nothing, the gaps
// between markers and list, and every claim with its markers.
func (r Report) WriteText(w io.Writer) error {
	ew := &errWriter{w: w}
	if r.Title != "" {
		ew.printf("%s\n", r.Title)
	}
	if r.Document != "" {
		ew.printf("%s\n", r.Document)
	}
	cited := len(r.Claims) - len(r.Uncited)
	ew.printf("%d sources listed, %d independent; %d claims, %d cite sources, %d cite nothing\n",
		len(r.Sources), r.Independent, len(r.Claims), cited, len(r.Uncited))

	if len(r.Sources) > 0 {
		ew.printf("\nSources:\n")
		for _, s := range r.Sources {
			line := fmt.Sprintf("  [%d] %s", s.N, s.Title)
			if s.Outlet != "" {
				line += " — " + s.Outlet
			}
			if s.URL != "" {
				line += " <" + s.URL + ">"
			}
			if s.SameAs != 0 {
				line += fmt.Sprintf("  (same story as [%d])", s.SameAs)
			}
			ew.printf("%s  cited %s\n", line, plural(s.CitedBy, "time"))
		}
	} else {
		ew.printf("\nNo source list found.\n")
	}
	if len(r.Groups) > 0 {
		ew.printf("\nSame story listed more than once:\n")
		for _, g := range r.Groups {
			parts := make([]string, len(g))
			for i, n := range g {
				parts[i] = fmt.Sprintf("[%d]", n)
			}
			ew.printf("  %s\n", strings.Join(parts, " "))
		}
	}
	if len(r.CitedNotListed) > 0 {
		ew.printf("\nCited but not listed: %s\n", markers(r.CitedNotListed))
	}
	if len(r.ListedNotCited) > 0 {
		ew.printf("\nListed but never cited: %s\n", markers(r.ListedNotCited))
	}
	if len(r.Uncited) > 0 {
		ew.printf("\nClaims that cite nothing:\n")
		for _, c := range r.Uncited {
			ew.printf("  %3d  %s\n", c.Index, oneLine(c.Text))
		}
	}
	if len(r.Claims) > 0 {
		ew.printf("\nClaims:\n")
		for _, c := range r.Claims {
			m := "-"
			if len(c.Citations) > 0 {
				m = fmt.Sprintf("%s (%d independent)", markers(c.Citations), c.Independent)
			}
			ew.printf("  %3d  %s\n       %s\n", c.Index, m, oneLine(c.Text))
		}
	}
	return ew.err
}

func markers(ns []int) string {
	var b strings.Builder
	for _, n := range ns {
		fmt.Fprintf(&b, "[%d]", n)
	}
	return b.String()
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// oneLine joins a sentence's wrapped lines for display.
func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }

// errWriter keeps the first write error so WriteText can print freely.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
