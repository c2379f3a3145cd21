package html

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Meta is the wire shape of a page's metadata: the raw values found in its
// head and body, before the adapter chooses among them.
type Meta struct {
	Title     string            // <title>
	H1        string            // the first <h1>
	Lang      string            // <html lang>
	Canonical string            // <link rel=canonical href>
	Props     map[string]string // <meta property|name|itemprop|http-equiv> by lower-case key; the first wins
	Times     []string          // <time datetime>, pubdate or itemprop=datePublished ones first, then those in <article>, then the rest
	JSONLD    []string          // the text of each <script type="application/ld+json">
}

// prop returns the first non-empty meta value among keys.
func (m *Meta) prop(keys ...string) string {
	for _, k := range keys {
		if v := strings.TrimSpace(m.Props[k]); v != "" {
			return v
		}
	}
	return ""
}

// readMeta collects the metadata of the page rooted at doc.
func readMeta(doc *html.Node) *Meta {
	m := &Meta{Props: make(map[string]string)}
	var marked, inArticle, other []string
	var walk func(n *html.Node, article bool)
	walk = func(n *html.Node, article bool) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				m.Lang = attr(n, "lang")
				if m.Lang == "" {
					m.Lang = attr(n, "xml:lang")
				}
			case atom.Title:
				if m.Title == "" {
					m.Title = strings.Join(strings.Fields(textOf(n)), " ")
				}
			case atom.H1:
				if m.H1 == "" {
					m.H1 = strings.Join(strings.Fields(textOf(n)), " ")
				}
			case atom.Meta:
				content := attr(n, "content")
				for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
					if key := strings.ToLower(strings.TrimSpace(attr(n, k))); key != "" && content != "" {
						if _, seen := m.Props[key]; !seen {
							m.Props[key] = content
						}
					}
				}
			case atom.Link:
				if m.Canonical == "" && hasToken(attr(n, "rel"), "canonical") {
					m.Canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
					m.JSONLD = append(m.JSONLD, textOf(n))
				}
				return
			case atom.Article:
				article = true
			case atom.Time:
				if dt := strings.TrimSpace(attr(n, "datetime")); dt != "" {
					switch {
					case hasAttr(n, "pubdate") || strings.EqualFold(attr(n, "itemprop"), "datePublished"):
						marked = append(marked, dt)
					case article:
						inArticle = append(inArticle, dt)
					default:
						other = append(other, dt)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, article)
		}
	}
	walk(doc, false)
	m.Times = append(append(marked, inArticle...), other...)
	return m
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// textOf returns the concatenated text nodes under n.
func textOf(n *html.Node) string {
	if c := n.FirstChild; c != nil && c.Type == html.TextNode && c.NextSibling == nil {
		return c.Data
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			} else {
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}
