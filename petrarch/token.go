package petrarch

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Token is one word or punctuation mark of a sentence, upper-cased, with
// its byte span in the original text.
type Token struct {
	W          string
	Start, End int
}

const closePunct = ",.;:!?\")]'`"

// Tokenize splits text into upper-case tokens the way the dictionaries
// expect: punctuation apart, possessive "'S" apart ("GONDOR 'S"), negative
// contractions split as in the Penn Treebank ("DID N'T", "WO N'T", "CA N'T"),
// hyphenated words and abbreviations with inner dots ("U.S.", "K.U.") kept
// whole. Spans are byte offsets into text.
func Tokenize(text string) []Token {
	var out []Token
	i := 0
	for i < len(text) {
		r, sz := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += sz
			continue
		}
		j := i
		for j < len(text) {
			r2, sz2 := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r2) {
				break
			}
			j += sz2
		}
		out = splitChunk(out, text[i:j], i)
		i = j
	}
	return out
}

func splitChunk(out []Token, c string, off int) []Token {
	// Leading punctuation.
	for len(c) > 0 && strings.IndexByte("\"([`'", c[0]) >= 0 && !(c[0] == '\'' && len(c) > 1 && (c[1] == 's' || c[1] == 'S') && len(c) == 2) {
		if c[0] == '`' && len(c) > 1 && c[1] == '`' {
			out = append(out, Token{W: "``", Start: off, End: off + 2})
			c, off = c[2:], off+2
			continue
		}
		out = append(out, Token{W: c[:1], Start: off, End: off + 1})
		c, off = c[1:], off+1
	}
	// Trailing punctuation, kept in order.
	var tail []Token
	for len(c) > 0 {
		last := c[len(c)-1]
		if strings.IndexByte(closePunct, last) < 0 {
			break
		}
		if last == '.' && strings.IndexByte(c[:len(c)-1], '.') >= 0 && len(c) > 2 {
			break // "U.S.", "K.U."
		}
		if last == '\'' && len(c) > 1 && (c[len(c)-2] == 's' || c[len(c)-2] == 'S') {
			// plural possessive "STATES'": keep the apostrophe as its own token
			tail = append(tail, Token{W: "'", Start: off + len(c) - 1, End: off + len(c)})
			c = c[:len(c)-1]
			continue
		}
		tail = append(tail, Token{W: c[len(c)-1:], Start: off + len(c) - 1, End: off + len(c)})
		c = c[:len(c)-1]
	}
	if c != "" {
		uc := asciiUpper(c)
		up := func(s string) string { return strings.ToUpper(s) }
		switch {
		case uc == "--":
			out = append(out, Token{W: uc, Start: off, End: off + len(c)})
		case len(uc) > 3 && strings.HasSuffix(uc, "N'T"):
			k := len(c) - 3
			out = append(out, Token{W: up(c[:k]), Start: off, End: off + k}, Token{W: "N'T", Start: off + k, End: off + len(c)})
		case len(uc) > 2 && strings.HasSuffix(uc, "'S"):
			k := len(c) - 2
			out = append(out, Token{W: up(c[:k]), Start: off, End: off + k}, Token{W: "'S", Start: off + k, End: off + len(c)})
		case len(uc) > len("\u2019S") && strings.HasSuffix(uc, "\u2019S"):
			k := len(c) - len("\u2019S")
			out = append(out, Token{W: up(c[:k]), Start: off, End: off + k}, Token{W: "'S", Start: off + k, End: off + len(c)})
		default:
			out = append(out, Token{W: up(c), Start: off, End: off + len(c)})
		}
	}
	for k := len(tail) - 1; k >= 0; k-- {
		out = append(out, tail[k])
	}
	return out
}

// tokenizePhrase tokenizes a dictionary phrase written as plain text.
func tokenizePhrase(s string) []string {
	toks := Tokenize(strings.ReplaceAll(s, "_", " "))
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.W
	}
	return words
}
