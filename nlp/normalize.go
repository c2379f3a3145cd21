package nlp

import (
	"unicode/utf8"
)

// Normalize returns the canonical form of a document's text: the text whose
// SHA-256 identifies the document (dyad.NewDocumentID), so that copies that
// differ only in invisible ways (line endings, stray control or zero-width
// characters, non-breaking spaces, indentation, trailing blanks, extra blank
// lines) get the same ID and are stored once.
//
// It converts CRLF and CR to LF; drops control characters other than '\n'
// and '\t'; drops zero-width and bidirectional formatting characters, byte
// order marks and soft hyphens; turns non-breaking and other Unicode spaces
// (and '\v', '\f') into ' '; turns U+2028 into a newline and U+2029 into a
// paragraph break; replaces invalid UTF-8 with U+FFFD; trims each line's
// trailing whitespace; collapses runs of spaces and tabs inside a line to one
// space; collapses three or more newlines to two; and trims the whole text.
//
// Normalize is idempotent: Normalize(Normalize(x)) == Normalize(x). When raw
// is already normalized it returns raw itself without allocating.
func Normalize(raw string) string {
	w := normWriter{src: raw}
	pendSpace := false // a run of horizontal whitespace is waiting to be written
	pendNL := 0        // newlines waiting to be written (capped at 2 on output)
	for i := 0; i < len(raw); {
		c := raw[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\v' || c == '\f':
				pendSpace = true
				i++
				continue
			case c == '\n':
				pendNL++
				pendSpace = false
				i++
				continue
			case c == '\r':
				pendNL++
				pendSpace = false
				i++
				if i < len(raw) && raw[i] == '\n' {
					i++
				}
				continue
			case c < 0x20 || c == 0x7f:
				i++ // other control characters are dropped
				continue
			}
			w.flush(&pendSpace, &pendNL)
			w.copy(i, i+1)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(raw[i:])
		switch class := classifyRune(r, size); class {
		case runeDrop:
			i += size
		case runeSpace:
			pendSpace = true
			i += size
		case runeLine:
			pendNL++
			pendSpace = false
			i += size
		case runePara:
			pendNL += 2
			pendSpace = false
			i += size
		case runeInvalid:
			w.flush(&pendSpace, &pendNL)
			w.synth("\uFFFD")
			i += size
		default:
			w.flush(&pendSpace, &pendNL)
			w.copy(i, i+size)
			i += size
		}
	}
	return w.result()
}

// Rune classes for Normalize.
const (
	runeKeep    = iota
	runeDrop    // control, zero-width and formatting characters
	runeSpace   // Unicode spaces, written as ' '
	runeLine    // line separators, written as '\n'
	runePara    // paragraph separators, written as a blank line
	runeInvalid // a byte that does not start valid UTF-8
)

// classifyRune tells Normalize what to do with a non-ASCII rune.
func classifyRune(r rune, size int) int {
	switch {
	case r == utf8.RuneError && size == 1:
		return runeInvalid
	case r == 0x85: // NEL
		return runeLine
	case r >= 0x80 && r <= 0x9f: // C1 controls
		return runeDrop
	case r == 0xa0, r == 0x1680, r >= 0x2000 && r <= 0x200a, r == 0x202f, r == 0x205f, r == 0x3000:
		return runeSpace
	case r == 0xad, // soft hyphen
		r == 0x180e,                // Mongolian vowel separator
		r >= 0x200b && r <= 0x200f, // ZWSP, ZWNJ, ZWJ, LRM, RLM
		r >= 0x202a && r <= 0x202e, // bidi embeddings and overrides
		r >= 0x2060 && r <= 0x2064, // word joiner and invisible operators
		r >= 0x2066 && r <= 0x206f, // bidi isolates and deprecated format chars
		r == 0xfeff:                // BOM / zero-width no-break space
		return runeDrop
	case r == 0x2028:
		return runeLine
	case r == 0x2029:
		return runePara
	}
	return runeKeep
}

// normWriter builds Normalize's output lazily: while the output is a prefix
// of src it only counts bytes, and it allocates a buffer only at the first
// difference, so text that is already normalized costs no allocation.
type normWriter struct {
	src  string
	n    int    // bytes of output so far, while out == nil they equal src[:n]
	out  []byte // nil until the output first differs from src
	dirt bool   // out is in use
}

// flush writes the whitespace pending before a visible character: at most two
// newlines, or else one space. Whitespace before the first visible character
// is dropped (the whole text is trimmed), and trailing spaces of a line are
// dropped because a newline clears the pending space.
func (w *normWriter) flush(space *bool, nl *int) {
	if w.n == 0 && !w.dirt || w.dirt && len(w.out) == 0 {
		*space, *nl = false, 0
		return
	}
	if *nl > 0 {
		w.byte('\n')
		if *nl > 1 {
			w.byte('\n')
		}
	}
	if *space {
		w.byte(' ')
	}
	*space, *nl = false, 0
}

// copy appends src[i:j] to the output.
func (w *normWriter) copy(i, j int) {
	if !w.dirt {
		if i == w.n {
			w.n = j
			return
		}
		w.spill()
	}
	w.out = append(w.out, w.src[i:j]...)
}

// byte appends a synthesized byte, which may still coincide with src.
func (w *normWriter) byte(b byte) {
	if !w.dirt {
		if w.n < len(w.src) && w.src[w.n] == b {
			w.n++
			return
		}
		w.spill()
	}
	w.out = append(w.out, b)
}

// synth appends a synthesized string that never coincides with src.
func (w *normWriter) synth(s string) {
	if !w.dirt {
		w.spill()
	}
	w.out = append(w.out, s...)
}

// spill switches to buffered output, copying the prefix written so far.
func (w *normWriter) spill() {
	w.out = make([]byte, w.n, len(w.src)+8)
	copy(w.out, w.src[:w.n])
	w.dirt = true
}

func (w *normWriter) result() string {
	if !w.dirt {
		return w.src[:w.n]
	}
	return string(w.out)
}
