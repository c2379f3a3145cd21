package html

import (
	"errors"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dyad-project/dyad/ingest/internal/errs"
)

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

func TestParse_Article(t *testing.T) {
	data, err := os.ReadFile("../testdata/mixed/article.html")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		pageURL *url.URL
		wantURL string
	}{
		{"canonical resolved against the page URL", mustURL("https://wire.example/x?utm=1"), "https://wire.example/world/russia-taliban-pact"},
		{"relative canonical without a page URL falls back to og:url", nil, "https://wire.example/world/russia-taliban-pact?ref=og"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse(data, "text/html; charset=utf-8", tt.pageURL)
			if err != nil {
				t.Fatal(err)
			}
			if doc.URL != tt.wantURL {
				t.Errorf("URL = %q, want %q", doc.URL, tt.wantURL)
			}
			if want := "Russia and Taliban sign military-technical cooperation pact"; doc.Title != want {
				t.Errorf("Title = %q, want %q (JSON-LD headline)", doc.Title, want)
			}
			if doc.Outlet != "Example Wire" {
				t.Errorf("Outlet = %q", doc.Outlet)
			}
			if doc.Language != "en-US" {
				t.Errorf("Language = %q", doc.Language)
			}
			if want := time.Date(2026, 5, 29, 5, 30, 0, 0, time.UTC); !doc.Published.Equal(want) {
				t.Errorf("Published = %v, want %v", doc.Published, want)
			}
			for _, s := range []string{"MOSCOW, May 29", "formalizing a new phase", "helicopters and spare parts", "rights of women and girls."} {
				if !strings.Contains(doc.Text, s) {
					t.Errorf("text lacks %q:\n%s", s, doc.Text)
				}
			}
			for _, s := range []string{"Home", "Advertisement", "Oil prices", "Subscribe", "All rights reserved", "window.ads", "display: block"} {
				if strings.Contains(doc.Text, s) {
					t.Errorf("text keeps boilerplate %q:\n%s", s, doc.Text)
				}
			}
			if !strings.Contains(doc.Text, "relationship.\n\nThe document") {
				t.Errorf("paragraphs not separated by a blank line:\n%s", doc.Text)
			}
		})
	}
}

func TestParse_Metadata(t *testing.T) {
	page := func(head, body string) string {
		return "<html><head>" + head + "</head><body>" + body + "</body></html>"
	}
	body := "<article><p>Ministers met in Geneva on Monday to discuss a ceasefire in the region.</p></article>"
	tests := []struct {
		name                              string
		in                                string
		title, outlet, url, lang, publish string
	}{
		{name: "nothing declared", in: page("", body)},
		{name: "title element", in: page("<title>Plain title</title>", body), title: "Plain title"},
		{name: "article published_time beats JSON-LD", in: page(`<meta property="article:published_time" content="2026-01-02T03:04:05Z"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-01-01"}</script>`, body),
			publish: "2026-01-02T03:04:05Z"},
		{name: "JSON-LD array with publisher array", in: page(`<script type="application/ld+json">[{"@type":"Organization","name":"Org"},{"@type":"NewsArticle","headline":"H &amp; more","datePublished":"2026-02-03","publisher":[{"name":"Pub A"}],"url":"https://a.example/h","inLanguage":"de"}]</script>`, body),
			title: "H & more", outlet: "Pub A", url: "https://a.example/h", lang: "de", publish: "2026-02-03T00:00:00Z"},
		{name: "JSON-LD string publisher and mainEntityOfPage", in: page(`<script type="application/ld+json">{"@type":"Article","publisher":"Pub B","mainEntityOfPage":{"@type":"WebPage","@id":"https://b.example/x"}}</script>`, body),
			outlet: "Pub B", url: "https://b.example/x"},
		{name: "broken JSON-LD ignored", in: page(`<script type="application/ld+json">{"@type": "NewsArticle", </script><title>T</title>`, body), title: "T"},
		{name: "dc.date and application-name", in: page(`<meta name="DC.date" content="2025-12-31"><meta name="application-name" content="App News">`, body),
			outlet: "App News", publish: "2025-12-31T00:00:00Z"},
		{name: "meta date", in: page(`<meta name="date" content="Fri, 29 May 2026 10:15:00 GMT">`, body), publish: "2026-05-29T10:15:00Z"},
		{name: "time element", in: page("", `<article><time datetime="2026-03-04">March 4</time><p>Ministers met in Geneva on Monday to discuss a ceasefire.</p></article>`), publish: "2026-03-04T00:00:00Z"},
		{name: "pubdate time beats earlier time", in: page("", `<time datetime="2020-01-01">x</time><article><time pubdate datetime="2026-03-05T10:00:00Z">y</time><p>Ministers met in Geneva on Monday to discuss a ceasefire.</p></article>`), publish: "2026-03-05T10:00:00Z"},
		{name: "og locale", in: page(`<meta property="og:locale" content="fr_FR">`, body), lang: "fr-FR"},
		{name: "non-http canonical ignored", in: page(`<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://c.example/">`, body), url: "https://c.example/"},
		{name: "unparsable date stays unknown", in: page(`<meta property="article:published_time" content="last week">`, body)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse([]byte(tt.in), "", nil)
			if err != nil {
				t.Fatal(err)
			}
			var pub string
			if !doc.Published.IsZero() {
				pub = doc.Published.UTC().Format(time.RFC3339)
			}
			if doc.Title != tt.title || doc.Outlet != tt.outlet || doc.URL != tt.url || doc.Language != tt.lang || pub != tt.publish {
				t.Errorf("got title %q outlet %q url %q lang %q published %q\nwant title %q outlet %q url %q lang %q published %q",
					doc.Title, doc.Outlet, doc.URL, doc.Language, pub, tt.title, tt.outlet, tt.url, tt.lang, tt.publish)
			}
			if !strings.Contains(doc.Text, "Ministers met in Geneva") {
				t.Errorf("text = %q", doc.Text)
			}
		})
	}
}

func TestParse_Errors(t *testing.T) {
	navOnly, err := os.ReadFile("../testdata/mixed/nav-only.html")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in, contentType string
		want                  error
	}{
		{"navigation only", string(navOnly), "", errs.ErrEmpty},
		{"empty body", "<html><body>   </body></html>", "", errs.ErrEmpty},
		{"invalid utf8 undeclared", "<p>caf\xe9 au lait served in the morning</p>", "", errs.ErrInvalidUTF8},
		{"invalid utf8 declared utf8", "<p>caf\xe9</p>", "text/html; charset=utf-8", errs.ErrInvalidUTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in), tt.contentType, nil)
			if !errors.Is(err, tt.want) {
				t.Errorf("Parse error = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestParse_Charset(t *testing.T) {
	tests := []struct {
		name, in, contentType string
	}{
		{"content type", "<p>Caf\xe9 talks in Paris</p>", "text/html; charset=ISO-8859-1"},
		{"meta charset", "<meta charset=\"windows-1252\"><p>Caf\xe9 talks in Paris</p>", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse([]byte(tt.in), tt.contentType, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(doc.Text, "Café talks") {
				t.Errorf("text = %q", doc.Text)
			}
		})
	}
}

func TestParse_SmallPage(t *testing.T) {
	doc, err := Parse([]byte("<p>Short note.</p>"), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != "Short note." {
		t.Errorf("text = %q", doc.Text)
	}
}

func TestFragmentText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."},
		{"plain text", "  Just   words\n here. ", "Just words here."},
		{"entities", "AT&amp;T &lt;b&gt; caf&eacute;", "AT&T <b> café"},
		{"br and inline", "Line <b>one</b><br>line <i>two</i>", "Line one\nline two"},
		{"list", "<ul><li>a</li><li>b</li></ul><p>c</p>", "a\nb\n\nc"},
		{"nested blocks no triple breaks", "<div><div><p>a</p></div></div><div><p>b</p></div>", "a\n\nb"},
		{"script and style skipped", "<p>a<script>x()</script><style>p{}</style></p>", "a"},
		{"hidden skipped", `<p>a</p><p style="display: none">b</p><p hidden>c</p><p aria-hidden="true">d</p>`, "a"},
		{"table cells", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"},
		{"pre keeps lines", "<pre>x  y\nz</pre>", "x  y\nz"},
		{"nbsp", "a&nbsp;b", "a b"},
		{"image only", `<img src="a.jpg">`, ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FragmentText(tt.in); got != tt.want {
				t.Errorf("FragmentText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"article.html", "nav-only.html"} {
		if b, err := os.ReadFile("../testdata/mixed/" + name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@graph":[{"@type":"NewsArticle","publisher":[[{"name":1}]]}]}]}</script><p>x</p>`))
	f.Add([]byte("<table><tr><td><pre>\n\n</pre></td></tr></table><p>\u00a0</p>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse(data, "", nil)
		if err != nil {
			if !errors.Is(err, errs.ErrEmpty) && !errors.Is(err, errs.ErrInvalidUTF8) && !errors.Is(err, errs.ErrMalformed) {
				t.Fatalf("error %v wraps no sentinel", err)
			}
			return
		}
		if strings.TrimSpace(doc.Text) == "" {
			t.Fatal("document without text")
		}
		if !utf8.ValidString(doc.Text) || !utf8.ValidString(doc.Title) {
			t.Fatal("invalid UTF-8 out")
		}
		if strings.Contains(doc.Text, "\n\n\n") || doc.Text != strings.TrimSpace(doc.Text) {
			t.Fatalf("text not tidy: %q", doc.Text)
		}
		if doc.URL != "" && !strings.HasPrefix(doc.URL, "http://") && !strings.HasPrefix(doc.URL, "https://") {
			t.Fatalf("URL %q is not http(s)", doc.URL)
		}
	})
}

// BenchmarkParse measures article extraction on the fixture page.
func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile("../testdata/mixed/article.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		if _, err := Parse(data, "", nil); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
}
