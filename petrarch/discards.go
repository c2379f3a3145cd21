package petrarch

import (
	"fmt"
	"strings"
)

// A Discard is a phrase whose presence drops a sentence, or with Story set
// ("+PHRASE") the whole story: sports, entertainment and the like.
type Discard struct {
	Phrase string   `json:"phrase"`
	Words  []string `json:"-"`
	Story  bool     `json:"story,omitempty"`
	File   string   `json:"file"`
	Line   int      `json:"line"`
}

// readDiscards reads a discard file: one phrase a line, '+' for stories.
func readDiscards(file string, lines []string, errs *ErrorList) ([]*Discard, FileStats) {
	st := FileStats{File: file, Kind: "discards"}
	kinds := make([]LineKind, len(lines))
	var out []*Discard
	for i, raw := range lines {
		t, kind, empty := stripComment(raw)
		kinds[i] = kind
		if empty {
			continue
		}
		d := &Discard{File: file, Line: i + 1}
		if t[0] == '+' {
			d.Story, t = true, strings.TrimSpace(t[1:])
		}
		d.Phrase = t
		d.Words = tokenizePhrase(t)
		if len(d.Words) == 0 || strings.ContainsAny(t, "[]{}") {
			errs.add(file, i+1, "discard %q is not a phrase", raw)
			kinds[i] = LineError
			continue
		}
		out = append(out, d)
		st.Discards++
	}
	st.count(kinds)
	return out, st
}

// An Issue is one issue phrase and the issue code it sets, in a category.
// Suppress marks a "~phrase" line, which stops the phrase's words from
// coding an issue.
type Issue struct {
	Phrase   string     `json:"phrase"`
	Forms    [][]string `json:"-"`
	Code     string     `json:"code,omitempty"`
	Category string     `json:"category"`
	Suppress bool       `json:"suppress,omitempty"`
	File     string     `json:"file"`
	Line     int        `json:"line"`
}

// issueForms expands the n:/v: prefixes (noun or verb forms of the word) and
// '+' (joined by a space or a hyphen, or written together) of an issue phrase.
func issueForms(p string) [][]string {
	forms := [][]string{nil}
	for _, w := range strings.Fields(strings.ToUpper(p)) {
		var alts []string
		parts := strings.Split(w, "+")
		if len(parts) > 1 {
			alts = []string{strings.Join(parts, " "), strings.Join(parts, "-"), strings.Join(parts, "")}
		} else {
			alts = []string{w}
		}
		var expanded []string
		for _, a := range alts {
			words := strings.Fields(a)
			if len(words) == 0 {
				continue
			}
			last := words[len(words)-1]
			switch {
			case strings.HasPrefix(last, "N:"):
				base := last[2:]
				words[len(words)-1] = base
				expanded = append(expanded, strings.Join(words, " "))
				words[len(words)-1] = plural(base)
				expanded = append(expanded, strings.Join(words, " "))
			case strings.HasPrefix(last, "V:"):
				base := last[2:]
				for _, f := range append([]string{base}, verbForms(base)...) {
					words[len(words)-1] = f
					expanded = append(expanded, strings.Join(words, " "))
				}
			default:
				expanded = append(expanded, strings.ReplaceAll(a, "N:", ""))
			}
		}
		var next [][]string
		for _, f := range forms {
			for _, e := range expanded {
				next = append(next, append(append([]string(nil), f...), strings.Fields(strings.ReplaceAll(strings.ReplaceAll(e, "N:", ""), "V:", ""))...))
			}
		}
		forms = next
		if len(forms) > 256 {
			forms = forms[:256]
		}
	}
	return forms
}

// readIssues reads an issue file: <ISSUE CATEGORY="..."> sections holding
// "phrase [CODE]" and "~phrase" lines.
func readIssues(file string, lines []string, errs *ErrorList) ([]*Issue, FileStats) {
	st := FileStats{File: file, Kind: "issues"}
	kinds := make([]LineKind, len(lines))
	var out []*Issue
	category := ""
	for i, raw := range lines {
		n := i + 1
		t, kind, empty := stripComment(raw)
		kinds[i] = kind
		if empty {
			continue
		}
		up := asciiUpper(t)
		switch {
		case strings.HasPrefix(up, "<ISSUE"):
			c, err := issueCategory(t)
			if err != nil {
				errs.add(file, n, "%v", err)
				kinds[i] = LineError
				category = ""
				continue
			}
			category = c
			kinds[i] = LineStructure
			continue
		case strings.HasPrefix(up, "</ISSUE"):
			category = ""
			kinds[i] = LineStructure
			continue
		}
		is := &Issue{Category: category, File: file, Line: n}
		if t[0] == '~' {
			is.Suppress, t = true, strings.TrimSpace(t[1:])
		} else {
			k := strings.IndexByte(t, '[')
			e := strings.IndexByte(t, ']')
			if k < 0 || e < k || strings.TrimSpace(t[e+1:]) != "" {
				errs.add(file, n, "issue %q: want 'phrase [CODE]'", t)
				kinds[i] = LineError
				continue
			}
			is.Code = strings.TrimSpace(t[k+1 : e])
			t = strings.TrimSpace(t[:k])
			if is.Code == "" {
				errs.add(file, n, "issue %q has an empty code", t)
				kinds[i] = LineError
				continue
			}
		}
		if t == "" || strings.ContainsAny(t, "[]{}") {
			errs.add(file, n, "issue line %q has no phrase", raw)
			kinds[i] = LineError
			continue
		}
		if category == "" {
			errs.add(file, n, "issue %q outside an <ISSUE> section", t)
			kinds[i] = LineError
			continue
		}
		is.Phrase = t
		is.Forms = issueForms(t)
		if len(is.Forms) == 0 || len(is.Forms[0]) == 0 {
			errs.add(file, n, "issue line %q has no words", raw)
			kinds[i] = LineError
			continue
		}
		out = append(out, is)
		st.Issues++
	}
	st.count(kinds)
	return out, st
}

func issueCategory(tag string) (string, error) {
	i := strings.Index(asciiUpper(tag), "CATEGORY")
	if i < 0 || !strings.HasSuffix(strings.TrimSpace(tag), ">") {
		return "", fmt.Errorf("issue section %q has no CATEGORY", tag)
	}
	rest := tag[i+len("CATEGORY"):]
	a := strings.IndexByte(rest, '"')
	if a < 0 {
		return "", fmt.Errorf("issue section %q: CATEGORY is not quoted", tag)
	}
	b := strings.IndexByte(rest[a+1:], '"')
	if b < 0 {
		return "", fmt.Errorf("issue section %q: unclosed quote", tag)
	}
	c := strings.TrimSpace(rest[a+1 : a+1+b])
	if c == "" {
		return "", fmt.Errorf("issue section %q: empty CATEGORY", tag)
	}
	return c, nil
}

// readWords reads a plain word list (one word or phrase a line), such as
// the prepositions file.
func readWords(file string, lines []string, errs *ErrorList) ([]string, FileStats) {
	st := FileStats{File: file, Kind: "words"}
	kinds := make([]LineKind, len(lines))
	var out []string
	for i, raw := range lines {
		t, kind, empty := stripComment(raw)
		kinds[i] = kind
		if empty {
			continue
		}
		if strings.ContainsAny(t, "[]{}") {
			errs.add(file, i+1, "word %q is not a plain word", t)
			kinds[i] = LineError
			continue
		}
		out = append(out, strings.ToUpper(t))
		st.Words++
	}
	st.count(kinds)
	return out, st
}

// asciiUpper upper-cases ASCII letters only, keeping byte offsets valid.
func asciiUpper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 32
		}
	}
	return string(b)
}
