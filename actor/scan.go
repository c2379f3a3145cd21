package actor

import (
	"unicode"
	"unicode/utf8"
)

// A token is one word of a text, as the matcher sees it.
type token struct {
	start, end int32 // the word's bytes in the text
	after      int32 // end of what the word consumed: a possessive 's, an abbreviation's dot
	k0, k1     int32 // the normalized key in the scanner's buffer; buf[k0-1] is '^'
	id, cid    int32 // vocabulary ids of the key and of its case-sensitive form; -1 if none
	flags      uint8
}

const (
	tPoss   uint8 = 1 << iota // followed by 's or ’s
	tHyphen                   // joined to the previous token by a hyphen
	tGap                      // punctuation other than a hyphen separates it from the previous token
	tCaps                     // case-marked: two or more letters, all upper case or with a capital after the first (LeT)
	tUpper                    // starts with an upper-case letter
	tASCII                    // the key is ASCII (fuzzy matching works on ASCII keys only)
)

func (t *token) has(f uint8) bool { return t.flags&f != 0 }

// scan splits text into word tokens, appending to toks and their keys to
// buf. A key is the word lower-cased, with Latin diacritics folded and
// apostrophes dropped; each key is preceded in buf by '^' so that the
// case-sensitive form of an all-capitals word can be looked up without
// copying. Hyphens split words ("anti-Taliban" gives "anti" and "taliban",
// the second marked tHyphen); a possessive 's is consumed and marked on the
// word; abbreviations of single letters ("U.S.", "U.N.") stay one token with
// their dots in the key.
func scan(text string, toks []token, buf []byte) ([]token, []byte) {
	n := len(text)
	prevAfter := 0
	hyphenNext := false
	for i := 0; i < n; {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if !isWordRune(r) {
			if (r == '-' || r == '\u2011') && i > 0 && len(toks) > 0 && int(toks[len(toks)-1].after) == i {
				if j := i + size; j < n && startsWord(text[j:]) {
					hyphenNext = true
				}
			}
			i += size
			continue
		}
		t := token{start: int32(i), id: -1, cid: -1, flags: tASCII}
		if hyphenNext && prevAfter == i-1 || hyphenNext && prevAfter == i-3 && text[i-3:i] == "\u2011" {
			t.flags |= tHyphen
		}
		hyphenNext = false
		if len(toks) > 0 && !t.has(tHyphen) && gapHasPunct(text[prevAfter:i]) {
			t.flags |= tGap
		}
		buf = append(buf, '^')
		t.k0 = int32(len(buf))
		letters, uppers, innerUpper := 0, 0, false
		j := i
		for j < n {
			r, size := rune(text[j]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text[j:])
			}
			if isWordRune(r) {
				if unicode.IsLetter(r) {
					letters++
					if unicode.IsUpper(r) {
						uppers++
						if letters == 1 {
							t.flags |= tUpper
						} else {
							innerUpper = true
						}
					}
				}
				var ascii bool
				buf, ascii = appendFolded(buf, r)
				if !ascii {
					t.flags &^= tASCII
				}
				j += size
				continue
			}
			if r == '\'' || r == '\u2019' {
				k := j + size
				if k < n && (text[k] == 's' || text[k] == 'S') && (k+1 == n || !startsWord(text[k+1:])) {
					t.end, t.after = int32(j), int32(k+1)
					t.flags |= tPoss
					break
				}
				if k < n && startsWord(text[k:]) && letters > 0 {
					j = k // an apostrophe inside a word: Sana'a, O'Brien
					continue
				}
				break
			}
			if r == '.' && letters == 1 && j-i == 1 && j+2 <= n && isASCIILetter(text[j+1]) && (j+2 == n || text[j+2] == '.') {
				// an abbreviation of single letters: U.S., U.N., U.S.A.
				buf = append(buf, '.')
				for j < n && text[j] == '.' && j+1 < n && isASCIILetter(text[j+1]) && (j+2 == n || text[j+2] == '.') {
					buf, _ = appendFolded(buf, rune(text[j+1]))
					letters++
					if text[j+1] >= 'A' && text[j+1] <= 'Z' {
						uppers++
					}
					j += 2
					if j < n && text[j] == '.' {
						buf = append(buf, '.')
						if j+1 >= n || !isASCIILetter(text[j+1]) {
							j++
							break
						}
					}
				}
				break
			}
			break
		}
		if t.end == 0 {
			t.end, t.after = int32(j), int32(j)
		}
		// A short capitalized word followed by a dot (Mr., Gen., Dr.) consumes
		// the dot, so that a title and the name after it stay adjacent.
		if int(t.after) == j && j < n && text[j] == '.' && letters >= 1 && letters <= 4 && t.has(tUpper) && !t.has(tPoss) &&
			(j+1 == n || text[j+1] == ' ') {
			t.after = int32(j + 1)
		}
		if letters >= 2 && (letters == uppers || innerUpper) {
			t.flags |= tCaps
		}
		t.k1 = int32(len(buf))
		toks = append(toks, t)
		prevAfter = int(t.after)
		i = int(t.after)
	}
	return toks, buf
}

// gapHasPunct reports whether the text between two words holds anything but
// spaces.
func gapHasPunct(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r':
		default:
			if s[i] >= utf8.RuneSelf {
				r, size := utf8.DecodeRuneInString(s[i:])
				if unicode.IsSpace(r) {
					i += size - 1
					continue
				}
			}
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r|0x20 >= 'a' && r|0x20 <= 'z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func startsWord(s string) bool {
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

// appendFolded appends r lower-cased, with Latin diacritics removed, and
// reports whether what it appended is ASCII.
func appendFolded(buf []byte, r rune) ([]byte, bool) {
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(buf, byte(r)), true
	}
	if unicode.Is(unicode.Mn, r) {
		return buf, true // a combining accent: drop it
	}
	if f, ok := latinFold[r]; ok {
		return append(buf, f...), true
	}
	r = unicode.ToLower(r)
	if f, ok := latinFold[r]; ok {
		return append(buf, f...), true
	}
	return utf8.AppendRune(buf, r), false
}

// latinFold maps Latin letters with diacritics to their ASCII base letters.
var latinFold = func() map[rune]string {
	m := map[rune]string{}
	for _, g := range []struct{ from, to string }{
		{"àáâãäåāăąǎ", "a"}, {"ÀÁÂÃÄÅĀĂĄǍ", "a"}, {"çćĉċč", "c"}, {"ÇĆĈĊČ", "c"},
		{"ďđ", "d"}, {"ĎĐ", "d"}, {"èéêëēĕėęěə", "e"}, {"ÈÉÊËĒĔĖĘĚƏ", "e"},
		{"ĝğġģ", "g"}, {"ĜĞĠĢ", "g"}, {"ĥħ", "h"}, {"ĤĦ", "h"},
		{"ìíîïĩīĭįı", "i"}, {"ÌÍÎÏĨĪĬĮİ", "i"}, {"ĵ", "j"}, {"Ĵ", "j"}, {"ķ", "k"}, {"Ķ", "k"},
		{"ĺļľŀł", "l"}, {"ĹĻĽĿŁ", "l"}, {"ñńņňŉ", "n"}, {"ÑŃŅŇ", "n"},
		{"òóôõöøōŏő", "o"}, {"ÒÓÔÕÖØŌŎŐ", "o"}, {"ŕŗř", "r"}, {"ŔŖŘ", "r"},
		{"śŝşšș", "s"}, {"ŚŜŞŠȘ", "s"}, {"ţťŧț", "t"}, {"ŢŤŦȚ", "t"},
		{"ùúûüũūŭůűų", "u"}, {"ÙÚÛÜŨŪŬŮŰŲ", "u"}, {"ŵ", "w"}, {"Ŵ", "w"},
		{"ýÿŷ", "y"}, {"ÝŸŶ", "y"}, {"źżž", "z"}, {"ŹŻŽ", "z"},
	} {
		for _, r := range g.from {
			m[r] = g.to
		}
	}
	m['ß'], m['æ'], m['Æ'], m['œ'], m['Œ'], m['þ'], m['ð'] = "ss", "ae", "ae", "oe", "oe", "th", "d"
	return m
}()

// normalizeWords returns the keys of the words of a dictionary value, each
// prefixed with '^' when the value writes it in capitals or with a capital
// after its first letter (such words match only words so written: "US" is
// not "us", "WHO" not "who", "LeT" not "let"). A
// leading "the" is dropped: the matcher takes a "the" before any match into
// its span.
func normalizeWords(s string) []string {
	toks, buf := scan(s, nil, nil)
	out := make([]string, 0, len(toks))
	for i, t := range toks {
		k := string(buf[t.k0:t.k1])
		if i == 0 && k == "the" && len(toks) > 1 {
			continue
		}
		if t.has(tCaps) {
			k = "^" + k
		}
		out = append(out, k)
	}
	return out
}
