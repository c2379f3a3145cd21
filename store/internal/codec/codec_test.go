package codec

import (
	"slices"
	"testing"
)

func TestInts(t *testing.T) {
	for _, xs := range [][]int{nil, {1}, {1, 2, 6}, {10, -3}} {
		s := JoinInts(xs)
		if got := SplitInts(s); !slices.Equal(got, xs) {
			t.Errorf("SplitInts(JoinInts(%v)) = %v (via %q)", xs, got, s)
		}
	}
	if got := SplitInts(" 3 x 4 "); !slices.Equal(got, []int{3, 4}) {
		t.Errorf("SplitInts skips junk: got %v", got)
	}
}
