package html

import (
	"bytes"
	"fmt"
	gohtml "html"
	"mime"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/ingest/internal/dates"
	"github.com/dyad-project/dyad/ingest/internal/errs"
)

// Parse returns the article of the HTML page data: its main text (see
// Text) without the page's boilerplate, and its title, canonical URL,
// outlet, publication time and language as the page declares them. Fields
// the page does not declare stay empty; Published stays zero.
//
// contentType, the HTTP Content-Type or "", names the page's charset;
// pages that are not UTF-8 are decoded when they declare their charset
// there or in a <meta> tag, and rejected with an error wrapping
// ingest.ErrInvalidUTF8 otherwise. pageURL, which may be nil, resolves
// relative URLs and is the document's URL when the page names no canonical
// one. Parse returns an error wrapping ingest.ErrEmpty when the page has no
// extractable text.
func Parse(data []byte, contentType string, pageURL *url.URL) (*dyad.Document, error) {
	data, err := toUTF8(data, contentType)
	if err != nil {
		return nil, err
	}
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w HTML: %v", errs.ErrMalformed, err)
	}
	m := readMeta(root)
	art, text := extract(root, pageURL)
	if strings.TrimSpace(text) == "" {
		if root, err = html.Parse(bytes.NewReader(data)); err == nil {
			text = fallbackText(root)
		}
	}
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("%w extractable from the HTML page", errs.ErrEmpty)
	}
	return adapt(m, art, text, pageURL), nil
}

// extract runs readability over root, which it changes, and returns the
// article and its text. A panic inside readability, which outside input
// must not be able to cause, leaves the text empty so the fallback runs.
func extract(root *html.Node, pageURL *url.URL) (art readability.Article, text string) {
	defer func() {
		if recover() != nil {
			art, text = readability.Article{}, ""
		}
	}()
	p := readability.NewParser()
	art, err := p.ParseAndMutate(root, pageURL)
	if err != nil || art.Node == nil {
		return art, ""
	}
	return art, Text(art.Node)
}

// boilerplate matches the class or id of page furniture that the fallback
// extractor skips.
var boilerplate = regexp.MustCompile(`(?i)(^|[-_ ])(ad|ads|advert|advertisement|banner|breadcrumbs?|comments?|cookie|footer|header|menu|nav|navbar|newsletter|promo|related|share|sharing|sidebar|social|sponsored|subscribe|widget)([-_ ]|$)`)

// fallbackText renders the page's <article>, else <main>, else <body>,
// skipping headers, footers, asides and elements whose class or id names
// boilerplate. It serves pages too small or odd for readability.
func fallbackText(root *html.Node) string {
	target := find(root, atom.Article)
	if target == nil {
		target = find(root, atom.Main)
	}
	if target == nil {
		target = find(root, atom.Body)
	}
	if target == nil {
		target = root
	}
	prune(target)
	return Text(target)
}

func find(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, a); f != nil {
			return f
		}
	}
	return nil
}

// prune removes boilerplate elements under n.
func prune(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			switch {
			case c.DataAtom == atom.Header || c.DataAtom == atom.Footer || c.DataAtom == atom.Aside || c.DataAtom == atom.Nav,
				boilerplate.MatchString(attr(c, "class")) || boilerplate.MatchString(attr(c, "id")):
				n.RemoveChild(c)
			default:
				prune(c)
			}
		}
		c = next
	}
}

// publishedKeys are the meta keys that carry a publication time, after
// article:published_time and JSON-LD.
var publishedKeys = []string{
	"og:article:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
	"dcterms.date", "dcterms.issued", "dcterms.created", "dc.date.created", "pubdate",
	"publishdate", "publish-date", "publish_date", "publication_date", "sailthru.date",
	"parsely-pub-date", "article.published", "og:published_time", "originalpublicationdate",
}

// adapt chooses among the page's declarations.
func adapt(m *Meta, art readability.Article, text string, pageURL *url.URL) *dyad.Document {
	ld := parseJSONLD(m.JSONLD)
	doc := &dyad.Document{Text: text}
	doc.Title = first(gohtml.UnescapeString(ld.Headline), m.prop("og:title", "twitter:title"), art.Title(), m.Title, m.H1)
	doc.Outlet = first(m.prop("og:site_name"), gohtml.UnescapeString(ld.Publisher), m.prop("application-name"),
		gohtml.UnescapeString(ld.SiteName), art.SiteName())
	doc.Language = language(first(m.Lang, m.prop("content-language", "og:locale", "language", "dc.language"), ld.Language, art.Language()))

	for _, u := range []string{m.Canonical, m.prop("og:url"), ld.URL} {
		if abs := absolute(u, pageURL); abs != "" {
			doc.URL = abs
			break
		}
	}
	if doc.URL == "" && pageURL != nil {
		doc.URL = pageURL.String()
	}

	candidates := append([]string{m.prop("article:published_time"), ld.Published}, make([]string, 0, len(publishedKeys)+len(m.Times))...)
	for _, k := range publishedKeys {
		candidates = append(candidates, m.Props[k])
	}
	candidates = append(candidates, m.Times...)
	doc.Published = firstDate(candidates)
	return doc
}

func firstDate(ss []string) time.Time {
	for _, s := range ss {
		if t, ok := dates.Parse(s); ok {
			return t
		}
	}
	return time.Time{}
}

func first(ss ...string) string {
	for _, s := range ss {
		if s = strings.Join(strings.Fields(s), " "); s != "" {
			return s
		}
	}
	return ""
}

// language tidies a language tag: "en_US" becomes "en-US"; anything that
// is not a plausible tag becomes "".
func language(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "_", "-")
	if s, _, _ = strings.Cut(s, ","); len(s) < 2 || len(s) > 35 {
		return ""
	}
	for _, r := range s {
		if !(r == '-' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
			return ""
		}
	}
	return s
}

// absolute resolves u against base and returns it when it is an absolute
// http(s) URL, else "".
func absolute(u string, base *url.URL) string {
	u = strings.TrimSpace(u)
	if u == "" {
		return ""
	}
	ref, err := url.Parse(u)
	if err != nil {
		return ""
	}
	if base != nil {
		ref = base.ResolveReference(ref)
	}
	if (ref.Scheme != "http" && ref.Scheme != "https") || ref.Host == "" {
		return ""
	}
	return ref.String()
}

// metaCharset finds a charset declared in the first KiB of a page.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)`)

// toUTF8 returns data as UTF-8, decoding it from the charset that
// contentType or a <meta> tag declares when it is not UTF-8 already.
func toUTF8(data []byte, contentType string) ([]byte, error) {
	if utf8.Valid(data) {
		return data, nil
	}
	label := ""
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		label = params["charset"]
	}
	if label == "" {
		head := data[:min(len(data), 1024)]
		if sm := metaCharset.FindSubmatch(head); sm != nil {
			label = string(sm[1])
		}
	}
	enc, name := charset.Lookup(label)
	if enc == nil || name == "utf-8" {
		return nil, errs.ErrInvalidUTF8
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil || !utf8.Valid(out) {
		return nil, fmt.Errorf("decode %s: %w", name, errs.ErrInvalidUTF8)
	}
	return out, nil
}
