package dyad_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/dyad"
)

// FuzzParseDate checks ParseDate on any string: no panic; an error is an
// EINVALID that quotes (part of) the input; a date it accepts is made of UTC
// midnights, its first day is not after its last, and it formats to a
// string that parses back to the same date.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"", "  ", "2026", "2026-05", "2026-05-27", "2016-05-29/2026-05-29", "2026/2020",
		"2026-02-30", "0000", "+999", "-999", "2026-5-7", "2020-01/2020-12", "/", "2020/", "/2020",
		"2020/2021/2022", " 2026-05-27 ", "9999-12-31", "1987-13", "２０２６",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := dyad.ParseDate(s)
		if err != nil {
			if code := dyad.ErrorCode(err); code != dyad.EINVALID {
				t.Fatalf("ParseDate(%q) error %v has code %q, want %q", s, err, code, dyad.EINVALID)
			}
			msg := dyad.ErrorMessage(err)
			if !quotesPartOf(msg, strings.TrimSpace(s)) {
				t.Fatalf("ParseDate(%q) error %q does not name the input", s, msg)
			}
			return
		}
		if !d.Known() {
			if strings.TrimSpace(s) != "" {
				t.Fatalf("ParseDate(%q) = unknown date without an error", s)
			}
			if d.String() != "" {
				t.Fatalf("unknown date formats as %q", d.String())
			}
			return
		}
		for _, tm := range []time.Time{d.First(), d.Last()} {
			if tm.Location() != time.UTC || tm.Hour() != 0 || tm.Minute() != 0 || tm.Second() != 0 || tm.Nanosecond() != 0 {
				t.Fatalf("ParseDate(%q) bound %v is not a UTC midnight", s, tm)
			}
		}
		if d.Last().Before(d.First()) {
			t.Fatalf("ParseDate(%q) = %v: last day %v before first %v", s, d, d.Last(), d.First())
		}
		if d.Precision == dyad.PrecisionRange && d.End.IsZero() {
			t.Fatalf("ParseDate(%q): a range without an end", s)
		}
		if !d.Contains(d.First()) || !d.Contains(d.Last()) || !d.Overlaps(d) {
			t.Fatalf("ParseDate(%q) = %v does not contain its own bounds", s, d)
		}
		back, err := dyad.ParseDate(d.String())
		if err != nil {
			t.Fatalf("ParseDate(%q) = %v, whose String %q does not parse: %v", s, d, d.String(), err)
		}
		if back.Precision != d.Precision || !back.Start.Equal(d.Start) || !back.End.Equal(d.End) {
			t.Fatalf("round trip of %q: %+v, then %q → %+v", s, d, d.String(), back)
		}
	})
}

// quotesPartOf reports whether msg quotes s or, for a range, one of its
// ends (as ParseDate reads them: split at the first slash, trimmed), the way
// ParseDate's messages name the date or the end at fault.
func quotesPartOf(msg, s string) bool {
	s = strings.TrimSpace(s)
	if strings.Contains(msg, strconv.Quote(s)) {
		return true
	}
	a, b, ok := strings.Cut(s, "/")
	return ok && (quotesPartOf(msg, a) || quotesPartOf(msg, b))
}
