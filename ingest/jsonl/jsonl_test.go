package jsonl

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/ingest/internal/errs"
	"github.com/dyad-project/dyad/internal/shared"
)

// result is one call of a Func, flattened for comparison.
type result struct {
	origin string
	text   string // the document's text, "" for an error
	err    error
}

func collect(t testing.TB, read func(Func) error) []result {
	t.Helper()
	var got []result
	err := read(func(origin string, doc *dyad.Document, err error) error {
		switch {
		case (doc == nil) == (err == nil):
			t.Fatalf("%s: exactly one of doc and err must be set (doc %v, err %v)", origin, doc, err)
		case doc != nil:
			if doc.Origin != origin {
				t.Fatalf("doc.Origin %q != origin %q", doc.Origin, origin)
			}
			got = append(got, result{origin: origin, text: doc.Text})
		default:
			got = append(got, result{origin: origin, err: err})
		}
		return nil
	})
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	return got
}

func check(t *testing.T, got, want []result) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d results %v, want %d %v", len(got), got, len(want), want)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.origin != w.origin || g.text != w.text || (w.err == nil) != (g.err == nil) || (w.err != nil && !errors.Is(g.err, w.err)) {
			t.Errorf("result %d = {%q %q %v}, want {%q %q %v}", i, g.origin, g.text, g.err, w.origin, w.text, w.err)
		}
	}
}

func TestReadLines(t *testing.T) {
	long := `{"text": "` + strings.Repeat("x", 3<<20) + `"}`
	tests := []struct {
		name    string
		in      string
		maxLine int64
		want    []result
	}{
		{"good lines", "{\"text\": \"A.\"}\n{\"text\": \"B.\"}\n", 0,
			[]result{{"f.jsonl:1", "A.", nil}, {"f.jsonl:2", "B.", nil}}},
		{"no final newline", "{\"text\": \"A.\"}", 0, []result{{"f.jsonl:1", "A.", nil}}},
		{"crlf and blank lines", "{\"text\": \"A.\"}\r\n\r\n   \n{\"text\": \"B.\"}\r\n", 0,
			[]result{{"f.jsonl:1", "A.", nil}, {"f.jsonl:4", "B.", nil}}},
		{"malformed line in the middle", "{\"text\": \"A.\"}\n{\"text\": \"B.\n{\"text\": \"C.\"}\n", 0,
			[]result{{"f.jsonl:1", "A.", nil}, {"f.jsonl:2", "", errs.ErrMalformed}, {"f.jsonl:3", "C.", nil}}},
		{"not an object", "[1,2]\n\"s\"\n", 0,
			[]result{{"f.jsonl:1", "", errs.ErrMalformed}, {"f.jsonl:2", "", errs.ErrMalformed}}},
		{"no text", "{\"title\": \"Only a title\"}\n", 0, []result{{"f.jsonl:1", "", errs.ErrEmpty}}},
		{"invalid utf8", "{\"text\": \"caf\xe9\"}\n{\"text\": \"ok\"}\n", 0,
			[]result{{"f.jsonl:1", "", errs.ErrInvalidUTF8}, {"f.jsonl:2", "ok", nil}}},
		{"id in origin", "{\"id\": \"reuters21578-12\", \"text\": \"A.\"}\n{\"id\": 7, \"text\": \"B.\"}\n", 0,
			[]result{{"f.jsonl:1 (reuters21578-12)", "A.", nil}, {"f.jsonl:2 (7)", "B.", nil}}},
		{"bom", "\ufeff{\"text\": \"A.\"}\n", 0, []result{{"f.jsonl:1", "A.", nil}}},
		{"line over the limit", "{\"text\": \"A.\"}\n{\"text\": \"" + strings.Repeat("y", 200) + "\"}\n{\"text\": \"C.\"}\n", 100,
			[]result{{"f.jsonl:1", "A.", nil}, {"f.jsonl:2", "", errs.ErrTooLarge}, {"f.jsonl:3", "C.", nil}}},
		{"line longer than the buffer", long + "\n{\"text\": \"C.\"}\n", 0,
			[]result{{"f.jsonl:1", strings.Repeat("x", 3<<20), nil}, {"f.jsonl:2", "C.", nil}}},
		{"line longer than the buffer and the limit", long + "\n{\"text\": \"C.\"}\n", 2 << 20,
			[]result{{"f.jsonl:1", "", errs.ErrTooLarge}, {"f.jsonl:2", "C.", nil}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := collect(t, func(fn Func) error {
				return ReadLines(t.Context(), strings.NewReader(tt.in), "f.jsonl", tt.maxLine, fn)
			})
			check(t, got, tt.want)
		})
	}
}

func TestReadLines_StopsOnFuncError(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := ReadLines(t.Context(), strings.NewReader("{\"text\":\"a\"}\n{\"text\":\"b\"}\n"), "f", 0, func(string, *dyad.Document, error) error {
		n++
		return stop
	})
	if err != stop || n != 1 {
		t.Errorf("ReadLines = %v after %d calls, want stop after 1", err, n)
	}
}

func TestReadLines_StopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	n := 0
	err := ReadLines(ctx, strings.NewReader("{\"text\":\"a\"}\n{\"text\":\"b\"}\n{\"text\":\"c\"}\n"), "f", 0, func(string, *dyad.Document, error) error {
		n++
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 1 {
		t.Errorf("ReadLines = %v after %d calls, want context.Canceled after 1", err, n)
	}
}

func TestRecordFields(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name string
		in   string
		want dyad.Document
	}{
		{"canonical names", `{"title":"T","text":"X","published":"1987-02-26","url":"u","outlet":"Reuters","language":"en"}`,
			dyad.Document{Title: "T", Text: "X", Published: day(1987, 2, 26), URL: "u", Outlet: "Reuters", Language: "en"}},
		{"headline body link source lang", `{"headline":"H","body":"B","link":"l","source":"AP","lang":"fr"}`,
			dyad.Document{Title: "H", Text: "B", URL: "l", Outlet: "AP", Language: "fr"}},
		{"content and publisher object", `{"content":"C","publisher":{"@type":"Organization","name":"BBC"}}`,
			dyad.Document{Text: "C", Outlet: "BBC"}},
		{"article and site", `{"article":"A","site":"example.com"}`, dyad.Document{Text: "A", Outlet: "example.com"}},
		{"maintext and date_publish", `{"maintext":"M","date_publish":"2019-03-01 10:00:00"}`,
			dyad.Document{Text: "M", Published: time.Date(2019, 3, 1, 10, 0, 0, 0, time.UTC)}},
		{"text wins over body", `{"body":"B","text":"T"}`, dyad.Document{Text: "T"}},
		{"paragraph array", `{"text":["One.","Two."]}`, dyad.Document{Text: "One.\n\nTwo."}},
		{"published_at rfc1123z", `{"text":"x","published_at":"Fri, 29 May 2026 10:15:00 +0000"}`,
			dyad.Document{Text: "x", Published: time.Date(2026, 5, 29, 10, 15, 0, 0, time.UTC)}},
		{"datePublished", `{"text":"x","datePublished":"2026-05-29T10:15:00Z"}`,
			dyad.Document{Text: "x", Published: time.Date(2026, 5, 29, 10, 15, 0, 0, time.UTC)}},
		{"pubDate month name", `{"text":"x","pubDate":"May 29, 2026"}`, dyad.Document{Text: "x", Published: day(2026, 5, 29)}},
		{"unix seconds number", `{"text":"x","time":1780049700}`,
			dyad.Document{Text: "x", Published: time.Date(2026, 5, 29, 10, 15, 0, 0, time.UTC)}},
		{"unparsable date is unknown", `{"text":"x","date":"soon"}`, dyad.Document{Text: "x"}},
		{"first parsable date wins", `{"text":"x","published":"n/a","date":"2026-05-29"}`, dyad.Document{Text: "x", Published: day(2026, 5, 29)}},
		{"upper-case keys", `{"TITLE":"T","Text":"X"}`, dyad.Document{Title: "T", Text: "X"}},
		{"odd types ignored", `{"text":"X","title":null,"url":{"x":1},"language":["en","de"]}`, dyad.Document{Text: "X", Language: "en\n\nde"}},
		{"escapes", `{"text":"line\nnext \u00e9 \"q\""}`, dyad.Document{Text: "line\nnext é \"q\""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := collectDocs(t, tt.in+"\n")
			if len(got) != 1 {
				t.Fatalf("got %d documents", len(got))
			}
			g := *got[0]
			g.Origin = ""
			if g.Title != tt.want.Title || g.Text != tt.want.Text || g.URL != tt.want.URL || g.Outlet != tt.want.Outlet ||
				g.Language != tt.want.Language || !g.Published.Equal(tt.want.Published) {
				t.Errorf("got %+v\nwant %+v", g, tt.want)
			}
		})
	}
}

func collectDocs(t *testing.T, in string) []*dyad.Document {
	t.Helper()
	var docs []*dyad.Document
	err := ReadLines(t.Context(), strings.NewReader(in), "f", 0, func(o string, d *dyad.Document, err error) error {
		if err != nil {
			t.Fatalf("%s: %v", o, err)
		}
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func TestReadJSON(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		maxDoc int64
		want   []result
	}{
		{"one object", `{"title":"T","text":"A."}`, 0, []result{{"f.json", "A.", nil}}},
		{"object with id", `{"id":"x1","text":"A."}`, 0, []result{{"f.json (x1)", "A.", nil}}},
		{"array", " [ {\"text\":\"A.\"}, {\"text\":\"B.\"} ]\n", 0, []result{{"f.json[0]", "A.", nil}, {"f.json[1]", "B.", nil}}},
		{"empty array", "[]", 0, nil},
		{"array with a non-object", `[{"text":"A."}, 5, {"text":"C."}]`, 0,
			[]result{{"f.json[0]", "A.", nil}, {"f.json[1]", "", errs.ErrMalformed}, {"f.json[2]", "C.", nil}}},
		{"array with an empty record", `[{"text":"A."}, {"title":"x"}]`, 0,
			[]result{{"f.json[0]", "A.", nil}, {"f.json[1]", "", errs.ErrEmpty}}},
		{"envelope", `{"status":"ok","articles":[{"title":"T","content":"A."},{"description":"none"}]}`, 0,
			[]result{{"f.json[0]", "A.", nil}, {"f.json[1]", "", errs.ErrEmpty}}},
		{"list name holding a string", `{"content":"A.","data":"x","items":3,"docs":{"a":[1]}}`, 0,
			[]result{{"f.json", "A.", nil}}},
		{"syntax error in array", `[{"text":"A."}, {"text": }]`, 0,
			[]result{{"f.json[0]", "A.", nil}, {"f.json[1]", "", errs.ErrMalformed}}},
		{"truncated object", `{"text":"A.`, 0, []result{{"f.json", "", errs.ErrMalformed}}},
		{"trailing data", `{"text":"A."} x`, 0, []result{{"f.json", "", errs.ErrMalformed}}},
		{"scalar", `42`, 0, []result{{"f.json", "", errs.ErrMalformed}}},
		{"empty input", " \n", 0, []result{{"f.json", "", errs.ErrEmpty}}},
		{"invalid utf8", "{\"text\":\"caf\xe9\"}", 0, []result{{"f.json", "", errs.ErrInvalidUTF8}}},
		{"element over the limit", `[{"text":"A."}, {"text":"` + strings.Repeat("z", 300<<10) + `"}]`, 100 << 10,
			[]result{{"f.json[0]", "A.", nil}, {"f.json[1]", "", errs.ErrTooLarge}}},
		{"object over the limit", `{"text":"` + strings.Repeat("z", 300<<10) + `"}`, 100 << 10,
			[]result{{"f.json", "", errs.ErrTooLarge}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := collect(t, func(fn Func) error {
				return ReadJSON(t.Context(), strings.NewReader(tt.in), "f.json", tt.maxDoc, fn)
			})
			check(t, got, tt.want)
		})
	}
}

// checkFuzzResult holds the invariants every reader result must keep.
func checkFuzzResult(t *testing.T, name, origin string, doc *dyad.Document, err error) {
	if (doc == nil) == (err == nil) {
		t.Fatalf("%s: exactly one of doc and err must be set", origin)
	}
	if !strings.HasPrefix(origin, name) {
		t.Fatalf("origin %q does not name the input %q", origin, name)
	}
	if doc != nil && strings.TrimSpace(doc.Text) == "" {
		t.Fatalf("%s: document without text", origin)
	}
	if err != nil {
		for _, s := range []error{errs.ErrMalformed, errs.ErrEmpty, errs.ErrInvalidUTF8, errs.ErrTooLarge} {
			if errors.Is(err, s) {
				return
			}
		}
		t.Fatalf("%s: error %v wraps no sentinel", origin, err)
	}
}

func fuzzSeeds(f *testing.F) {
	for _, name := range []string{"../testdata/mixed/wire.jsonl", "../testdata/mixed/array.json"} {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("{\"text\":\"a\"}\n{bad\n{\"id\":1,\"body\":[\"x\",\"y\"],\"source\":{\"name\":\"s\"}}\n"))
	f.Add([]byte(`{"articles":[{"text":"a"},3]}`))
	f.Add([]byte(`[{"text":"a"},{"text":"\ud800"}]`))
}

func FuzzReadLines(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, in []byte) {
		last := 0
		err := ReadLines(t.Context(), strings.NewReader(string(in)), "f", 1<<16, func(origin string, doc *dyad.Document, err error) error {
			checkFuzzResult(t, "f", origin, doc, err)
			var n int
			if _, serr := fmt.Sscanf(origin, "f:%d", &n); serr != nil || n <= last {
				t.Fatalf("origin %q out of order after line %d", origin, last)
			}
			last = n
			return nil
		})
		if err != nil {
			t.Fatalf("ReadLines on a string reader: %v", err)
		}
	})
}

func FuzzReadJSON(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, in []byte) {
		err := ReadJSON(t.Context(), strings.NewReader(string(in)), "f", 1<<16, func(origin string, doc *dyad.Document, err error) error {
			checkFuzzResult(t, "f", origin, doc, err)
			return nil
		})
		if err != nil {
			t.Fatalf("ReadJSON on a string reader: %v", err)
		}
	})
}

// BenchmarkReadLines reads the Reuters-21578 corpus as JSON Lines, from
// memory, to measure the decoder alone.
func BenchmarkReadLines(b *testing.B) {
	dir := shared.Path(b, "corpus", "reuters21578")
	data, err := os.ReadFile(dir + "/reuters21578-part1.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	docs := 0
	for b.Loop() {
		err := ReadLines(b.Context(), strings.NewReader(string(data)), "part1", 16<<20, func(o string, d *dyad.Document, err error) error {
			if err != nil {
				return err
			}
			docs++
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(docs)/b.Elapsed().Seconds(), "docs/s")
}
