// Package dates parses the publication timestamps found in document metadata
// (JSON fields, HTML meta tags, JSON-LD): RFC 3339, RFC 1123 and its
// relatives, ISO dates with or without a time, "Jan 2, 2006" and its long
// and day-first forms, and unix seconds or milliseconds. It parses whole
// values only; dates inside running text are the nlp stage's business.
package dates

import (
	"strconv"
	"strings"
	"time"
)

// layouts are tried in order. Layouts without a zone are read as UTC.
var layouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -0700 MST",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04 MST",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	time.RFC850,
	time.ANSIC,
	time.UnixDate,
	time.RubyDate,
	time.RFC822Z,
	time.RFC822,
	"Jan 2, 2006",
	"Jan 2 2006",
	"January 2, 2006",
	"January 2 2006",
	"Jan. 2, 2006",
	"Mon, Jan 2, 2006",
	"Monday, January 2, 2006",
	"Jan 2, 2006 15:04",
	"Jan 2, 2006 3:04 PM",
	"January 2, 2006 3:04 PM",
	"January 2, 2006 15:04",
	"2 Jan 2006",
	"2 January 2006",
	"02 Jan 2006",
	"Mon, 2 Jan 2006",
	"2006/01/02",
	"2006/01/02 15:04:05",
	"20060102",
}

// Parse reads s as a timestamp and returns it, with ok false when s is
// empty or in no known form. Times without a zone are taken as UTC. Bare
// integers are unix seconds, or milliseconds when 13 digits long; zero and
// negative ones are not dates. Years outside 1800–2200 are refused, since
// they are typos or placeholders, not publication dates.
func Parse(s string) (t time.Time, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	if isDigits(s) && len(s) != 8 {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, false
		}
		return Unix(n)
	}
	for _, l := range layouts {
		if len(l) > 0 && !plausible(s, l) {
			continue
		}
		if t, err := time.Parse(l, s); err == nil {
			return sane(t)
		}
	}
	return time.Time{}, false
}

// Unix returns the time of n unix seconds, or milliseconds when n is too big
// to be seconds before the year 2200; ok is false for n <= 0 or out of range.
func Unix(n int64) (time.Time, bool) {
	if n <= 0 {
		return time.Time{}, false
	}
	if n > 1e11 {
		return sane(time.UnixMilli(n).UTC())
	}
	return sane(time.Unix(n, 0).UTC())
}

// Float is Unix for numbers that JSON decoded as floating point.
func Float(f float64) (time.Time, bool) {
	if f <= 0 || f > 1e15 {
		return time.Time{}, false
	}
	return Unix(int64(f))
}

func sane(t time.Time) (time.Time, bool) {
	if y := t.Year(); y < 1800 || y > 2200 {
		return time.Time{}, false
	}
	return t, true
}

// plausible cheaply rules out layouts that cannot match s: those starting
// with a digit need s to start with a digit, and those starting with a
// letter need a letter.
func plausible(s, layout string) bool {
	return isDigit(s[0]) == isDigit(layout[0])
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}
