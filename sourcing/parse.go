// Package sourcing reads a document's own sourcing: its trailing source list
// ("Sources:", "References", …), which of the listed sources are the same
// story told again, and which of the document's claims cite which sources or
// none. It backs the `dyad sources` command and gives resolution the
// document's independent-source count.
package sourcing

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/nlp"
)

// ParseSources finds the trailing source list of text (see nlp.SourceList)
// and parses its entries: "[1] Web – Title – Outlet", "1. Title. Outlet.
// https://…", "[3] https://example.com/x", "- Title (Outlet), URL". Each
// source gets its number (the marker's, or its position for unnumbered
// items), its title without source-type prefixes ("Web –", "[PDF]"), its
// outlet when the entry ends with a segment that looks like an outlet name,
// its URL when present, and SameAs (see MarkSameStories). start is the byte
// offset of the list (its heading) in text. ok is false, with nil sources,
// when text has no source list.
func ParseSources(text string) (sources []dyad.Source, start int, ok bool) {
	start, ok = nlp.SourceList(text)
	if !ok {
		return nil, 0, false
	}
	rest := text[start:]
	for len(rest) > 0 {
		line := rest
		if k := strings.IndexByte(rest, '\n'); k >= 0 {
			line, rest = rest[:k], rest[k+1:]
		} else {
			rest = ""
		}
		line = strings.TrimSpace(line)
		if line == "" || nlp.IsSourceHeading(line) {
			continue
		}
		n, size, marked := nlp.SourceMarker(line)
		body := line
		if marked {
			body = line[size:]
		} else if isURL(line) && len(sources) > 0 && sources[len(sources)-1].URL == "" {
			// A URL on its own line completes the entry above it.
			sources[len(sources)-1].URL = trimURL(line)
			continue
		} else if !isURL(line) {
			continue // prose inside the list: neither an entry nor its URL
		}
		if n == 0 {
			n = len(sources) + 1
		}
		src := parseEntry(body)
		src.N = n
		sources = append(sources, src)
	}
	if len(sources) == 0 {
		return nil, 0, false
	}
	MarkSameStories(sources)
	return sources, start, true
}

// parseEntry parses the text of one entry after its marker.
func parseEntry(body string) dyad.Source {
	var src dyad.Source
	body, src.URL = cutURL(body)
	body = dropTypePrefixes(body)
	body = strings.TrimRight(strings.TrimSpace(body), ",;:")
	body = strings.TrimSpace(body)
	src.Title, src.Outlet = splitOutlet(body)
	return src
}

func isURL(s string) bool {
	return hasPrefixFold(s, "http://") || hasPrefixFold(s, "https://") || hasPrefixFold(s, "www.")
}

func hasPrefixFold(s, p string) bool { return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) }

// cutURL removes the first URL from s (with the "<>" or "()" around it and
// phrases like "Retrieved from") and returns the rest and the URL.
func cutURL(s string) (rest, url string) {
	i := -1
	for _, p := range []string{"https://", "http://", "www."} {
		if k := indexFold(s, p); k >= 0 && (i < 0 || k < i) {
			i = k
		}
	}
	if i < 0 {
		return s, ""
	}
	j := i
	for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '>' {
		j++
	}
	url = trimURL(s[i:j])
	j = i + len(url)
	before := strings.TrimRight(s[:i], " ")
	after := s[j:]
	if strings.HasSuffix(before, "<") && strings.HasPrefix(after, ">") || strings.HasSuffix(before, "(") && strings.HasPrefix(after, ")") {
		before, after = before[:len(before)-1], after[1:]
	}
	for _, p := range []string{"Retrieved from", "Available at:", "Available at", "URL:", "Link:", "at"} {
		if len(before) >= len(p) && strings.EqualFold(before[len(before)-len(p):], p) {
			before = strings.TrimRight(before[:len(before)-len(p)], " ")
			break
		}
	}
	before = strings.TrimRight(before, " ,;–—-|")
	after = strings.TrimLeft(after, " ,;.")
	if after != "" && before != "" {
		before += " " + after
	} else if before == "" {
		before = after
	}
	return before, url
}

// trimURL drops punctuation that ends the sentence rather than the URL.
func trimURL(u string) string {
	u = strings.TrimSpace(u)
	for len(u) > 0 {
		c := u[len(u)-1]
		if strings.IndexByte(".,;:!?'\"", c) >= 0 ||
			c == ')' && strings.Count(u, "(") < strings.Count(u, ")") ||
			c == ']' && strings.Count(u, "[") < strings.Count(u, "]") {
			u = u[:len(u)-1]
			continue
		}
		break
	}
	return u
}

func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// typeWords are source-type labels that research tools put before a title
// ("Web – …", "PDF: …"); they are not part of the title.
var typeWords = map[string]bool{
	"web": true, "pdf": true, "news": true, "video": true, "article": true, "report": true,
	"blog": true, "image": true, "book": true, "journal": true, "online": true, "website": true,
	"html": true, "doc": true, "paper": true, "press release": true, "x": true, "twitter": true,
}

// dropTypePrefixes removes leading source-type labels: "Web – ", "PDF: ",
// "[PDF] ", "[HTML] ", repeatedly.
func dropTypePrefixes(s string) string {
	for {
		s = strings.TrimSpace(s)
		if strings.HasPrefix(s, "[") {
			if k := strings.IndexByte(s, ']'); k > 1 && typeWords[strings.ToLower(s[1:k])] {
				s = s[k+1:]
				continue
			}
		}
		k := strings.IndexAny(s, "–—-:|")
		if k > 0 {
			word := strings.TrimSpace(s[:k])
			_, sz := utf8.DecodeRuneInString(s[k:])
			if typeWords[strings.ToLower(word)] && k+sz < len(s) && s[k+sz] == ' ' {
				s = s[k+sz:]
				continue
			}
		}
		return s
	}
}

// outletSeparators divide a title from a trailing outlet name.
var outletSeparators = []string{" – ", " — ", " - ", " | ", " · "}

// splitOutlet splits "Title – Outlet", "Title | Outlet", "Title (Outlet)"
// and "Title. Outlet." into title and outlet, when the last segment looks
// like an outlet name; otherwise it returns s as the title.
func splitOutlet(s string) (title, outlet string) {
	best := -1
	sepLen := 0
	for _, sep := range outletSeparators {
		if k := strings.LastIndex(s, sep); k > best {
			best, sepLen = k, len(sep)
		}
	}
	if best > 0 {
		if o := strings.TrimSpace(s[best+sepLen:]); looksLikeOutlet(o) {
			return strings.TrimSpace(s[:best]), o
		}
	}
	if strings.HasSuffix(s, ")") {
		if k := strings.LastIndex(s, " ("); k > 0 {
			if o := s[k+2 : len(s)-1]; looksLikeOutlet(o) {
				return strings.TrimSpace(s[:k]), o
			}
		}
	}
	// "Title. Outlet." as in numbered reference lists.
	if t := strings.TrimSuffix(s, "."); t != s || strings.Count(s, ". ") > 0 {
		if k := strings.LastIndex(t, ". "); k > 0 {
			if o := strings.TrimSpace(t[k+2:]); looksLikeOutlet(o) && !looksLikeInitial(t[:k]) {
				return strings.TrimSpace(t[:k+1]), o
			}
		}
	}
	return s, ""
}

// looksLikeInitial reports whether s ends with a single capital letter or a
// known abbreviation, so that ". " after it does not separate an outlet.
func looksLikeInitial(s string) bool {
	w := s[strings.LastIndexByte(s, ' ')+1:]
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true
	}
	switch w {
	case "U.S", "U.N", "U.K", "Mr", "Dr", "St", "Gen", "Inc", "Corp", "Co":
		return true
	}
	return false
}

// outletConnectors are lower-case words allowed inside an outlet name.
var outletConnectors = map[string]bool{
	"of": true, "the": true, "and": true, "for": true, "on": true, "de": true, "la": true,
	"du": true, "des": true, "el": true, "al": true, "&": true, "in": true, "und": true,
}

// looksLikeOutlet reports whether s could be an outlet name: at most six
// words and 50 bytes, no ellipsis or clause punctuation (, : ; ? !), every word capitalized (or a digit, an
// acronym, a connector such as "of"), and not only a date or a number.
func looksLikeOutlet(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 50 || strings.ContainsAny(s, ",:;?!") || strings.Contains(s, "…") || strings.Contains(s, "...") {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 6 {
		return false
	}
	letters := false
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			letters = true
		case unicode.IsDigit(r):
		case i > 0 && outletConnectors[w]:
		case strings.Contains(w, ".") && unicode.IsLetter(r): // bbc.com, nytimes.com
			letters = true
		default:
			return false
		}
	}
	return letters
}
