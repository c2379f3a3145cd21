package petrarch

import "strings"

// splitPhrase turns a dictionary phrase ("GAZA_CITY", "CARAS GALADHON",
// "ARNOR_") into its upper-cased words. exact reports a trailing '_', which
// in TABARI heritage means "this word only, no generated plural".
func splitPhrase(s string) (words []string, exact bool) {
	s = strings.TrimSpace(s)
	exact = strings.HasSuffix(s, "_")
	words = strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool {
		return r == '_' || r == ' ' || r == '\t'
	})
	return words, exact
}

func isVowel(b byte) bool { return b == 'A' || b == 'E' || b == 'I' || b == 'O' || b == 'U' }

// plural returns the regular English plural of an upper-case word.
func plural(w string) string {
	n := len(w)
	switch {
	case n == 0:
		return w
	case strings.HasSuffix(w, "S") || strings.HasSuffix(w, "X") || strings.HasSuffix(w, "Z") ||
		strings.HasSuffix(w, "CH") || strings.HasSuffix(w, "SH"):
		return w + "ES"
	case w[n-1] == 'Y' && n > 1 && !isVowel(w[n-2]):
		return w[:n-1] + "IES"
	}
	return w + "S"
}

// verbForms returns the regular inflections of an upper-case verb stem:
// third person, past, and present participle, with the spelling variants
// that are cheap to over-generate (a doubled final consonant, a dropped E).
func verbForms(w string) []string {
	n := len(w)
	if n == 0 {
		return nil
	}
	forms := []string{plural(w)}
	last := w[n-1]
	switch {
	case last == 'E':
		forms = append(forms, w+"D", w[:n-1]+"ING")
		if n > 2 && (w[n-2] == 'E' || w[n-2] == 'Y' || w[n-2] == 'O') {
			forms = append(forms, w+"ING") // SEE-SEEING, AGREE-AGREEING
		}
	case last == 'Y' && n > 1 && !isVowel(w[n-2]):
		forms = append(forms, w[:n-1]+"IED", w+"ING")
	default:
		forms = append(forms, w+"ED", w+"ING")
		if n >= 3 && !isVowel(last) && isVowel(w[n-2]) && !isVowel(w[n-3]) &&
			last != 'W' && last != 'X' && last != 'Y' {
			d := w + string(last)
			forms = append(forms, d+"ED", d+"ING")
		}
	}
	return forms
}
