// Package codec holds the text encodings that both stores use for small
// lists kept in one column (a sentence's citation numbers), so that a store
// copied from one engine to the other reads the same.
package codec

import (
	"strconv"
	"strings"
)

// JoinInts encodes xs as space-separated decimal numbers.
func JoinInts(xs []int) string {
	var b strings.Builder
	for i, x := range xs {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(x))
	}
	return b.String()
}

// SplitInts decodes what JoinInts encodes, skipping anything that is not a
// number.
func SplitInts(s string) []int {
	var out []int
	for _, f := range strings.Fields(s) {
		if n, err := strconv.Atoi(f); err == nil {
			out = append(out, n)
		}
	}
	return out
}
