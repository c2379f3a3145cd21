package web_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/ingest"
	"github.com/dyad-project/dyad/pipeline"
	"github.com/dyad-project/dyad/resolve"
	"github.com/dyad-project/dyad/samples"
	"github.com/dyad-project/dyad/store/sqlite"
	"github.com/dyad-project/dyad/web"
)

// xssDoc is a document whose text carries markup that must show as text.
const xssDoc = `Hostile markup test <script>window.__xss = 1</script> and <img src=x onerror="window.__xss = 2">.

Russia and the Taliban signed a deal on <b>fuel</b> supplies in Kabul.`

const testToken = "s3cret-token"

// fixture is a store filled with the sample documents and xssDoc.
var fixture struct {
	store dyad.Store
	dir   string
}

func TestMain(m *testing.M) {
	code, err := setup()
	if err != nil {
		fmt.Fprintln(os.Stderr, "web tests:", err)
		os.Exit(2)
	}
	code = m.Run()
	fixture.store.Close()
	os.RemoveAll(fixture.dir)
	if reuters.store != nil {
		reuters.store.Close()
	}
	if reuters.dir != "" {
		os.RemoveAll(reuters.dir)
	}
	os.Exit(code)
}

func setup() (int, error) {
	dir, err := os.MkdirTemp("", "dyad-web-test-")
	if err != nil {
		return 0, err
	}
	fixture.dir = dir
	docs := filepath.Join(dir, "docs")
	if err := os.MkdirAll(docs, 0o755); err != nil {
		return 0, err
	}
	err = fs.WalkDir(samples.FS, samples.Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := samples.FS.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(docs, filepath.Base(p)), b, 0o644)
	})
	if err != nil {
		return 0, err
	}
	xss, _ := json.Marshal(map[string]string{"title": "<script>alert(1)</script> headline", "outlet": "Test <b>Outlet</b>",
		"published": "2026-05-20T10:00:00Z", "text": xssDoc})
	if err := os.WriteFile(filepath.Join(docs, "08-xss.json"), xss, 0o644); err != nil {
		return 0, err
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(dir, "dyad.db"))
	if err != nil {
		return 0, err
	}
	fixture.store = st
	reader := ingest.NewReader(ingest.Options{})
	r := &pipeline.Runner{Coder: wordCoder{}, Store: st, Resolver: &resolve.Clusterer{}, Workers: 2,
		Reject: func(err error) { fmt.Fprintln(os.Stderr, "rejected:", err) }}
	sum, err := r.Run(ctx, func(ctx context.Context, yield func(*dyad.Document, error) error) error {
		return reader.Read(ctx, []string{docs}, nil, func(it ingest.Item) error { return yield(it.Doc, it.Err) })
	})
	if err != nil {
		return 0, err
	}
	if sum.New < 8 || sum.Mentions == 0 {
		return 0, fmt.Errorf("fixture: %+v, want 8 documents with mentions", sum)
	}
	return 0, nil
}

// newServer returns a test server over the fixture store; token "" makes it
// read-only.
func newServer(t *testing.T, token string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(web.New(web.Config{Store: fixture.store, Coder: wordCoder{}, Token: token}))
	t.Cleanup(srv.Close)
	return srv
}

// get fetches path and returns the response and its body.
func get(t *testing.T, srv *httptest.Server, path string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

func decode[T any](t *testing.T, b []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("decode %T: %v\n%s", v, err, b)
	}
	return v
}

type eventOut struct {
	ID        string `json:"id"`
	Date      string `json:"date"`
	Source    struct{ Code, Country, Name string }
	Target    struct{ Code, Country, Name string }
	Cameo     string  `json:"cameo"`
	Plover    string  `json:"plover"`
	Certainty string  `json:"certainty"`
	Sources   int     `json:"num_sources"`
	Goldstein float64 `json:"goldstein"`
	Mentions  []struct {
		Doc   string `json:"doc"`
		Start int    `json:"start"`
		End   int    `json:"end"`
	} `json:"mentions"`
	ConflictText []string `json:"conflict_text"`
	Contexts     []struct {
		Doc      string `json:"doc"`
		Story    string `json:"story"`
		Sentence string `json:"sentence"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
	} `json:"contexts"`
}

type eventsPage struct {
	Events []eventOut `json:"events"`
	Total  int        `json:"total"`
	Next   string     `json:"next"`
}

type errorOut struct {
	Error string `json:"error"`
}

func TestEvents_Filters(t *testing.T) {
	srv := newServer(t, "")
	resp, b := get(t, srv, "/api/events?limit=500")
	if resp.StatusCode != 200 {
		t.Fatalf("all events: %d %s", resp.StatusCode, b)
	}
	all := decode[eventsPage](t, b)
	if all.Total == 0 || len(all.Events) != all.Total || all.Next != "" {
		t.Fatalf("all events: %d of %d, next %q", len(all.Events), all.Total, all.Next)
	}
	tests := []struct {
		name  string
		query string
		check func(e eventOut) bool
	}{
		{"actor by name", "actor=Taliban", func(e eventOut) bool { return e.Source.Country == "AFG" || e.Target.Country == "AFG" }},
		{"dyad both directions", "dyad=Russia,Taliban", func(e eventOut) bool {
			return (e.Source.Country == "RUS" && e.Target.Country == "AFG") || (e.Source.Country == "AFG" && e.Target.Country == "RUS")
		}},
		{"source code", "source=RUS", func(e eventOut) bool { return e.Source.Country == "RUS" }},
		{"target code", "target=AFG", func(e eventOut) bool { return e.Target.Country == "AFG" }},
		{"cameo prefix", "code=05", func(e eventOut) bool { return strings.HasPrefix(e.Cameo, "05") }},
		{"plover", "plover=agree", func(e eventOut) bool { return e.Plover == "AGREE" }},
		{"since", "since=2026-05-27", func(e eventOut) bool { return e.Date >= "2026-05-27" }},
		{"until", "until=2026-05", func(e eventOut) bool { return e.Date != "" && e.Date <= "2026-05-31" }},
		{"certainty", "certainty=asserted,reported", func(e eventOut) bool { return e.Certainty == "asserted" || e.Certainty == "reported" }},
		{"min sources", "min_sources=2", func(e eventOut) bool { return e.Sources >= 2 }},
		{"text", "text=signed", func(e eventOut) bool { return true }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, b := get(t, srv, "/api/events?"+tt.query)
			if resp.StatusCode != 200 {
				t.Fatalf("GET %s: %d %s", tt.query, resp.StatusCode, b)
			}
			page := decode[eventsPage](t, b)
			if len(page.Events) == 0 {
				t.Fatalf("GET %s: no events", tt.query)
			}
			if page.Total > all.Total {
				t.Errorf("GET %s: total %d > %d", tt.query, page.Total, all.Total)
			}
			for _, e := range page.Events {
				if !tt.check(e) {
					t.Errorf("GET %s: event %s (%s→%s %s %s %s, %d sources) does not match", tt.query, e.ID, e.Source.Code, e.Target.Code, e.Cameo, e.Date, e.Certainty, e.Sources)
				}
			}
		})
	}
}

// TestEvents_Pagination pages through every order two at a time: the
// pages add up to the full listing of that order, which runs by its key.
func TestEvents_Pagination(t *testing.T) {
	srv := newServer(t, "")
	tests := []struct {
		name, sort string
		key        func(e eventOut) float64
		descending bool
	}{
		{"default", "", nil, true},
		{"date", "date", nil, true},
		{"oldest first", "-date", nil, false},
		{"sources", "sources", func(e eventOut) float64 { return float64(e.Sources) }, true},
		{"most conflictual", "goldstein", func(e eventOut) float64 { return e.Goldstein }, false},
		{"most cooperative", "-goldstein", func(e eventOut) float64 { return e.Goldstein }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := "/api/events?"
			if tt.sort != "" {
				base += "sort=" + url.QueryEscape(tt.sort) + "&"
			}
			_, b := get(t, srv, base+"limit=500")
			want := decode[eventsPage](t, b)
			if len(want.Events) < 3 {
				t.Fatalf("fixture has %d events, want at least 3", len(want.Events))
			}
			for i := 1; tt.key != nil && i < len(want.Events); i++ {
				x, y := tt.key(want.Events[i-1]), tt.key(want.Events[i])
				if tt.descending && x < y || !tt.descending && x > y {
					t.Errorf("event %d (%s, %v) before event %d (%s, %v)", i-1, want.Events[i-1].ID, x, i, want.Events[i].ID, y)
				}
			}
			var got []string
			cursor := ""
			for pages := 0; ; pages++ {
				if pages > len(want.Events) {
					t.Fatal("pagination does not end")
				}
				q := base + "limit=2"
				if cursor != "" {
					q += "&cursor=" + url.QueryEscape(cursor)
				}
				resp, b := get(t, srv, q)
				if resp.StatusCode != 200 {
					t.Fatalf("GET %s: %d %s", q, resp.StatusCode, b)
				}
				page := decode[eventsPage](t, b)
				if page.Total != want.Total {
					t.Errorf("page total %d, want %d", page.Total, want.Total)
				}
				for _, e := range page.Events {
					got = append(got, e.ID)
				}
				if page.Next == "" {
					break
				}
				cursor = page.Next
			}
			if len(got) != len(want.Events) {
				t.Fatalf("paged %d events, want %d", len(got), len(want.Events))
			}
			for i, e := range want.Events {
				if got[i] != e.ID {
					t.Errorf("event %d: paged %s, want %s", i, got[i], e.ID)
				}
			}
		})
	}
}

// TestEvents_CursorOfAnotherOrder checks that a cursor continues only the
// order that made it, and that the default order's cursor is the one of
// the releases before sorting: base64 of "day|id".
func TestEvents_CursorOfAnotherOrder(t *testing.T) {
	srv := newServer(t, "")
	_, b := get(t, srv, "/api/events?limit=1")
	first := decode[eventsPage](t, b)
	if first.Next == "" || len(first.Events) != 1 {
		t.Fatalf("first page %+v has no next cursor", first)
	}
	raw, err := base64.RawURLEncoding.DecodeString(first.Next)
	day, id, _ := strings.Cut(string(raw), "|")
	if _, derr := time.Parse(time.DateOnly, day); err != nil || id != first.Events[0].ID || day != "" && derr != nil {
		t.Errorf("default cursor %q decodes to %q, %v; want day|%s as before sorting", first.Next, raw, err, first.Events[0].ID)
	}
	resp, b := get(t, srv, "/api/events?limit=1&sort=sources&cursor="+url.QueryEscape(first.Next))
	if resp.StatusCode != 400 {
		t.Errorf("a date cursor continuing sort=sources: %d %s, want 400", resp.StatusCode, b)
	}
	_, b = get(t, srv, "/api/events?limit=1&sort=goldstein")
	g := decode[eventsPage](t, b)
	resp, b = get(t, srv, "/api/events?limit=1&cursor="+url.QueryEscape(g.Next))
	if g.Next == "" || resp.StatusCode != 400 {
		t.Errorf("a goldstein cursor %q continuing the default order: %d %s, want 400", g.Next, resp.StatusCode, b)
	}
}

func TestEvent(t *testing.T) {
	srv := newServer(t, "")
	_, b := get(t, srv, "/api/events?dyad=Russia,Taliban&code=057")
	page := decode[eventsPage](t, b)
	if len(page.Events) == 0 {
		t.Fatal("no Russia–Taliban signing in the fixture")
	}
	resp, b := get(t, srv, "/api/events/"+page.Events[0].ID)
	if resp.StatusCode != 200 {
		t.Fatalf("GET event: %d %s", resp.StatusCode, b)
	}
	ev := decode[eventOut](t, b)
	if ev.ID != page.Events[0].ID || len(ev.Mentions) == 0 || len(ev.Contexts) != len(ev.Mentions) {
		t.Fatalf("event %s: %d mentions, %d contexts", ev.ID, len(ev.Mentions), len(ev.Contexts))
	}
	for i, c := range ev.Contexts {
		if c.Start < 0 || c.End > len(c.Sentence) || c.Start >= c.End || c.Story == "" || c.Doc != ev.Mentions[i].Doc {
			t.Errorf("context %d: %+v", i, c)
		}
	}
	var raw map[string]json.RawMessage
	json.Unmarshal(b, &raw)
	for _, k := range []string{"id", "date", "date_precision", "source", "target", "cameo", "root", "plover", "quad_class", "goldstein",
		"certainty", "location", "num_mentions", "num_documents", "num_sources", "mentions", "conflicts", "conflict_text", "contexts"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("event JSON lacks %q", k)
		}
	}
}

func TestEvent_ConflictText(t *testing.T) {
	srv := newServer(t, "")
	_, b := get(t, srv, "/api/events?limit=500")
	for _, e := range decode[eventsPage](t, b).Events {
		_, b := get(t, srv, "/api/events/"+e.ID)
		var ev struct {
			Conflicts    []dyad.Conflict `json:"conflicts"`
			ConflictText []string        `json:"conflict_text"`
		}
		if err := json.Unmarshal(b, &ev); err != nil {
			t.Fatal(err)
		}
		if len(ev.ConflictText) != len(ev.Conflicts) {
			t.Fatalf("event %s: %d conflicts, %d texts", e.ID, len(ev.Conflicts), len(ev.ConflictText))
		}
		for i, c := range ev.Conflicts {
			if want := c.Field + ": " + resolve.String(c); ev.ConflictText[i] != want {
				t.Errorf("conflict text %q, want %q", ev.ConflictText[i], want)
			}
		}
	}
}

func TestTimeline(t *testing.T) {
	srv := newServer(t, "")
	resp, b := get(t, srv, "/api/timeline?a=Russia&b=Taliban&by=day")
	if resp.StatusCode != 200 {
		t.Fatalf("timeline: %d %s", resp.StatusCode, b)
	}
	tl := decode[struct {
		A, B string
		By   string
		Bins []struct {
			Period string
			AtoB   struct{ Events int } `json:"a_to_b"`
			BtoA   struct{ Events int } `json:"b_to_a"`
		}
	}](t, b)
	n := 0
	for _, bin := range tl.Bins {
		n += bin.AtoB.Events + bin.BtoA.Events
	}
	if tl.A != "Russia" || tl.By != "day" || len(tl.Bins) == 0 || n == 0 {
		t.Errorf("timeline: %+v", tl)
	}
	resp, b = get(t, srv, "/api/timeline?a=Russia&b=Taliban&format=svg")
	if resp.StatusCode != 200 || !bytes.HasPrefix(bytes.TrimSpace(b), []byte("<svg")) || resp.Header.Get("Content-Type") != "image/svg+xml" {
		t.Errorf("timeline svg: %d %s %.60s", resp.StatusCode, resp.Header.Get("Content-Type"), b)
	}
}

func TestNetwork(t *testing.T) {
	srv := newServer(t, "")
	resp, b := get(t, srv, "/api/network?since=2026")
	if resp.StatusCode != 200 {
		t.Fatalf("network: %d %s", resp.StatusCode, b)
	}
	n := decode[struct {
		Nodes []struct {
			Code   string
			Events int
		}
		Edges []struct {
			Source, Target string
			Count          int
		}
	}](t, b)
	if len(n.Nodes) < 2 || len(n.Edges) == 0 {
		t.Fatalf("network: %d nodes, %d edges", len(n.Nodes), len(n.Edges))
	}
	codes := map[string]bool{}
	for _, nd := range n.Nodes {
		codes[nd.Code] = true
	}
	for _, e := range n.Edges {
		if !codes[e.Source] || !codes[e.Target] || e.Count <= 0 {
			t.Errorf("edge %+v: unknown node or no events", e)
		}
	}
}

func TestBrief(t *testing.T) {
	srv := newServer(t, "")
	tests := []struct {
		name, query, ctype, contains string
	}{
		{"json", "a=Russia&b=Taliban", "application/json; charset=utf-8", `"sources"`},
		{"markdown", "a=Russia&b=Taliban&format=md", "text/markdown; charset=utf-8", "Russia"},
		{"html", "a=Russia&b=Taliban&format=html&since=2026", "text/html; charset=utf-8", "<"},
		{"one actor", "a=Taliban", "application/json; charset=utf-8", `"snapshot"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, b := get(t, srv, "/api/brief?"+tt.query)
			if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != tt.ctype || !bytes.Contains(b, []byte(tt.contains)) {
				t.Errorf("brief %s: %d %s\n%.300s", tt.query, resp.StatusCode, resp.Header.Get("Content-Type"), b)
			}
		})
	}
}

type documentOut struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Sentences []struct {
		Start, End int
	} `json:"sentences"`
	Sources  []json.RawMessage `json:"sources"`
	Mentions []struct {
		Event      string `json:"event"`
		Start, End int
		Text       string
	} `json:"mentions"`
	Audit struct {
		Claims      []json.RawMessage `json:"claims"`
		Independent int               `json:"independent"`
	} `json:"audit"`
}

func TestDocument(t *testing.T) {
	srv := newServer(t, "")
	_, b := get(t, srv, "/api/events?dyad=Russia,Taliban&limit=1")
	ev := decode[eventsPage](t, b).Events[0]
	_, b = get(t, srv, "/api/events/"+ev.ID)
	doc := decode[eventOut](t, b).Mentions[0].Doc
	resp, b := get(t, srv, "/api/documents/"+doc)
	if resp.StatusCode != 200 {
		t.Fatalf("document: %d %s", resp.StatusCode, b)
	}
	d := decode[documentOut](t, b)
	if d.ID != doc || d.Text == "" || len(d.Sentences) == 0 || len(d.Mentions) == 0 || len(d.Audit.Claims) == 0 {
		t.Fatalf("document %s: %d sentences, %d mentions, %d claims", d.ID, len(d.Sentences), len(d.Mentions), len(d.Audit.Claims))
	}
	last := 0
	for _, s := range d.Sentences {
		if s.Start < last || s.End > len(d.Text) || s.Start > s.End {
			t.Errorf("sentence span [%d,%d) out of order or bounds", s.Start, s.End)
		}
		last = s.End
	}
	for _, m := range d.Mentions {
		if m.Start < 0 || m.End > len(d.Text) || d.Text[m.Start:m.End] != m.Text || m.Event == "" {
			t.Errorf("mention span [%d,%d) does not cover %q", m.Start, m.End, m.Text)
		}
	}
}

func TestActors(t *testing.T) {
	srv := newServer(t, "")
	tests := []struct {
		q    string
		want string // a code among the suggestions
	}{
		{"tal", "AFGGOV"},
		{"rus", "RUS"},
		{"Russia", "RUS"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			resp, b := get(t, srv, "/api/actors?q="+url.QueryEscape(tt.q))
			if resp.StatusCode != 200 {
				t.Fatalf("actors: %d %s", resp.StatusCode, b)
			}
			out := decode[struct {
				Actors []struct{ Code, Name, From string }
			}](t, b)
			found := false
			for _, a := range out.Actors {
				found = found || strings.HasPrefix(a.Code, tt.want)
			}
			if !found {
				t.Errorf("actors?q=%s = %+v, want a %s", tt.q, out.Actors, tt.want)
			}
		})
	}
}

func TestHealth(t *testing.T) {
	srv := newServer(t, "")
	resp, b := get(t, srv, "/healthz")
	h := decode[struct {
		Status   string
		Writable bool
		Stats    struct{ Documents int }
	}](t, b)
	if resp.StatusCode != 200 || h.Status != "ok" || h.Writable || h.Stats.Documents < 8 {
		t.Errorf("healthz: %d %s", resp.StatusCode, b)
	}
}

func TestErrors(t *testing.T) {
	srv := newServer(t, "")
	tests := []struct {
		name, path string
		status     int
	}{
		{"bad date", "/api/events?since=yesterday", 400},
		{"since after until", "/api/events?since=2026&until=2025", 400},
		{"bad certainty", "/api/events?certainty=maybe", 400},
		{"bad code", "/api/events?code=ab", 400},
		{"bad limit", "/api/events?limit=-1", 400},
		{"huge limit", "/api/events?limit=100000", 400},
		{"bad min sources", "/api/events?min_sources=x", 400},
		{"half a dyad", "/api/events?dyad=Russia", 400},
		{"unknown actor", "/api/events?actor=Narnia%20Republic", 400},
		{"unknown parameter", "/api/events?actr=Russia", 400},
		{"repeated parameter", "/api/events?code=05&code=04", 400},
		{"bad cursor", "/api/events?cursor=nonsense", 400},
		{"unknown sort", "/api/events?sort=loudest", 400},
		{"sort is for listings", "/api/network?sort=sources", 400},
		{"long text", "/api/events?text=" + strings.Repeat("a", 300), 400},
		{"long query", "/api/events?text=" + strings.Repeat("a", 5000), 414},
		{"timeline without b", "/api/timeline?a=Russia", 400},
		{"timeline bad by", "/api/timeline?a=Russia&b=Taliban&by=century", 400},
		{"brief without a", "/api/brief", 400},
		{"brief bad format", "/api/brief?a=Russia&format=pdf", 400},
		{"network bad date", "/api/network?until=soon", 400},
		{"unknown event", "/api/events/ev_000000000000", 404},
		{"not an event id", "/api/events/xyz", 404},
		{"unknown document", "/api/documents/doc_00000000000000000000000000000000", 404},
		{"unknown route", "/api/nothing", 404},
		{"actors bad limit", "/api/actors?q=a&limit=0", 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, b := get(t, srv, tt.path)
			if resp.StatusCode != tt.status {
				t.Errorf("GET %s: status %d, want %d (%s)", tt.path, resp.StatusCode, tt.status, b)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("GET %s: Content-Type %q", tt.path, ct)
			}
			if e := decode[errorOut](t, b); e.Error == "" {
				t.Errorf("GET %s: no error message: %s", tt.path, b)
			}
		})
	}
	resp, b := get(t, srv, "/api/events/ev_1")
	if strings.Contains(string(b), "sql") {
		t.Errorf("error leaks store detail: %s", b)
	}
	_ = resp
}

func TestMethodNotAllowed(t *testing.T) {
	srv := newServer(t, "")
	resp, err := srv.Client().Post(srv.URL+"/api/events", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /api/events: %d, want 405", resp.StatusCode)
	}
}

func TestSecurityHeaders(t *testing.T) {
	srv := newServer(t, "")
	for _, p := range []string{"/", "/api/events", "/api/nothing", "/healthz", "/app.js"} {
		resp, _ := get(t, srv, p)
		h := resp.Header
		for k, want := range map[string]string{
			"X-Content-Type-Options": "nosniff",
			"Referrer-Policy":        "no-referrer",
			"X-Frame-Options":        "DENY",
		} {
			if got := h.Get(k); got != want {
				t.Errorf("GET %s: %s = %q, want %q", p, k, got, want)
			}
		}
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("GET %s: CSP %q lacks %q", p, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
			t.Errorf("GET %s: CSP allows inline code: %q", p, csp)
		}
	}
}

func TestETag(t *testing.T) {
	srv := newServer(t, "")
	for _, p := range []string{"/api/events?actor=Russia", "/api/timeline?a=RUS&b=AFG", "/api/network", "/api/brief?a=Russia", "/", "/app.js"} {
		t.Run(p, func(t *testing.T) {
			resp, b := get(t, srv, p)
			etag := resp.Header.Get("ETag")
			if resp.StatusCode != 200 || etag == "" || len(b) == 0 {
				t.Fatalf("GET %s: %d, ETag %q", p, resp.StatusCode, etag)
			}
			resp2, b2 := get(t, srv, p)
			if resp2.Header.Get("ETag") != etag || !bytes.Equal(b, b2) {
				t.Errorf("GET %s twice: ETag %q then %q", p, etag, resp2.Header.Get("ETag"))
			}
			resp3, b3 := get(t, srv, p, "If-None-Match", etag)
			if resp3.StatusCode != http.StatusNotModified || len(b3) != 0 {
				t.Errorf("GET %s If-None-Match: %d with %d bytes, want 304 and none", p, resp3.StatusCode, len(b3))
			}
			resp4, _ := get(t, srv, p, "If-None-Match", `"other"`)
			if resp4.StatusCode != 200 {
				t.Errorf("GET %s with another ETag: %d, want 200", p, resp4.StatusCode)
			}
		})
	}
}

func TestUI(t *testing.T) {
	srv := newServer(t, "")
	resp, b := get(t, srv, "/")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") || !bytes.Contains(b, []byte(`src="/app.js"`)) {
		t.Errorf("GET /: %d %s %.200s", resp.StatusCode, resp.Header.Get("Content-Type"), b)
	}
	if bytes.Contains(b, []byte("<script>")) || bytes.Contains(b, []byte("style=")) {
		t.Errorf("index.html has inline script or style, which the CSP blocks")
	}
	resp, _ = get(t, srv, "/app.js")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/javascript") {
		t.Errorf("GET /app.js: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	resp, _ = get(t, srv, "/nope.js")
	if resp.StatusCode != 404 {
		t.Errorf("GET /nope.js: %d, want 404", resp.StatusCode)
	}
}

// TestErrors_NameTheParameter checks that filter errors name the query
// parameter as the API spells it, with the value and the reason, and that
// plover= takes only the ontology's PLOVER types (in any case).
func TestErrors_NameTheParameter(t *testing.T) {
	srv := newServer(t, "")
	tests := []struct {
		name, path string
		status     int
		want       string // start of the error, for 400s
	}{
		{"misspelt plover", "/api/events?plover=AGGREE", 400, `plover="AGGREE": want one of `},
		{"plover any case", "/api/events?plover=agree", 200, ""},
		{"bad month", "/api/events?since=2026-13", 400, `since="2026-13": want YYYY, YYYY-MM or YYYY-MM-DD`},
		{"unknown actor", "/api/events?actor=Narnia", 400, `actor: unknown actor "Narnia"`},
		{"since after until", "/api/events?since=2027&until=2026", 400, "since=2027 is after until=2026"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, b := get(t, srv, tt.path)
			if resp.StatusCode != tt.status {
				t.Fatalf("GET %s: status %d, want %d (%s)", tt.path, resp.StatusCode, tt.status, b)
			}
			if tt.status == 400 {
				if e := decode[errorOut](t, b); !strings.HasPrefix(e.Error, tt.want) {
					t.Errorf("GET %s: error %q, want it to start with %q", tt.path, e.Error, tt.want)
				}
			}
		})
	}
}
