package dyad

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision says how much of a Date is known.
type Precision string

// The precisions of dates. A range has both Start and End; the others have
// Start only (the first day of the month or year they name).
const (
	PrecisionUnknown Precision = "unknown"
	PrecisionDay     Precision = "day"
	PrecisionMonth   Precision = "month"
	PrecisionYear    Precision = "year"
	PrecisionRange   Precision = "range"
)

// A Date is a calendar date known to some precision. Start (and End for a
// range, inclusive) are UTC midnights. The zero Date is unknown.
type Date struct {
	Start     time.Time
	End       time.Time
	Precision Precision
}

// Day returns the date of day t, in UTC.
func Day(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Start: time.Date(y, m, d, 0, 0, 0, 0, time.UTC), Precision: PrecisionDay}
}

// Month returns the date of a month.
func Month(y int, m time.Month) Date {
	return Date{Start: time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), Precision: PrecisionMonth}
}

// Year returns the date of a year.
func Year(y int) Date {
	return Date{Start: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Precision: PrecisionYear}
}

// Range returns the date of the inclusive range of days from start to end.
func Range(start, end time.Time) Date {
	s, e := Day(start), Day(end)
	if e.Start.Before(s.Start) {
		s, e = e, s
	}
	return Date{Start: s.Start, End: e.Start, Precision: PrecisionRange}
}

// Known reports whether d says anything.
func (d Date) Known() bool {
	return d.Precision != "" && d.Precision != PrecisionUnknown && !d.Start.IsZero()
}

// First returns the first day d covers; Last the last. Both are zero for an
// unknown date.
func (d Date) First() time.Time {
	if !d.Known() {
		return time.Time{}
	}
	return d.Start
}

// Last returns the last day that d covers.
func (d Date) Last() time.Time {
	switch {
	case !d.Known():
		return time.Time{}
	case d.Precision == PrecisionMonth:
		return d.Start.AddDate(0, 1, -1)
	case d.Precision == PrecisionYear:
		return d.Start.AddDate(1, 0, -1)
	case d.Precision == PrecisionRange:
		return d.End
	}
	return d.Start
}

// Overlaps reports whether d and e can name the same day.
func (d Date) Overlaps(e Date) bool {
	if !d.Known() || !e.Known() {
		return false
	}
	return !d.Last().Before(e.First()) && !e.Last().Before(d.First())
}

// Contains reports whether day t falls within d.
func (d Date) Contains(t time.Time) bool {
	return d.Known() && !t.Before(d.First()) && !t.After(d.Last())
}

// String formats d as SPEC writes dates: "2026-05-27", "2026-05", "2026",
// "2016-05-29/2026-05-29" for a range, and "" when unknown.
func (d Date) String() string {
	if !d.Known() {
		return ""
	}
	switch d.Precision {
	case PrecisionMonth:
		return d.Start.Format("2006-01")
	case PrecisionYear:
		return d.Start.Format("2006")
	case PrecisionRange:
		return d.Start.Format("2006-01-02") + "/" + d.End.Format("2006-01-02")
	}
	return d.Start.Format("2006-01-02")
}

// PrecisionOrUnknown returns d's precision, PrecisionUnknown for a zero Date.
func (d Date) PrecisionOrUnknown() Precision {
	if !d.Known() {
		return PrecisionUnknown
	}
	return d.Precision
}

// ParseDate reads a date as the command line takes it: YYYY, YYYY-MM,
// YYYY-MM-DD, a range "A/B" of those (A not after B), or "" for unknown.
// Years run from 1000 to 9999.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{Precision: PrecisionUnknown}, nil
	}
	if a, b, ok := strings.Cut(s, "/"); ok {
		if strings.Contains(b, "/") {
			return Date{}, Errorf(EINVALID, "date range %q: want A/B", s)
		}
		da, err := ParseDate(a)
		if err != nil {
			return Date{}, err
		}
		db, err := ParseDate(b)
		if err != nil {
			return Date{}, err
		}
		if !da.Known() || !db.Known() {
			return Date{}, Errorf(EINVALID, "date range %q needs both ends", s)
		}
		if db.Last().Before(da.First()) {
			return Date{}, Errorf(EINVALID, "date range %q ends before it starts", s)
		}
		return Range(da.First(), db.Last()), nil
	}
	bad := Errorf(EINVALID, "date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && !(s[i] == '-' && (i == 4 || i == 7)) {
			return Date{}, bad
		}
	}
	if len(s) < 4 || s[0] == '0' {
		return Date{}, bad // years before 1000 are not news
	}
	switch len(s) {
	case 4:
		y, _ := strconv.Atoi(s)
		return Year(y), nil
	case 7:
		if t, err := time.Parse("2006-01", s); err == nil {
			return Month(t.Year(), t.Month()), nil
		}
	case 10:
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return Day(t), nil
		}
	}
	return Date{}, bad
}

// MustParseDate is ParseDate for literals in tests and tables; it panics on
// a malformed date.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(fmt.Sprint(err))
	}
	return d
}
