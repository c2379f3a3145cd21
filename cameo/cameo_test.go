package cameo_test

import (
	"strings"
	"testing"

	"github.com/dyad-project/dyad/cameo"
	"github.com/dyad-project/dyad/dyad"
)

func TestAll_Counts(t *testing.T) {
	all := cameo.All()
	if len(all) != 311 {
		t.Fatalf("len(All()) = %d, want 311", len(all))
	}
	var n2, n3, n4 int
	for i, in := range all {
		switch len(in.Code) {
		case 2:
			n2++
		case 3:
			n3++
		case 4:
			n4++
		}
		if i > 0 && all[i-1].Code >= in.Code {
			t.Errorf("All() not sorted at %s", in.Code)
		}
		if in.Name == "" || in.Plover == "" {
			t.Errorf("%s: empty name or plover: %+v", in.Code, in)
		}
		if in.Goldstein < -10 || in.Goldstein > 10 {
			t.Errorf("%s: goldstein %v out of [-10,10]", in.Code, in.Goldstein)
		}
		if len(in.Code) > 2 && !cameo.Valid(dyad.EventCode(in.Code[:len(in.Code)-1])) {
			t.Errorf("%s: parent code missing", in.Code)
		}
	}
	if n2 != 20 || n3 != 147 || n4 != 144 {
		t.Errorf("roots/3-digit/4-digit = %d/%d/%d, want 20/147/144", n2, n3, n4)
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		code         dyad.EventCode
		goldstein    float64
		quad         int
		plover, mode string
		nameContains string
	}{
		{"057", 8.0, 1, "AGREE", "", "Sign formal agreement"},
		{"042", 1.9, 1, "CONSULT", "visit", "Make a visit"},
		{"054", 6.0, 1, "SUPPORT", "", "recognition"},
		{"081", 5.0, 2, "CONCEDE", "", "sanctions"},
		{"0874", 10.0, 2, "RETREAT", "disarm", "Retreat or surrender"},
		{"163", -8.0, 4, "COERCE", "restrict", "sanctions"},
		{"190", -10.0, 4, "ASSAULT", "", "military force"},
		{"01", 0.0, 1, cameo.Dropped, "", "STATEMENT"},
		{"0231", 3.4, 1, cameo.Dropped, "", "economic aid"},
		{"0872", 9.0, 2, "RETREAT", "withdraw", "blockade"},
		{"1056", 0, 3, "REQUEST", "yield", "de-escalation"},
		{"106", 0, 3, "REQUEST", "meet", "withdrawal"},
		{"09", 0, 2, "ACCUSE", "", "INVESTIGATE"},
		{"14", 0, 3, "PROTEST", "", "PROTEST"},
		{"15", 0, 4, "MOBILIZE", "", "FORCE POSTURE"},
	}
	for _, tt := range tests {
		t.Run(string(tt.code), func(t *testing.T) {
			in, ok := cameo.Lookup(tt.code)
			if !ok {
				t.Fatalf("Lookup(%s) not found", tt.code)
			}
			if tt.goldstein != 0 && in.Goldstein != tt.goldstein {
				t.Errorf("Goldstein = %v, want %v", in.Goldstein, tt.goldstein)
			}
			if in.QuadClass != tt.quad || in.Plover != tt.plover || in.PloverMode != tt.mode {
				t.Errorf("got quad %d plover %s/%s, want %d %s/%s", in.QuadClass, in.Plover, in.PloverMode, tt.quad, tt.plover, tt.mode)
			}
			if !strings.Contains(strings.ToLower(in.Name), strings.ToLower(tt.nameContains)) {
				t.Errorf("Name = %q, want it to contain %q", in.Name, tt.nameContains)
			}
		})
	}
}

func TestQuadClassOf(t *testing.T) {
	want := map[string]int{"01": 1, "05": 1, "06": 2, "09": 2, "10": 3, "14": 3, "15": 4, "20": 4}
	for _, in := range cameo.All() {
		r := in.Code.Root()
		var q int
		switch {
		case r <= "05":
			q = 1
		case r <= "09":
			q = 2
		case r <= "14":
			q = 3
		default:
			q = 4
		}
		if in.QuadClass != q {
			t.Errorf("%s: quad %d, want %d", in.Code, in.QuadClass, q)
		}
	}
	for root, q := range want {
		if got := cameo.QuadClassOf(dyad.EventCode(root)); got != q {
			t.Errorf("QuadClassOf(%s) = %d, want %d", root, got, q)
		}
	}
	for _, bad := range []dyad.EventCode{"", "0", "00", "21", "x1", "12345"} {
		if cameo.QuadClassOf(bad) != 0 || cameo.Valid(bad) {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestAll_IsCopy(t *testing.T) {
	a := cameo.All()
	a[0].Name = "changed"
	if cameo.All()[0].Name == "changed" {
		t.Error("All() exposes the table")
	}
}
