package place

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-project/dyad/dyad"
)

// Thresholds of population that a city named in a sentence must reach to be
// taken as the event's location, unless it is a capital or lies in a country
// of the sentence's actors. They keep "in Reading" or "in Independence Square"
// from turning into a town of the same name.
const (
	findMinPop     = 50000   // a capitalized name in running text
	headlineMinPop = 300000  // a name in a title-case headline
	lowerMinPop    = 1000000 // a name written in lower case ("in moscow")
)

// token is one word of a sentence.
type token struct {
	start, end int  // the word, without a possessive 's
	poss       bool // followed by 's or ’s
	brk        bool // separated from the previous word by punctuation
	upper      bool // starts with an upper-case letter
	alpha      bool // starts with a letter
}

// Find returns the location that sentence gives for its event: the place
// named after a locative preposition ("in the Moscow region", "in Kabul",
// "near Kharkiv", "on the Afghan border", "in northern Syria", "on the
// outskirts of Kyiv", "a visit to Moscow"), resolved against g. The first
// phrase that resolves wins. span is the byte span in sentence of the words
// that name the place, with a region or border word that belongs to them
// ("Moscow region", "Afghan border"). hints are the ISO alpha-3 countries of
// the sentence's actors: they break ties between same-name places and let
// smaller cities of those countries through. demonym maps an adjective of
// nationality to a country ("Afghan" → "AFG"); when it is nil or does not
// know a word, g's own table is asked.
//
// Find prefers precision to recall: "in January", "in 2021", "in talks" or
// "in Independence Square" give nothing, a city must be a capital, a place of
// at least 50,000 people, or in a hinted country, and a lower-case name only
// counts when it is a capital or a city of a million. ok is false when the
// sentence names no place this way. Find is safe for concurrent use.
func (g *Gazetteer) Find(sentence string, hints []string, demonym func(string) (string, bool)) (p dyad.Place, span dyad.Span, ok bool) {
	if !hasLocative(sentence) {
		return dyad.Place{}, dyad.Span{}, false
	}
	f := finder{g: g, s: sentence, hints: hints, demonym: demonym}
	f.toks = tokenize(sentence, f.buf[:0])
	f.headline = isHeadline(sentence, f.toks)
	for i := range f.toks {
		strict, ok := f.trigger(i)
		if !ok {
			continue
		}
		if r, ok := f.phrase(i+1, strict, ""); ok {
			return r.place, r.span, true
		}
	}
	return dyad.Place{}, dyad.Span{}, false
}

// finder holds the state of one Find call.
type finder struct {
	g        *Gazetteer
	s        string
	toks     []token
	hints    []string
	demonym  func(string) (string, bool)
	headline bool
	key      []byte
	buf      [64]token
	kbuf     [96]byte
}

type result struct {
	place dyad.Place
	span  dyad.Span
	next  int // the index of the first token after the phrase
}

// word returns the text of token i.
func (f *finder) word(i int) string { return f.s[f.toks[i].start:f.toks[i].end] }

// is reports whether token i is, ignoring ASCII case, one of words.
func (f *finder) is(i int, words ...string) bool {
	if i < 0 || i >= len(f.toks) {
		return false
	}
	w := f.word(i)
	for _, x := range words {
		if equalFoldASCII(w, x) {
			return true
		}
	}
	return false
}

// lower returns token i in ASCII lower case if it is a short ASCII word
// (for set look-ups), or "".
func (f *finder) lower(i int) string {
	if i < 0 || i >= len(f.toks) {
		return ""
	}
	w := f.word(i)
	if len(w) > 24 {
		return ""
	}
	hasUpper := false
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= utf8.RuneSelf {
			return ""
		}
		if 'A' <= c && c <= 'Z' {
			hasUpper = true
		}
	}
	if !hasUpper {
		return w // already lower case: no copy
	}
	b := make([]byte, len(w))
	for k := 0; k < len(w); k++ {
		b[k] = lowerASCII(w[k])
	}
	return string(b)
}

// trigger reports whether token i is a locative preposition, and whether the
// phrase after it must be a border, coast or "X of" phrase to count ("on",
// "along" and "off" are mostly not locative).
func (f *finder) trigger(i int) (strict, ok bool) {
	switch f.lower(i) {
	case "in", "near", "at", "outside", "inside", "around", "across", "throughout", "within", "nearby":
		return false, true
	case "on", "along", "off":
		return true, true
	case "to":
		if travelWords[f.lower(i-1)] {
			return false, true
		}
		// "traveling regularly to Moscow": one adverb may come between.
		if w := f.lower(i - 1); len(w) > 2 && w[len(w)-2:] == "ly" {
			return false, travelWords[f.lower(i-2)]
		}
		return false, false
	}
	return false, false
}

// phrase parses the place phrase that starts at token j: determiners,
// adjectives and descriptor nouns ("the southern port city of"), then the
// place words. strict phrases must pass through a descriptor noun or end in a
// border word. hint is a country that earlier words implied ("Russia's").
func (f *finder) phrase(j int, strict bool, hint string) (result, bool) {
	viaNoun := false
	for steps := 0; j < len(f.toks) && steps < 8; steps++ {
		t := f.toks[j]
		if steps > 0 && t.brk && !(viaNoun && f.is(j-1, "capital")) {
			return result{}, false
		}
		lw := f.lower(j)
		if t.upper && (adjectives[lw] || descriptorNouns[lw]) {
			// "West Bank", "North Korea" are names; "Northern Syria" in a
			// headline is an adjective and a name.
			if r, border, ok := f.placeWords(j, hint); ok && (!strict || viaNoun || border) {
				return r, true
			}
		}
		switch {
		case lw == "the" || lw == "a" || lw == "an":
			j++
			continue
		case adjectives[lw] || (!t.upper && isHeldAdjective(lw)):
			j++
			continue
		case t.upper && isHeldAdjective(lw):
			// "Russian-occupied", "Taliban-controlled": an adjective, not a place.
			j++
			continue
		case descriptorNouns[lw]:
			if lw == "capital" && hint != "" && !f.is(j+1, "of") && (j+1 >= len(f.toks) || !f.toks[j+1].upper) {
				if p, ok := f.g.Capital(hint); ok {
					return result{place: p, span: dyad.Span{Start: t.start, End: t.end}, next: j + 1}, true
				}
			}
			viaNoun = true
			j++
			if f.is(j, "of") {
				j++
			}
			continue
		case t.upper && j+1 < len(f.toks) && !f.toks[j+1].brk && descriptorNouns[f.lower(j+1)] && !borderWords[f.lower(j+1)] && f.lower(j+1) != "capital":
			// "the Russian region of Kursk": a demonym before a descriptor.
			if c, ok := f.demonymOf(f.word(j)); ok {
				hint = c
				j++
				continue
			}
		}
		break
	}
	if j >= len(f.toks) {
		return result{}, false
	}
	r, border, ok := f.placeWords(j, hint)
	if !ok || (strict && !viaNoun && !border) {
		return result{}, false
	}
	return r, true
}

// placeWords resolves the name that starts at token j.
func (f *finder) placeWords(j int, hint string) (r result, border, ok bool) {
	first := f.toks[j]
	if !first.alpha || stopNames[f.lower(j)] {
		return result{}, false, false
	}
	lowerMode := !first.upper
	// Collect the candidate words: [j, end).
	end := j
	maxWords := f.g.maxWords
	for k := j; k < len(f.toks) && k-j < maxWords; k++ {
		t := f.toks[k]
		if k > j && t.brk {
			break
		}
		if lowerMode {
			if t.upper || !t.alpha || lowerStop[f.lower(k)] || descriptorNouns[f.lower(k)] || k-j >= 3 {
				break
			}
		} else if !t.upper {
			if !connectors[f.lower(k)] || k+1 >= len(f.toks) || !f.toks[k+1].upper || f.toks[k+1].brk {
				break
			}
		} else if k > j && stopNames[f.lower(k)] {
			break
		}
		end = k + 1
		if t.poss {
			break
		}
	}
	if end == j {
		return result{}, false, false
	}
	for n := end - j; n >= 1; n-- {
		last := j + n - 1
		if !lowerMode && !f.toks[last].upper {
			continue // a phrase does not end on a connector
		}
		key := f.keyOf(j, j+n)
		nt := j + n // the token after the name
		ntOK := nt < len(f.toks) && !f.toks[nt].brk && !f.toks[last].poss
		span := dyad.Span{Start: first.start, End: f.toks[last].end}
		hints := f.withHint(hint)

		if ntOK && regionWords[f.lower(nt)] {
			if i, ok := f.g.best(f.g.byBase[key], hints, 10); ok {
				return result{place: f.g.entries[i].place, span: dyad.Span{Start: first.start, End: f.toks[nt].end}, next: nt + 1}, false, true
			}
		}
		if ntOK && !lowerMode && (borderWords[f.lower(nt)] || f.lower(nt) == "capital") {
			if c, ok := f.countryOf(key, j); ok {
				if f.lower(nt) == "capital" {
					if p, ok := f.g.Capital(c); ok {
						return result{place: p, span: dyad.Span{Start: first.start, End: f.toks[nt].end}, next: nt + 1}, false, true
					}
				} else if p, ok := f.g.Country(c); ok {
					sp := dyad.Span{Start: first.start, End: f.toks[nt].end}
					p.Name = f.s[sp.Start:sp.End]
					return result{place: p, span: sp, next: nt + 1}, true, true
				}
			}
		}
		i, found := f.g.best(f.g.byName[key], hints, 10)
		if !found {
			continue
		}
		// A name that stops short of the capitalized words around it
		// ("Independence" in "Independence Square") is some other thing.
		if !lowerMode && n < end-j && f.toks[nt].upper {
			return result{}, false, false
		}
		if !lowerMode && n == end-j && ntOK && f.toks[nt].upper && !regionWords[f.lower(nt)] {
			return result{}, false, false
		}
		e := &f.g.entries[i]
		res := result{place: e.place, span: span, next: nt}
		if e.place.Kind == KindCity && !f.toks[last].poss && !lowerMode {
			// "Moscow, Idaho": the qualifier decides, whatever the size.
			if q, ok := f.qualify(res, key); ok {
				return q, false, true
			}
		}
		if !f.accept(e, lowerMode, hints) {
			return result{}, false, false
		}
		if f.toks[last].poss {
			// "Russia's Moscow region", "Afghanistan's north": what follows
			// the possessive is the place, if anything is.
			if e.place.Kind != KindCity {
				if r2, ok := f.phrase(nt, false, e.place.Country); ok {
					return r2, false, true
				}
				if directionNouns[f.lower(nt)] {
					return res, false, true
				}
			}
			return result{}, false, false
		}
		return res, false, true
	}
	return result{}, false, false
}

// accept applies the precision rules to a candidate place.
func (f *finder) accept(e *entry, lowerMode bool, hints []string) bool {
	if lowerMode {
		return e.place.Kind == KindCity && (e.capital || e.pop >= lowerMinPop)
	}
	if e.place.Kind != KindCity || e.capital {
		return true
	}
	min := uint32(findMinPop)
	if f.headline {
		min = headlineMinPop
	}
	if e.pop >= min {
		return true
	}
	for _, h := range hints {
		if h == e.place.Country {
			return !f.headline
		}
	}
	return false
}

// qualify reads a qualifier after a city ("Moscow, Idaho", "Paris, Texas",
// "Hawthorne, Calif.", "Kabul, Afghanistan") and resolves the city within
// that country or US state; when the state or country has no city of that
// name it returns the state or country itself, with the span over both. It
// reports false when no qualifier follows.
func (f *finder) qualify(r result, key string) (result, bool) {
	q := r.next
	if q >= len(f.toks) || !f.toks[q].brk || !f.toks[q].upper {
		return r, false
	}
	if f.s[f.toks[q-1].end:f.toks[q].start] != ", " {
		return r, false
	}
	end := q + 1
	for end < len(f.toks) && end-q < 3 && f.toks[end].upper && !f.toks[end].brk {
		end++
	}
	var country, state string
	qend, qplace := q, int32(-1)
	for n := end; n > q && country == ""; n-- {
		qk := f.keyOf(q, n)
		if st, ok := usStates[qk]; ok && (n-q > 1 || len(qk) > 2 || f.word(q) == strings.ToUpper(f.word(q))) {
			country, state, qend = "USA", st, n
			if full, ok := usStateNames[st]; ok {
				qplace, _ = f.g.best(f.g.byName[full], []string{"USA"}, 10)
			}
			break
		}
		for _, i := range f.g.byName[qk] {
			if k := f.g.entries[i].place.Kind; k == KindCountry || k == KindRegion {
				country, qend, qplace = f.g.entries[i].place.Country, n, i
				break
			}
		}
	}
	if country == "" || f.toks[qend-1].poss || (qend < len(f.toks) && !f.toks[qend].brk) {
		// "in Kabul, Russia's envoy said", "in Kabul, Russia said": not a qualifier.
		return r, false
	}
	span := dyad.Span{Start: r.span.Start, End: f.toks[qend-1].end}
	bi, bs := int32(-1), -1.0
	for _, i := range f.g.byName[key] {
		e := &f.g.entries[i]
		if e.place.Country != country || (state != "" && state != "DC" && e.admin1 != state) {
			continue
		}
		if e.score > bs {
			bi, bs = i, e.score
		}
	}
	if bi < 0 {
		if qplace < 0 || state == "" || r.place.Country == country {
			return r, false
		}
		bi = qplace // "Chester, N.H.": no such city kept, but the state is known
	}
	return result{place: f.g.entries[bi].place, span: span, next: qend}, true
}

// keyOf returns the lookup key of tokens [a, b), built in f's buffer.
func (f *finder) keyOf(a, b int) string {
	k := f.kbuf[:0]
	for i := a; i < b; i++ {
		if i > a {
			k = append(k, ' ')
		}
		k = appendFold(k, f.word(i))
	}
	f.key = k
	return string(k)
}

// countryOf returns the country that the words [j, ...) keyed by key name as
// a demonym or a country name; for a hyphenated pair ("Afghan-Tajik") the
// first part counts.
func (f *finder) countryOf(key string, j int) (string, bool) {
	if c, ok := f.demonymOf(f.s[f.toks[j].start:f.toks[j].end]); ok && key == fold(f.word(j)) {
		return c, true
	}
	for _, i := range f.g.byName[key] {
		if e := f.g.entries[i]; e.place.Kind == KindCountry {
			return e.place.Country, true
		}
	}
	for k := 0; k < len(key); k++ {
		if key[k] == ' ' {
			w := f.word(j)
			for h := 0; h < len(w); h++ {
				if w[h] == '-' {
					return f.countryOf(fold(w[:h]), j)
				}
			}
			break
		}
	}
	if c, ok := f.demonymOf(key); ok {
		return c, true
	}
	return "", false
}

// demonymOf asks the caller's demonym table, then g's.
func (f *finder) demonymOf(w string) (string, bool) {
	if f.demonym != nil {
		if c, ok := f.demonym(w); ok {
			return c, true
		}
	}
	return f.g.Demonym(w)
}

func (f *finder) withHint(h string) []string {
	if h == "" {
		return f.hints
	}
	return append([]string{h}, f.hints...)
}

// tokenize splits s into words. A word is a run of letters, digits and
// combining marks, joined by inner hyphens, apostrophes and periods
// ("Rostov-on-Don", "Ma'rib", "U.S."); a trailing 's is marked possessive.
func tokenize(s string, dst []token) []token {
	toks := dst
	prevEnd := 0
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		upper := unicode.IsUpper(r)
		alpha := unicode.IsLetter(r)
		dots := false
		i += n
		for i < len(s) {
			r, n = rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(s[i:])
			}
			if isWordRune(r) {
				i += n
				continue
			}
			if r == '-' || r == '.' || isApostrophe(r) {
				if i+n < len(s) {
					r2, _ := utf8.DecodeRuneInString(s[i+n:])
					if isWordRune(r2) {
						if r == '.' {
							dots = true
						}
						i += n
						continue
					}
				}
				if r == '.' && dots {
					i += n // the last period of "U.S."
				}
			}
			break
		}
		t := token{start: start, end: i, upper: upper, alpha: alpha}
		// A possessive: ...'s or ...’s.
		if w := s[start:i]; len(w) > 2 && (w[len(w)-1] == 's') {
			if w[len(w)-2] == '\'' {
				t.end, t.poss = i-2, true
			} else if len(w) > 4 && w[len(w)-4:len(w)-1] == "’" {
				t.end, t.poss = i-4, true
			}
		}
		for k := prevEnd; k < start; k++ {
			if c := s[k]; c != ' ' && c != '\t' && c != '\n' && c != '\r' {
				t.brk = true
				break
			}
		}
		if len(toks) == 0 {
			t.brk = false
		}
		prevEnd = i
		toks = append(toks, t)
	}
	return toks
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isHeadline reports whether most longer words are capitalized, as in a
// title-case headline, where capitals say nothing about names.
func isHeadline(s string, toks []token) bool {
	long, caps := 0, 0
	for _, t := range toks {
		if t.alpha && t.end-t.start >= 4 {
			long++
			if t.upper {
				caps++
			}
		}
	}
	return long >= 4 && caps*4 >= long*3
}

// hasLocative is a quick scan for any trigger word, so that sentences without
// one cost a single pass over their bytes.
func hasLocative(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if !isASCIILetter(c) {
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIILetter(s[j]) {
			j++
		}
		if j-i <= 10 && (i == 0 || s[i-1] < utf8.RuneSelf) {
			switch lowerASCII(s[i]) {
			case 'i', 'n', 'a', 'o', 't', 'w':
				w := s[i:j]
				for _, t := range triggerWords {
					if equalFoldASCII(w, t) {
						return true
					}
				}
			}
		}
		i = j
	}
	return false
}

var triggerWords = []string{"in", "near", "at", "outside", "inside", "around", "across", "throughout", "within", "nearby", "on", "along", "off", "to"}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lowerASCII(a[i]) != lowerASCII(b[i]) {
			return false
		}
	}
	return true
}

// isHeldAdjective reports whether w is a compound like "russian-occupied",
// "rebel-held" or "taliban-controlled".
func isHeldAdjective(w string) bool {
	for _, suf := range [...]string{"-held", "-occupied", "-controlled", "-run", "-ruled", "-administered", "-torn", "-ravaged", "-hit", "-stricken", "-rich", "-largest", "-biggest"} {
		if len(w) > len(suf) && w[len(w)-len(suf):] == suf {
			return true
		}
	}
	return false
}

func isRegionWord(w string) bool { return regionWords[w] }

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var (
	// regionWords follow a region's base: "the Moscow region", "Helmand province".
	regionWords = set("region", "oblast", "province", "governorate", "state", "krai", "prefecture", "regions", "provinces")
	// borderWords follow a country or demonym: "the Afghan border".
	borderWords = set("border", "borders", "frontier", "border-line")
	// adjectives may stand between a preposition and a place.
	adjectives = set("northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
		"southeastern", "southwestern", "north-eastern", "north-western", "south-eastern", "south-western",
		"far", "occupied", "besieged", "embattled", "disputed", "restive", "annexed", "frontline", "front-line",
		"breakaway", "coastal", "mountainous", "remote", "neighboring", "neighbouring", "nearby", "volatile",
		"strategic", "key", "industrial", "historic", "ancient", "small", "tiny", "major", "large", "big",
		"devastated", "divided", "contested", "rural", "urban", "eastern-most", "southernmost", "northernmost",
		"easternmost", "westernmost", "upper", "lower", "greater", "main", "northeast", "northwest", "southeast",
		"southwest", "holy", "seaside", "mountain", "desert", "southern-most", "autonomous", "semi-autonomous")
	// descriptorNouns name a kind of place; "of" and the place follow them.
	descriptorNouns = set("city", "town", "village", "port", "capital", "region", "province", "district",
		"area", "areas", "outskirts", "suburbs", "suburb", "centre", "center", "heart", "streets", "part", "parts",
		"state", "governorate", "oblast", "island", "islands", "coast", "coastline", "shores", "north", "south",
		"east", "west", "northeast", "northwest", "southeast", "southwest", "territory", "territories", "enclave",
		"kingdom", "republic", "border", "borders", "frontier", "countryside", "vicinity", "environs",
		"neighborhood", "neighbourhood", "municipality", "county", "valley", "peninsula", "towns", "cities",
		"villages", "regions", "provinces", "hub", "stronghold", "metropolis", "settlement", "camp", "base",
		"bastion", "seaport", "county", "krai", "prefecture", "zone", "front", "skies", "waters")
	// directionNouns may follow a possessive country: "Afghanistan's north".
	directionNouns = set("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
		"interior", "border", "borders", "capital", "provinces", "regions")
	// connectors may join the words of a name: "Bosnia and Herzegovina".
	connectors = set("of", "and", "de", "del", "la", "al", "el", "ez", "es", "upon", "am", "an", "der", "da", "do", "dos", "das", "e", "i")
	// travelWords before "to" make it locative: "a visit to Moscow".
	travelWords = set("visit", "visits", "visited", "trip", "trips", "travel", "travels", "traveled", "travelled",
		"traveling", "travelling", "flew", "flown", "journey", "journeyed", "returned", "return", "came", "went",
		"arrived", "moved", "relocated", "sailed", "deployed", "dispatched", "sent", "trek", "pilgrimage", "tour")
	// stopNames are capitalized words that start no place name here.
	stopNames = set("january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
		"nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "i",
		"spring", "summer", "autumn", "fall", "winter", "christmas", "easter", "ramadan", "eid", "god", "english",
		"arabic", "order", "addition", "response", "power", "talks", "fact", "general", "particular", "total",
		"short", "part", "turn", "return", "exchange", "case", "light", "time", "accordance", "support", "favor",
		"favour", "charge", "line", "contrast", "comparison", "terms", "view", "effect", "place", "front", "recent",
		"office", "practice", "theory", "principle", "person", "public", "private", "secret", "advance", "all",
		"many", "some", "each", "both", "this", "that", "these", "those", "his", "her", "its", "their", "our",
		"my", "your", "which", "what", "whose", "one", "two", "three")
	// lowerStop are lower-case words that a lower-case place name never is,
	// though a capital city or a big city spells the same ("male").
	lowerStop = set("male", "female", "victoria", "sucre", "praia", "mobile", "reading", "nice", "split",
		"most", "bath", "deal", "police", "sale", "orange", "union", "concord", "independence", "kingston",
		"columbia", "lincoln", "jackson", "madison", "hamilton", "wellington", "washington", "georgetown",
		"valletta", "lima", "santiago", "san", "santa", "la", "le", "of", "and", "or", "for", "with", "the",
		"queens", "mecca", "phoenix", "douglas", "stanley", "plymouth", "jamestown", "perth", "medina", "salvador",
		"teni", "yono", "cali", "ordos", "budta", "victory", "hamilton")
)
