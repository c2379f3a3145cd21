package petrarch

import (
	"sort"
	"strings"
)

// match is the result of matching a verb's patterns.
type match struct {
	code, code2            string
	source, target, mutual []string
	after                  int // where to look for the object
	pattern                *Pattern
}

// capture records what a pattern's markers matched.
type capture struct {
	source, target, mutual []string
	words                  []int // token positions of matched literal words
}

// patternsOf returns the patterns of the blocks of forms, the most
// specific (most elements) first, in dictionary order otherwise.
func patternsOf(forms []VerbForm) []*Pattern {
	if b := forms[0].Verb.Block; b != nil && b.sorted != nil {
		one := true
		for _, f := range forms[1:] {
			if f.Verb.Block != b {
				one = false
				break
			}
		}
		if one {
			return b.sorted
		}
	}
	var ps []*Pattern
	seen := map[*VerbBlock]bool{}
	for _, f := range forms {
		b := f.Verb.Block
		if b == nil || seen[b] {
			continue
		}
		seen[b] = true
		ps = append(ps, b.Patterns...)
	}
	sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].Elems) > len(ps[j].Elems) })
	return ps
}

func splitCode(c string) (string, string) {
	a, b, _ := strings.Cut(c, ":")
	return a, b
}

func (s *sentence) matchVerb(v verbHit, consumed []bool) match {
	for _, p := range patternsOf(v.forms) {
		if p.need != "" && !s.has(p.need) {
			continue
		}
		var cp capture
		if !s.matchAfter(p, p.Star+1, v.end, &cp) {
			continue
		}
		if !s.matchBefore(p, p.Star-1, v.start, &cp) {
			continue
		}
		for _, w := range cp.words {
			consumed[w] = true
		}
		return match{code: p.Code, code2: p.Code2, source: cp.source, target: cp.target, mutual: cp.mutual, after: v.end, pattern: p}
	}
	f := v.forms[0]
	code := f.Verb.Code
	if code == "" {
		code = f.Verb.Block.Code
	}
	a, b := splitCode(code)
	return match{code: a, code2: b, after: v.end}
}

// groupAt returns the group starting at token i.
func (s *sentence) groupAt(i int) (group, bool) {
	if i < 0 || i >= len(s.toks) || s.gAt[i] < 0 {
		return group{}, false
	}
	g := s.groups[s.gAt[i]]
	return g, g.start == i
}

// groupEnding returns the group ending at token end (exclusive).
func (s *sentence) groupEnding(end int) (group, bool) {
	if end <= 0 || end > len(s.toks) || s.gAt[end-1] < 0 {
		return group{}, false
	}
	g := s.groups[s.gAt[end-1]]
	return g, g.end == end
}

// elemEndsAt lists where element e, starting at token i, can end.
func (s *sentence) elemEnds(e Elem, i int, out []int) []int {
	if i >= len(s.toks) {
		return nil
	}
	switch e.Kind {
	case ElemWord:
		if s.toks[i].W == e.Word {
			return append(out, i+1)
		}
	case ElemSynset:
		for _, m := range s.c.d.synFirst[e.Word][s.toks[i].W] {
			if matchWords(s.toks, i, m) {
				out = append(out, i+len(m))
			}
		}
		return out
	case ElemTarget, ElemSource, ElemCompound:
		if g, ok := s.groupAt(i); ok {
			if e.Kind == ElemCompound && len(g.codes) < 2 {
				return nil
			}
			return append(out, g.end)
		}
	case ElemSkip:
		j := i
		for j < len(s.toks) && determiners[s.toks[j].W] {
			j++
		}
		if g, ok := s.groupAt(j); ok {
			return append(out, g.end)
		}
		return append(out, i+1)
	}
	return nil
}

// elemStarts lists where element e, ending at token end, can start.
func (s *sentence) elemStarts(e Elem, end int, out []int) []int {
	if end <= 0 {
		return nil
	}
	switch e.Kind {
	case ElemWord:
		if s.toks[end-1].W == e.Word {
			return append(out, end-1)
		}
	case ElemSynset:
		for _, m := range s.c.d.synLast[e.Word][s.toks[end-1].W] {
			if st := end - len(m); st >= 0 && matchWords(s.toks, st, m) {
				out = append(out, st)
			}
		}
		return out
	case ElemTarget, ElemSource, ElemCompound:
		if g, ok := s.groupEnding(end); ok {
			if e.Kind == ElemCompound && len(g.codes) < 2 {
				return nil
			}
			return append(out, g.start)
		}
	case ElemSkip:
		if g, ok := s.groupEnding(end); ok {
			return append(out, g.start)
		}
		return append(out, end-1)
	}
	return nil
}

func (cp *capture) record(s *sentence, e Elem, start, end int, after bool) {
	switch {
	case e.Kind == ElemCompound && after:
		cp.target = s.groups[s.gAt[start]].codes
		return
	}
	switch e.Kind {
	case ElemTarget:
		cp.target = s.groups[s.gAt[start]].codes
	case ElemSource:
		cp.source = s.groups[s.gAt[start]].codes
	case ElemCompound:
		cp.mutual = s.groups[s.gAt[start]].codes
	case ElemWord, ElemSynset:
		for k := start; k < end; k++ {
			cp.words = append(cp.words, k)
		}
	}
}

// matchAfter matches p.Elems[k:] (after the verb) from token pos on.
func (s *sentence) matchAfter(p *Pattern, k, pos int, cp *capture) bool {
	if k >= len(p.Elems) {
		return true
	}
	e := p.Elems[k]
	for c := pos; c < len(s.toks); c++ {
		if c > pos && (e.Join || stops[s.toks[c-1].W]) {
			break
		}
		var buf [4]int
		for _, end := range s.elemEnds(e, c, buf[:0]) {
			saved := *cp
			cp.record(s, e, c, end, true)
			if s.matchAfter(p, k+1, end, cp) {
				return true
			}
			*cp = saved
		}
	}
	return false
}

// matchBefore matches p.Elems[:k+1] (before the verb) backwards, the
// element k ending at or before token pos.
func (s *sentence) matchBefore(p *Pattern, k, pos int, cp *capture) bool {
	if k < 0 {
		return true
	}
	e := p.Elems[k]
	joined := p.Elems[k+1].Join
	for end := pos; end > 0; end-- {
		if end < pos && (joined || stops[s.toks[end].W]) {
			break
		}
		var buf [4]int
		for _, st := range s.elemStarts(e, end, buf[:0]) {
			saved := *cp
			cp.record(s, e, st, end, false)
			if s.matchBefore(p, k-1, st, cp) {
				return true
			}
			*cp = saved
		}
	}
	return false
}

// has reports whether word w occurs in the sentence.
func (s *sentence) has(w string) bool {
	if s.words == nil {
		s.words = make(map[string]struct{}, len(s.toks))
		for _, t := range s.toks {
			s.words[t.W] = struct{}{}
		}
	}
	_, ok := s.words[w]
	return ok
}
