package place

import (
	"unicode"
	"unicode/utf8"
)

// foldTable maps Latin letters with diacritics to their plain ASCII letters,
// so that "Genève", "Khān Yūnis" and "Mişrātah" match what English news writes.
var foldTable = func() map[rune]string {
	groups := map[string]string{
		"a":  "àáâãäåāăąǎȧạảấầẩẫậắằẳẵặ",
		"c":  "çćĉċč",
		"d":  "ďđḍḏ",
		"e":  "èéêëēĕėęěẹẻẽếềểễệ",
		"g":  "ĝğġģǧ",
		"h":  "ĥħḥḩḫ",
		"i":  "ìíîïĩīĭįıǐỉị",
		"j":  "ĵ",
		"k":  "ķǩḳ",
		"l":  "ĺļľŀłḷ",
		"n":  "ñńņňṇ",
		"o":  "òóôõöøōŏőǒơọỏốồổỗộớờởỡợ",
		"r":  "ŕŗřṛ",
		"s":  "śŝşšșṣ",
		"t":  "ţťŧțṭṯ",
		"u":  "ùúûüũūŭůűųǔưụủứừửữự",
		"w":  "ŵẁẃẅ",
		"y":  "ýÿŷỳỹ",
		"z":  "źżžẓẕ",
		"ae": "æ",
		"oe": "œ",
		"ss": "ß",
		"th": "þ",
		"dh": "ð",
	}
	m := make(map[rune]string, 300)
	for plain, marked := range groups {
		for _, r := range marked {
			m[r] = plain
			if u := unicode.ToUpper(r); u != r {
				m[u] = plain
			}
		}
	}
	return m
}()

// isApostrophe reports whether r is one of the marks that transliterations
// and possessives use: ' ’ ‘ ʼ ʻ ʿ ʾ `.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', 'ʻ', 'ʿ', 'ʾ', '`':
		return true
	}
	return false
}

// appendFold appends the lookup key of s to dst: letters lowercased and
// stripped of diacritics, digits kept, apostrophes and periods dropped
// ("U.S." → "us", "Kramators’k" → "kramatorsk"), and every other run of
// characters (spaces, hyphens, commas) turned into one space, with no space
// at either end. Keys of names and of sentence words are made alike by it.
func appendFold(dst []byte, s string) []byte {
	start := len(dst)
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '\'' || c == '.' || c == '`':
				continue
			default:
				space = true
				continue
			}
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = append(dst, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if isApostrophe(r) {
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if !unicode.Is(unicode.Mn, r) { // combining marks vanish
				space = true
			}
			continue
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		if p, ok := foldTable[r]; ok {
			dst = append(dst, p...)
		} else {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// fold returns the lookup key of s; see appendFold.
func fold(s string) string { return string(appendFold(nil, s)) }
