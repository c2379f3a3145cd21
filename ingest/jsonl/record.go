package jsonl

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
)

// A Record is the wire shape of one JSON document. Each group of fields
// holds the names datasets use for one thing; the adapter takes the first
// non-empty one in the order listed. encoding/json matches names without
// regard to case, so "Title" and "TITLE" fill Title too.
type Record struct {
	ID Flex `json:"id"`

	Title    Flex `json:"title"`
	Headline Flex `json:"headline"`

	Text     Flex `json:"text"`
	Body     Flex `json:"body"`
	Content  Flex `json:"content"`
	Article  Flex `json:"article"`
	Maintext Flex `json:"maintext"`

	Published     Flex `json:"published"`
	PublishedAt   Flex `json:"published_at"`
	DatePublished Flex `json:"datePublished"`
	PubDate       Flex `json:"pubDate"`
	DatePublish   Flex `json:"date_publish"`
	Datetime      Flex `json:"datetime"`
	Date          Flex `json:"date"`
	Time          Flex `json:"time"`

	URL  Flex `json:"url"`
	Link Flex `json:"link"`

	Outlet    Flex `json:"outlet"`
	Source    Flex `json:"source"`
	Publisher Flex `json:"publisher"`
	Site      Flex `json:"site"`

	Language Flex `json:"language"`
	Lang     Flex `json:"lang"`
}

// An envelope is a top-level JSON object that may be one document or may
// wrap a list of them.
type envelope struct {
	Record
	Articles  rawList `json:"articles"`
	Items     rawList `json:"items"`
	Documents rawList `json:"documents"`
	Data      rawList `json:"data"`
	Results   rawList `json:"results"`
	Docs      rawList `json:"docs"`
}

// A rawList is a field that may wrap a list of documents. Only an array
// is one: any other value under such a common name ("data": "…", "items":
// 3) is some other field of a single document, read as no list rather
// than rejecting the document.
type rawList []json.RawMessage

// UnmarshalJSON keeps the elements of an array and ignores anything else.
func (l *rawList) UnmarshalJSON(b []byte) error {
	*l = nil
	if b = bytes.TrimSpace(b); len(b) == 0 || b[0] != '[' {
		return nil
	}
	return json.Unmarshal(b, (*[]json.RawMessage)(l))
}

// list returns the first non-empty wrapped list.
func (e *envelope) list() []json.RawMessage {
	for _, l := range []rawList{e.Articles, e.Items, e.Documents, e.Data, e.Results, e.Docs} {
		if len(l) > 0 {
			return l
		}
	}
	return nil
}

// Flex is a JSON value read leniently as text, so one odd field never
// rejects a record: a string is itself; a number is its literal
// (IsNumber reports it); an array of strings is its elements joined by
// blank lines (paragraph lists); an object is its "name" field (an outlet
// written as {"name": "Reuters"}), or its "@value" or "value"; null and
// anything else are empty.
type Flex struct {
	S        string
	IsNumber bool
}

// UnmarshalJSON implements json.Unmarshaler; it never fails on valid JSON.
func (f *Flex) UnmarshalJSON(b []byte) error {
	*f = Flex{}
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return nil
	}
	switch c := b[0]; {
	case c == '"':
		if s, ok := unquoteSimple(b); ok {
			f.S = s
			return nil
		}
		return json.Unmarshal(b, &f.S)
	case c == '-' || ('0' <= c && c <= '9'):
		f.S, f.IsNumber = string(b), true
	case c == '[':
		var parts []Flex
		if json.Unmarshal(b, &parts) == nil {
			var ss []string
			for _, p := range parts {
				if p.S != "" {
					ss = append(ss, p.S)
				}
			}
			if len(parts) > 0 && len(ss) == 1 {
				f.S = ss[0]
			} else {
				f.S = strings.Join(ss, "\n\n")
			}
		}
	case c == '{':
		var o struct {
			Name  Flex `json:"name"`
			Value Flex `json:"@value"`
			V     Flex `json:"value"`
		}
		if json.Unmarshal(b, &o) == nil {
			f.S = firstOf(o.Name.S, o.Value.S, o.V.S)
		}
	}
	return nil
}

// unquoteSimple decodes a JSON string without escapes, the common case,
// without the reflection of json.Unmarshal.
func unquoteSimple(b []byte) (string, bool) {
	if len(b) < 2 || b[len(b)-1] != '"' {
		return "", false
	}
	in := b[1 : len(b)-1]
	if bytes.IndexByte(in, '\\') >= 0 || bytes.IndexByte(in, '"') >= 0 {
		return "", false
	}
	for _, c := range in {
		if c < 0x20 {
			return "", false
		}
	}
	return string(in), true
}

// String returns f as text.
func (f Flex) String() string { return f.S }

// Int returns f as an integer, and whether it is one.
func (f Flex) Int() (int64, bool) {
	if !f.IsNumber {
		return 0, false
	}
	if n, err := strconv.ParseInt(f.S, 10, 64); err == nil {
		return n, true
	}
	if x, err := strconv.ParseFloat(f.S, 64); err == nil {
		return int64(x), true
	}
	return 0, false
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
