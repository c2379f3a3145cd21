package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSniff(t *testing.T) {
	long := `{"text": "` + strings.Repeat("a", SniffLen) + `"}`
	tests := []struct {
		name, file, head string
		want             Format
	}{
		{"gzip magic", "x.txt", "\x1f\x8b\x08\x00", FormatGzip},
		{"png", "x.txt", "\x89PNG\r\n\x1a\n\x00\x00", FormatBinary},
		{"pdf", "report", "%PDF-1.7\n", FormatBinary},
		{"zip", "x.json", "PK\x03\x04\x14\x00", FormatBinary},
		{"nul bytes", "x.txt", "text\x00more", FormatBinary},
		{"control characters", "x", "\x01\x02\x03\x04abc", FormatBinary},
		{"escape sequences are text", "x", "colour \x1b[31mred\x1b[0m and more words here", FormatText},
		{"empty named md", "x.md", "", FormatMarkdown},
		{"empty unnamed", "stdin", "", FormatText},
		{"plain", "x.txt", "Russia and the Taliban signed.", FormatText},
		{"txt stays text despite heading", "x.txt", "# Heading\n\ntext", FormatText},
		{"txt stays text despite json", "x.txt", `{"text": "x"}`, FormatText},
		{"md by name", "x.md", "plain words", FormatMarkdown},
		{"md by content", "README", "# Title\n\nSome [link](https://a.test).", FormatMarkdown},
		{"stdin prose", "stdin", "MOSCOW, May 29 - Officials met.[1][2]", FormatText},
		{"citation start is not json", "stdin", "[1] Reuters, 2026", FormatText},
		{"html doctype", "page", "<!DOCTYPE html><html><body>x</body></html>", FormatHTML},
		{"html after comment", "x", "<!-- c --><html>", FormatHTML},
		{"html fragment", "stdin", "<p>Hello</p>", FormatHTML},
		{"xhtml", "x", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">`, FormatHTML},
		{"html by name with text", "x.html", "Hello <b>there</b>", FormatHTML},
		{"rss", "x", "\ufeff<?xml version=\"1.0\"?>\n<rss version=\"2.0\">", FormatFeed},
		{"atom", "x.html", `<feed xmlns="http://www.w3.org/2005/Atom">`, FormatFeed},
		{"rdf", "x", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="...">`, FormatFeed},
		{"json feed", "x.json", `{"version": "https://jsonfeed.org/version/1.1", "items": []}`, FormatFeed},
		{"other xml", "x", `<?xml version="1.0"?><svg/>`, FormatUnknown},
		{"xml named feed", "x.xml", `<?xml version="1.0"?><rss`, FormatFeed},
		{"jsonl by content", "data", "{\"text\": \"a\"}\n{\"text\": \"b\"}\n", FormatJSONL},
		{"jsonl named json", "x.json", "{\"text\": \"a\"}\n{\"text\": \"b\"}\n", FormatJSONL},
		{"jsonl by name", "x.jsonl", "{\"text\": \"a\"}", FormatJSONL},
		{"jsonl gz name", "x.jsonl.gz", "{\"text\": \"a\"}", FormatJSONL},
		{"single json line named json", "x.json", "{\"text\": \"a\"}\n", FormatJSON},
		{"pretty json", "x", "{\n  \"text\": \"a\"\n}\n", FormatJSON},
		{"json array", "x", " [\n {\"text\": \"a\"}]", FormatJSON},
		{"empty array", "x", "[]", FormatJSON},
		{"long first line", "stdin", long, FormatJSONL},
		{"long first line named json", "x.json", long, FormatJSON},
		{"brace prose", "x", "{draft} notes from the meeting", FormatText},
		{"malformed json by name", "x.json", "{oops", FormatJSON},
		{"url with query", "https://a.test/feed.xml?x=1", "<?xml version=\"1.0\"?><rss>", FormatFeed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			head := []byte(tt.head)
			if len(head) > SniffLen {
				head = head[:SniffLen]
			}
			if got := Sniff(tt.file, head); got != tt.want {
				t.Errorf("Sniff(%q, %.40q) = %v, want %v", tt.file, tt.head, got, tt.want)
			}
		})
	}
}

func TestFormatString(t *testing.T) {
	if FormatJSONL.String() != "jsonl" || Format(99).String() != "unknown" {
		t.Errorf("String: %q %q", FormatJSONL, Format(99))
	}
}

func FuzzSniff(f *testing.F) {
	files, _ := filepath.Glob("testdata/mixed/*")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(filepath.Base(p), b[:min(len(b), SniffLen)])
		}
	}
	f.Fuzz(func(t *testing.T, name string, head []byte) {
		got := Sniff(name, head)
		if got < FormatUnknown || got > FormatBinary {
			t.Fatalf("Sniff returned %d", got)
		}
		if binaryKind(head) != "" && got != FormatBinary && got != FormatGzip {
			t.Fatalf("binary head sniffed as %v", got)
		}
		if again := Sniff(name, head); again != got {
			t.Fatalf("Sniff is not deterministic: %v then %v", got, again)
		}
	})
}
