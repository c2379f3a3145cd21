package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-project/dyad/dyad"
)

// TokenKind tells what a token is, so that matchers can skip punctuation,
// citation markers and links without looking at the bytes again.
type TokenKind uint8

// The kinds of token Tokenize produces.
const (
	Word     TokenKind = iota // letters, possibly with digits, hyphens, inner apostrophes or abbreviation dots
	Number                    // digits with separators: 155,221 5.93 27.05.2026 2026-05-29 1980s 5th
	Punct                     // one punctuation mark or symbol, or an ellipsis written "..."
	Citation                  // a citation marker: [12], [3, 4], [5–7]
	URL                       // a web address: https://…, www.…, pic.twitter.com/…
	Handle                    // a social-media handle: @SamiYousafzaii
	Hashtag                   // a hashtag: #Afghanistan
)

var tokenKindNames = [...]string{"word", "number", "punct", "citation", "url", "handle", "hashtag"}

// String returns the kind's lower-case name, as used in tests and debugging
// output.
func (k TokenKind) String() string {
	if int(k) < len(tokenKindNames) {
		return tokenKindNames[k]
	}
	return "unknown"
}

// A Token is one token of a text: its byte span in the text and its kind.
// It holds no string so that tokenizing allocates nothing beyond the slice.
type Token struct {
	Span dyad.Span
	Kind TokenKind
}

// Text returns the token's bytes in src, the text it was tokenized from.
func (t Token) Text(src string) string { return src[t.Span.Start:t.Span.End] }

// Tokenize splits text into tokens with byte offsets into text. Hyphenated
// words ("military-technical", "anti-Taliban"), dotted abbreviations ("U.S.",
// "Gen."), numbers with separators ("155,221", "27.05.2026"), URLs, handles,
// hashtags and citation markers each stay one token; possessive "'s" and the
// clitics of contractions ("n't", "'re", "'ll", …) become tokens of their own;
// quotes and other punctuation are single Punct tokens. Whitespace is never
// part of a token. Tokenize returns nil for text without tokens.
func Tokenize(text string) []Token {
	if len(text) == 0 {
		return nil
	}
	toks := AppendTokens(make([]Token, 0, len(text)/5+4), text)
	if len(toks) == 0 {
		return nil
	}
	return toks
}

// AppendTokens appends the tokens of text to dst and returns the extended
// slice, as Tokenize does; it allocates nothing when dst has room, so a
// caller that tokenizes many sentences can reuse one buffer (dst[:0]).
func AppendTokens(dst []Token, text string) []Token {
	i := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f':
				i++
				continue
			case isASCIILetter(c):
				if j := scanURL(text, i); j > i {
					dst = append(dst, tok(i, j, URL))
					i = j
					continue
				}
				dst = scanWord(dst, text, i)
				i = dst[len(dst)-1].Span.End
				continue
			case isDigit(c):
				j, kind := scanNumber(text, i)
				dst = append(dst, tok(i, j, kind))
				i = j
				continue
			case c == '[':
				if j := scanCitation(text, i); j > i {
					dst = append(dst, tok(i, j, Citation))
					i = j
					continue
				}
			case c == '@':
				if j := scanTag(text, i+1); j > i+1 {
					dst = append(dst, tok(i, j, Handle))
					i = j
					continue
				}
			case c == '#':
				if j := scanTag(text, i+1); j > i+1 {
					dst = append(dst, tok(i, j, Hashtag))
					i = j
					continue
				}
			case c == '.':
				if strings.HasPrefix(text[i:], "...") {
					j := i + 3
					for j < len(text) && text[j] == '.' {
						j++
					}
					dst = append(dst, tok(i, j, Punct))
					i = j
					continue
				}
			case c == '-':
				if j := i + 1; j < len(text) && text[j] == '-' {
					for j < len(text) && text[j] == '-' {
						j++
					}
					dst = append(dst, tok(i, j, Punct))
					i = j
					continue
				}
			case c == '\'':
				if j := scanClitic(text, i); j > i {
					dst = append(dst, tok(i, j, Word))
					i = j
					continue
				}
			}
			dst = append(dst, tok(i, i+1, Punct))
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r):
			dst = scanWord(dst, text, i)
			i = dst[len(dst)-1].Span.End
		case unicode.IsDigit(r):
			j, kind := scanNumber(text, i)
			dst = append(dst, tok(i, j, kind))
			i = j
		case r == '’':
			if j := scanClitic(text, i); j > i {
				dst = append(dst, tok(i, j, Word))
				i = j
				continue
			}
			dst = append(dst, tok(i, i+size, Punct))
			i += size
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Cf, r):
			// A stray combining mark or format character: attach it to the
			// previous token when adjacent, else skip it.
			if n := len(dst); n > 0 && dst[n-1].Span.End == i {
				dst[n-1].Span.End = i + size
			}
			i += size
		default:
			dst = append(dst, tok(i, i+size, Punct))
			i += size
		}
	}
	return dst
}

func tok(i, j int, k TokenKind) Token { return Token{Span: dyad.Span{Start: i, End: j}, Kind: k} }

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool       { return c >= '0' && c <= '9' }
func isUpperASCII(c byte) bool  { return c >= 'A' && c <= 'Z' }

// isWordRune reports whether r continues a word: letters, digits and marks.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		c := byte(r)
		return isASCIILetter(c) || isDigit(c)
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// runeAt decodes the rune at i, returning (RuneError, 0) at the end.
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return utf8.RuneError, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// scanAlnum returns the end of the run of word runes starting at i.
func scanAlnum(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !isASCIILetter(c) && !isDigit(c) {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			return i
		}
		i += size
	}
	return i
}

// isApostrophe reports whether s[i:] starts with ' or ’ and returns its size.
func isApostrophe(s string, i int) int {
	if i < len(s) && s[i] == '\'' {
		return 1
	}
	if strings.HasPrefix(s[i:], "’") {
		return len("’")
	}
	return 0
}

// clitics are the endings split off a word after an apostrophe.
var clitics = [...]string{"s", "re", "ve", "ll", "d", "m"}

// cliticAt returns the length of a clitic ("s", "ll", …) at s[i:] when it
// ends there, i.e. is not followed by another word rune; else 0.
func cliticAt(s string, i int) int {
	for _, c := range clitics {
		if len(s)-i >= len(c) && strings.EqualFold(s[i:i+len(c)], c) {
			if r, n := runeAt(s, i+len(c)); n == 0 || !isWordRune(r) {
				return len(c)
			}
		}
	}
	return 0
}

// scanClitic returns the end of a clitic token starting with an apostrophe
// at i ("'s", "’ll"), or i when there is none.
func scanClitic(s string, i int) int {
	a := isApostrophe(s, i)
	if a == 0 {
		return i
	}
	if n := cliticAt(s, i+a); n > 0 {
		return i + a + n
	}
	return i
}

// scanWord appends the word token starting at i (and, for a contraction, the
// clitic split off it) to dst.
func scanWord(dst []Token, s string, start int) []Token {
	i := scanAlnum(s, start)
	singles := i-start == 1 // every segment so far is one letter: U.S., e.g.
	dotted := false
	for i < len(s) {
		c := s[i]
		switch {
		case c == '-' || strings.HasPrefix(s[i:], "‐"): // hyphen-minus or U+2010
			h := 1
			if c != '-' {
				h = len("‐")
			}
			if r, n := runeAt(s, i+h); n > 0 && isWordRune(r) {
				i = scanAlnum(s, i+h)
				singles = false
				continue
			}
		case c == '.':
			if singles {
				// U.S. / e.g. / a.m.: letters separated by dots.
				if r, n := runeAt(s, i+1); n > 0 && r < utf8.RuneSelf && isASCIILetter(byte(r)) {
					if k := scanAlnum(s, i+1); k == i+2 && (k < len(s) && s[k] == '.') {
						i = k
						dotted = true
						continue
					}
				}
				if dotted {
					// U.S.-backed: a hyphenated compound after the final dot.
					if i+2 < len(s) && s[i+1] == '-' {
						if r, n := runeAt(s, i+2); n > 0 && isWordRune(r) {
							i++
							singles = false
							continue
						}
					}
					return append(dst, tok(start, i+1, Word))
				}
				// A single capital initial before a capitalized word: "J. Smith".
				if i-start == 1 && isUpperASCII(s[start]) && i+2 < len(s) && s[i+1] == ' ' && isUpperASCII(s[i+2]) {
					return append(dst, tok(start, i+1, Word))
				}
			}
			if isAbbrev(s[start:i], s, i) && (i+1 == len(s) || !isWordByte(s[i+1])) {
				return append(dst, tok(start, i+1, Word))
			}
		default:
			if a := isApostrophe(s, i); a > 0 {
				// n't: split before the n ("did" "n't", "ca" "n't").
				if i-start >= 2 && (s[i-1] == 'n' || s[i-1] == 'N') && i+a < len(s) && (s[i+a] == 't' || s[i+a] == 'T') {
					if r, n := runeAt(s, i+a+1); n == 0 || !isWordRune(r) {
						dst = append(dst, tok(start, i-1, Word))
						return append(dst, tok(i-1, i+a+1, Word))
					}
				}
				if n := cliticAt(s, i+a); n > 0 {
					return append(dst, tok(start, i, Word)) // the clitic is scanned next
				}
				// An inner apostrophe in a name: O'Brien, Qur'an.
				if r, n := runeAt(s, i+a); n > 0 && isWordRune(r) {
					i = scanAlnum(s, i+a)
					singles = false
					continue
				}
			}
		}
		break
	}
	return append(dst, tok(start, i, Word))
}

func isWordByte(c byte) bool { return isASCIILetter(c) || isDigit(c) || c >= utf8.RuneSelf }

// scanNumber returns the end of the number starting at i and its kind:
// digits joined by , . : / - when a digit follows, and an ordinal or plural
// suffix (5th, 1980s). Letters glued on otherwise make it a Word (3D, 155mm).
func scanNumber(s string, i int) (int, TokenKind) {
	start := i
	for i < len(s) {
		c := s[i]
		if isDigit(c) {
			i++
			continue
		}
		if (c == ',' || c == '.' || c == ':' || c == '/' || c == '-') && i+1 < len(s) && isDigit(s[i+1]) && i > start {
			i++
			continue
		}
		break
	}
	if i < len(s) && s[i] >= utf8.RuneSelf {
		if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsDigit(r) {
			i = scanAlnum(s, i)
			return i, Number
		}
	}
	if j := scanAlnum(s, i); j > i {
		suf := s[i:j]
		switch strings.ToLower(suf) {
		case "st", "nd", "rd", "th", "s":
			return j, Number
		}
		return j, Word
	}
	if i < len(s) && s[i] == '-' {
		// 10-year, 5-0-2: a hyphenated compound starting with a number.
		if r, n := runeAt(s, i+1); n > 0 && isWordRune(r) {
			j := scanAlnum(s, i+1)
			for j < len(s) && s[j] == '-' {
				if r, n := runeAt(s, j+1); n > 0 && isWordRune(r) {
					j = scanAlnum(s, j+1)
					continue
				}
				break
			}
			return j, Word
		}
	}
	return i, Number
}

// scanCitation returns the end of a citation marker at i ("[12]", "[3, 4]",
// "[5–7]"), or i when s[i:] is not one.
func scanCitation(s string, i int) int {
	var buf [8]int
	_, end, ok := parseCitation(s, i, buf[:0])
	if !ok {
		return i
	}
	return end
}

// parseCitation parses the citation marker at s[i] == '[' and appends its
// numbers (positive, up to four digits; ranges expanded, at most 50 per
// range) to nums.
func parseCitation(s string, i int, nums []int) ([]int, int, bool) {
	if i >= len(s) || s[i] != '[' {
		return nums, i, false
	}
	j := i + 1
	orig := len(nums)
	prev := -1
	rangeNext := false
	for {
		for j < len(s) && s[j] == ' ' {
			j++
		}
		k := j
		n := 0
		for k < len(s) && isDigit(s[k]) && k-j < 4 {
			n = n*10 + int(s[k]-'0')
			k++
		}
		// Sources are numbered from 1: "[0]" is no marker.
		if k == j || n == 0 || (k < len(s) && isDigit(s[k])) {
			return nums[:orig], i, false
		}
		if rangeNext && prev >= 0 && n > prev && n-prev <= 50 {
			for v := prev + 1; v <= n; v++ {
				nums = append(nums, v)
			}
		} else {
			nums = append(nums, n)
		}
		prev, rangeNext = n, false
		j = k
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if j >= len(s) {
			return nums[:orig], i, false
		}
		switch {
		case s[j] == ']':
			return nums, j + 1, true
		case s[j] == ',' || s[j] == ';':
			j++
		case s[j] == '-':
			j++
			rangeNext = true
		case strings.HasPrefix(s[j:], "–"), strings.HasPrefix(s[j:], "—"):
			j += len("–")
			rangeNext = true
		default:
			return nums[:orig], i, false
		}
	}
}

// scanTag returns the end of a handle or hashtag body starting at i: letters,
// digits and underscores.
func scanTag(s string, i int) int {
	for i < len(s) {
		if s[i] == '_' {
			i++
			continue
		}
		r, n := runeAt(s, i)
		if !isWordRune(r) {
			break
		}
		i += n
	}
	return i
}

// tlds are top-level domains recognized in bare domain names without a path
// ("reuters.com"); with a path any alphabetic TLD is accepted.
var tlds = map[string]bool{
	"com": true, "org": true, "net": true, "gov": true, "edu": true, "int": true, "mil": true,
	"info": true, "io": true, "co": true, "uk": true, "ru": true, "af": true, "cn": true,
	"de": true, "fr": true, "eu": true, "tv": true, "me": true, "news": true, "us": true, "in": true,
}

// scanURL returns the end of a URL starting at i (http://, https://, www., or
// a bare domain such as pic.twitter.com/… or reuters.com), or i when s[i:] is
// not one. Trailing punctuation that more likely ends the sentence is left out.
func scanURL(s string, i int) int {
	rest := s[i:]
	j := i
	switch {
	case hasPrefixFold(rest, "https://"), hasPrefixFold(rest, "http://"), hasPrefixFold(rest, "www."):
		j = urlEnd(s, i)
	default:
		// A bare domain: labels of [A-Za-z0-9-] joined by dots, ending in an
		// alphabetic TLD, then a path or a known TLD.
		k := i
		labels := 0
		lastStart := i
		for {
			e := k
			for e < len(s) && (isASCIILetter(s[e]) || isDigit(s[e]) || s[e] == '-' || s[e] == '_') {
				e++
			}
			if e == k {
				return i
			}
			labels++
			lastStart = k
			k = e
			if k+1 < len(s) && s[k] == '.' && (isASCIILetter(s[k+1]) || isDigit(s[k+1])) {
				k++
				continue
			}
			break
		}
		if labels < 2 {
			return i
		}
		tld := s[lastStart:k]
		if len(tld) < 2 || len(tld) > 6 {
			return i
		}
		for t := 0; t < len(tld); t++ {
			if !isASCIILetter(tld[t]) || isUpperASCII(tld[t]) {
				return i
			}
		}
		if k < len(s) && s[k] == '/' {
			j = urlEnd(s, i)
		} else if tlds[tld] {
			j = k
		} else {
			return i
		}
	}
	return j
}

// urlEnd returns where a URL starting at i ends: at whitespace, without
// trailing punctuation (a closing parenthesis stays when the URL opened one).
func urlEnd(s string, i int) int {
	j := i
	for j < len(s) {
		c := s[j]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '"' || c == '<' || c == '>' {
			break
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) || r == '”' || r == '“' || r == '…' || r == '’' || r == '‘' {
				break
			}
			j += n
			continue
		}
		j++
	}
	for j > i {
		c := s[j-1]
		if strings.IndexByte(".,;:!?'*", c) >= 0 {
			j--
			continue
		}
		if c == ')' && strings.Count(s[i:j], "(") < strings.Count(s[i:j], ")") {
			j--
			continue
		}
		if c == ']' && strings.Count(s[i:j], "[") < strings.Count(s[i:j], "]") {
			j--
			continue
		}
		break
	}
	return j
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// Lower returns s in lower case for comparisons. ASCII text, the common case,
// is folded without decoding runes, and s itself is returned without
// allocating when it has no upper-case letters; other text falls back to
// strings.ToLower.
func Lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
		if isUpperASCII(c) {
			for j := i + 1; j < len(s); j++ {
				if s[j] >= utf8.RuneSelf {
					return strings.ToLower(s)
				}
			}
			b := make([]byte, len(s))
			copy(b, s[:i])
			for j := i; j < len(s); j++ {
				c := s[j]
				if isUpperASCII(c) {
					c += 'a' - 'A'
				}
				b[j] = c
			}
			return string(b)
		}
	}
	return s
}
