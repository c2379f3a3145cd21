package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxSpan bounds how far ahead the inline stripper looks for a closing
// delimiter or bracket, so adversarial input ("[[[[…" on one long line)
// costs linear time, not quadratic. Real emphasis and link text is shorter.
const maxSpan = 2000

// StripMarkdown returns the text of Markdown source src without its syntax,
// and its title: the text of the first level-one heading (ATX "# T" or
// setext "T" over "==="), which is left out of the text. Paragraph breaks
// survive as blank lines; fenced code blocks, images, reference
// definitions and horizontal rules are dropped; links keep their text.
// Front matter is not read here (see ParseMarkdown).
func StripMarkdown(src string) (title, text string) {
	return stripLines(splitLines(strings.TrimPrefix(src, "\ufeff")))
}

// splitLines splits s into lines without their "\n" or "\r\n".
func splitLines(s string) []string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

func stripLines(lines []string) (title, text string) {
	refs := referenceLabels(lines)
	out := make([]string, 0, len(lines))
	blank := func() {
		if len(out) > 0 && out[len(out)-1] != "" {
			out = append(out, "")
		}
	}
	var fence string // the open fence's marker run, "" outside code blocks
	for _, line := range lines {
		t := strings.TrimLeft(line, " ")
		indented := len(line)-len(t) > 3
		if fence != "" {
			if c := strings.TrimRight(t, " \t"); !indented && strings.HasPrefix(c, fence) && strings.Trim(c, fence[:1]) == "" {
				fence = ""
				blank()
			}
			continue
		}
		if !indented {
			if m := fenceRun(t); m != "" {
				fence = m
				blank()
				continue
			}
			if isRefDefinition(t) {
				continue
			}
		}
		prev := ""
		if len(out) > 0 {
			prev = out[len(out)-1]
		}
		trim := strings.TrimSpace(t)
		switch {
		case trim == "":
			blank()
			continue
		case !indented && prev != "" && strings.Trim(trim, "=") == "":
			// setext level one: the previous line was the heading
			out = out[:len(out)-1]
			if title == "" {
				title = strings.TrimSpace(prev)
			} else {
				out = append(out, prev)
			}
			blank()
			continue
		case !indented && prev != "" && len(trim) >= 2 && strings.Trim(trim, "-") == "":
			blank() // setext level two: keep the heading as a paragraph
			continue
		case !indented && isRule(trim):
			blank()
			continue
		}
		if level, h := atxHeading(t); level > 0 && !indented {
			h = strings.TrimSpace(inline(h, refs))
			if level == 1 && title == "" {
				title = h
				blank()
				continue
			}
			blank()
			if h != "" {
				out = append(out, h, "")
			}
			continue
		}
		t = stripBlockMarkers(t)
		if indented {
			t = strings.TrimSpace(line)
		}
		if t = inline(t, refs); strings.TrimSpace(t) == "" {
			blank()
			continue
		}
		out = append(out, t)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	for len(out) > 0 && out[0] == "" {
		out = out[1:]
	}
	return title, strings.Join(out, "\n")
}

// fenceRun returns the marker run opening a fenced code block ("```",
// "~~~~"), or "".
func fenceRun(t string) string {
	if len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return ""
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 || (t[0] == '`' && strings.Contains(t[n:], "`")) {
		return ""
	}
	return t[:n]
}

// atxHeading returns the level and text of an ATX heading line ("## Text ##"),
// or level 0.
func atxHeading(t string) (level int, text string) {
	for level < len(t) && t[level] == '#' {
		level++
	}
	if level == 0 || level > 6 || (level < len(t) && t[level] != ' ' && t[level] != '\t') {
		return 0, ""
	}
	text = strings.TrimSpace(t[level:])
	if c := strings.TrimRight(text, "#"); c != text && (c == "" || strings.HasSuffix(c, " ") || strings.HasSuffix(c, "\t")) {
		text = strings.TrimSpace(c)
	}
	return level, text
}

// isRule reports whether trimmed line t is a thematic break: three or more
// of one of "-", "*", "_", possibly spaced.
func isRule(t string) bool {
	if len(t) < 3 {
		return false
	}
	c, n := t[0], 0
	if c != '-' && c != '*' && c != '_' {
		return false
	}
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// stripBlockMarkers removes quote markers ("> ") and bullet markers
// ("- ", "* ", "+ ") from the start of a line. Numbered markers ("1. ")
// stay: they carry the numbers of source lists.
func stripBlockMarkers(t string) string {
	for {
		switch {
		case strings.HasPrefix(t, ">"):
			t = strings.TrimLeft(t[1:], " ")
		case len(t) >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && (t[1] == ' ' || t[1] == '\t'):
			t = strings.TrimLeft(t[2:], " \t")
			if strings.HasPrefix(t, "[ ] ") || strings.HasPrefix(t, "[x] ") || strings.HasPrefix(t, "[X] ") {
				t = t[4:]
			}
			return t
		default:
			return t
		}
	}
}

// isRefDefinition reports whether t is a link reference definition
// ("[label]: url"), which renders as nothing.
func isRefDefinition(t string) bool {
	label, ok := refDefinitionLabel(t)
	return ok && label != ""
}

func refDefinitionLabel(t string) (string, bool) {
	if !strings.HasPrefix(t, "[") || strings.HasPrefix(t, "[^") {
		return "", false
	}
	end := strings.Index(t, "]:")
	if end < 0 || end > maxSpan {
		return "", false
	}
	rest := strings.TrimSpace(t[end+2:])
	if rest == "" || strings.ContainsAny(t[1:end], "[]") {
		return "", false
	}
	return strings.ToLower(strings.TrimSpace(t[1:end])), true
}

// referenceLabels collects the labels that reference definitions in lines
// define, lower-cased.
func referenceLabels(lines []string) map[string]bool {
	var refs map[string]bool
	for _, l := range lines {
		t := strings.TrimLeft(l, " ")
		if len(l)-len(t) > 3 {
			continue
		}
		if label, ok := refDefinitionLabel(t); ok && label != "" {
			if refs == nil {
				refs = make(map[string]bool)
			}
			refs[label] = true
		}
	}
	return refs
}

// inline strips inline syntax from one line: escapes, code spans, images,
// links, autolinks and emphasis.
func inline(s string, refs map[string]bool) string {
	if !strings.ContainsAny(s, "\\`*_~[]!<") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '\\':
			if i+1 < len(s) && isASCIIPunct(s[i+1]) {
				b.WriteByte(s[i+1])
				i += 2
				continue
			}
		case '`':
			n := runLen(s, i, '`')
			if end := findRun(s, i+n, '`', n); end >= 0 {
				b.WriteString(strings.TrimSpace(s[i+n : end]))
				i = end + n
				continue
			}
			b.WriteString(s[i : i+n])
			i += n
			continue
		case '!':
			if i+1 < len(s) && s[i+1] == '[' {
				if _, next, ok := link(s, i+1, refs); ok {
					i = next // images are dropped, alt text too
					continue
				}
			}
		case '[':
			if txt, next, ok := link(s, i, refs); ok {
				b.WriteString(inline(txt, refs))
				i = next
				continue
			}
		case '<':
			if end := strings.IndexByte(s[i:], '>'); end > 1 && end < maxSpan {
				inner := s[i+1 : i+end]
				if isAutolink(inner) {
					b.WriteString(inner)
					i += end + 1
					continue
				}
			}
		case '*', '_', '~':
			n := runLen(s, i, c)
			if (c == '~' && n == 2) || (c != '~' && n <= 3) {
				if end := closeEmphasis(s, i, n, c); end >= 0 {
					b.WriteString(inline(s[i+n:end], refs))
					i = end + n
					continue
				}
			}
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// link reads a link or image body starting at the "[" at s[i]: inline
// "[text](dest)", full reference "[text][label]", collapsed "[text][]" or
// shortcut "[text]" whose label is defined. It returns the text and the
// index after the link.
func link(s string, i int, refs map[string]bool) (text string, next int, ok bool) {
	close := matchBracket(s, i, '[', ']')
	if close < 0 {
		return "", 0, false
	}
	text = s[i+1 : close]
	j := close + 1
	if j < len(s) && s[j] == '(' {
		if end := matchBracket(s, j, '(', ')'); end >= 0 {
			return text, end + 1, true
		}
		return "", 0, false
	}
	if j < len(s) && s[j] == '[' {
		if end := matchBracket(s, j, '[', ']'); end >= 0 {
			label := s[j+1 : end]
			if label == "" {
				label = text
			}
			if refs[strings.ToLower(strings.TrimSpace(label))] {
				return text, end + 1, true
			}
		}
		return "", 0, false
	}
	if refs[strings.ToLower(strings.TrimSpace(text))] {
		return text, j, true
	}
	return "", 0, false
}

// matchBracket returns the index of the bracket closing the one at s[i],
// skipping escaped characters and nested pairs, or -1.
func matchBracket(s string, i int, open, close byte) int {
	depth := 0
	for j := i; j < len(s) && j-i < maxSpan; j++ {
		switch s[j] {
		case '\\':
			j++
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// closeEmphasis finds the run of n c's that closes the emphasis opened at
// s[i], or returns -1. An opener must be followed by a non-space and a
// closer preceded by one; "_" must not sit inside a word (snake_case).
func closeEmphasis(s string, i, n int, c byte) int {
	after := i + n
	if after >= len(s) || isSpaceAt(s, after) {
		return -1
	}
	if c == '_' && i > 0 && isWordBefore(s, i) {
		return -1
	}
	for j := after + 1; j < len(s) && j-i < maxSpan; j++ {
		if s[j] == '\\' {
			j++
			continue
		}
		if s[j] != c {
			continue
		}
		m := runLen(s, j, c)
		if m == n && !isSpaceBefore(s, j) && (c != '_' || j+m >= len(s) || !isWordAt(s, j+m)) {
			return j
		}
		j += m - 1
	}
	return -1
}

// findRun returns the index of the next run of exactly n c's at or after
// from, or -1.
func findRun(s string, from int, c byte, n int) int {
	for j := from; j < len(s) && j-from < maxSpan; j++ {
		if s[j] == c {
			m := runLen(s, j, c)
			if m == n {
				return j
			}
			j += m - 1
		}
	}
	return -1
}

func runLen(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

func isAutolink(s string) bool {
	if strings.ContainsAny(s, " \t<") {
		return false
	}
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "mailto:") {
		return true
	}
	at := strings.IndexByte(s, '@')
	return at > 0 && strings.Contains(s[at:], ".")
}

func isASCIIPunct(c byte) bool {
	return c < utf8.RuneSelf && unicode.IsPunct(rune(c)) || strings.IndexByte("$+<=>^`|~", c) >= 0
}

func isSpaceAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r)
}

func isSpaceBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsSpace(r)
}

func isWordAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isWordBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
