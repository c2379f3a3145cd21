package timex

// Token kinds.
const (
	kWord  uint8 = iota + 1 // a run of letters (and bytes of multi-byte letters)
	kNum                    // a run of digits, with an optional suffix
	kPunct                  // any other visible character; dashes are '-'
)

// Token flags.
const (
	fCap     uint8 = 1 << iota // word starts with an upper-case letter
	fAllCaps                   // word is all upper case (two letters or more)
	fOrdinal                   // number carries st/nd/rd/th
	fDecade                    // number carries a plural s: 1990s
	fGrouped                   // number has thousands separators: 1,000
	fSuffix                    // number carries some other letters: 10am, F16x
	fDot                       // word is directly followed by a period
)

// Word classes from the lexicon.
const (
	cNone      uint8 = iota
	cMonth           // January … December; val is the month
	cMonthAbbr       // Jan, Feb, Sept …; val is the month
	cWeekday         // Sunday … Saturday; val is the time.Weekday
	cRelDay          // yesterday, today, tonight, tomorrow; val is the offset in days
	cUnit            // day, week, month …; val is a unit
	cPartDay         // morning, afternoon, evening, night
	cAgo             // ago
	cLater           // later (+1), earlier (-1)
	cNumWord         // one … twelve, a, an, few, couple; val is the number
	cMod             // last, this, next, past, previous, coming, following; val is a modifier
	cEdge            // early, mid, late, end, beginning, start, middle; val is an edge
	cPrep            // words that introduce a date: in, on, by, since …
	cDet             // the, its, their … (a year after them is a modifier)
	cFuture          // will, shall, scheduled, due, upcoming, plans
	cOrdWord         // first … fourth; val is the ordinal
	cQuarter         // quarter (val 3) and half (val 6): months per part
	cHoliday         // good, black, super, ash, holy, easter: not a plain weekday after them
	cCount           // count nouns: people, tonnes …; a number before them is not a year
	cSeason          // spring (3), summer (6), autumn and fall (9), winter (12): the first month
)

// Units.
const (
	uDay = iota + 1
	uWeek
	uWeekend
	uFortnight
	uMonth
	uYear
	uDecade
	uCentury
)

// Modifiers.
const (
	mLast = iota + 1
	mThis
	mNext
	mPast
	mPrevious
	mComing
	mFollowing
)

// Edges.
const (
	eEarly = iota + 1
	eMid
	eLate
	eEnd
	eBeginning
)

// Prepositions (val of cPrep) that change what a date means.
const (
	pPlain = iota
	pSince
	pFrom
	pBetween
	pAnd
	pTo
	pOf
	pFor
	pOn
	pIn
	pOver
)

type lex struct{ cls, val uint8 }

var lexicon = map[string]lex{
	"january": {cMonth, 1}, "february": {cMonth, 2}, "march": {cMonth, 3}, "april": {cMonth, 4},
	"may": {cMonth, 5}, "june": {cMonth, 6}, "july": {cMonth, 7}, "august": {cMonth, 8},
	"september": {cMonth, 9}, "october": {cMonth, 10}, "november": {cMonth, 11}, "december": {cMonth, 12},
	"jan": {cMonthAbbr, 1}, "feb": {cMonthAbbr, 2}, "mar": {cMonthAbbr, 3}, "apr": {cMonthAbbr, 4},
	"jun": {cMonthAbbr, 6}, "jul": {cMonthAbbr, 7}, "aug": {cMonthAbbr, 8}, "sep": {cMonthAbbr, 9},
	"sept": {cMonthAbbr, 9}, "oct": {cMonthAbbr, 10}, "nov": {cMonthAbbr, 11}, "dec": {cMonthAbbr, 12},
	"sunday": {cWeekday, 0}, "monday": {cWeekday, 1}, "tuesday": {cWeekday, 2}, "wednesday": {cWeekday, 3},
	"thursday": {cWeekday, 4}, "friday": {cWeekday, 5}, "saturday": {cWeekday, 6},
	"yesterday": {cRelDay, 255}, "today": {cRelDay, 0}, "tonight": {cRelDay, 0}, "tomorrow": {cRelDay, 1},
	"day": {cUnit, uDay}, "days": {cUnit, uDay}, "week": {cUnit, uWeek}, "weeks": {cUnit, uWeek},
	"weekend": {cUnit, uWeekend}, "fortnight": {cUnit, uFortnight},
	"month": {cUnit, uMonth}, "months": {cUnit, uMonth}, "year": {cUnit, uYear}, "years": {cUnit, uYear},
	"decade": {cUnit, uDecade}, "decades": {cUnit, uDecade}, "century": {cUnit, uCentury}, "centuries": {cUnit, uCentury},
	"morning": {cPartDay, 0}, "afternoon": {cPartDay, 0}, "evening": {cPartDay, 0}, "night": {cPartDay, 0},
	"ago": {cAgo, 0}, "later": {cLater, 1}, "earlier": {cLater, 255},
	"a": {cNumWord, 1}, "an": {cNumWord, 1}, "one": {cNumWord, 1}, "two": {cNumWord, 2}, "three": {cNumWord, 3},
	"four": {cNumWord, 4}, "five": {cNumWord, 5}, "six": {cNumWord, 6}, "seven": {cNumWord, 7},
	"eight": {cNumWord, 8}, "nine": {cNumWord, 9}, "ten": {cNumWord, 10}, "eleven": {cNumWord, 11},
	"twelve": {cNumWord, 12}, "fifteen": {cNumWord, 15}, "twenty": {cNumWord, 20}, "thirty": {cNumWord, 30},
	"few": {cNumWord, 3}, "couple": {cNumWord, 2},
	"last": {cMod, mLast}, "this": {cMod, mThis}, "next": {cMod, mNext}, "past": {cMod, mPast},
	"previous": {cMod, mPrevious}, "coming": {cMod, mComing}, "following": {cMod, mFollowing},
	"early": {cEdge, eEarly}, "mid": {cEdge, eMid}, "late": {cEdge, eLate}, "end": {cEdge, eEnd},
	"beginning": {cEdge, eBeginning}, "start": {cEdge, eBeginning}, "middle": {cEdge, eMid},
	"in": {cPrep, pIn}, "on": {cPrep, pOn}, "by": {cPrep, pPlain}, "since": {cPrep, pSince},
	"until": {cPrep, pPlain}, "till": {cPrep, pPlain}, "through": {cPrep, pPlain}, "throughout": {cPrep, pPlain},
	"during": {cPrep, pPlain}, "before": {cPrep, pPlain}, "after": {cPrep, pPlain}, "from": {cPrep, pFrom},
	"between": {cPrep, pBetween}, "and": {cPrep, pAnd}, "or": {cPrep, pAnd}, "to": {cPrep, pTo},
	"of": {cPrep, pOf}, "for": {cPrep, pFor}, "over": {cPrep, pOver}, "within": {cPrep, pPlain},
	"around": {cPrep, pPlain}, "as": {cPrep, pPlain}, "at": {cPrep, pPlain},
	"the": {cDet, 0}, "its": {cDet, 0}, "their": {cDet, 0}, "his": {cDet, 0}, "her": {cDet, 0},
	"our": {cDet, 0}, "fiscal": {cDet, 0}, "calendar": {cDet, 0}, "financial": {cDet, 0}, "crop": {cDet, 0},
	"will": {cFuture, 0}, "shall": {cFuture, 0}, "scheduled": {cFuture, 0}, "due": {cFuture, 0},
	"upcoming": {cFuture, 0}, "plans": {cFuture, 0}, "planned": {cFuture, 0}, "ll": {cFuture, 0},
	"first": {cOrdWord, 1}, "second": {cOrdWord, 2}, "third": {cOrdWord, 3}, "fourth": {cOrdWord, 4},
	"quarter": {cQuarter, 3}, "half": {cQuarter, 6},
	"good": {cHoliday, 0}, "black": {cHoliday, 0}, "super": {cHoliday, 0}, "ash": {cHoliday, 0},
	"holy": {cHoliday, 0}, "easter": {cHoliday, 0}, "cyber": {cHoliday, 0}, "bloody": {cHoliday, 0},
	"gmt": {cCount, 0}, "est": {cCount, 0}, "edt": {cCount, 0}, "cst": {cCount, 0}, "cdt": {cCount, 0},
	"pst": {cCount, 0}, "pdt": {cCount, 0}, "bst": {cCount, 0}, "cet": {cCount, 0}, "utc": {cCount, 0},
	"hours": {cCount, 0}, "hrs": {cCount, 0}, "local": {cCount, 0},
	"spring": {cSeason, 3}, "summer": {cSeason, 6}, "autumn": {cSeason, 9}, "fall": {cSeason, 9}, "winter": {cSeason, 12},
	"people": {cCount, 0}, "persons": {cCount, 0}, "employees": {cCount, 0}, "workers": {cCount, 0},
	"tonnes": {cCount, 0}, "tons": {cCount, 0}, "shares": {cCount, 0}, "barrels": {cCount, 0},
	"dollars": {cCount, 0}, "dlrs": {cCount, 0}, "bags": {cCount, 0}, "troops": {cCount, 0},
	"soldiers": {cCount, 0}, "units": {cCount, 0}, "cars": {cCount, 0}, "jobs": {cCount, 0},
	"kilometres": {cCount, 0}, "km": {cCount, 0}, "miles": {cCount, 0}, "pct": {cCount, 0},
	"percent": {cCount, 0}, "points": {cCount, 0}, "men": {cCount, 0}, "women": {cCount, 0},
	"children": {cCount, 0}, "refugees": {cCount, 0}, "votes": {cCount, 0}, "homes": {cCount, 0},
	"feet": {cCount, 0}, "metres": {cCount, 0}, "meters": {cCount, 0}, "rupees": {cCount, 0},
	"acres": {cCount, 0}, "vehicles": {cCount, 0}, "members": {cCount, 0}, "families": {cCount, 0},
	"students": {cCount, 0}, "houses": {cCount, 0}, "ounces": {cCount, 0}, "bushels": {cCount, 0},
	"euros": {cCount, 0}, "pounds": {cCount, 0}, "yen": {cCount, 0}, "hectares": {cCount, 0},
}

// A tok is one token of the scanned text.
type tok struct {
	s, e  int32 // byte span
	val   int32 // number value (digits only, capped), or the lexicon value
	kind  uint8
	cls   uint8 // lexicon class of a word
	flags uint8
	nd    uint8 // number of digits of a number; the byte of a punctuation mark
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// next returns the token that starts at or after pos, and the position after
// it; ok is false at the end of text.
func next(text string, pos int) (t tok, end int, ok bool) {
	n := len(text)
	for pos < n {
		c := text[pos]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			pos++
			continue
		}
		break
	}
	if pos >= n {
		return t, n, false
	}
	start := pos
	c := text[pos]
	switch {
	case isLetter(c) || c >= 0x80 && !isMark(text, pos):
		var lb [10]byte
		upper, lower := 0, 0
		for pos < n && (isLetter(text[pos]) || text[pos] >= 0x80 && !isMark(text, pos)) {
			ch := text[pos]
			if ch >= 'A' && ch <= 'Z' {
				upper++
			} else {
				lower++
			}
			if k := pos - start; k < len(lb) {
				lb[k] = ch | 0x20
			}
			pos++
		}
		t = tok{s: int32(start), e: int32(pos), kind: kWord}
		if c >= 'A' && c <= 'Z' {
			t.flags |= fCap
			if lower == 0 && upper > 1 {
				t.flags |= fAllCaps
			}
		}
		if l := pos - start; l <= len(lb) {
			if x, found := lexicon[string(lb[:l])]; found {
				t.cls, t.val = x.cls, int32(x.val)
				if x.val == 255 {
					t.val = -1
				}
			}
		}
		if pos < n && text[pos] == '.' {
			t.flags |= fDot
		}
		return t, pos, true
	case isDigit(c):
		v := int32(0)
		for pos < n && isDigit(text[pos]) {
			if v < 1e6 {
				v = v*10 + int32(text[pos]-'0')
			}
			pos++
		}
		t = tok{s: int32(start), e: int32(pos), kind: kNum, val: v}
		nd := pos - start
		// Thousands separators: 1,000 and 155,221 are one number.
		for pos+3 < n && text[pos] == ',' && isDigit(text[pos+1]) && isDigit(text[pos+2]) && isDigit(text[pos+3]) && (pos+4 == n || !isDigit(text[pos+4])) {
			t.flags |= fGrouped
			pos += 4
		}
		if nd > 255 {
			nd = 255
		}
		t.nd = uint8(nd)
		if pos < n && isLetter(text[pos]) {
			ls := pos
			for pos < n && isLetter(text[pos]) {
				pos++
			}
			switch suf := text[ls:pos]; suf {
			case "st", "nd", "rd", "th", "ST", "ND", "RD", "TH":
				t.flags |= fOrdinal
			case "s":
				t.flags |= fDecade
			default:
				t.flags |= fSuffix
			}
		}
		t.e = int32(pos)
		return t, pos, true
	}
	if isDash(text, pos) {
		return tok{s: int32(start), e: int32(pos + 3), kind: kPunct, nd: '-'}, pos + 3, true
	}
	if c >= 0x80 {
		// Skip one UTF-8 sequence as a single mark.
		pos++
		for pos < n && text[pos]&0xC0 == 0x80 {
			pos++
		}
		return tok{s: int32(start), e: int32(pos), kind: kPunct, nd: '?'}, pos, true
	}
	return tok{s: int32(start), e: int32(pos + 1), kind: kPunct, nd: c}, pos + 1, true
}

// isMark reports whether a multi-byte punctuation mark (U+2000–U+207F:
// dashes, curly quotes, ellipsis) or a no-break space starts at text[pos];
// other multi-byte characters are read as letters.
func isMark(text string, pos int) bool {
	if pos+1 >= len(text) {
		return false
	}
	c, d := text[pos], text[pos+1]
	return c == 0xE2 && (d == 0x80 || d == 0x81) || c == 0xC2 && d == 0xA0
}

// isDash reports whether an en dash or em dash starts at text[pos].
func isDash(text string, pos int) bool {
	return pos+2 < len(text) && text[pos] == 0xE2 && text[pos+1] == 0x80 && (text[pos+2] == 0x93 || text[pos+2] == 0x94)
}

// trigger reports whether t can head a date expression; a text with no
// trigger has no date expression.
func (t *tok) trigger() bool {
	switch t.kind {
	case kNum:
		return t.nd == 4 && t.flags&(fGrouped|fSuffix|fOrdinal) == 0 && t.val >= 1000 && t.val <= 2999
	case kWord:
		switch t.cls {
		case cMonth, cMonthAbbr, cWeekday:
			return t.flags&fCap != 0
		case cRelDay, cUnit, cPartDay, cSeason:
			return true
		}
	}
	return false
}

// A trigEntry is one slot of trigTab.
type trigEntry struct {
	key     uint64 // the first eight lower-case letters, packed
	n       uint8  // the word's length; 0 for an empty slot
	needCap bool   // month and weekday names count only when capitalized
}

// trigTab is an open-addressed table of the words that can head a date
// expression, keyed by packed letters so that the rejection pass needs no
// string hashing.
var trigTab = func() (tab [256]trigEntry) {
	for w, x := range lexicon {
		var needCap bool
		switch x.cls {
		case cMonth, cMonthAbbr, cWeekday:
			needCap = true
		case cRelDay, cUnit, cPartDay, cSeason:
		default:
			continue
		}
		var key uint64
		for i := 0; i < len(w) && i < 8; i++ {
			key |= uint64(w[i]) << (8 * i)
		}
		for slot := trigSlot(key, len(w)); ; slot = (slot + 1) % len(tab) {
			if tab[slot].n == 0 {
				tab[slot] = trigEntry{key: key, n: uint8(len(w)), needCap: needCap}
				break
			}
		}
	}
	return tab
}()

func trigSlot(key uint64, n int) int {
	return int(((key ^ uint64(n)) * 0x9E3779B97F4A7C15) >> 56)
}

// hasTrigger is the fast rejection pass: it reports whether text holds a
// word or number that could head a date expression. It may say yes where
// the tokenizer finds nothing (it never says no where a trigger exists), and
// it neither allocates nor hashes strings.
func hasTrigger(text string) bool {
	n := len(text)
	for i := 0; i < n; {
		c := text[i]
		switch {
		case isLetter(c):
			j := i
			var key uint64
			for j < n && isLetter(text[j]) {
				if j-i < 8 {
					key |= uint64(text[j]|0x20) << (8 * (j - i))
				}
				j++
			}
			glued := i > 0 && text[i-1] >= 0x80 && !(i >= 3 && isMark(text, i-3)) && !(i >= 2 && isMark(text, i-2))
			if l := j - i; l >= 3 && l <= 10 && !glued {
				for slot := trigSlot(key, l); trigTab[slot].n != 0; slot = (slot + 1) % len(trigTab) {
					if e := trigTab[slot]; e.key == key && int(e.n) == l {
						if !e.needCap || c <= 'Z' {
							return true
						}
						break
					}
				}
			} else if glued {
				// A word glued to a multi-byte letter: leave it to the tokenizer.
				if l := j - i; l >= 3 && l <= 10 {
					return true
				}
			}
			i = j
		case isDigit(c):
			j := i
			for j < n && isDigit(text[j]) {
				j++
			}
			if j-i == 4 && (c == '1' || c == '2') {
				return true
			}
			i = j
		default:
			i++
		}
	}
	return false
}

// tokenize appends the tokens of text to toks.
func tokenize(toks []tok, text string) []tok {
	pos := 0
	for {
		t, end, ok := next(text, pos)
		if !ok {
			return toks
		}
		toks = append(toks, t)
		pos = end
	}
}
