package dates

import (
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	utc := func(y int, m time.Month, d, h, min, s int) time.Time {
		return time.Date(y, m, d, h, min, s, 0, time.UTC)
	}
	tests := []struct {
		name, in string
		want     time.Time // zero: not a date
	}{
		{"rfc3339", "2026-05-29T10:15:00Z", utc(2026, 5, 29, 10, 15, 0)},
		{"rfc3339 offset", "2026-05-29T12:15:00+02:00", utc(2026, 5, 29, 10, 15, 0)},
		{"rfc3339 nanos", "2026-05-29T10:15:00.123Z", utc(2026, 5, 29, 10, 15, 0).Add(123 * time.Millisecond)},
		{"iso no zone", "1987-02-26T15:01:01", utc(1987, 2, 26, 15, 1, 1)},
		{"iso compact zone", "2026-05-29T10:15:00+0000", utc(2026, 5, 29, 10, 15, 0)},
		{"date only", "1987-02-26", utc(1987, 2, 26, 0, 0, 0)},
		{"date space time", "2026-05-29 10:15:00", utc(2026, 5, 29, 10, 15, 0)},
		{"rfc1123", "Fri, 29 May 2026 10:15:00 GMT", utc(2026, 5, 29, 10, 15, 0)},
		{"rfc1123z", "Fri, 29 May 2026 12:15:00 +0200", utc(2026, 5, 29, 10, 15, 0)},
		{"rfc1123 one-digit day", "Mon, 4 May 2026 10:15:00 +0000", utc(2026, 5, 4, 10, 15, 0)},
		{"month day year", "Jan 2, 2006", utc(2006, 1, 2, 0, 0, 0)},
		{"long month", "February 26, 1987", utc(1987, 2, 26, 0, 0, 0)},
		{"day month year", "26 February 1987", utc(1987, 2, 26, 0, 0, 0)},
		{"unix seconds", "1780049700", utc(2026, 5, 29, 10, 15, 0)},
		{"unix millis", "1780049700000", utc(2026, 5, 29, 10, 15, 0)},
		{"compact date", "19870226", utc(1987, 2, 26, 0, 0, 0)},
		{"spaces trimmed", "  1987-02-26\n", utc(1987, 2, 26, 0, 0, 0)},
		{"empty", "", time.Time{}},
		{"zero unix", "0", time.Time{}},
		{"words", "yesterday", time.Time{}},
		{"year zero placeholder", "0001-01-01T00:00:00Z", time.Time{}},
		{"garbage", "2026-13-45", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Parse(tt.in)
			if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
				t.Errorf("Parse(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
			}
		})
	}
}

func TestFloat(t *testing.T) {
	if got, ok := Float(1780049700); !ok || got.Year() != 2026 {
		t.Errorf("Float(1780049700) = %v, %v", got, ok)
	}
	if _, ok := Float(-5); ok {
		t.Error("Float(-5) is a date")
	}
}

// FuzzParse checks Parse on any string: a time it accepts lies in the
// years it allows, and written back as RFC 3339 it parses to the same
// instant.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"2026-05-27T10:00:00Z", "2026-05-27T10:00:00.123+03:00", "2026-05-27", "Wed, 27 May 2026 10:00:00 +0000",
		"May 27, 2026", "27 May 2026", "1780000000", "1780000000000", "20260527", "0", "-5", "1799-12-31",
		"2201-01-01", "Monday, January 2, 2006", "99999999999999999999", "  2026/05/27 10:00:00 ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tm, ok := Parse(s)
		if !ok {
			if !tm.IsZero() {
				t.Fatalf("Parse(%q) refused but returned %v", s, tm)
			}
			return
		}
		if y := tm.Year(); y < 1800 || y > 2200 {
			t.Fatalf("Parse(%q) = %v, outside 1800–2200", s, tm)
		}
		back, ok := Parse(tm.Format(time.RFC3339Nano))
		if !ok || !back.Equal(tm) {
			t.Fatalf("Parse(%q) = %v, whose RFC 3339 form parses to %v, %v", s, tm, back, ok)
		}
	})
}
