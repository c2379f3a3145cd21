package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/dyad"
)

// outcome is one item, reduced to what the tests compare: the input it
// names and the sentinel it wraps (nil for a document).
type outcome struct {
	input string
	err   error
}

func readAll(t *testing.T, r *Reader, inputs []string, stdin *strings.Reader) ([]Item, error) {
	t.Helper()
	var items []Item
	var in interface{ Read([]byte) (int, error) }
	if stdin != nil {
		in = stdin
	}
	err := r.Read(t.Context(), inputs, in, func(it Item) error {
		if (it.Doc == nil) == (it.Err == nil) {
			t.Fatalf("item with both or neither of Doc and Err: %+v", it)
		}
		items = append(items, it)
		return nil
	})
	return items, err
}

// checkItems compares items with want, stripping prefix from the inputs.
func checkItems(t *testing.T, items []Item, prefix string, want []outcome) {
	t.Helper()
	for i, it := range items {
		var got outcome
		if it.Doc != nil {
			got.input = strings.TrimPrefix(it.Doc.Origin, prefix)
		} else {
			var e *Error
			if !errors.As(it.Err, &e) {
				t.Errorf("item %d: error %v is not an *ingest.Error", i, it.Err)
				continue
			}
			got.input = strings.TrimPrefix(e.Input, prefix)
			if !strings.HasPrefix(it.Err.Error(), e.Input+": ") {
				t.Errorf("item %d: message %q does not start with the input name", i, it.Err)
			}
		}
		if i >= len(want) {
			t.Errorf("extra item %d: %q %v", i, got.input, it.Err)
			continue
		}
		w := want[i]
		if got.input != w.input {
			t.Errorf("item %d is %q, want %q", i, got.input, w.input)
		}
		switch {
		case w.err == nil && it.Err != nil:
			t.Errorf("item %d (%s): error %v, want a document", i, w.input, it.Err)
		case w.err != nil && !errors.Is(it.Err, w.err):
			t.Errorf("item %d (%s): got %v, want an error wrapping %q", i, w.input, it.Err, w.err)
		}
	}
	if len(items) < len(want) {
		t.Errorf("got %d items, want %d; first missing: %v", len(items), len(want), want[len(items)])
	}
}

func TestRead_MixedDirectory(t *testing.T) {
	dir := filepath.Join("testdata", "mixed")
	published := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	r := NewReader(Options{MaxBytes: 16 << 10, Outlet: "Default Outlet", Published: published})
	items, err := readAll(t, r, []string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkItems(t, items, dir+string(filepath.Separator), []outcome{
		{"BRIEFING", nil},
		{"array.json[0]", nil},
		{"array.json[1]", nil},
		{"article.html", nil},
		{"broken-feed.xml", ErrMalformed},
		{"broken.json", ErrMalformed},
		{"data.bin", ErrBinary},
		{"empty.txt", ErrEmpty},
		{"feed-atom.xml#1", nil},
		{"feed-atom.xml#2", nil},
		{"feed-rss.xml#1", nil},
		{"feed-rss.xml#2", nil},
		{"feed-rss.xml#3", ErrEmpty},
		{"image.png", ErrBinary},
		{"large.txt", ErrTooLarge},
		{"latin1.txt", ErrInvalidUTF8},
		{"nav-only.html", ErrEmpty},
		{"note.md", nil},
		{"plain.txt", nil},
		{"sniffed-gzip.dat:1", nil},
		{filepath.Join("sub", "nested.txt"), nil},
		{"wire.jsonl:1 (wire-1)", nil},
		{"wire.jsonl:2 (wire-2)", nil},
		{"wire.jsonl:3", ErrMalformed},
		{"wire.jsonl:4 (wire-4)", ErrEmpty},
		{"wire.jsonl:5 (5)", nil},
		{"wire.jsonl.gz:1 (gz-1)", nil},
		{"wire.jsonl.gz:2 (gz-2)", nil},
	})

	docs := map[string]*dyad.Document{}
	for _, it := range items {
		if it.Doc != nil {
			docs[strings.TrimPrefix(it.Doc.Origin, dir+string(filepath.Separator))] = it.Doc
		}
	}
	tests := []struct {
		origin, title, outlet, url, text string
		published                        time.Time
	}{
		{"BRIEFING", "Briefing", "Default Outlet", "", "The council met on Tuesday and approved the budget.", published},
		{"plain.txt", "", "Default Outlet", "", "Greece and Turkey held talks in Athens on Monday.\n\nThe ministers discussed maritime borders.\n", published},
		{"note.md", "Field notes from Geneva", "Default Outlet", "", "The Swiss government hosted talks between the two delegations.\n\nBoth sides agreed to meet again.", time.Date(2026, 5, 20, 0, 0, 0, 0, time.UTC)},
		{"wire.jsonl:1 (wire-1)", "OPEC MEETS IN VIENNA", "Reuters", "", "OPEC oil ministers met in Vienna on Thursday to discuss production quotas.\n\nSaudi Arabia said it would keep output steady.", time.Date(1987, 6, 25, 0, 0, 0, 0, time.UTC)},
		{"wire.jsonl:2 (wire-2)", "Iran and Iraq exchange fire", "AP", "", "Iranian and Iraqi forces exchanged artillery fire near Basra, the agency said.", time.Date(1987, 6, 26, 0, 0, 0, 0, time.UTC)},
		{"wire.jsonl.gz:1 (gz-1)", "Gzipped record", "Default Outlet", "", "Canada and the United States signed a free trade agreement.", time.Date(1987, 10, 4, 0, 0, 0, 0, time.UTC)},
		{"array.json[1]", "Debt talks", "Default Outlet", "https://wire.example/debt", "Brazil and its creditor banks resumed debt talks in New York.", time.Date(1987, 8, 28, 10, 0, 0, 0, time.UTC)},
		{"feed-rss.xml#2", "UN envoy & Kabul officials meet", "Partner Agency", "https://wire.example/world/un-kabul", "The UN envoy met officials in Kabul on Wednesday.\n\nThey discussed aid access.", time.Date(2026, 5, 27, 9, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.origin, func(t *testing.T) {
			d := docs[tt.origin]
			if d == nil {
				t.Fatalf("no document %q", tt.origin)
			}
			if d.Title != tt.title || d.Outlet != tt.outlet || d.URL != tt.url || d.Text != tt.text || !d.Published.Equal(tt.published) {
				t.Errorf("got title %q outlet %q url %q published %v text %q", d.Title, d.Outlet, d.URL, d.Published, d.Text)
			}
			if d.ID != "" || d.Sentences != nil || d.Fingerprint != 0 || d.Story != "" {
				t.Errorf("pipeline fields set: %+v", d)
			}
		})
	}
	if d := docs["article.html"]; d == nil || d.Outlet != "Example Wire" || d.Published.IsZero() || strings.Contains(d.Text, "Subscribe") {
		t.Errorf("article.html = %+v", d)
	}
}

func TestRead_Inputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	txt := write("a.txt", "Text A.")
	ws := write("ws.txt", " \n\t ")
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("{\"text\": \"zipped\"}\n"))
	zw.Close()
	corrupt := gz.Bytes()[:gz.Len()-6]
	bad := write("corrupt.jsonl.gz", string(corrupt))
	tests := []struct {
		name   string
		inputs []string
		stdin  *strings.Reader
		want   []outcome
	}{
		{"file then missing then file", []string{txt, filepath.Join(dir, "nope.txt"), txt},
			nil, []outcome{{txt, nil}, {filepath.Join(dir, "nope.txt"), fs.ErrNotExist}, {txt, nil}}},
		{"whitespace-only file", []string{ws}, nil, []outcome{{ws, ErrEmpty}}},
		{"stdin jsonl", []string{"-"}, strings.NewReader("{\"text\":\"a\"}\n{\"text\":\"b\"}\n"),
			[]outcome{{"stdin:1", nil}, {"stdin:2", nil}}},
		{"stdin markdown", []string{"-"}, strings.NewReader("# T\n\nBody."), []outcome{{"stdin", nil}}},
		{"stdin empty", []string{"-"}, strings.NewReader(""), []outcome{{"stdin", ErrEmpty}}},
		{"stdin binary", []string{"-"}, strings.NewReader("%PDF-1.7\n..."), []outcome{{"stdin", ErrBinary}}},
		{"no stdin", []string{"-"}, nil, []outcome{{"stdin", nil}}},
		{"corrupt gzip", []string{bad}, nil, []outcome{{bad, ErrMalformed}}},
		{"unsupported scheme", []string{"ftp://example.com/x"}, nil, []outcome{{"ftp://example.com/x", ErrBadURL}}},
		{"unknown XML", []string{"-"}, strings.NewReader("<?xml version=\"1.0\"?><svgish/>"), []outcome{{"stdin", ErrUnknownFormat}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, err := readAll(t, NewReader(Options{}), tt.inputs, tt.stdin)
			if err != nil {
				t.Fatal(err)
			}
			if tt.name == "no stdin" {
				if len(items) != 1 || items[0].Err == nil {
					t.Fatalf("got %+v, want one error", items)
				}
				return
			}
			checkItems(t, items, "", tt.want)
		})
	}
}

func TestRead_Stops(t *testing.T) {
	dir := filepath.Join("testdata", "mixed")
	stop := errors.New("stop")
	n := 0
	err := NewReader(Options{}).Read(t.Context(), []string{dir, dir}, nil, func(Item) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if err != stop || n != 3 {
		t.Errorf("Read = %v after %d items, want stop after 3", err, n)
	}

	ctx, cancel := context.WithCancel(t.Context())
	n = 0
	err = NewReader(Options{}).Read(ctx, []string{dir}, nil, func(Item) error {
		n++
		if n == 2 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 2 {
		t.Errorf("Read = %v after %d items, want context.Canceled after 2", err, n)
	}
}

func TestRead_URL(t *testing.T) {
	article, err := os.ReadFile("testdata/mixed/article.html")
	if err != nil {
		t.Fatal(err)
	}
	rss, _ := os.ReadFile("testdata/mixed/feed-rss.xml")
	mux := http.NewServeMux()
	serve := func(ctype string, body []byte) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if ctype != "" {
				w.Header().Set("Content-Type", ctype)
			}
			w.Write(body)
		}
	}
	mux.HandleFunc("/article", serve("text/html; charset=utf-8", article))
	mux.HandleFunc("/feed", serve("application/rss+xml", rss))
	mux.HandleFunc("/wire", serve("application/x-ndjson", []byte("{\"text\":\"a\"}\nnot json\n")))
	mux.HandleFunc("/notes.md", serve("text/plain; charset=utf-8", []byte("# Notes\n\nThe talks ended.")))
	mux.HandleFunc("/plain", serve("text/plain", []byte("Just text.")))
	mux.HandleFunc("/image", serve("image/png", []byte("\x89PNG\r\n\x1a\n")))
	mux.HandleFunc("/pdf-as-text", serve("text/plain", []byte("%PDF-1.4 binary")))
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", http.StatusInternalServerError) })
	mux.HandleFunc("/big", serve("text/plain", bytes.Repeat([]byte("word "), 4000)))
	// /slow never answers (until the test ends), so a fetch of it times out
	// however fast or loaded the machine is.
	hang := make(chan struct{})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-hang:
		}
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/plain", http.StatusMovedPermanently)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	defer close(hang) // runs before srv.Close, which waits for handlers
	u := func(p string) string { return srv.URL + p }

	// The answering endpoints get a timeout no loaded test machine
	// reaches; only /slow is read with a short one.
	r := NewReader(Options{AllowPrivate: true, MaxBytes: 16 << 10, Timeout: time.Minute})
	inputs := []string{u("/article"), u("/feed"), u("/wire"), u("/notes.md"), u("/moved"), u("/image"), u("/pdf-as-text"),
		u("/missing"), u("/broken"), u("/big"), u("/loop"), u("/to-file"), "http://127.0.0.1:1/closed"}
	items, err := readAll(t, r, inputs, nil)
	if err != nil {
		t.Fatal(err)
	}
	short := NewReader(Options{AllowPrivate: true, Timeout: 100 * time.Millisecond})
	slow, err := readAll(t, short, []string{u("/slow")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	items = append(items, slow...)
	checkItems(t, items, srv.URL, []outcome{
		{"/article", nil},
		{"/feed#1", nil}, {"/feed#2", nil}, {"/feed#3", ErrEmpty},
		{"/wire:1", nil}, {"/wire:2", ErrMalformed},
		{"/notes.md", nil},
		{"/moved", nil},
		{"/image", ErrContentType},
		{"/pdf-as-text", ErrBinary},
		{"/missing", ErrHTTPStatus},
		{"/broken", ErrHTTPStatus},
		{"/big", ErrTooLarge},
		{"/loop", ErrTooManyRedirects},
		{"/to-file", ErrBadURL},
		{"http://127.0.0.1:1/closed", ErrFetch},
		{"/slow", ErrFetch},
	})
	byOrigin := map[string]*dyad.Document{}
	for _, it := range items {
		if it.Doc != nil {
			byOrigin[strings.TrimPrefix(it.Doc.Origin, srv.URL)] = it.Doc
		}
	}
	if d := byOrigin["/article"]; d == nil || d.URL != srv.URL+"/world/russia-taliban-pact" {
		t.Errorf("article URL should be the canonical resolved against the page: %+v", d)
	}
	if d := byOrigin["/notes.md"]; d == nil || d.Title != "Notes" || d.Text != "The talks ended." || d.URL != srv.URL+"/notes.md" {
		t.Errorf("markdown served as text/plain: %+v", d)
	}
	if d := byOrigin["/moved"]; d == nil || d.URL != srv.URL+"/plain" {
		t.Errorf("redirected document should carry the final URL: %+v", d)
	}
	for _, it := range items {
		if it.Err != nil && strings.HasSuffix(it.Err.(*Error).Input, "/slow") && !errors.Is(it.Err, context.DeadlineExceeded) {
			t.Errorf("timeout does not wrap context.DeadlineExceeded: %v", it.Err)
		}
	}
}

// TestRead_URLRefusedWithoutAllowPrivate checks that the loopback server the
// other tests use is refused when private addresses are not allowed: by
// CheckURL for the literal address, and at dial time for the client.
func TestRead_URLRefusedWithoutAllowPrivate(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "secret") }))
	defer srv.Close()
	items, err := readAll(t, NewReader(Options{}), []string{srv.URL + "/x"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkItems(t, items, "", []outcome{{srv.URL + "/x", ErrPrivateAddress}})

	// Past the syntactic check, the dialer refuses the resolved address.
	_, err = newClient(Options{Timeout: time.Second}).Get(srv.URL)
	if !errors.Is(err, ErrPrivateAddress) {
		t.Errorf("client dialed %s: %v", srv.URL, err)
	}
	// A redirect to a private host is refused before it is followed.
	c := newClient(Options{Timeout: time.Second, MaxRedirects: 5})
	req, _ := http.NewRequest("GET", "http://10.1.2.3/admin", nil)
	if err := c.CheckRedirect(req, []*http.Request{req}); !errors.Is(err, ErrPrivateAddress) {
		t.Errorf("redirect to 10.1.2.3 allowed: %v", err)
	}
}

func TestReadStream(t *testing.T) {
	var items []Item
	err := NewReader(Options{}).ReadStream(t.Context(), "upload.jsonl", strings.NewReader("{\"text\":\"a\"}\n{bad\n"), func(it Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	checkItems(t, items, "", []outcome{{"upload.jsonl:1", nil}, {"upload.jsonl:2", ErrMalformed}})
}
