package petrarch

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// A DatedCode is one code of an actor with the dates it applies on.
// Lo and Hi are YYYYMMDD integers, 0 when open; Hi is exclusive when
// HiOpen is set ("[CODE <D]"), inclusive otherwise ("[CODE A-B]").
type DatedCode struct {
	Code   string `json:"code"`
	Lo     int    `json:"lo,omitempty"`
	Hi     int    `json:"hi,omitempty"`
	HiOpen bool   `json:"hi_exclusive,omitempty"`
}

// Dated reports whether c has a date restriction.
func (c DatedCode) Dated() bool { return c.Lo != 0 || c.Hi != 0 }

// On reports whether c applies on day (a YYYYMMDD integer).
func (c DatedCode) On(day int) bool {
	if c.Lo != 0 && day < c.Lo {
		return false
	}
	if c.Hi != 0 && (day > c.Hi || (c.HiOpen && day == c.Hi)) {
		return false
	}
	return true
}

// An Actor is one entry of an actor dictionary: a root phrase, its
// synonyms, and its possibly date-restricted codes.
type Actor struct {
	Root     string      `json:"root"`
	Synonyms []string    `json:"synonyms,omitempty"`
	Codes    []DatedCode `json:"codes"`
	File     string      `json:"file"`
	Line     int         `json:"line"`
}

// CodesOn returns the codes of a on day (YYYYMMDD): the first date-restricted
// code that covers the day, else the first unrestricted code, else none. A
// code written "A/B/C" names several actors and is returned split.
func (a *Actor) CodesOn(day int) []string {
	var pick *DatedCode
	for i := range a.Codes {
		if a.Codes[i].Dated() && a.Codes[i].On(day) {
			pick = &a.Codes[i]
			break
		}
	}
	if pick == nil {
		for i := range a.Codes {
			if !a.Codes[i].Dated() {
				pick = &a.Codes[i]
				break
			}
		}
	}
	if pick == nil {
		return nil
	}
	return strings.Split(pick.Code, "/")
}

// DayOf converts t to the YYYYMMDD integer that date restrictions compare.
func DayOf(t time.Time) int {
	if t.IsZero() {
		return 0
	}
	y, m, d := t.Date()
	return y*10000 + int(m)*100 + d
}

// parseDictDate reads YYYYMMDD or YYMMDD (YY <= 30 is 20YY, else 19YY).
func parseDictDate(s string) (int, error) {
	s = strings.TrimSpace(s)
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, fmt.Errorf("date %q is not a number", s)
		}
	}
	var y, m, d int
	switch len(s) {
	case 6:
		yy, _ := strconv.Atoi(s[:2])
		y = 1900 + yy
		if yy <= 30 {
			y = 2000 + yy
		}
		m, _ = strconv.Atoi(s[2:4])
		d, _ = strconv.Atoi(s[4:6])
	case 8:
		y, _ = strconv.Atoi(s[:4])
		m, _ = strconv.Atoi(s[4:6])
		d, _ = strconv.Atoi(s[6:8])
	default:
		return 0, fmt.Errorf("date %q: want YYMMDD or YYYYMMDD", s)
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, fmt.Errorf("date %q: month or day out of range", s)
	}
	return y*10000 + m*100 + d, nil
}

// parseActorCode reads the inside of one "[...]" code block.
func parseActorCode(s string) (DatedCode, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return DatedCode{}, fmt.Errorf("empty code []")
	}
	code, rest, _ := strings.Cut(s, " ")
	if i := strings.IndexAny(code, "<>"); i > 0 { // "HOB<950601"
		code, rest = code[:i], code[i:]+" "+rest
	}
	code = strings.ToUpper(code)
	if code == "" || code[0] >= '0' && code[0] <= '9' || strings.ContainsAny(code, "<>[]{}") {
		return DatedCode{}, fmt.Errorf("code block [%s] has no actor code", s)
	}
	c := DatedCode{Code: code}
	rest = strings.TrimSpace(rest)
	var err error
	switch {
	case rest == "":
	case rest[0] == '<':
		c.Hi, err = parseDictDate(rest[1:])
		c.HiOpen = true
	case rest[0] == '>':
		c.Lo, err = parseDictDate(rest[1:])
	default:
		a, b, ok := strings.Cut(rest, "-")
		if !ok {
			return DatedCode{}, fmt.Errorf("code block [%s]: want <D, >D or A-B after the code", s)
		}
		if c.Lo, err = parseDictDate(a); err == nil {
			c.Hi, err = parseDictDate(b)
		}
		if err == nil && c.Hi < c.Lo {
			err = fmt.Errorf("date range %s ends before it starts", rest)
		}
	}
	if err != nil {
		return DatedCode{}, fmt.Errorf("code block [%s]: %v", s, err)
	}
	return c, nil
}

// splitCodes separates "PHRASE [A] [B <D]" into the phrase and the insides
// of its bracket blocks. An unclosed bracket is an error.
func splitCodes(s string) (head string, blocks []string, err error) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		if strings.IndexByte(s, ']') >= 0 {
			return "", nil, fmt.Errorf("']' without '['")
		}
		return strings.TrimSpace(s), nil, nil
	}
	head = strings.TrimSpace(s[:i])
	rest := s[i:]
	for rest != "" {
		rest = strings.TrimSpace(rest)
		if rest == "" {
			break
		}
		if rest[0] != '[' {
			return "", nil, fmt.Errorf("unexpected %q after code block", rest)
		}
		j := strings.IndexByte(rest, ']')
		if j < 0 {
			return "", nil, fmt.Errorf("unclosed '[' in %q", rest)
		}
		blocks = append(blocks, rest[1:j])
		rest = rest[j+1:]
	}
	return head, blocks, nil
}

// actorReader holds the state of reading one actor file.
type actorReader struct {
	file  string
	kinds []LineKind
	errs  *ErrorList
	st    *FileStats
	out   *[]*Actor
	cur   *Actor
	lines []int // lines of cur's phrases, to mark them if cur ends with no code
}

func (r *actorReader) flush() {
	if r.cur == nil {
		return
	}
	if len(r.cur.Codes) == 0 {
		for _, l := range r.lines {
			r.errs.add(r.file, l, "actor %q has no code", r.cur.Root)
			r.kinds[l-1] = LineError
		}
	} else {
		*r.out = append(*r.out, r.cur)
		r.st.Actors++
		r.st.ActorPhrases += 1 + len(r.cur.Synonyms)
		r.st.ActorCodes += len(r.cur.Codes)
	}
	r.cur, r.lines = nil, nil
}

// readActors reads an actor dictionary: root lines, "+synonym" lines and
// "[CODE date]" blocks, on the root's line or on following lines. A root
// that has no code yet when the next root starts is joined to that root's
// entry, as TABARI did with stacked roots.
func readActors(file string, lines []string, errs *ErrorList) ([]*Actor, FileStats) {
	st := FileStats{File: file, Kind: "actors"}
	var out []*Actor
	r := &actorReader{file: file, kinds: make([]LineKind, len(lines)), errs: errs, st: &st, out: &out}
	for i, raw := range lines {
		n := i + 1
		t, kind, empty := stripComment(raw)
		r.kinds[i] = kind
		if empty {
			continue
		}
		head, blocks, err := splitCodes(t)
		if err != nil {
			errs.add(file, n, "%v", err)
			r.kinds[i] = LineError
			continue
		}
		var codes []DatedCode
		bad := false
		for _, b := range blocks {
			c, err := parseActorCode(b)
			if err != nil {
				errs.add(file, n, "%v", err)
				bad = true
				continue
			}
			codes = append(codes, c)
		}
		switch {
		case head == "":
			// A code-only line continues the current entry.
			if r.cur == nil {
				errs.add(file, n, "code block with no actor before it")
				r.kinds[i] = LineError
				continue
			}
			r.cur.Codes = append(r.cur.Codes, codes...)
			r.kinds[i] = LineStructure
			if bad && len(codes) == 0 {
				r.kinds[i] = LineError
			}
		case head[0] == '+':
			words, _ := splitPhrase(head[1:])
			if len(words) == 0 {
				errs.add(file, n, "empty synonym")
				r.kinds[i] = LineError
				continue
			}
			if r.cur == nil {
				errs.add(file, n, "synonym %q with no actor before it", head[1:])
				r.kinds[i] = LineError
				continue
			}
			r.cur.Synonyms = append(r.cur.Synonyms, strings.TrimSpace(head[1:]))
			r.cur.Codes = append(r.cur.Codes, codes...)
			r.lines = append(r.lines, n)
		default:
			words, _ := splitPhrase(head)
			if len(words) == 0 {
				errs.add(file, n, "empty actor phrase")
				r.kinds[i] = LineError
				continue
			}
			if r.cur != nil && len(r.cur.Codes) > 0 {
				r.flush()
			}
			if r.cur == nil {
				r.cur = &Actor{Root: head, File: file, Line: n}
			} else {
				r.cur.Synonyms = append(r.cur.Synonyms, head)
			}
			r.cur.Codes = append(r.cur.Codes, codes...)
			r.lines = append(r.lines, n)
			if bad && len(codes) == 0 && len(blocks) > 0 {
				// Every code on the line was bad: the entry would silently
				// take the next root's codes, so drop it here.
				r.kinds[i] = LineError
				if len(r.cur.Synonyms) == 0 {
					r.cur, r.lines = nil, nil
				} else {
					r.cur.Synonyms = r.cur.Synonyms[:len(r.cur.Synonyms)-1]
					r.lines = r.lines[:len(r.lines)-1]
				}
			}
		}
	}
	r.flush()
	st.count(r.kinds)
	return out, st
}
