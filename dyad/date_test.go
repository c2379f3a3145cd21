package dyad

import "testing"

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string
		prec     Precision
		bad      bool
	}{
		{"2026", "2026", PrecisionYear, false},
		{"2026-05", "2026-05", PrecisionMonth, false},
		{"2026-05-29", "2026-05-29", PrecisionDay, false},
		{" 2026-05-29 ", "2026-05-29", PrecisionDay, false},
		{"2016/2026-05", "2016-01-01/2026-05-31", PrecisionRange, false},
		{"", "", PrecisionUnknown, false},
		{"0001", "", "", true},
		{"0999-01-01", "", "", true},
		{"+999", "", "", true},
		{"2020/2021/2022", "", "", true},
		{"2020-01-01/2019", "", "", true},
		{"2026-13", "", "", true},
		{"2026-02-30", "", "", true},
		{"26-05-29", "", "", true},
		{"May 2026", "", "", true},
		{"2026/", "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := ParseDate(tt.in)
			if tt.bad {
				if err == nil || ErrorCode(err) != EINVALID {
					t.Errorf("ParseDate(%q) = %v, %v; want EINVALID", tt.in, d, err)
				}
				return
			}
			if err != nil || d.String() != tt.want || d.PrecisionOrUnknown() != tt.prec {
				t.Errorf("ParseDate(%q) = %q (%s), %v; want %q (%s)", tt.in, d.String(), d.PrecisionOrUnknown(), err, tt.want, tt.prec)
			}
		})
	}
}

func TestDate_Overlaps(t *testing.T) {
	may := MustParseDate("2026-05")
	if !may.Overlaps(MustParseDate("2026-05-27")) || may.Overlaps(MustParseDate("2026-06-01")) || may.Overlaps(Date{}) {
		t.Error("Overlaps is wrong for a month against days and unknown")
	}
	if !MustParseDate("2026-05-27").Contains(MustParseDate("2026-05-27").First()) {
		t.Error("a day does not contain itself")
	}
	if got := MustParseDate("2026").Last().Format("2006-01-02"); got != "2026-12-31" {
		t.Errorf("last day of 2026 = %s", got)
	}
}
