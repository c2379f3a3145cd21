package eval

import (
	"strings"
	"time"

	"github.com/dyad-project/dyad/dyad"
)

// Level is the score at one level of strictness. Matched counts pairs of a
// gold event and a system mention; Recall is Matched/Gold and Precision
// Matched/System (0 when the denominator is 0). Gold files list the main
// events only, so Precision is a lower bound.
type Level struct {
	Gold      int     `json:"gold"`
	System    int     `json:"system"`
	Matched   int     `json:"matched"`
	Recall    float64 `json:"recall"`
	Precision float64 `json:"precision"`
	F1        float64 `json:"f1"`
}

// Scores are the scores at the four levels, each stricter than the one
// before: Root (actors and CAMEO root), Code (and the full code), Date (and
// the date), Certainty (and hedged and negated).
type Scores struct {
	Root      Level `json:"root"`
	Code      Level `json:"code"`
	Date      Level `json:"date"`
	Certainty Level `json:"certainty"`
}

// Levels returns the levels in order of strictness with their names, for
// printing.
func (s Scores) Levels() []NamedLevel {
	return []NamedLevel{
		{"root", s.Root},
		{"root+code", s.Code},
		{"root+code+date", s.Date},
		{"+certainty", s.Certainty},
	}
}

// NamedLevel is a Level with the name WriteText prints for it.
type NamedLevel struct {
	Name string
	Level
}

// A level's predicate beyond the root match: each level requires all
// the earlier ones.
const (
	levelRoot = iota
	levelCode
	levelDate
	levelCertainty
	numLevels
)

// Score matches system mentions against gold events and scores the match
// at each level. system holds each document's mentions under the document
// id that gold lines use (the documents file's id, dyad.Document.Origin);
// every mention in it counts toward System, including those of documents
// with no gold line, since a gold file lists the main events of each
// document it covers. Nil mentions are ignored.
//
// A mention matches a gold event of the same document when its source and
// target match the gold actors (see actorMatches) and its CAMEO root is the
// gold root; the pair may be swapped when the action is symmetric (057
// sign, 04x consult, 19x fight, by the gold code or the system code). The
// stricter levels also require that the system code refines the gold code,
// that the system date falls within the gold date (a gold date without a
// day or month accepts any day of its month or year; an empty gold date
// accepts only an unknown system date), and that the certainty agrees
// (gold hedged when the system says hedged or future, gold negated when it
// says negated; a gold event that is both accepts either).
//
// Each gold event matches at most one mention and each mention at most one
// gold event. At each level Score takes a maximum bipartite matching over
// the pairs that pass that level's tests, computed afresh, so a stricter
// level is never hurt by a pairing chosen at a looser one, and the counts
// do not depend on the order of gold lines or mentions.
func Score(gold []Gold, system map[string][]*dyad.Mention) Scores {
	byDoc := make(map[string][]*Gold)
	for i := range gold {
		byDoc[gold[i].Doc] = append(byDoc[gold[i].Doc], &gold[i])
	}
	var matched [numLevels]int
	nsys := 0
	for doc, ms := range system {
		var sys []*dyad.Mention
		for _, m := range ms {
			if m != nil {
				sys = append(sys, m)
			}
		}
		nsys += len(sys)
		gs := byDoc[doc]
		if len(gs) == 0 || len(sys) == 0 {
			continue
		}
		best := make([]int, len(gs)*len(sys))
		for i, g := range gs {
			for j, m := range sys {
				best[i*len(sys)+j] = pairLevel(g, m)
			}
		}
		for lv := range numLevels {
			matched[lv] += maxMatching(len(gs), len(sys), func(i, j int) bool {
				return best[i*len(sys)+j] >= lv
			})
		}
	}
	var s Scores
	for lv, l := range []*Level{&s.Root, &s.Code, &s.Date, &s.Certainty} {
		*l = newLevel(len(gold), nsys, matched[lv])
	}
	return s
}

// newLevel computes the ratios of a level from its counts.
func newLevel(gold, system, matched int) Level {
	l := Level{Gold: gold, System: system, Matched: matched}
	if gold > 0 {
		l.Recall = float64(matched) / float64(gold)
	}
	if system > 0 {
		l.Precision = float64(matched) / float64(system)
	}
	if l.Recall+l.Precision > 0 {
		l.F1 = 2 * l.Recall * l.Precision / (l.Recall + l.Precision)
	}
	return l
}

// pairLevel returns the strictest level at which mention m matches gold
// event g, or -1 when they do not match at all. The levels are cumulative,
// so a pair that fails the code test stops at levelRoot even if its date
// agrees.
func pairLevel(g *Gold, m *dyad.Mention) int {
	code := string(m.Code)
	if len(code) < 2 || code[:2] != g.CameoRoot {
		return -1
	}
	direct := actorMatches(g.SourceActor, m.Source) && actorMatches(g.TargetActor, m.Target)
	if !direct {
		swapped := actorMatches(g.SourceActor, m.Target) && actorMatches(g.TargetActor, m.Source)
		if !swapped || !(symmetric(g.Cameo) || symmetric(code)) {
			return -1
		}
	}
	if !strings.HasPrefix(code, g.Cameo) {
		return levelRoot
	}
	if !dateMatches(g.Date, m.Date) {
		return levelCode
	}
	if !certaintyMatches(g, m.Certainty) {
		return levelDate
	}
	return levelCertainty
}

// symmetric reports whether a CAMEO code names an action with no
// direction: signing an agreement (057), consulting (04x), fighting (19x).
func symmetric(code string) bool {
	return strings.HasPrefix(code, "057") || strings.HasPrefix(code, "04") || strings.HasPrefix(code, "19")
}

// dateMatches reports whether a system date falls within a gold date: the
// same day for a gold day, any day (or month) of a gold month or year, and
// only an unknown date for an empty gold date. A system date less precise
// than the gold date (a month for a gold day) does not match; a system
// range matches when it lies wholly within the gold date.
func dateMatches(gold string, sys dyad.Date) bool {
	if gold == "" {
		return !sys.Known()
	}
	if !sys.Known() {
		return false
	}
	g, err := dyad.ParseDate(gold)
	if err != nil || !g.Known() {
		return false
	}
	return within(sys.First(), g) && within(sys.Last(), g)
}

// within reports whether day t is one of the days of d.
func within(t time.Time, d dyad.Date) bool {
	return !t.Before(d.First()) && !t.After(d.Last())
}

// certaintyMatches reports whether a system certainty agrees with the gold
// event's hedged and negated flags.
func certaintyMatches(g *Gold, c dyad.Certainty) bool {
	hedged := c == dyad.Hedged || c == dyad.Future
	negated := c == dyad.Negated
	if g.Hedged && g.Negated {
		return hedged || negated
	}
	return hedged == g.Hedged && negated == g.Negated
}

// maxMatching returns the size of a maximum matching in the bipartite graph
// with n left and m right vertices and an edge (i, j) where edge(i, j), by
// augmenting paths (Kuhn's algorithm). A document has a few dozen events at
// most, so the O(n·e) bound does not matter.
func maxMatching(n, m int, edge func(i, j int) bool) int {
	matchR := make([]int, m)
	for j := range matchR {
		matchR[j] = -1
	}
	var seen []bool
	var try func(i int) bool
	try = func(i int) bool {
		for j := range m {
			if seen[j] || !edge(i, j) {
				continue
			}
			seen[j] = true
			if matchR[j] < 0 || try(matchR[j]) {
				matchR[j] = i
				return true
			}
		}
		return false
	}
	size := 0
	for i := range n {
		seen = make([]bool, m)
		if try(i) {
			size++
		}
	}
	return size
}
