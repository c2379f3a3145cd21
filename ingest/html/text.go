package html

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Text returns the visible text under n with paragraph breaks: block
// elements (p, div, headings, lists, tables, blockquote, pre, …) are
// separated by a blank line, list items, table rows and <br> by a line
// break, and white space elsewhere collapses to one space. Scripts, styles,
// forms, embedded media, navigation and hidden elements are skipped.
func Text(n *html.Node) string {
	var w textWriter
	w.render(n, false)
	return strings.TrimSpace(w.b.String())
}

// FragmentText returns the text of an HTML fragment, such as a feed item's
// content, as Text renders it. Input that holds no markup comes back with
// its white space collapsed the same way.
func FragmentText(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(s), body)
	if err != nil {
		return ""
	}
	var w textWriter
	for _, n := range nodes {
		w.render(n, false)
	}
	return strings.TrimSpace(w.b.String())
}

// textWriter writes words with pending separators, so that the output never
// starts or ends with white space and never holds more than one blank line
// in a row.
type textWriter struct {
	b     strings.Builder
	nl    int  // pending line breaks, 0–2
	space bool // a pending space
}

func (w *textWriter) newline(n int) {
	if w.b.Len() > 0 && n > w.nl {
		w.nl = n
	}
}

func (w *textWriter) flush() {
	switch {
	case w.nl > 0:
		w.b.WriteString("\n\n"[:w.nl])
	case w.space:
		w.b.WriteByte(' ')
	}
	w.nl, w.space = 0, false
}

func (w *textWriter) text(s string, pre bool) {
	if pre {
		s = strings.Trim(s, "\n")
		if strings.TrimSpace(s) == "" {
			if s != "" && w.b.Len() > 0 {
				w.space = true
			}
			return
		}
		w.flush()
		w.b.WriteString(strings.ReplaceAll(s, "\u00a0", " "))
		return
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			if w.b.Len() > 0 {
				w.space = true
			}
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		w.flush()
		w.b.WriteString(s[i:j])
		i = j
	}
}

// breaks gives the line breaks around each block element: 2 for a
// paragraph break, 1 for a line break.
var breaks = map[atom.Atom]int{
	atom.P: 2, atom.Div: 2, atom.Section: 2, atom.Article: 2, atom.Main: 2,
	atom.H1: 2, atom.H2: 2, atom.H3: 2, atom.H4: 2, atom.H5: 2, atom.H6: 2,
	atom.Ul: 2, atom.Ol: 2, atom.Dl: 2, atom.Blockquote: 2, atom.Pre: 2,
	atom.Table: 2, atom.Figure: 2, atom.Hr: 2, atom.Header: 2, atom.Footer: 2,
	atom.Address: 2, atom.Details: 2, atom.Center: 2,
	atom.Li: 1, atom.Tr: 1, atom.Dt: 1, atom.Dd: 1, atom.Figcaption: 1,
	atom.Caption: 1, atom.Summary: 1,
}

// skipped elements hold no article text.
var skipped = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Svg: true, atom.Math: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Video: true,
	atom.Audio: true, atom.Select: true, atom.Button: true, atom.Input: true,
	atom.Textarea: true, atom.Form: true, atom.Nav: true, atom.Title: true,
	atom.Meta: true, atom.Link: true,
}

func (w *textWriter) render(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data, pre)
		return
	case html.ElementNode:
		if skipped[n.DataAtom] || hidden(n) {
			return
		}
	case html.DocumentNode:
	default:
		return
	}
	switch n.DataAtom {
	case atom.Br:
		w.newline(1)
		return
	case atom.Td, atom.Th:
		if w.b.Len() > 0 {
			w.space = true
		}
	case atom.Pre:
		pre = true
	}
	br := breaks[n.DataAtom]
	w.newline(br)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.render(c, pre)
	}
	w.newline(br)
}

// hidden reports whether n is hidden from readers.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			s := strings.ToLower(strings.ReplaceAll(a.Val, " ", ""))
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}
