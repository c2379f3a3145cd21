package nlp

import (
	"strings"
)

// sourceHeadings are the headings (lower case, without a trailing colon or
// Markdown markup) that open a document's trailing source list.
var sourceHeadings = map[string]bool{
	"sources": true, "source": true, "references": true, "reference": true, "notes": true,
	"citations": true, "bibliography": true, "works cited": true, "endnotes": true,
	"footnotes": true, "sources cited": true, "sources and notes": true, "notes and sources": true,
	"further reading": true, "links": true, "reference list": true, "sources used": true,
}

// IsSourceHeading reports whether line (one line of text) is a heading that
// opens a source list, such as "Sources:", "References" or "## Notes".
func IsSourceHeading(line string) bool {
	l := strings.TrimSpace(line)
	l = strings.TrimLeft(l, "#*_ ")
	l = strings.TrimRight(l, "*_: ")
	l = strings.TrimRight(l, ":")
	if len(l) == 0 || len(l) > 20 {
		return false
	}
	return sourceHeadings[Lower(l)]
}

// IsSourceEntry reports whether line looks like an entry of a source list:
// it starts with a marker ("[3]", "3.", "3)", "-", "*", "•") or is a URL.
func IsSourceEntry(line string) bool {
	l := strings.TrimSpace(line)
	if l == "" {
		return false
	}
	if _, _, ok := SourceMarker(l); ok {
		return true
	}
	return hasPrefixFold(l, "http://") || hasPrefixFold(l, "https://") || hasPrefixFold(l, "www.")
}

// SourceMarker parses the marker at the start of a source-list line. It
// returns the entry's number (0 for an unnumbered "-", "*" or "•" item), the
// length of the marker including the space after it, and whether there is a
// marker at all.
func SourceMarker(l string) (n, size int, ok bool) {
	switch {
	case strings.HasPrefix(l, "["):
		j := 1
		for j < len(l) && isDigit(l[j]) && j < 5 {
			n = n*10 + int(l[j]-'0')
			j++
		}
		if j == 1 || j >= len(l) || l[j] != ']' {
			return 0, 0, false
		}
		j++
		return n, j + spacesAt(l, j), true
	case len(l) > 0 && isDigit(l[0]):
		j := 0
		for j < len(l) && isDigit(l[j]) && j < 4 {
			n = n*10 + int(l[j]-'0')
			j++
		}
		if j >= len(l) || (l[j] != '.' && l[j] != ')') {
			return 0, 0, false
		}
		j++
		if j < len(l) && l[j] != ' ' && l[j] != '\t' {
			return 0, 0, false
		}
		return n, j + spacesAt(l, j), true
	case strings.HasPrefix(l, "- "), strings.HasPrefix(l, "* "):
		return 0, 1 + spacesAt(l, 1), true
	case strings.HasPrefix(l, "• "):
		return 0, len("•") + spacesAt(l, len("•")), true
	}
	return 0, 0, false
}

func spacesAt(s string, j int) int {
	k := j
	for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
		k++
	}
	return k - j
}

// SourceList finds a document's trailing source list: the last line that is
// a source heading ("Sources:", "References", …) and is followed by entries,
// where at least half the non-blank lines after it look like entries. Without
// a heading, a trailing run of two or more "[n]" lines counts as a list. It
// returns the byte offset in text where the list starts (its heading, or its
// first entry) and whether there is one.
func SourceList(text string) (start int, ok bool) {
	type line struct{ start, end int }
	var lines []line
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		e := len(text)
		if j >= 0 {
			e = i + j
		}
		lines = append(lines, line{i, e})
		i = e + 1
	}
	// Walk backwards, counting the entries and other non-blank lines below.
	entries, others := 0, 0
	bracketRun := 0 // consecutive trailing "[n]" entries with nothing else below
	bracketStart := -1
	for k := len(lines) - 1; k >= 0; k-- {
		l := strings.TrimSpace(text[lines[k].start:lines[k].end])
		if l == "" {
			continue
		}
		if IsSourceHeading(l) {
			if entries > 0 && entries >= others {
				return lines[k].start + (len(text[lines[k].start:lines[k].end]) - len(strings.TrimLeft(text[lines[k].start:lines[k].end], " \t"))), true
			}
			others++
			continue
		}
		if IsSourceEntry(l) {
			entries++
			if others == 0 && strings.HasPrefix(l, "[") {
				bracketRun++
				bracketStart = lines[k].start + strings.Index(text[lines[k].start:lines[k].end], "[")
			}
			continue
		}
		others++
	}
	if bracketRun >= 2 && bracketStart >= 0 {
		return bracketStart, true
	}
	return 0, false
}
