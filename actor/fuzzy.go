package actor

import (
	"strings"
	"sync"
)

// Fuzzy matching tolerates typos in longer words ("Minsiter", "Afgahn",
// "Yqoob") without turning ordinary English into actors. It uses a
// symmetric-delete index: every dictionary word of 5 or more letters is
// stored under itself and each form with one letter deleted (two for words
// of 9 or more letters); a text word is looked up the same way, and each
// candidate is confirmed with the optimal-string-alignment (Damerau)
// distance: at most 1 for dictionary words of 5 to 8 letters, 2 for longer
// ones. Guards keep it precise: the text word must not be a word common in
// news text (english.txt, which holds ordinary words and frequent names
// alike: "Baden" is not a typo of "Biden"), must start with the same
// letter, must be ASCII, must not merely add or drop a plural "s", and a
// lower-case text word is only corrected to a role or function word, never
// to a name, and by one edit only; words of 6 letters or fewer are not corrected by substituting
// a letter, the edit that most often turns one real name into another
// (Davis, David). A swap of two adjacent letters ("Minsiter", "Afgahn") is
// corrected even when the misspelling is itself frequent, since such swaps
// are almost never real words.

const (
	fuzzyMin    = 5  // shortest word corrected, with one edit
	fuzzyLong   = 9  // shortest dictionary word that allows two edits
	maxFuzzyLen = 40 // longer words are never corrected nor indexed for correction
)

var (
	englishOnce sync.Once
	english     map[string]struct{}
)

// englishWords returns the common English words that are never corrected.
func englishWords() map[string]struct{} {
	englishOnce.Do(func() {
		english = make(map[string]struct{}, 20000)
		for line := range strings.SplitSeq(englishText, "\n") {
			line = strings.TrimSpace(line)
			if line != "" && line[0] != '#' {
				english[line] = struct{}{}
			}
		}
	})
	return english
}

func (d *Dictionary) buildFuzzy() {
	var buf []byte
	for id, w := range d.words {
		k := w.key
		if len(k) < fuzzyMin || len(k) > maxFuzzyLen || k[0] == '^' || !isASCII(k) || strings.ContainsAny(k, ". ") {
			continue
		}
		for i := 0; i+1 < len(k); i++ {
			if k[i] == k[i+1] {
				continue
			}
			buf = append(buf[:0], k...)
			buf[i], buf[i+1] = buf[i+1], buf[i]
			if _, real := d.vocab[string(buf)]; !real {
				if _, dup := d.swaps[string(buf)]; !dup {
					d.swaps[string(buf)] = int32(id)
				}
			}
		}
		d.addDel(k, int32(id))
		for i := 0; i < len(k); i++ {
			buf = append(append(buf[:0], k[:i]...), k[i+1:]...)
			d.addDel(string(buf), int32(id))
			if len(k) >= fuzzyLong {
				for j := i; j < len(buf); j++ {
					b2 := append(append([]byte(nil), buf[:j]...), buf[j+1:]...)
					d.addDel(string(b2), int32(id))
				}
			}
		}
	}
}

func (d *Dictionary) addDel(k string, id int32) {
	ids := d.dels[k]
	for _, x := range ids {
		if x == id {
			return
		}
	}
	d.dels[k] = append(ids, id)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// fuzzy returns the id of the dictionary word closest to key within the
// allowed distance, or -1. upper says whether the text word was capitalized.
// scratch is working space of at least len(key) bytes.
func (d *Dictionary) fuzzy(key []byte, upper bool, scratch []byte) int32 {
	if len(key) < fuzzyMin || len(key) > maxFuzzyLen {
		return -1
	}
	if id, ok := d.swaps[string(key)]; ok && len(key) >= 6 && (upper || d.words[id].common) {
		return id
	}
	if _, ok := englishWords()[string(key)]; ok {
		return -1
	}
	best, bestDist := int32(-1), 3
	try := func(v []byte) {
		for _, id := range d.dels[string(v)] {
			w := &d.words[id]
			if w.key[0] != key[0] || !upper && !w.common {
				continue
			}
			allow := 1
			if len(w.key) >= fuzzyLong && upper {
				allow = 2
			}
			diff := len(w.key) - len(key)
			if diff > allow || -diff > allow || plural(key, w.key) {
				continue
			}
			if diff == 0 && len(w.key) <= 6 {
				continue // a substitution in a short word: too often another real name
			}
			if dist := osa(key, w.key, allow); dist <= allow && (dist < bestDist || dist == bestDist && id < best) {
				best, bestDist = id, dist
			}
		}
	}
	try(key)
	n := len(key)
	for i := 0; i < n; i++ {
		v := append(append(scratch[:0], key[:i]...), key[i+1:]...)
		try(v)
		if n >= fuzzyLong-1 {
			for j := i; j < n-1; j++ {
				v2 := append(append(scratch[n:n], v[:j]...), v[j+1:]...)
				try(v2)
			}
		}
	}
	return best
}

// plural reports whether a and b differ only by a final "s".
func plural(a []byte, b string) bool {
	switch {
	case len(a) == len(b)+1:
		return a[len(a)-1] == 's' && string(a[:len(b)]) == b
	case len(b) == len(a)+1:
		return b[len(b)-1] == 's' && b[:len(a)] == string(a)
	}
	return false
}

// osa returns the optimal string alignment distance between a and b, or
// limit+1 once it is sure to exceed limit.
func osa(a []byte, b string, limit int) int {
	if len(a) > 40 || len(b) > 40 {
		return limit + 1
	}
	var rows [3][42]int
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
