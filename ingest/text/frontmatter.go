package text

import (
	"strings"
)

// FrontMatter is the metadata block some Markdown files open with, between
// two "---" lines, as static-site generators write it. Only flat
// "key: value" lines are read; nested YAML is skipped.
type FrontMatter struct {
	Title    string
	Date     string // as written; the adapter parses it
	URL      string
	Outlet   string
	Language string
	Lines    int // how many lines the block takes, fences included
}

// frontMatterKeys maps lower-case keys to the field they fill.
var frontMatterKeys = map[string]string{
	"title": "title", "headline": "title",
	"date": "date", "published": "date", "pubdate": "date", "published_at": "date", "datepublished": "date",
	"url": "url", "link": "url", "canonical": "url", "canonical_url": "url",
	"outlet": "outlet", "source": "outlet", "publisher": "outlet", "site": "outlet", "site_name": "outlet",
	"lang": "language", "language": "language",
}

// parseFrontMatter reads a front matter block at the start of lines, or
// returns ok false when there is none (no opening "---" on the first line
// or no closing "---" or "..." within 100 lines).
func parseFrontMatter(lines []string) (fm FrontMatter, ok bool) {
	if len(lines) < 2 || strings.TrimRight(lines[0], " \t") != "---" {
		return fm, false
	}
	end := -1
	for i := 1; i < len(lines) && i <= 100; i++ {
		if l := strings.TrimRight(lines[i], " \t"); l == "---" || l == "..." {
			end = i
			break
		}
	}
	if end < 0 {
		return fm, false
	}
	for _, l := range lines[1:end] {
		k, v, found := strings.Cut(l, ":")
		if !found || strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			continue
		}
		v = unquote(strings.TrimSpace(v))
		if v == "" {
			continue
		}
		switch frontMatterKeys[strings.ToLower(strings.TrimSpace(k))] {
		case "title":
			fm.Title = v
		case "date":
			fm.Date = v
		case "url":
			fm.URL = v
		case "outlet":
			fm.Outlet = v
		case "language":
			fm.Language = v
		}
	}
	fm.Lines = end + 1
	return fm, true
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		return s[1 : len(s)-1]
	}
	return s
}
