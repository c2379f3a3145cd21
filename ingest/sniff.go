package ingest

import (
	"bytes"
	"encoding/json"
	"path"
	"strings"

	"github.com/dyad-project/dyad/ingest/text"
)

// A Format is how an input is encoded, as Sniff tells it.
type Format int

// The formats. FormatGzip is a compression layer: the reader decompresses
// and sniffs again. FormatBinary and FormatUnknown are rejected.
const (
	FormatUnknown Format = iota
	FormatText
	FormatMarkdown
	FormatHTML
	FormatJSON
	FormatJSONL
	FormatFeed
	FormatGzip
	FormatBinary
)

var formatNames = [...]string{"unknown", "text", "markdown", "html", "json", "jsonl", "feed", "gzip", "binary"}

// String returns the format's lower-case name.
func (f Format) String() string {
	if f < 0 || int(f) >= len(formatNames) {
		return "unknown"
	}
	return formatNames[f]
}

// SniffLen is how many leading bytes Sniff needs to decide; the reader
// passes that many when the input is as long.
const SniffLen = 8 << 10

// magics are the leading bytes of common binary formats.
var magics = []struct {
	prefix, kind string
}{
	{"\x89PNG\r\n\x1a\n", "PNG image"}, {"\xff\xd8\xff", "JPEG image"}, {"GIF87a", "GIF image"},
	{"GIF89a", "GIF image"}, {"%PDF-", "PDF document"}, {"PK\x03\x04", "ZIP archive"},
	{"PK\x05\x06", "ZIP archive"}, {"\x7fELF", "ELF executable"}, {"BZh", "bzip2 archive"},
	{"\xfd7zXZ\x00", "xz archive"}, {"7z\xbc\xaf\x27\x1c", "7z archive"}, {"\x28\xb5\x2f\xfd", "zstd archive"},
	{"OggS", "Ogg media"}, {"ID3", "MP3 audio"}, {"\x00asm", "WebAssembly"}, {"\xd0\xcf\x11\xe0", "OLE document"},
	{"RIFF", "RIFF media"}, {"\x1a\x45\xdf\xa3", "Matroska media"}, {"wOFF", "font"}, {"wOF2", "font"},
	{"SQLite format 3\x00", "SQLite database"},
}

// binaryKind says what binary content head is, or "" when it looks like
// text: known magic bytes, a NUL byte, or more than 10% control characters.
func binaryKind(head []byte) string {
	for _, m := range magics {
		if bytes.HasPrefix(head, []byte(m.prefix)) {
			return m.kind
		}
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return "NUL bytes"
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b {
			ctl++
		}
	}
	if ctl > 0 && ctl*10 > len(head) {
		return "control characters"
	}
	return ""
}

// Sniff tells the format of an input from its name (a path, URL path or
// "stdin") and head, its first SniffLen bytes or fewer. Content decides
// where it is clear — gzip and binary magic, a feed or HTML root element,
// JSON objects one per line — and the name's extension decides between
// readings the content leaves open: a ".txt" file stays plain text, a
// ".md" file is Markdown, and text of no known extension is Markdown when
// it shows Markdown syntax. A ".gz" suffix is ignored: compression is told
// by content.
func Sniff(name string, head []byte) Format {
	if bytes.HasPrefix(head, []byte{0x1f, 0x8b}) {
		return FormatGzip
	}
	if binaryKind(head) != "" {
		return FormatBinary
	}
	ext := extension(name)
	body := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	byName := formatOfExt(ext)
	if len(body) == 0 {
		if byName == FormatUnknown {
			return FormatText
		}
		return byName
	}
	if byName == FormatText || byName == FormatMarkdown {
		return byName // named text is text, whatever it starts with
	}
	switch body[0] {
	case '<':
		return sniffMarkup(body, byName)
	case '{':
		return sniffObject(body, head, ext)
	case '[':
		if next := bytes.TrimLeft(body[1:], " \t\r\n"); byName == FormatJSON || byName == FormatJSONL ||
			len(next) == 0 || next[0] == '{' || next[0] == ']' {
			return FormatJSON
		}
	}
	if byName != FormatUnknown {
		return byName
	}
	if text.LooksLikeMarkdown(body) {
		return FormatMarkdown
	}
	return FormatText
}

// sniffMarkup reads content that starts with "<": a feed when its root
// element is rss, feed or rdf:RDF; HTML when it is html or an HTML
// element; otherwise what the name says, or unknown XML.
func sniffMarkup(body []byte, byName Format) Format {
	root := rootElement(body)
	switch root {
	case "rss", "feed", "rdf:rdf", "rdf":
		return FormatFeed
	case "html", "!doctype html", "head", "body", "article", "main", "div", "p", "section", "header", "nav",
		"meta", "title", "link", "script", "style", "h1", "h2", "h3", "table", "ul", "span", "a", "img", "br", "b", "i", "em", "strong":
		return FormatHTML
	}
	if byName == FormatHTML || byName == FormatFeed {
		return byName
	}
	lower := bytes.ToLower(body)
	if bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("<body")) {
		return FormatHTML
	}
	if root == "" || strings.HasPrefix(root, "?xml") || bytes.HasPrefix(body, []byte("<?xml")) {
		return FormatUnknown // XML that is not a feed
	}
	return FormatHTML // some other tag: treat as an HTML fragment
}

// rootElement returns the lower-case name of the first element in body,
// skipping an XML declaration, processing instructions, comments and
// doctypes other than HTML's ("!doctype html" is returned as such).
func rootElement(body []byte) string {
	s := body
	for len(s) > 0 {
		s = bytes.TrimLeft(s, " \t\r\n")
		if len(s) == 0 || s[0] != '<' {
			return ""
		}
		switch {
		case bytes.HasPrefix(s, []byte("<!--")):
			end := bytes.Index(s, []byte("-->"))
			if end < 0 {
				return ""
			}
			s = s[end+3:]
			continue
		case bytes.HasPrefix(s, []byte("<?")), bytes.HasPrefix(s, []byte("<!")):
			if len(s) >= 14 && strings.EqualFold(string(s[:14]), "<!doctype html") {
				return "!doctype html"
			}
			end := bytes.IndexByte(s, '>')
			if end < 0 {
				if bytes.HasPrefix(s, []byte("<?xml")) {
					return "?xml"
				}
				return ""
			}
			s = s[end+1:]
			continue
		}
		n := 1
		for n < len(s) && s[n] != '>' && s[n] != '/' && s[n] != ' ' && s[n] != '\t' && s[n] != '\r' && s[n] != '\n' {
			n++
		}
		return strings.ToLower(string(s[1:n]))
	}
	return ""
}

// sniffObject reads content that starts with "{": JSON Lines when its
// first line is a whole JSON value (or too long to tell, unless named
// .json), a JSON Feed when it says so, else one JSON document.
func sniffObject(body, head []byte, ext string) Format {
	if bytes.Contains(body[:min(len(body), 1024)], []byte("jsonfeed.org/version")) {
		return FormatFeed
	}
	if ext == ".jsonl" || ext == ".ndjson" || ext == ".jsonlines" {
		return FormatJSONL
	}
	next := bytes.TrimLeft(body[1:], " \t\r\n")
	if len(next) > 0 && next[0] != '"' && next[0] != '}' {
		if ext == ".json" {
			return FormatJSON
		}
		return FormatText // "{" then prose: not JSON
	}
	nl := bytes.IndexByte(body, '\n')
	if nl < 0 {
		if len(head) >= SniffLen && ext != ".json" {
			return FormatJSONL // one long line: reads the same either way
		}
		return FormatJSON
	}
	if !json.Valid(body[:nl]) {
		return FormatJSON // pretty-printed
	}
	rest := bytes.TrimLeft(body[nl:], " \t\r\n")
	if ext == ".json" && (len(rest) == 0 || rest[0] != '{') {
		return FormatJSON
	}
	return FormatJSONL
}

// extension returns name's lower-case extension, ignoring a ".gz" suffix.
func extension(name string) string {
	name = strings.ToLower(name)
	if i := strings.IndexAny(name, "?#"); i >= 0 && strings.Contains(name, "://") {
		name = name[:i]
	}
	name = strings.TrimSuffix(name, ".gz")
	return path.Ext(name)
}

func formatOfExt(ext string) Format {
	switch ext {
	case ".txt", ".text":
		return FormatText
	case ".md", ".markdown", ".mdown", ".mkd":
		return FormatMarkdown
	case ".html", ".htm", ".xhtml", ".shtml":
		return FormatHTML
	case ".json":
		return FormatJSON
	case ".jsonl", ".ndjson", ".jsonlines":
		return FormatJSONL
	case ".rss", ".atom", ".xml", ".rdf":
		return FormatFeed
	}
	return FormatUnknown
}
