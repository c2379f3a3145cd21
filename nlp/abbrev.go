package nlp

// Abbreviation classes, which decide whether a period after the word ends a
// sentence.
const (
	abbrNone  = iota
	abbrTitle // always followed by a name or number: Mr. Gen. St. No. e.g.
	abbrMonth // a month: not a boundary before a day number
	abbrFinal // may end a sentence: Inc. Corp. Jr. a.m. etc.
)

// abbrevs maps abbreviations (without their final period) to their class.
// Dotted acronyms such as U.S. are recognized by shape, not listed.
var abbrevs = map[string]int{
	"Mr": abbrTitle, "Mrs": abbrTitle, "Ms": abbrTitle, "Dr": abbrTitle, "Prof": abbrTitle,
	"Gen": abbrTitle, "Lt": abbrTitle, "Col": abbrTitle, "Maj": abbrTitle, "Capt": abbrTitle,
	"Cmdr": abbrTitle, "Adm": abbrTitle, "Sgt": abbrTitle, "Cpl": abbrTitle, "Pvt": abbrTitle,
	"Gov": abbrTitle, "Sen": abbrTitle, "Rep": abbrTitle, "Sens": abbrTitle, "Reps": abbrTitle,
	"Rev": abbrTitle, "Hon": abbrTitle, "Pres": abbrTitle, "Amb": abbrTitle, "Atty": abbrTitle,
	"Supt": abbrTitle, "Fr": abbrTitle, "Sr": abbrFinal, "Jr": abbrFinal,
	"St": abbrTitle, "Mt": abbrTitle, "Ft": abbrTitle, "Ave": abbrFinal, "Blvd": abbrFinal, "Rd": abbrFinal,
	"No": abbrTitle, "Nos": abbrTitle, "no": abbrTitle, "Art": abbrTitle, "Vol": abbrTitle,
	"vol": abbrTitle, "pp": abbrTitle, "Fig": abbrTitle, "fig": abbrTitle,
	"vs": abbrTitle, "cf": abbrTitle, "approx": abbrTitle,
	"est": abbrTitle, "viz": abbrTitle, "e.g": abbrTitle, "i.e": abbrTitle,
	"Jan": abbrMonth, "Feb": abbrMonth, "Mar": abbrMonth, "Apr": abbrMonth, "Jun": abbrMonth,
	"Jul": abbrMonth, "Aug": abbrMonth, "Sep": abbrMonth, "Sept": abbrMonth, "Oct": abbrMonth,
	"Nov": abbrMonth, "Dec": abbrMonth,
	"Inc": abbrFinal, "Corp": abbrFinal, "Co": abbrFinal, "Ltd": abbrFinal, "Bros": abbrFinal,
	"Plc": abbrFinal, "plc": abbrFinal, "Cos": abbrFinal, "Dept": abbrFinal,
	"a.m": abbrFinal, "p.m": abbrFinal, "etc": abbrFinal, "al": abbrFinal,
	"mln": abbrNone, "pct": abbrNone,
}

// numberAbbrevs are abbreviations only when a number follows ("No. 10"),
// since "no." also ends sentences.
var numberAbbrevs = map[string]bool{"No": true, "no": true, "Nos": true, "Art": true, "Vol": true, "vol": true, "pp": true, "Fig": true, "fig": true}

// abbrevClass returns the class of w, the word before a period at s[dot],
// taking into account what follows the period.
func abbrevClass(w string, s string, dot int) int {
	c := abbrevs[w]
	if c == abbrTitle && numberAbbrevs[w] {
		j := dot + 1
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if j >= len(s) || !isDigit(s[j]) {
			return abbrNone
		}
	}
	return c
}

// isAbbrev reports whether w, the word before the period at s[dot], is a
// listed abbreviation whose period belongs to the word.
func isAbbrev(w string, s string, dot int) bool { return abbrevClass(w, s, dot) != abbrNone }
