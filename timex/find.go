package timex

import (
	"strings"
	"sync"
	"time"

	"github.com/dyad-project/dyad/dyad"
)

// An Expr is a date expression found in a text.
type Expr struct {
	Span dyad.Span // byte offsets into the text
	Text string
	Date dyad.Date // resolved against the publication date
	// Relative is set when some part of Date comes from the publication date
	// or from an earlier expression (yesterday, on Wednesday, last week,
	// "29 May" without a year, "a day later") rather than from the text alone.
	Relative bool
}

// Find returns the date expressions in text, in order, resolved against
// published (a zero published leaves relative expressions unresolved and
// omits them). Expressions never overlap. Find is safe for concurrent use.
func Find(text string, published time.Time) []Expr {
	if !hasTrigger(text) {
		return nil
	}
	bp := tokPool.Get().(*[]tok)
	defer tokPool.Put(bp)
	*bp = tokenize((*bp)[:0], text)
	p := parser{text: text, toks: *bp}
	if !published.IsZero() {
		p.pub = dyad.Day(published).Start
		p.hasPub = true
	}
	var out []Expr
	for i := 0; i < len(p.toks); i++ {
		if !p.toks[i].trigger() || i < p.floor {
			continue
		}
		e, ok := p.head(i)
		if !ok {
			continue
		}
		e = p.wrap(e)
		p.floor = e.b
		i = e.b - 1
		if e.omit || !e.date.Known() {
			continue
		}
		s, en := int(p.toks[e.a].s), int(p.toks[e.b-1].e)
		out = append(out, Expr{Span: dyad.Span{Start: s, End: en}, Text: text[s:en], Date: e.date, Relative: e.rel})
		p.anchor = e.date
	}
	return out
}

// tokPool recycles token buffers: Find runs on every sentence, and a parser's
// time arithmetic makes the compiler move a stack buffer to the heap.
var tokPool = sync.Pool{New: func() any { b := make([]tok, 0, 64); return &b }}

// A pexpr is a parsed expression over tokens [a, b).
type pexpr struct {
	a, b int
	date dyad.Date
	rel  bool
	omit bool // consumed, but needs a publication date that is missing
	// For a date without a year, redo resolves it again against ref: the
	// first such date on or after ref when after is set, else the last on
	// or before ref. Ranges use it to keep their ends in order.
	redo func(ref time.Time, after bool) dyad.Date
}

type parser struct {
	text   string
	toks   []tok
	pub    time.Time // UTC midnight of the publication day
	hasPub bool
	floor  int       // the first token a new expression may use
	anchor dyad.Date // the date of the previous expression
	ctx    bool      // the caller vouches that the token at floor starts a date
}

// Token predicates; all are false out of range or below the floor.

func (p *parser) ok(i int) bool { return i >= p.floor && i < len(p.toks) }

func (p *parser) cls(i int) uint8 {
	if !p.ok(i) || p.toks[i].kind != kWord {
		return cNone
	}
	return p.toks[i].cls
}

func (p *parser) val(i int) int { return int(p.toks[i].val) }

func (p *parser) word(i int, words ...string) bool {
	if !p.ok(i) || p.toks[i].kind != kWord {
		return false
	}
	w := p.text[p.toks[i].s:p.toks[i].e]
	for _, x := range words {
		if strings.EqualFold(w, x) {
			return true
		}
	}
	return false
}

func (p *parser) punct(i int, c byte) bool {
	return p.ok(i) && p.toks[i].kind == kPunct && p.toks[i].nd == c
}

// adj reports whether token i starts right where token i-1 ends.
func (p *parser) adj(i int) bool {
	return i > 0 && i < len(p.toks) && p.toks[i].s == p.toks[i-1].e
}

func (p *parser) dayNum(i int) bool {
	if !p.ok(i) {
		return false
	}
	t := p.toks[i]
	return t.kind == kNum && t.nd <= 2 && t.val >= 1 && t.val <= 31 && t.flags&(fGrouped|fSuffix|fDecade) == 0 && !p.punct(i+1, ':') && !p.punct(i+1, '%')
}

// yearNum reports whether token i is a four-digit number that can be a year.
func (p *parser) yearNum(i int) bool {
	if !p.ok(i) {
		return false
	}
	t := p.toks[i]
	return t.kind == kNum && t.nd == 4 && t.flags == 0 && t.val >= 1000 && t.val <= 2999 && !p.punct(i+1, '%') && !(p.punct(i+1, ':') && p.adj(i+1))
}

func (p *parser) cap(i int) bool { return p.ok(i) && p.toks[i].flags&fCap != 0 }

// future reports whether the clause before token a announces the future.
func (p *parser) future(a int) bool {
	for i := a - 1; i >= 0 && i >= a-12; i-- {
		t := p.toks[i]
		if t.kind == kPunct && (t.nd == '.' || t.nd == ';' || t.nd == ',' || t.nd == ':' || t.nd == '!' || t.nd == '?') {
			return false
		}
		if t.kind == kWord && t.cls == cFuture {
			return true
		}
	}
	return false
}

// head parses the expression whose head word is token h.
func (p *parser) head(h int) (pexpr, bool) {
	t := p.toks[h]
	if t.kind == kNum {
		return p.year(h)
	}
	switch t.cls {
	case cMonth, cMonthAbbr:
		return p.month(h)
	case cWeekday:
		return p.weekday(h)
	case cRelDay:
		return p.relDay(h)
	case cPartDay:
		return p.partDay(h)
	case cUnit:
		return p.unit(h)
	case cSeason:
		return p.season(h)
	}
	return pexpr{}, false
}

// needPub returns e marked as omitted when there is no publication date.
func (p *parser) needPub(e pexpr) (pexpr, bool) {
	e.omit = true
	return e, true
}

// ---- calendar helpers ----

func date(y, m, d int) (time.Time, bool) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d && int(t.Month()) == m
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// weekStart returns the Monday of t's week.
func weekStart(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

func addDays(t time.Time, n int) time.Time { return t.AddDate(0, 0, n) }

// pick chooses among candidate days by the rules in the package doc: the
// last one on or before ref and the first one after it (on or after, when
// after is set).
func pick(ref time.Time, cands []time.Time, mode int) (time.Time, bool) {
	var past, fut time.Time
	for _, c := range cands {
		if c.After(ref) || mode == modeAfter && c.Equal(ref) {
			if fut.IsZero() || c.Before(fut) {
				fut = c
			}
		} else if past.IsZero() || c.After(past) {
			past = c
		}
	}
	switch {
	case mode == modeAfter && !fut.IsZero():
		return fut, true
	case mode == modeBefore && !past.IsZero():
		return past, true
	case mode == modeNearest:
		if past.IsZero() {
			return fut, !fut.IsZero()
		}
		if !fut.IsZero() && 4*fut.Sub(ref) < ref.Sub(past) {
			return fut, true
		}
		return past, true
	}
	if !past.IsZero() {
		return past, true
	}
	return fut, !fut.IsZero()
}

// Modes of pick.
const (
	modeNearest = iota
	modeBefore
	modeAfter
)

// dayNoYear resolves month m, days d..d2 (d2 0 for one day) without a year.
func dayNoYear(ref time.Time, m, d, d2, mode int) (dyad.Date, bool) {
	var cands []time.Time
	for y := ref.Year() - 8; y <= ref.Year()+8; y++ {
		if t, ok := date(y, m, d); ok && (y >= ref.Year()-1 && y <= ref.Year()+1 || m == 2 && d == 29) {
			cands = append(cands, t)
		}
	}
	t, ok := pick(ref, cands, mode)
	if !ok {
		return dyad.Date{}, false
	}
	if d2 > d {
		if e, ok := date(t.Year(), m, d2); ok {
			return dyad.Range(t, e), true
		}
	}
	return dyad.Day(t), true
}

// monthNoYear resolves month m without a year.
func monthNoYear(ref time.Time, m, mode int) time.Time {
	var cands [3]time.Time
	for k := range cands {
		cands[k] = time.Date(ref.Year()-1+k, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	}
	t, _ := pick(ref, cands[:], mode)
	return t
}

// edgeRange returns the part of a month (m > 0) or a year that edge names.
func edgeRange(y, m, edge int) dyad.Date {
	if m > 0 {
		last := daysIn(y, m)
		lo, hi := 1, last
		switch edge {
		case eEarly, eBeginning:
			hi = 10
		case eMid:
			lo, hi = 11, 20
		case eLate, eEnd:
			lo = 21
		}
		a, _ := date(y, m, lo)
		b, _ := date(y, m, hi)
		return dyad.Range(a, b)
	}
	lo, hi := 1, 12
	switch edge {
	case eEarly, eBeginning:
		hi = 4
	case eMid:
		lo, hi = 5, 8
	case eLate, eEnd:
		lo = 9
	}
	a, _ := date(y, lo, 1)
	b, _ := date(y, hi, daysIn(y, hi))
	return dyad.Range(a, b)
}

// ---- edges and modifiers to the left ----

// edgeBefore looks left of token a for "early", "mid-", "late", "the end of",
// "the beginning of", "the middle of"; it returns the edge and the new start.
func (p *parser) edgeBefore(a int) (int, int) {
	if p.punct(a-1, '-') && p.adj(a) && p.adj(a-1) && p.cls(a-2) == cEdge {
		return p.val(a - 2), a - 2
	}
	switch p.cls(a - 1) {
	case cEdge:
		e, s := p.val(a-1), a-1
		if e == eEnd || e == eBeginning || p.word(a-1, "middle") {
			return 0, a // "end 2021" is rare; "the end of" below
		}
		if p.word(s-1, "the") {
			s--
		}
		return e, s
	}
	if p.word(a-1, "of") && p.cls(a-2) == cEdge && (p.val(a-2) == eEnd || p.val(a-2) == eBeginning || p.word(a-2, "middle")) {
		s := a - 2
		if p.word(s-1, "the") {
			s--
		}
		return p.val(a - 2), s
	}
	return 0, a
}

// ---- heads ----

// month parses around a month name at h: "May 29, 2026", "29 May",
// "May 27 and 28", "January 2026", "in January", "last July", "mid-May".
func (p *parser) month(h int) (pexpr, bool) {
	t := p.toks[h]
	if t.flags&fCap == 0 {
		return pexpr{}, false
	}
	m := int(t.val)
	abbr := t.cls == cMonthAbbr
	j := h + 1
	if abbr && p.punct(j, '.') && p.adj(j) {
		j++
	}
	e := pexpr{a: h, b: j}
	var d, d2, y int
	k := j
	if p.dayNum(j) && !p.decimal(j) && p.cls(j+1) != cCount {
		d, e.b = p.val(j), j+1
		k = j + 1
		if (p.punct(k, '-') || p.word(k, "and", "to", "through")) && p.dayNum(k+1) && p.val(k+1) > d {
			d2, e.b, k = p.val(k+1), k+2, k+2
		}
		if p.punct(k, ',') && p.yearNum(k+1) {
			y, e.b = p.val(k+1), k+2
		} else if p.yearNum(k) {
			y, e.b = p.val(k), k+1
		}
	} else if p.yearNum(j) {
		y, e.b = p.val(j), j+1
	} else if (p.punct(j, ',') || p.word(j, "of")) && p.yearNum(j+1) {
		y, e.b = p.val(j+1), j+2
	}
	if d == 0 {
		switch {
		case p.dayNum(h-1) && !p.decimal(h-1):
			d, e.a = p.val(h-1), h-1
			if (p.punct(h-2, '-') || p.word(h-2, "and", "to")) && p.dayNum(h-3) && p.val(h-3) < d {
				d2, d, e.a = d, p.val(h-3), h-3
			}
		case p.word(h-1, "of") && p.dayNum(h-2) && (p.toks[h-2].flags&fOrdinal != 0 || p.word(h-3, "the")):
			d, e.a = p.val(h-2), h-2
			if p.word(h-3, "the") {
				e.a = h - 3
			}
		}
	}
	if d > 0 {
		// "Wednesday, May 27": the weekday belongs to the date.
		if p.cls(e.a-1) == cWeekday && p.cap(e.a-1) {
			e.a--
		} else if p.punct(e.a-1, ',') && p.cls(e.a-2) == cWeekday && p.cap(e.a-2) {
			e.a -= 2
		}
		if d > daysIn(2024, m) || d2 > daysIn(2024, m) {
			return pexpr{}, false
		}
		if y > 0 {
			a, ok := date(y, m, d)
			if !ok {
				return pexpr{}, false
			}
			e.date = dyad.Day(a)
			if d2 > 0 {
				if b, ok := date(y, m, d2); ok {
					e.date = dyad.Range(a, b)
				}
			}
			return e, true
		}
		if !p.hasPub {
			return p.needPub(e)
		}
		mode := modeNearest
		if p.future(e.a) {
			mode = modeAfter
		}
		dt, ok := dayNoYear(p.pub, m, d, d2, mode)
		if !ok {
			return pexpr{}, false
		}
		e.date, e.rel = dt, true
		e.redo = func(ref time.Time, after bool) dyad.Date {
			md := modeBefore
			if after {
				md = modeAfter
			}
			dt, _ := dayNoYear(ref, m, d, d2, md)
			return dt
		}
		return e, true
	}
	if abbr && y == 0 {
		return pexpr{}, false
	}
	edge, ea := p.edgeBefore(e.a)
	if y > 0 {
		e.a = ea
		if edge > 0 {
			e.date = edgeRange(y, m, edge)
		} else {
			e.date = dyad.Month(y, time.Month(m))
		}
		return e, true
	}
	// A month name alone needs a word that introduces a date.
	mod := 0
	if p.cls(h-1) == cMod {
		mod = p.val(h - 1)
		if mod != mLast && mod != mThis && mod != mNext && mod != mPast {
			return pexpr{}, false
		}
		e.a = h - 1
	} else if !(p.ctx && h == p.floor) && (edge == 0 && p.cls(h-1) != cPrep || p.word(h-1, "as", "at", "to", "and", "or", "around")) {
		return pexpr{}, false
	} else {
		e.a = ea
	}
	if !p.hasPub {
		return p.needPub(e)
	}
	py, pm := p.pub.Year(), int(p.pub.Month())
	var start time.Time
	switch mod {
	case mLast, mPast:
		yy := py
		if m >= pm {
			yy--
		}
		start = time.Date(yy, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	case mThis:
		start = time.Date(py, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	case mNext:
		yy := py
		if m <= pm {
			yy++
		}
		start = time.Date(yy, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	default:
		mode := modeNearest
		if p.future(e.a) {
			mode = modeAfter
		}
		start = monthNoYear(p.pub, m, mode)
		e.redo = func(ref time.Time, after bool) dyad.Date {
			md := modeBefore
			if after {
				md = modeAfter
			}
			s := monthNoYear(ref, m, md)
			if edge > 0 {
				return edgeRange(s.Year(), m, edge)
			}
			return dyad.Month(s.Year(), s.Month())
		}
	}
	e.rel = true
	if edge > 0 {
		e.date = edgeRange(start.Year(), m, edge)
	} else {
		e.date = dyad.Month(start.Year(), start.Month())
	}
	return e, true
}

// weekday parses "on Wednesday", "last Tuesday", "next Monday", "Friday
// night", and hands "Wednesday, May 27" to month.
func (p *parser) weekday(h int) (pexpr, bool) {
	if !p.cap(h) || p.cls(h-1) == cHoliday && p.cap(h-1) {
		return pexpr{}, false
	}
	for j := h + 1; j <= h+3 && j < len(p.toks); j++ {
		if c := p.toks[j].cls; p.toks[j].kind == kWord && (c == cMonth || c == cMonthAbbr) {
			if e, ok := p.month(j); ok && e.a == h {
				return e, true
			}
			break
		}
	}
	e := pexpr{a: h, b: h + 1, rel: true}
	if p.cls(h+1) == cPartDay {
		e.b++
	}
	mod := 0
	if p.cls(h-1) == cMod {
		mod = p.val(h - 1)
		e.a--
		if mod == mComing && p.word(h-2, "this") {
			e.a--
		}
	} else if p.cls(h-1) == cEdge && (p.val(h-1) == eEarly || p.val(h-1) == eLate) {
		e.a--
	}
	if !p.hasPub {
		return p.needPub(e)
	}
	wd := p.val(h)
	idx := (wd + 6) % 7 // Monday = 0
	ws := weekStart(p.pub)
	var d time.Time
	switch mod {
	case mLast, mPrevious:
		d = addDays(ws, idx-7)
	case mThis:
		d = addDays(ws, idx)
	case mNext, mFollowing:
		d = addDays(ws, idx+7)
	case mComing:
		d = addDays(p.pub, (wd-int(p.pub.Weekday())+7)%7)
	default:
		if p.future(e.a) {
			d = addDays(p.pub, (wd-int(p.pub.Weekday())+7)%7)
		} else {
			d = addDays(p.pub, -((int(p.pub.Weekday()) - wd + 7) % 7))
		}
	}
	e.date = dyad.Day(d)
	return e, true
}

// relDay parses "yesterday", "today", "tonight", "tomorrow", with a part of
// the day after or "early"/"late" before.
func (p *parser) relDay(h int) (pexpr, bool) {
	e := pexpr{a: h, b: h + 1, rel: true}
	off := p.val(h)
	if p.cls(h+1) == cPartDay {
		e.b++
	}
	if p.cls(h-1) == cEdge && (p.val(h-1) == eEarly || p.val(h-1) == eLate) {
		e.a--
	}
	// "the day before yesterday", "the day after tomorrow"
	if p.word(h-1, "before", "after") && p.cls(h-2) == cUnit && p.val(h-2) == uDay && p.word(h-3, "the") {
		e.a = h - 3
		if p.word(h-1, "before") {
			off--
		} else {
			off++
		}
	}
	if !p.hasPub {
		return p.needPub(e)
	}
	e.date = dyad.Day(addDays(p.pub, off))
	return e, true
}

// partDay parses "this morning", "this evening", "last night".
func (p *parser) partDay(h int) (pexpr, bool) {
	e := pexpr{a: h - 1, b: h + 1, rel: true}
	switch {
	case p.word(h-1, "this"):
		if !p.hasPub {
			return p.needPub(e)
		}
		e.date = dyad.Day(p.pub)
	case p.word(h-1, "last") && (p.word(h, "night", "evening")):
		if !p.hasPub {
			return p.needPub(e)
		}
		e.date = dyad.Day(addDays(p.pub, -1))
	default:
		return pexpr{}, false
	}
	return e, true
}

// count reads a count that ends at token i, before a unit: a number or a
// number word, "a few", "a couple of". It returns the count and its first
// token.
func (p *parser) count(i int) (int, int, bool) {
	if !p.ok(i) {
		return 0, 0, false
	}
	t := p.toks[i]
	if t.kind == kNum && t.flags == 0 && t.nd <= 3 && t.val >= 1 && t.val <= 200 {
		return int(t.val), i, true
	}
	if p.word(i, "of") && p.word(i-1, "couple") && p.word(i-2, "a") {
		return 2, i - 2, true
	}
	if t.kind == kWord && t.cls == cNumWord && !p.word(i, "couple") {
		if p.word(i, "few") {
			if !p.word(i-1, "a") {
				return 0, 0, false
			}
			return 3, i - 1, true
		}
		return int(t.val), i, true
	}
	return 0, 0, false
}

// decimal reports whether the number at i is part of a decimal: 5.93.
func (p *parser) decimal(i int) bool {
	return p.punct(i+1, '.') && p.adj(i+1) && p.adj(i+2) && p.ok(i+2) && p.toks[i+2].kind == kNum && p.toks[i+2].nd != 4 ||
		p.punct(i-1, '.') && p.adj(i) && p.adj(i-1) && p.ok(i-2) && p.toks[i-2].kind == kNum
}

// shift moves t by n units.
func shift(t time.Time, unit, n int) time.Time {
	switch unit {
	case uDay:
		return t.AddDate(0, 0, n)
	case uWeek:
		return t.AddDate(0, 0, 7*n)
	case uWeekend:
		return t.AddDate(0, 0, 7*n)
	case uFortnight:
		return t.AddDate(0, 0, 14*n)
	case uMonth:
		return addMonths(t, n)
	case uYear:
		return addMonths(t, 12*n)
	case uDecade:
		return addMonths(t, 120*n)
	case uCentury:
		return addMonths(t, 1200*n)
	}
	return t
}

// addMonths moves t by n months, keeping the day within the month reached
// (May 31 minus one month is April 30, not May 1).
func addMonths(t time.Time, n int) time.Time {
	first := time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	return first.AddDate(0, 0, min(t.Day(), daysIn(first.Year(), int(first.Month())))-1)
}

// point returns the date of the unit that holds t: the day, the Monday–Sunday
// week, the month or the year.
func point(t time.Time, unit int) dyad.Date {
	switch unit {
	case uDay:
		return dyad.Day(t)
	case uMonth:
		return dyad.Month(t.Year(), t.Month())
	case uWeekend:
		ws := weekStart(t)
		return dyad.Range(addDays(ws, 5), addDays(ws, 6))
	case uYear, uDecade, uCentury:
		return dyad.Year(t.Year())
	}
	return dyad.Day(t)
}

// unit parses expressions around a unit word at h: "last week", "earlier
// this month", "the past decade", "the past two years", "two years ago",
// "a day later", "the next day", "over the weekend".
func (p *parser) unit(h int) (pexpr, bool) {
	u := p.val(h)
	e := pexpr{a: h, b: h + 1, rel: true}
	n, ns, hasN := p.count(h - 1)
	// "N units ago", "N units later/earlier [on DATE]".
	if hasN {
		e.a = ns
		switch {
		case p.cls(h+1) == cAgo:
			e.b = h + 2
			if !p.hasPub {
				return p.needPub(e)
			}
			e.date = point(shift(p.pub, u, -n), u)
			return e, true
		case p.cls(h+1) == cLater:
			e.b = h + 2
			dir := p.val(h + 1)
			// "one day later on 28 May": the written date wins.
			j := h + 2
			if p.punct(j, ',') {
				j++
			}
			if p.word(j, "on", "in") {
				if x, ok := p.pointAt(j + 1); ok && !x.omit && x.date.Known() {
					x.a = e.a
					return x, true
				}
			}
			if !p.anchor.Known() {
				return p.needPub(e)
			}
			return p.fromAnchor(e, u, n*dir)
		}
		// "the past two years", "the next three months".
		if p.cls(ns-1) == cMod {
			e.a = ns - 1
			if p.word(ns-2, "the") {
				e.a = ns - 2
			}
			return p.span(e, p.val(ns-1), u, n)
		}
		return pexpr{}, false
	}
	// "the day before yesterday" is relDay's.
	if u == uDay && p.word(h+1, "before", "after") && p.cls(h+2) == cRelDay {
		return pexpr{}, false
	}
	// "the next day", "the following day", "the previous day", "the same day",
	// "the day before", "the day after": relative to the previous date.
	if p.word(h-1, "same") && p.word(h-2, "the") && u == uDay {
		e.a = h - 2
		if !p.anchor.Known() {
			return p.needPub(e)
		}
		if p.anchor.Precision == dyad.PrecisionDay || u != uDay {
			e.date = point(p.anchor.First(), u)
			return e, true
		}
		return p.needPub(e)
	}
	if p.word(h-1, "the") && u == uDay && p.word(h+1, "before", "after") && (!p.ok(h+2) || p.toks[h+2].kind == kPunct) {
		e.a, e.b = h-1, h+2
		if !p.anchor.Known() {
			return p.needPub(e)
		}
		dir := 1
		if p.word(h+1, "before") {
			dir = -1
		}
		return p.fromAnchor(e, u, dir)
	}
	if p.cls(h-1) != cMod {
		// "over the weekend", "at the weekend".
		if u == uWeekend && p.word(h-1, "the") && p.word(h-2, "over", "at", "on", "during", "this") {
			e.a = h - 1
			if !p.hasPub {
				return p.needPub(e)
			}
			ws := weekStart(p.pub)
			if p.future(h - 2) {
				ws = weekStart(addDays(p.pub, 2))
				if p.pub.Weekday() != time.Saturday && p.pub.Weekday() != time.Sunday {
					ws = weekStart(p.pub)
				}
			} else if wd := p.pub.Weekday(); wd != time.Saturday && wd != time.Sunday {
				ws = addDays(ws, -7)
			}
			e.date = dyad.Range(addDays(ws, 5), addDays(ws, 6))
			return e, true
		}
		return pexpr{}, false
	}
	mod := p.val(h - 1)
	e.a = h - 1
	the := p.word(h-2, "the")
	plural := p.toks[h].e-p.toks[h].s > 3 && p.text[p.toks[h].e-1]|0x20 == 's' && u != uCentury || p.word(h, "centuries")
	if plural || the && mod == mLast && u == uDay {
		return pexpr{}, false // "the coming years", "the last day of trading"
	}
	if the {
		e.a = h - 2
	}
	// "the next day", "the following week", "the previous year".
	if the && (mod == mNext || mod == mFollowing || mod == mPrevious) && (u == uDay || p.anchor.Known()) {
		if !p.anchor.Known() {
			return p.needPub(e)
		}
		dir := 1
		if mod == mPrevious {
			dir = -1
		}
		return p.fromAnchor(e, u, dir)
	}
	// "the past week", "the last decade" count back from publication.
	if the && (mod == mPast || mod == mLast) || mod == mPast {
		return p.span(e, mPast, u, 1)
	}
	if the && mod == mComing {
		return p.span(e, mNext, u, 1)
	}
	if mod == mPrevious || mod == mFollowing || mod == mComing {
		return pexpr{}, false
	}
	// "earlier this month", "later this year".
	edge := 0
	if mod == mThis && p.cls(h-2) == cLater {
		edge = p.val(h - 2)
		e.a = h - 2
	}
	if !p.hasPub {
		return p.needPub(e)
	}
	pub := p.pub
	ws := weekStart(pub)
	step := 0
	switch mod {
	case mLast:
		step = -1
	case mNext:
		step = 1
	}
	switch u {
	case uDay:
		return pexpr{}, false
	case uWeek:
		s := addDays(ws, 7*step)
		switch {
		case edge < 0:
			e.date = dyad.Range(ws, pub)
		case edge > 0:
			e.date = dyad.Range(pub, addDays(ws, 6))
		default:
			e.date = dyad.Range(s, addDays(s, 6))
		}
	case uWeekend:
		s := addDays(ws, 7*step)
		e.date = dyad.Range(addDays(s, 5), addDays(s, 6))
	case uFortnight:
		if mod == mNext {
			e.date = dyad.Range(pub, addDays(pub, 14))
		} else {
			e.date = dyad.Range(addDays(pub, -14), pub)
		}
	case uMonth:
		t := time.Date(pub.Year(), pub.Month()+time.Month(step), 1, 0, 0, 0, 0, time.UTC)
		e.date = dyad.Month(t.Year(), t.Month())
	case uYear:
		e.date = dyad.Year(pub.Year() + step)
	case uDecade, uCentury:
		size := 10
		if u == uCentury {
			size = 100
		}
		switch mod {
		case mLast:
			e.date = dyad.Range(shift(pub, u, -1), pub)
		case mNext:
			e.date = dyad.Range(pub, shift(pub, u, 1))
		default:
			y0 := pub.Year() / size * size
			a, _ := date(y0, 1, 1)
			b, _ := date(y0+size-1, 12, 31)
			e.date = dyad.Range(a, b)
		}
	}
	return e, true
}

// span returns the range of n units that ends (mPast, mLast) or starts
// (mNext, mComing) on the publication date.
func (p *parser) span(e pexpr, mod, u, n int) (pexpr, bool) {
	if !p.hasPub {
		return p.needPub(e)
	}
	if u == uWeekend {
		return pexpr{}, false
	}
	switch mod {
	case mPast, mLast:
		e.date = dyad.Range(shift(p.pub, u, -n), p.pub)
	case mNext, mComing:
		e.date = dyad.Range(p.pub, shift(p.pub, u, n))
	default:
		return pexpr{}, false
	}
	e.rel = true
	return e, true
}

// fromAnchor resolves n units after the previous expression's date.
func (p *parser) fromAnchor(e pexpr, u, n int) (pexpr, bool) {
	a := p.anchor
	switch {
	case (u == uDay || u == uWeek || u == uFortnight) && a.Precision != dyad.PrecisionDay:
		return p.needPub(e)
	case u == uMonth && (a.Precision == dyad.PrecisionYear || a.Precision == dyad.PrecisionRange):
		return p.needPub(e)
	}
	e.date = point(shift(a.First(), u, n), u)
	e.rel = true
	return e, true
}

// year parses around a four-digit number at h: numeric dates ("2026-05-27",
// "27.05.2026", "05/27/2026"), decades ("the 1990s"), "early 2025", "the
// first quarter of 1987", "2019-2021", and years after a date word.
func (p *parser) year(h int) (pexpr, bool) {
	t := p.toks[h]
	y := int(t.val)
	e := pexpr{a: h, b: h + 1}
	if t.flags&fDecade != 0 {
		if y%10 != 0 || y < 1000 {
			return pexpr{}, false
		}
		lo, hi := y, y+9
		edge, ea := p.edgeBefore(h)
		switch edge {
		case eEarly, eBeginning:
			hi = y + 3
		case eMid:
			lo, hi = y+4, y+6
		case eLate, eEnd:
			lo = y + 7
		}
		e.a = ea
		a, _ := date(lo, 1, 1)
		b, _ := date(hi, 12, 31)
		e.date = dyad.Range(a, b)
		return e, true
	}
	// Numeric dates with the year last: 27.05.2026, 05/27/2026, 27-05-2026.
	if sep := p.sepBefore(h); sep != 0 {
		if p.dayNum(h-2) && p.sepBefore(h-2) == sep && p.dayNum(h-4) {
			a, b := p.val(h-4), p.val(h-2)
			var m, d int
			switch {
			case sep == '/' && a <= 12:
				m, d = a, b
			case sep == '/' || a <= 31:
				d, m = a, b
			}
			if dt, ok := date(y, m, d); ok && m >= 1 && m <= 12 {
				e.a, e.date = h-4, dyad.Day(dt)
				return e, true
			}
		}
		return pexpr{}, false
	}
	// Numeric dates with the year first: 2026-05-27, 2026/05/27.
	if sep := p.sepBefore(h + 2); sep == '-' || sep == '/' {
		if p.ok(h+2) && p.toks[h+2].kind == kNum && p.toks[h+2].flags == 0 {
			if p.toks[h+2].nd == 2 && p.sepBefore(h+4) == sep && p.dayNum(h+4) && p.toks[h+4].nd == 2 {
				if dt, ok := date(y, p.val(h+2), p.val(h+4)); ok {
					e.b, e.date = h+5, dyad.Day(dt)
					return e, true
				}
				return pexpr{}, false
			}
			if sep == '-' && p.yearNum(h+2) && p.val(h+2) > y && p.val(h+2)-y < 100 {
				a, _ := date(y, 1, 1)
				b, _ := date(p.val(h+2), 12, 31)
				e.b, e.date = h+3, dyad.Range(a, b)
				return e, true
			}
		}
		return pexpr{}, false // 1986/87, 2019-20
	}
	if y < 1800 || y > 2199 || p.punct(h-1, '$') || p.punct(h-1, '#') || p.cls(h+1) == cCount {
		return pexpr{}, false
	}
	if p.ok(h-1) && p.toks[h-1].kind == kPunct && p.adj(h) && p.toks[h-1].nd != '(' && p.toks[h-1].nd != '-' {
		return pexpr{}, false // £2021, €2021, x2021
	}
	e.date = dyad.Year(y)
	// "the first quarter of 1987", "the second half 2025", "Q1 2025".
	j := h - 1
	if p.word(j, "of") {
		j--
	}
	if p.cls(j) == cQuarter {
		per := p.val(j)
		k := j - 1
		if p.punct(k, '-') {
			k--
		}
		if ord := p.toks[max(k, 0)].val; p.cls(k) == cOrdWord && int(ord)*per <= 12 {
			lo := (int(ord)-1)*per + 1
			hi := lo + per - 1
			a, _ := date(y, lo, 1)
			b, _ := date(y, hi, daysIn(y, hi))
			e.a, e.date = k, dyad.Range(a, b)
			if p.word(k-1, "the") {
				e.a = k - 1
			}
			return e, true
		}
	}
	if p.ok(h-1) && p.toks[h-1].kind == kNum && p.toks[h-1].nd == 1 && p.word(h-2, "Q", "H") && p.adj(h-1) {
		per := 3
		if p.word(h-2, "H") {
			per = 6
		}
		if q := p.val(h - 1); q >= 1 && q*per <= 12 {
			lo := (q-1)*per + 1
			hi := lo + per - 1
			a, _ := date(y, lo, 1)
			b, _ := date(y, hi, daysIn(y, hi))
			e.a, e.date = h-2, dyad.Range(a, b)
			return e, true
		}
	}
	if edge, ea := p.edgeBefore(h); edge > 0 {
		e.a, e.date = ea, edgeRange(y, 0, edge)
		return e, true
	}
	if p.yearContext(h) {
		return e, true
	}
	return pexpr{}, false
}

// sepBefore returns the separator ('.', '/' or '-') between tokens i-2 and
// i when all three touch, else 0.
func (p *parser) sepBefore(i int) byte {
	if i-1 < 1 || i >= len(p.toks) || !p.adj(i) || !p.adj(i-1) || p.toks[i-1].kind != kPunct {
		return 0
	}
	if c := p.toks[i-1].nd; (c == '.' || c == '/' || c == '-') && p.toks[i-2].kind == kNum && p.toks[i].kind == kNum {
		return c
	}
	return 0
}

// yearContext reports whether the words around a bare year at h make it a
// year: a date word before it, or a possessive after it.
func (p *parser) yearContext(h int) bool {
	if p.punct(h+1, '\'') && p.word(h+2, "s") || p.ok(h+1) && strings.HasPrefix(p.text[p.toks[h+1].s:], "’s") {
		return true
	}
	switch p.cls(h - 1) {
	case cDet, cUnit, cMod:
		return true
	case cPrep:
		switch p.val(h - 1) {
		case pAnd, pTo:
			// "in 2020 and 2021": only right after another date.
			return p.floor == h-1 && h >= 2
		case pOn:
			return false
		}
		if p.ctx && h == p.floor {
			return true
		}
		return !p.word(h-1, "as", "at", "around", "over")
	case cNumWord:
		return p.word(h-1, "a")
	}
	return false
}

// pointAt parses one date expression that starts at token i (used for the
// second end of a range and for "one day later on 28 May").
func (p *parser) pointAt(i int) (pexpr, bool) {
	saved, savedCtx := p.floor, p.ctx
	p.floor, p.ctx = i, true
	defer func() { p.floor, p.ctx = saved, savedCtx }()
	for h := i; h < i+4 && h < len(p.toks); h++ {
		if !p.toks[h].trigger() {
			continue
		}
		var e pexpr
		var ok bool
		if p.toks[h].kind == kNum && p.toks[h].flags == 0 && h == i {
			y := p.val(h)
			if p.yearNum(h) && y >= 1800 && y <= 2199 && p.sepBefore(h+2) == 0 {
				e, ok = pexpr{a: h, b: h + 1, date: dyad.Year(y)}, true
			} else {
				e, ok = p.head(h)
			}
		} else {
			e, ok = p.head(h)
		}
		if ok && e.a == i {
			return e, true
		}
		return pexpr{}, false
	}
	return pexpr{}, false
}

// wrap widens e to "since X", "from X to Y" and "between X and Y".
func (p *parser) wrap(e pexpr) pexpr {
	if e.omit || !e.date.Known() {
		return e
	}
	switch {
	case p.word(e.a-1, "since"):
		e.a--
		if p.hasPub && !e.date.First().After(p.pub) {
			e.date = dyad.Range(e.date.First(), p.pub)
			e.rel = true
		}
	case p.word(e.a-1, "from") && (p.word(e.b, "to", "until", "till", "through") || p.punct(e.b, '-')),
		p.word(e.a-1, "between") && p.word(e.b, "and"):
		saved := p.floor
		p.floor = e.b + 1
		y, ok := p.pointAt(e.b + 1)
		p.floor = saved
		if !ok || y.omit || !y.date.Known() {
			return e
		}
		x := e
		switch {
		case y.redo != nil && x.redo == nil:
			y.date = y.redo(x.date.First(), true)
		case x.redo != nil:
			x.date = x.redo(y.date.First(), false)
		}
		if !x.date.Known() || !y.date.Known() || y.date.Last().Before(x.date.First()) {
			return e
		}
		e.a--
		e.b = y.b
		e.date = dyad.Range(x.date.First(), y.date.Last())
		e.rel = x.rel || y.rel
	}
	return e
}

// seasonRange returns the season that starts in month m of year y; winter
// runs from December into the next year's February.
func seasonRange(y, m int) dyad.Date {
	a, _ := date(y, m, 1)
	end := addMonths(a, 2)
	b, _ := date(end.Year(), int(end.Month()), daysIn(end.Year(), int(end.Month())))
	return dyad.Range(a, b)
}

// season parses "last summer", "this winter", "next spring", "(the) summer
// of 2025", "spring 2025", "in the autumn": northern seasons of three months
// (spring March–May, summer June–August, autumn September–November, winter
// December–February, named by the year of its December). "the summer"
// alone is read as "this summer".
func (p *parser) season(h int) (pexpr, bool) {
	m := p.val(h)
	e := pexpr{a: h, b: h + 1}
	if p.word(h+1, "of") && p.yearNum(h+2) {
		e.b = h + 3
		if p.word(h-1, "the") {
			e.a = h - 1
		}
		e.date = seasonRange(p.val(h+2), m)
		return e, true
	}
	if p.yearNum(h + 1) {
		e.b = h + 2
		if edge, ea := p.edgeBefore(h); edge > 0 {
			e.a = ea
		}
		e.date = seasonRange(p.val(h+1), m)
		return e, true
	}
	mod := 0
	switch {
	case p.cls(h-1) == cMod && (p.val(h-1) == mLast || p.val(h-1) == mThis || p.val(h-1) == mNext || p.val(h-1) == mPast):
		mod, e.a = p.val(h-1), h-1
	case p.word(h-1, "the") && p.word(h-2, "in", "during", "over", "by", "until", "since") && !p.word(h, "fall") && !p.word(h+1, "of"):
		e.a = h - 1
	default:
		return pexpr{}, false
	}
	if !p.hasPub {
		return p.needPub(e)
	}
	// The instance that holds publication, or the last one before it.
	cur := seasonRange(p.pub.Year(), m)
	if cur.First().After(p.pub) {
		cur = seasonRange(p.pub.Year()-1, m)
	}
	held := cur.Contains(p.pub)
	var y int
	switch mod {
	case mLast, mPast:
		y = cur.First().Year()
		if held {
			y--
		}
	case mNext:
		y = cur.First().Year() + 1
	default:
		// "this summer" or "in the summer": the one under way, else the
		// publication year's (in May, the coming summer; in November, the
		// summer just gone).
		y = cur.First().Year()
		if !held && cur.First().Year() != p.pub.Year() && m != 12 || !held && m == 12 {
			y++
		}
	}
	e.date, e.rel = seasonRange(y, m), true
	return e, true
}
