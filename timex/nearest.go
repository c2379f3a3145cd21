package timex

import (
	"strings"
	"time"

	"github.com/dyad-project/dyad/dyad"
)

// Nearest returns the expression that governs an event whose words are at
// span: the one in the same clause nearest to it, preferring ones after a
// preposition (on/in/by/since/until/last/this) and ones that are not inside
// another event's clause. The heuristics, in order:
//
//   - An expression inside span, or overlapping it, wins outright.
//   - Expressions in another sentence (a newline, or ". ", "! ", "? " before
//     an upper-case letter, between them and span) or across a semicolon are
//     never chosen.
//   - An expression that sits in another event's clause is never chosen:
//     after span, when a subordinating or relative word (after, before, when,
//     while, which, who, because, although…) stands between them other than
//     right before the expression ("signed it after May 3" keeps May 3);
//     before span, when its comma-delimited clause opens with such a word
//     ("After talks on Monday, they signed" does not date the signing);
//     after span, likewise across a "but" that opens a clause ("is a
//     supplier but has sought contacts in the last year").
//   - Among the rest, the score is the byte distance, plus 40 per comma and 25
//     per dash or parenthesis between them, minus 30 when the expression
//     follows a preposition or starts with last/this/next/since, plus 10 when
//     it comes before span (news usually dates an event after its verb).
//
// Nearest reports false when no expression qualifies or has a known date.
func Nearest(exprs []Expr, span dyad.Span, text string) (Expr, bool) {
	best, bestScore, found := Expr{}, 0, false
	for _, e := range exprs {
		if !e.Date.Known() {
			continue
		}
		if e.Span.Start < span.End && span.Start < e.Span.End {
			return e, true
		}
		lo, hi := e.Span.End, span.Start
		after := e.Span.Start >= span.End
		if after {
			lo, hi = span.End, e.Span.Start
		}
		if lo < 0 || hi > len(text) || lo > hi {
			continue
		}
		gap := text[lo:hi]
		if sentenceBreak(text, lo, hi) || strings.ContainsRune(gap, ';') {
			continue
		}
		if after && (subordinateBetween(gap) || butBetween(gap)) {
			continue
		}
		if !after && opensSubordinate(text, e.Span.Start) && strings.ContainsRune(gap, ',') {
			continue
		}
		score := len(gap) + 40*strings.Count(gap, ",") + 25*(strings.Count(gap, "(")+strings.Count(gap, ")")+strings.Count(gap, " - ")+strings.Count(gap, "—"))
		if governed(text, e) {
			score -= 30
		}
		if !after {
			score += 10
		}
		if !found || score < bestScore {
			best, bestScore, found = e, score, true
		}
	}
	return best, found
}

// subordinators open a clause that holds an event of its own.
var subordinators = map[string]bool{
	"after": true, "before": true, "when": true, "while": true, "which": true, "who": true,
	"whom": true, "whose": true, "because": true, "although": true, "though": true, "whereas": true,
	"once": true, "until": true, "unless": true, "where": true, "following": true,
}

// governors are the words that, right before an expression, mark it as the
// date of the verb it follows.
var governors = map[string]bool{
	"on": true, "in": true, "by": true, "since": true, "until": true, "till": true, "last": true,
	"this": true, "next": true, "during": true, "from": true, "between": true, "before": true, "after": true,
}

// words returns the lower-case words of s.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r == '\'' || r == '-')
	})
}

// subordinateBetween reports whether gap, the text between an event and a
// later expression, holds a subordinating word that is not the last word
// (the one governing the expression).
func subordinateBetween(gap string) bool {
	ws := words(gap)
	for i, w := range ws {
		if subordinators[w] && i < len(ws)-1 {
			return true
		}
	}
	return false
}

// butBetween reports whether gap, the text between an event and a later
// expression, holds "but" that opens a clause of its own ("is a major arms
// supplier to Iraq but has also sought contacts with Iran in the last
// year": the last year is the seeking's), that is, a "but" followed by
// more than the governing word of the expression.
func butBetween(gap string) bool {
	ws := words(gap)
	for i, w := range ws {
		if w == "but" && i < len(ws)-2 {
			return true
		}
	}
	return false
}

// opensSubordinate reports whether the comma-delimited clause around start
// begins with a subordinating word.
func opensSubordinate(text string, start int) bool {
	i := strings.LastIndexAny(text[:start], ",;.\n")
	ws := words(text[i+1 : start])
	return len(ws) > 0 && subordinators[ws[0]]
}

// governed reports whether e follows a preposition or opens with a
// modifier that ties it to a verb.
func governed(text string, e Expr) bool {
	if ws := words(e.Text); len(ws) > 0 && governors[ws[0]] {
		return true
	}
	ws := words(text[max(0, e.Span.Start-16):e.Span.Start])
	return len(ws) > 0 && governors[ws[len(ws)-1]] && !strings.HasSuffix(strings.TrimRight(text[:e.Span.Start], " "), ",")
}

// sentenceBreak reports whether text[lo:hi] crosses the end of a sentence.
func sentenceBreak(text string, lo, hi int) bool {
	if strings.ContainsRune(text[lo:hi], '\n') {
		return true
	}
	for i := max(lo-1, 0); i+2 < len(text) && i < hi; i++ {
		c := text[i]
		if (c == '.' || c == '!' || c == '?') && text[i+1] == ' ' && text[i+2] >= 'A' && text[i+2] <= 'Z' {
			// Not after an abbreviation: a capital letter alone, or Mr/Dr/St/Jan….
			j := i
			for j > 0 && isLetter(text[j-1]) {
				j--
			}
			if w := strings.ToLower(text[j:i]); c == '.' && (len(w) == 1 || abbreviations[w]) {
				continue
			}
			return true
		}
	}
	return false
}

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "col": true, "lt": true,
	"sen": true, "rep": true, "gov": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "no": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "vs": true, "prof": true,
}

// InferPublished returns the latest full date (day precision, written out
// with a year) in a document's text, for documents with no publication date.
// Expressions whose year comes from elsewhere ("29 May", "yesterday") do not
// count. The second result is false when the text has no full date.
func InferPublished(text string) (time.Time, bool) {
	var days []time.Time
	for _, e := range Find(text, time.Time{}) {
		if e.Relative || e.Date.Precision != dyad.PrecisionDay {
			continue
		}
		days = append(days, e.Date.Start)
	}
	if len(days) == 0 {
		return time.Time{}, false
	}
	latest := days[0]
	for _, d := range days[1:] {
		if d.After(latest) {
			latest = d
		}
	}
	return latest, true
}
