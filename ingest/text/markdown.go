package text

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/ingest/internal/dates"
	"github.com/dyad-project/dyad/ingest/internal/errs"
)

// ParseMarkdown returns the document of Markdown source data: the text that
// StripMarkdown leaves, its title, and what a front matter block says
// (title, date, url, outlet, language). A date that does not parse is left
// unknown. It returns an error wrapping ingest.ErrEmpty when no text
// remains. The caller checks that data is valid UTF-8.
func ParseMarkdown(data []byte) (*dyad.Document, error) {
	src := string(bytes.TrimPrefix(data, bom))
	lines := splitLines(src)
	fm, hasFM := parseFrontMatter(lines)
	if hasFM {
		lines = lines[fm.Lines:]
	}
	title, body := stripLines(lines)
	if strings.TrimSpace(body) == "" {
		return nil, fmt.Errorf("%w left after stripping Markdown", errs.ErrEmpty)
	}
	doc := &dyad.Document{Title: title, Text: body}
	if hasFM {
		if fm.Title != "" {
			doc.Title = fm.Title
		}
		doc.URL, doc.Outlet, doc.Language = fm.URL, fm.Outlet, fm.Language
		if t, ok := dates.Parse(fm.Date); ok {
			doc.Published = t
		}
	}
	return doc, nil
}

// LooksLikeMarkdown reports whether head, the start of a text file, shows
// Markdown syntax that plain news text does not use: an ATX heading
// ("# Title") or a code fence at the start of a line, a setext underline of
// "=" signs, an inline link "[text](http…" or an image "![".
func LooksLikeMarkdown(head []byte) bool {
	s := string(head)
	for i, l := range splitLines(s) {
		t := strings.TrimLeft(l, " ")
		if len(l)-len(t) > 3 {
			continue
		}
		if level, _ := atxHeading(t); level > 0 && len(strings.TrimSpace(t)) > level {
			return true
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			return true
		}
		if i > 0 && len(t) >= 3 && strings.Trim(t, "= ") == "" {
			return true
		}
	}
	return strings.Contains(s, "](http") || strings.Contains(s, "](/") || strings.Contains(s, "![")
}
