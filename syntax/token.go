package syntax

import (
	"unicode"
	"unicode/utf8"

	"github.com/dyad-project/dyad/dyad"
)

// A Token is one word or punctuation mark of a sentence, with its tag and
// lemma once the sentence is analyzed.
type Token struct {
	Text  string    // the bytes of the sentence it covers
	Lower string    // Text in lower case (Text itself when already lower)
	Span  dyad.Span // byte offsets into the sentence text
	Tag   Tag
	// Lemma is the dictionary form: the base verb for verbs ("signed" →
	// "sign"), the singular for plural nouns, else Lower.
	Lemma string
	// Cap is true when Text starts with an upper-case letter.
	Cap bool
}

// Tokenize cuts text into tokens, appending them to buf. It splits
// punctuation from words but keeps hyphenated words ("military-technical"),
// abbreviations ("U.S."), numbers ("155,221", "3.5") and citation markers
// ("[1]") whole; it splits possessive "’s" and "n't". Spans are in order and
// within text.
func Tokenize(buf []Token, text string) []Token {
	i := 0
	for i < len(text) {
		c := text[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				i += n
				continue
			}
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				// “ ” ’ — … and other symbols are one token each, except
				// the possessive ’s, which is a word.
				if r == '’' && i+n < len(text) && (text[i+n] == 's' || text[i+n] == 'S') && !isWordByte(text, i+n+1) && i > 0 && isWordEnd(text, i) {
					buf = appendTok(buf, text, i, i+n+1)
					i += n + 1
					continue
				}
				buf = appendTok(buf, text, i, i+n)
				i += n
				continue
			}
		}
		if c == '[' {
			// citation marker [12]
			j := i + 1
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			if j > i+1 && j < len(text) && text[j] == ']' {
				buf = appendTok(buf, text, i, j+1)
				i = j + 1
				continue
			}
		}
		if !isWordStart(text, i) {
			if c == '\'' && i+1 < len(text) && (text[i+1] == 's' || text[i+1] == 'S') && !isWordByte(text, i+2) && i > 0 && isWordEnd(text, i) {
				buf = appendTok(buf, text, i, i+2)
				i += 2
				continue
			}
			buf = appendTok(buf, text, i, i+1)
			i++
			continue
		}
		j := scanWord(text, i)
		// split n't: "didn't" → "did" "n't"
		if j-i > 3 && (text[j-3:j] == "n't" || text[j-3:j] == "N'T") {
			buf = appendTok(buf, text, i, j-3)
			buf = appendTok(buf, text, j-3, j)
		} else if j-i > 5 && text[j-5:j] == "n’t" {
			buf = appendTok(buf, text, i, j-5)
			buf = appendTok(buf, text, j-5, j)
		} else {
			buf = appendTok(buf, text, i, j)
		}
		i = j
	}
	return buf
}

func appendTok(buf []Token, text string, start, end int) []Token {
	w := text[start:end]
	return append(buf, Token{Text: w, Lower: lower(w), Span: dyad.Span{Start: start, End: end}, Cap: isUpperStart(w)})
}

func isUpperStart(w string) bool {
	c := w[0]
	if c < utf8.RuneSelf {
		return c >= 'A' && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// lower returns w in lower case, allocating only when w has upper case.
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return lowerSlow(w)
		}
		if c >= 'A' && c <= 'Z' {
			b := []byte(w)
			for k := i; k < len(b); k++ {
				if b[k] >= utf8.RuneSelf {
					return lowerSlow(w)
				}
				if b[k] >= 'A' && b[k] <= 'Z' {
					b[k] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return w
}

func lowerSlow(w string) string {
	has := false
	for _, r := range w {
		if unicode.IsUpper(r) {
			has = true
			break
		}
	}
	if !has {
		return w
	}
	b := make([]byte, 0, len(w))
	for _, r := range w {
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return string(b)
}

func isWordByte(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	c := text[i]
	if c >= utf8.RuneSelf {
		r, _ := utf8.DecodeRuneInString(text[i:])
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// isWordEnd reports whether the byte before i ends a word.
func isWordEnd(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.'
}

func isWordStart(text string, i int) bool { return isWordByte(text, i) }

// scanWord returns the end of the word starting at i.
func scanWord(text string, i int) int {
	j := i
	for j < len(text) {
		c := text[j]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(text[j:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
				j += n
				continue
			}
			if r == '’' && isWordByte(text, j+n) {
				// ’s ends the word; other in-word apostrophes join (O’Brien).
				if (text[j+n] == 's' || text[j+n] == 'S') && !isWordByte(text, j+n+1) {
					return j
				}
				if j+n+1 < len(text) && text[j+n] == 't' && j > i && (text[j-1] == 'n' || text[j-1] == 'N') && !isWordByte(text, j+n+1) {
					j += n + 1
					return j
				}
				j += n
				continue
			}
			return j
		}
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
			j++
		case c == '-' || c == '&' || c == '/' || c == '_' || c == '@':
			if isWordByte(text, j+1) && j > i {
				j++
				continue
			}
			return j
		case c == '\'':
			if isWordByte(text, j+1) && j > i {
				if (text[j+1] == 's' || text[j+1] == 'S') && !isWordByte(text, j+2) {
					return j
				}
				j++
				continue
			}
			return j
		case c == ',':
			// 155,221
			if j > i && text[j-1] >= '0' && text[j-1] <= '9' && allDigits(text, j+1, j+4) && !isWordByte(text, j+4) {
				j += 4
				continue
			}
			return j
		case c == '.':
			if isWordByte(text, j+1) && j > i {
				j++
				continue
			}
			// keep the final period of abbreviations: U.S. Gen. Mr.
			if j > i && isAbbrev(text[i:j]) {
				return j + 1
			}
			return j
		default:
			return j
		}
	}
	return j
}

func allDigits(text string, a, b int) bool {
	if b > len(text) {
		return false
	}
	for k := a; k < b; k++ {
		if text[k] < '0' || text[k] > '9' {
			return false
		}
	}
	return true
}

// abbrevs are the words whose final period belongs to them.
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "col": true, "lt": true,
	"sgt": true, "capt": true, "cmdr": true, "adm": true, "gov": true, "sen": true, "rep": true,
	"prof": true, "st": true, "jr": true, "sr": true, "inc": true, "corp": true, "co": true,
	"ltd": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "no": false,
	"vs": true, "etc": true, "pres": true, "maj": true, "brig": true,
}

func isAbbrev(w string) bool {
	// single letters with inner periods: U.S, U.N, e.g
	if len(w) >= 3 && w[1] == '.' {
		return true
	}
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true
	}
	if len(w) > 5 {
		return false
	}
	var b [5]byte
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[k] = c
	}
	return abbrevs[string(b[:len(w)])]
}
