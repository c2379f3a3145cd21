package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-project/dyad/dyad"
)

// A Splitter cuts normalized text into sentences (it implements
// dyad.Splitter). It reads the layout as well as the punctuation: each
// heading, list item, embedded social-media line and source-list entry is a
// sentence of its own kind, paragraphs are separated by blank lines, and a
// line without final punctuation ends its sentence unless the next line
// obviously continues it (starts in lower case, or the line ends with a
// comma or a word such as "and"). Inside a line it knows abbreviations
// (U.S., Gen., Jan. 5, Inc., e.g., a.m.), initials, decimals, ellipses and
// quotations. Citation markers ([1][2], [3, 4], [5–7]) belong to the
// sentence they close or stand in, even when they follow its final period.
//
// The zero Splitter is ready to use and safe for concurrent use.
type Splitter struct{}

var _ dyad.Splitter = Splitter{}

// SplitText returns the texts of the sentences of text, for callers (and
// tests) that need no spans or kinds.
func SplitText(text string) []string {
	sents := Splitter{}.Split(text)
	if sents == nil {
		return nil
	}
	out := make([]string, len(sents))
	for i, s := range sents {
		out[i] = s.Text
	}
	return out
}

// unit is a run of text that sentences do not cross: a paragraph (or the
// part of it between layout lines), a list item, a heading, a social line or
// a source-list entry.
type unit struct {
	start, end int
	kind       dyad.SentenceKind
	lines      int
}

// Split returns the sentences of text in order, with byte spans into text
// that do not overlap and do not include surrounding whitespace. It returns
// nil for text with no sentences.
func (Splitter) Split(text string) []dyad.Sentence {
	srcStart, hasSources := SourceList(text)
	if !hasSources {
		srcStart = len(text)
	}
	var sents []dyad.Sentence
	var cur unit
	have := false
	closeUnit := func() {
		if have {
			sents = splitUnit(sents, text, cur)
			have = false
		}
	}
	prevEnd := -1 // end of the previous non-blank line in the current unit
	for i := 0; i < srcStart; {
		e := strings.IndexByte(text[i:srcStart], '\n')
		next := 0
		if e < 0 {
			e = srcStart
			next = srcStart
		} else {
			e += i
			next = e + 1
		}
		ls, le := trimSpan(text, i, e)
		i = next
		if ls == le {
			closeUnit()
			continue
		}
		line := text[ls:le]
		kind := lineKind(line)
		if kind == dyad.KindBody && have && (cur.kind == dyad.KindBody || cur.kind == dyad.KindBullet) &&
			continues(text[cur.start:prevEnd], line) {
			cur.end = le
			cur.lines++
			prevEnd = le
			continue
		}
		closeUnit()
		cur = unit{start: ls, end: le, kind: kind, lines: 1}
		have = true
		prevEnd = le
	}
	closeUnit()
	if hasSources {
		for i := srcStart; i < len(text); {
			e := strings.IndexByte(text[i:], '\n')
			next := 0
			if e < 0 {
				e = len(text)
				next = len(text)
			} else {
				e += i
				next = e + 1
			}
			ls, le := trimSpan(text, i, e)
			i = next
			if ls < le {
				sents = append(sents, dyad.Sentence{
					Index: len(sents), Span: dyad.Span{Start: ls, End: le}, Text: text[ls:le], Kind: dyad.KindSources,
				})
			}
		}
	}
	return sents
}

// trimSpan returns [i, e) without leading and trailing whitespace.
func trimSpan(s string, i, e int) (int, int) {
	for i < e {
		if c := s[i]; c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			i++
			continue
		}
		if r, n := utf8.DecodeRuneInString(s[i:e]); r >= utf8.RuneSelf && unicode.IsSpace(r) {
			i += n
			continue
		}
		break
	}
	for e > i {
		if c := s[e-1]; c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			e--
			continue
		}
		if r, n := utf8.DecodeLastRuneInString(s[i:e]); r >= utf8.RuneSelf && unicode.IsSpace(r) {
			e -= n
			continue
		}
		break
	}
	return i, e
}

// lineKind classifies a trimmed line by its layout alone: social lines and
// list items; everything else is body (headlines are decided per unit).
func lineKind(line string) dyad.SentenceKind {
	if isSocialLine(line) {
		return dyad.KindSocial
	}
	if isBulletLine(line) {
		return dyad.KindBullet
	}
	return dyad.KindBody
}

// isBulletLine reports whether line starts with a list marker: "- ", "* ",
// "• ", "· ", "– ", or a number of at most three digits and ". " or ") ".
func isBulletLine(line string) bool {
	switch {
	case strings.HasPrefix(line, "- "), strings.HasPrefix(line, "* "), strings.HasPrefix(line, "+ "),
		strings.HasPrefix(line, "• "), strings.HasPrefix(line, "· "), strings.HasPrefix(line, "– "),
		strings.HasPrefix(line, "▪ "), strings.HasPrefix(line, "◦ "):
		return true
	}
	j := 0
	for j < len(line) && j < 4 && isDigit(line[j]) {
		j++
	}
	return j > 0 && j <= 3 && j+1 < len(line) && (line[j] == '.' || line[j] == ')') && line[j+1] == ' '
}

// isSocialLine reports whether line is part of an embedded social-media
// post: it links to a post or picture (pic.twitter.com/…, t.co/…,
// twitter.com/…/status/…, x.com/…/status/…), or it is a post's byline, a
// dash followed by a name and an "(@handle)".
func isSocialLine(line string) bool {
	if strings.Contains(line, "pic.twitter.com/") || strings.Contains(line, "t.co/") ||
		strings.Contains(line, "/status/") && (strings.Contains(line, "twitter.com/") || strings.Contains(line, "x.com/")) {
		return true
	}
	dash := strings.HasPrefix(line, "—") || strings.HasPrefix(line, "–") || strings.HasPrefix(line, "-") || strings.HasPrefix(line, "―")
	if !dash {
		return false
	}
	k := strings.Index(line, "(@")
	if k < 0 {
		return false
	}
	j := scanTag(line, k+2)
	return j > k+2 && j < len(line) && line[j] == ')'
}

// continuationWords are words that cannot end a sentence, so a line ending
// with one continues on the next line.
var continuationWords = map[string]bool{
	"and": true, "or": true, "but": true, "nor": true, "the": true, "a": true, "an": true,
	"of": true, "to": true, "in": true, "on": true, "at": true, "by": true, "for": true,
	"with": true, "from": true, "that": true, "which": true, "who": true, "as": true,
	"than": true, "into": true, "its": true, "their": true, "his": true, "her": true,
}

// continues reports whether line continues the sentence that the text prev
// (the current unit so far) left open.
func continues(prev, line string) bool {
	if endsSentence(prev) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(line)
	if unicode.IsLower(r) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(prev)
	switch last {
	case ',', ';', '(', '-', '–', '—', '/', '&':
		return true
	}
	w := prev[strings.LastIndexAny(prev, " \n")+1:]
	return continuationWords[Lower(w)]
}

// endsSentence reports whether s ends with final punctuation, possibly
// followed by closing quotes, brackets and citation markers.
func endsSentence(s string) bool {
	s = stripClosers(s)
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// stripClosers removes trailing citation markers, closing quotes and
// brackets from s.
func stripClosers(s string) string {
	for len(s) > 0 {
		if s[len(s)-1] == ']' {
			k := strings.LastIndexByte(s, '[')
			if k >= 0 {
				if _, end, ok := parseCitation(s, k, nil); ok && end == len(s) {
					s = strings.TrimRight(s[:k], " ")
					continue
				}
			}
		}
		r, n := utf8.DecodeLastRuneInString(s)
		if isCloser(r) {
			s = s[:len(s)-n]
			continue
		}
		break
	}
	return s
}

// isCloser reports whether r may follow a sentence's final punctuation
// inside the sentence: closing quotes and brackets.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '›', ')', ']', '}':
		return true
	}
	return false
}

// isHeadline reports whether a one-line unit is a heading: short, starting
// with a capital or digit, without final punctuation or citation markers.
func isHeadline(line string) bool {
	if len(line) > 200 || endsSentence(line) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if last == ',' || last == ';' {
		return false
	}
	if strings.Contains(line, "[") {
		var tmp [4]int
		for k := strings.IndexByte(line, '['); k >= 0; {
			if _, _, ok := parseCitation(line, k, tmp[:0]); ok {
				return false
			}
			n := strings.IndexByte(line[k+1:], '[')
			if n < 0 {
				break
			}
			k += 1 + n
		}
	}
	words := strings.Count(line, " ") + 1
	if words > 20 || last == ':' && words > 6 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(line)
	switch r {
	case '"', '“', '‘', '\'', '«':
		return true
	}
	return unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.IsLetter(r) && !unicode.IsLower(r)
}

// splitUnit appends the sentences of u to sents.
func splitUnit(sents []dyad.Sentence, text string, u unit) []dyad.Sentence {
	if u.kind == dyad.KindBody && u.lines == 1 && isHeadline(text[u.start:u.end]) {
		return appendSentence(sents, text, u.start, u.end, dyad.KindHeadline)
	}
	start := u.start
	if u.kind == dyad.KindBody {
		// A wire dateline opening a paragraph is a sentence of its own, so
		// that the first sentence of a story starts with its subject.
		if n := datelineLen(text[u.start:u.end]); n > 0 {
			sents = appendSentence(sents, text, u.start, u.start+n, dyad.KindDateline)
			start, _ = trimSpan(text, u.start+n, u.end)
		}
	}
	i := start
	if u.kind == dyad.KindBullet {
		// Skip the list marker so that "1. " does not end a sentence.
		if k := strings.IndexByte(text[u.start:u.end], ' '); k >= 0 {
			i = u.start + k
		}
	}
	for i < u.end {
		c := text[i]
		var tl int // length of the terminator at i
		switch {
		case c == '.' || c == '!' || c == '?':
			tl = 1
		case c == 0xe2 && strings.HasPrefix(text[i:u.end], "…"):
			tl = len("…")
		default:
			i++
			continue
		}
		term := i
		end := i + tl
		for end < u.end {
			if c := text[end]; c == '.' || c == '!' || c == '?' {
				end++
			} else if strings.HasPrefix(text[end:u.end], "…") {
				end += len("…")
			} else {
				break
			}
		}
		ellipsis := tl == len("…") || end-term >= 3 && text[term] == '.'
		end = skipClosers(text, end, u.end)
		if end >= u.end {
			break
		}
		if c := text[end]; c != ' ' && c != '\n' && c != '\t' {
			i = end
			if i == term {
				i++
			}
			continue
		}
		n := end
		for n < u.end && (text[n] == ' ' || text[n] == '\n' || text[n] == '\t') {
			n++
		}
		if n >= u.end {
			break
		}
		if isBoundary(text, start, term, end, n, ellipsis) {
			sents = appendSentence(sents, text, start, end, u.kind)
			start = n
		}
		i = n
	}
	if first := len(sents); first > 0 && sents[first-1].Span.Start >= u.start && !hasAlnum(text[start:u.end]) {
		// A stray closing quote or bracket after the last boundary belongs
		// to the sentence before it, not to a sentence of its own.
		last := &sents[first-1]
		_, e := trimSpan(text, start, u.end)
		if e > last.Span.End {
			last.Span.End = e
			last.Text = text[last.Span.Start:e]
			last.Citations = Citations(last.Text)
		}
		return sents
	}
	return appendSentence(sents, text, start, u.end, u.kind)
}

// hasAlnum reports whether s holds a letter or digit.
func hasAlnum(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// skipClosers returns the end of the closing quotes, brackets and citation
// markers (also after spaces on the same line) that follow a sentence's
// final punctuation at text[end:].
func skipClosers(text string, end, limit int) int {
	for end < limit {
		r, n := utf8.DecodeRuneInString(text[end:limit])
		if isCloser(r) && r != '[' {
			end += n
			continue
		}
		k := end
		for k < limit && text[k] == ' ' {
			k++
		}
		if k < limit && text[k] == '[' {
			if _, e, ok := parseCitation(text[:limit], k, nil); ok {
				end = e
				continue
			}
		}
		break
	}
	return end
}

// sentenceStarters are capitalized words that begin sentences far more
// often than they follow an abbreviation such as "U.S." or "Inc.".
var sentenceStarters = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true, "They": true,
	"We": true, "I": true, "You": true, "But": true, "And": true, "In": true, "On": true,
	"At": true, "This": true, "That": true, "These": true, "Those": true, "There": true,
	"Its": true, "His": true, "Her": true, "Their": true, "Our": true, "However": true,
	"Meanwhile": true, "Also": true, "After": true, "Before": true, "When": true, "While": true,
	"If": true, "As": true, "Some": true, "Many": true, "Most": true, "No": true, "Yet": true,
	"So": true, "For": true, "Such": true, "What": true, "Why": true, "How": true, "Who": true,
	"Earlier": true, "Later": true, "Last": true, "Next": true, "Other": true,
}

// isBoundary decides whether the final punctuation at text[term:end], after
// the sentence that began at start and before the next text at n, ends a
// sentence.
func isBoundary(text string, start, term, end, n int, ellipsis bool) bool {
	r, _ := utf8.DecodeRuneInString(text[n:])
	if unicode.IsLower(r) {
		return false
	}
	if ellipsis {
		return unicode.IsUpper(r) || r == '"' || r == '“' || r == '‘' || r == '\''
	}
	if text[term] != '.' {
		return true
	}
	// The word before the period.
	ws := strings.LastIndexAny(text[start:term], " \n\t")
	ws = start + ws + 1
	for ws < term {
		r, n := utf8.DecodeRuneInString(text[ws:term])
		if r == '(' || r == '"' || r == '“' || r == '‘' || r == '\'' || r == '[' {
			ws += n
			continue
		}
		break
	}
	word := text[ws:term]
	if word == "" {
		return true
	}
	nextWord := text[n:]
	if k := strings.IndexAny(nextWord, " \n\t,;:"); k >= 0 {
		nextWord = nextWord[:k]
	}
	if len(word) == 1 && isUpperASCII(word[0]) {
		return !unicode.IsUpper(r) // an initial: "J. Smith"
	}
	if isDotted(word) {
		return sentenceStarters[nextWord]
	}
	switch abbrevClass(word, text, term) {
	case abbrTitle:
		return false
	case abbrMonth:
		return !unicode.IsDigit(r)
	case abbrFinal:
		return sentenceStarters[nextWord]
	}
	return true
}

// isDotted reports whether w is a dotted abbreviation without its final
// period: "U.S", "U.N", "e.g", "a.m".
func isDotted(w string) bool {
	if len(w) < 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if i%2 == 0 && !isASCIILetter(w[i]) || i%2 == 1 && w[i] != '.' {
			return false
		}
	}
	return len(w)%2 == 1
}

// appendSentence appends the sentence text[start:end] (trimmed) with its
// citations, unless it is empty.
func appendSentence(sents []dyad.Sentence, text string, start, end int, kind dyad.SentenceKind) []dyad.Sentence {
	start, end = trimSpan(text, start, end)
	if start >= end {
		return sents
	}
	s := dyad.Sentence{Index: len(sents), Span: dyad.Span{Start: start, End: end}, Text: text[start:end], Kind: kind}
	if kind != dyad.KindSources {
		s.Citations = Citations(s.Text)
	}
	return append(sents, s)
}

// Citations returns the source numbers of the citation markers in s, in
// order of appearance without repeats, with ranges ("[5–7]") expanded; nil
// when there are none.
func Citations(s string) []int {
	var nums []int
	for k := strings.IndexByte(s, '['); k >= 0; {
		var e int
		var ok bool
		before := len(nums)
		nums, e, ok = parseCitation(s, k, nums)
		if ok {
			// Drop repeats, keeping first appearance.
			kept := nums[:before]
			for _, v := range nums[before:] {
				dup := false
				for _, w := range kept {
					if w == v {
						dup = true
						break
					}
				}
				if !dup {
					kept = append(kept, v)
				}
			}
			nums = kept
		} else {
			e = k + 1
		}
		n := strings.IndexByte(s[e:], '[')
		if n < 0 {
			break
		}
		k = e + n
	}
	return nums
}

// datelineLen returns the length of a wire dateline at the start of s —
// "MOSCOW, May 27 (Global Wire) - ", "NEW YORK, Feb 26 - ", "KABUL
// (Reuters) — " — with its closing dash, or 0 when s opens otherwise. The
// place is in capitals; the date and the agency in parentheses are
// optional; a dash surrounded by spaces ends it.
func datelineLen(s string) int {
	i, letters := 0, 0
	for i < len(s) {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			letters++
		case c == ' ' || c == '.' || c == '\'' || c == '-':
		default:
			goto place
		}
		i++
	}
place:
	if letters < 3 || i > 40 {
		return 0
	}
	// Back off a trailing space or hyphen so the separator is seen below.
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '-') {
		i--
	}
	if i < len(s) && s[i] == ',' { // ", May 27" or ", Feb. 26, 2026"
		j := i + 1
		for j < len(s) && j-i < 24 && s[j] != '(' && s[j] != '-' && !strings.HasPrefix(s[j:], "–") && !strings.HasPrefix(s[j:], "—") {
			j++
		}
		date := strings.TrimSpace(s[i+1 : j])
		if date == "" || !(date[0] >= 'A' && date[0] <= 'Z') || !strings.ContainsAny(date, "0123456789") {
			return 0
		}
		i = j
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i < len(s) && s[i] == '(' { // the agency
		k := strings.IndexByte(s[i:], ')')
		if k < 0 || k > 40 {
			return 0
		}
		i += k + 1
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	for _, dash := range []string{"--", "-", "–", "—"} {
		if strings.HasPrefix(s[i:], dash) {
			j := i + len(dash)
			if j < len(s) && s[j] == ' ' {
				return j + 1
			}
		}
	}
	return 0
}

// StripCitations returns s without its citation markers ("[1][2]",
// "[3, 4]") and the spaces before them, for quoting a sentence whose
// sources are cited some other way.
func StripCitations(s string) string {
	if strings.IndexByte(s, '[') < 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for k := strings.IndexByte(s, '['); k >= 0; {
		_, e, ok := parseCitation(s, k, nil)
		if ok {
			b.WriteString(strings.TrimRight(s[last:k], " \t"))
			last = e
		} else {
			e = k + 1
		}
		n := strings.IndexByte(s[e:], '[')
		if n < 0 {
			break
		}
		k = e + n
	}
	b.WriteString(s[last:])
	return b.String()
}
