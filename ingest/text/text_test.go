package text

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dyad-project/dyad/ingest/internal/errs"
)

func TestStripMarkdown(t *testing.T) {
	tests := []struct {
		name, in, title, text string
	}{
		{"atx title", "# Russia signs deal\n\nBody text.", "Russia signs deal", "Body text."},
		{"closed atx", "# Title #\nBody.", "Title", "Body."},
		{"second h1 kept", "# One\n\n# Two\n\nBody.", "One", "Two\n\nBody."},
		{"h2 kept as paragraph", "Intro.\n## Background\nMore.", "", "Intro.\n\nBackground\n\nMore."},
		{"setext title", "Russia and Taliban\n==================\n\nThey met.", "Russia and Taliban", "They met."},
		{"setext h2", "Intro\n-----\nText.", "", "Intro\n\nText."},
		{"hash without space is text", "#hashtag trending", "", "#hashtag trending"},
		{"emphasis", "The **deal** was *signed* in __Moscow__ and _Kabul_.", "", "The deal was signed in Moscow and Kabul."},
		{"strikethrough", "It was ~~denied~~ confirmed.", "", "It was denied confirmed."},
		{"snake_case stays", "see file_name_here and 2 * 3 * 4", "", "see file_name_here and 2 * 3 * 4"},
		{"inline link", "Read [the report](https://example.com/a_(b)) now.", "", "Read the report now."},
		{"link with emphasis", "[**Bold** link](http://x.test)", "", "Bold link"},
		{"image dropped", "Before ![a map](map.png) after.", "", "Before  after."},
		{"citation markers kept", "Officials met.[1][2] Talks went on.[3]", "", "Officials met.[1][2] Talks went on.[3]"},
		{"reference link", "See [the agency][ap].\n\n[ap]: https://apnews.test/x", "", "See the agency."},
		{"shortcut reference", "See [AP].\n\n[ap]: https://apnews.test/x", "", "See AP."},
		{"undefined reference stays", "See [AP][x].", "", "See [AP][x]."},
		{"autolink", "Mail <press@un.test> or <https://un.test>.", "", "Mail press@un.test or https://un.test."},
		{"code span", "Run `dyad ingest` now.", "", "Run dyad ingest now."},
		{"code fence dropped", "Before.\n\n```go\nfunc main() {}\n```\n\nAfter.", "", "Before.\n\nAfter."},
		{"tilde fence", "A\n~~~\ncode\n~~~\nB", "", "A\n\nB"},
		{"unclosed fence drops rest", "A\n```\ncode", "", "A"},
		{"blockquote", "> He said the talks\n> would resume.", "", "He said the talks\nwould resume."},
		{"bullets", "- one\n* two\n+ three\n- [x] done", "", "one\ntwo\nthree\ndone"},
		{"numbered list kept", "1. Reuters, \"Deal\"\n2. AP", "", "1. Reuters, \"Deal\"\n2. AP"},
		{"rule", "A\n\n***\n\nB", "", "A\n\nB"},
		{"escapes", `Price \*not\* emphasis \[1\]`, "", "Price *not* emphasis [1]"},
		{"crlf", "# T\r\n\r\nLine one.\r\nLine two.", "T", "Line one.\nLine two."},
		{"blank runs collapse", "A\n\n\n\nB", "", "A\n\nB"},
		{"indented code kept as text", "Para.\n\n    indented words", "", "Para.\n\nindented words"},
		{"empty", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			title, text := StripMarkdown(tt.in)
			if title != tt.title || text != tt.text {
				t.Errorf("StripMarkdown(%q)\n got title %q text %q\nwant title %q text %q", tt.in, title, text, tt.title, tt.text)
			}
		})
	}
}

func TestParseMarkdown(t *testing.T) {
	tests := []struct {
		name, in                       string
		title, url, outlet, lang, text string
		published                      time.Time
		wantErr                        error
	}{
		{name: "front matter", in: "---\ntitle: \"Deal signed\"\ndate: 2026-05-29\nurl: https://news.test/deal\nsource: Example News\nlang: en\ntags:\n  - a\n---\n# Ignored heading\n\nRussia and the Taliban signed.",
			title: "Deal signed", url: "https://news.test/deal", outlet: "Example News", lang: "en",
			published: time.Date(2026, 5, 29, 0, 0, 0, 0, time.UTC), text: "Russia and the Taliban signed."},
		{name: "bad date stays unknown", in: "---\ndate: someday\n---\nText.", text: "Text."},
		{name: "unclosed front matter is text", in: "---\ntitle: x\nText.", text: "title: x\nText."},
		{name: "heading title", in: "\ufeff# Title\n\nText.", title: "Title", text: "Text."},
		{name: "only syntax is empty", in: "# Title\n\n```\ncode\n```\n", wantErr: errs.ErrEmpty},
		{name: "whitespace is empty", in: " \n\t\n", wantErr: errs.ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ParseMarkdown([]byte(tt.in))
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("ParseMarkdown error = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if doc.Title != tt.title || doc.URL != tt.url || doc.Outlet != tt.outlet || doc.Language != tt.lang || doc.Text != tt.text || !doc.Published.Equal(tt.published) {
				t.Errorf("ParseMarkdown = %+v", doc)
			}
		})
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, in, want string
		wantErr        error
	}{
		{name: "kept raw", in: "  Line one.\r\n\r\nLine two.  ", want: "  Line one.\r\n\r\nLine two.  "},
		{name: "bom dropped", in: "\ufeffText.", want: "Text."},
		{name: "markdown not stripped", in: "# Not a title", want: "# Not a title"},
		{name: "empty", in: "", wantErr: errs.ErrEmpty},
		{name: "blank", in: "\n \t\n", wantErr: errs.ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse([]byte(tt.in))
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("Parse error = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil || doc.Text != tt.want || doc.Title != "" {
				t.Errorf("Parse(%q) = %+v, %v; want text %q", tt.in, doc, err, tt.want)
			}
		})
	}
}

func TestLooksLikeMarkdown(t *testing.T) {
	tests := []struct {
		name, in string
		want     bool
	}{
		{"heading", "# Title\n\nText", true},
		{"fence", "Text\n```\ncode\n```", true},
		{"link", "see [x](https://a.test)", true},
		{"image", "![alt](a.png)", true},
		{"setext", "Title\n=====\n", true},
		{"news text", "MOSCOW, May 29 - Russia and the Taliban signed a deal.[1][2]\n\nOfficials said.", false},
		{"hashtag", "#breaking news", false},
		{"bare hash", "#\n", false},
		{"dash list is plain", "- one\n- two", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LooksLikeMarkdown([]byte(tt.in)); got != tt.want {
				t.Errorf("LooksLikeMarkdown(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzStripMarkdown(f *testing.F) {
	for _, name := range []string{"article.md"} {
		if b, err := os.ReadFile(filepath.Join("..", "testdata", name)); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("# T\n\n**a** [b](c) ![d](e) `f` [1][2]\n```\ng\n```\n> h\n- i\n")
	f.Add("[[[[[[((((****____~~~~")
	f.Add("---\ntitle: x\n---\n# y")
	f.Fuzz(func(t *testing.T, src string) {
		title, text := StripMarkdown(src)
		if utf8.ValidString(src) && (!utf8.ValidString(title) || !utf8.ValidString(text)) {
			t.Fatalf("invalid UTF-8 out of valid input %q", src)
		}
		if strings.Contains(text, "\n\n\n") || strings.HasPrefix(text, "\n") || strings.HasSuffix(text, "\n") {
			t.Fatalf("blank lines not collapsed: %q", text)
		}
		if len(title)+len(text) > 2*len(src)+2 {
			t.Fatalf("output grew: %d bytes from %d", len(title)+len(text), len(src))
		}
		if !strings.ContainsAny(src, "#*_~`[]()!<>\\-+=\r\t\ufeff") && !strings.HasPrefix(src, " ") {
			// Nothing to strip: the words survive as they were.
			if got, want := strings.Fields(title+" "+text), strings.Fields(src); !slices.Equal(got, want) {
				t.Fatalf("plain %q came out as %q %q", src, title, text)
			}
		}
		if _, err := ParseMarkdown([]byte(src)); err != nil && !errors.Is(err, errs.ErrEmpty) {
			t.Fatalf("ParseMarkdown: unexpected error %v", err)
		}
	})
}
