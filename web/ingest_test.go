package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/store/sqlite"
	"github.com/dyad-project/dyad/web"
)

// post sends body to POST /api/documents with the given Authorization.
func post(t testing.TB, srv *httptest.Server, path, auth, ctype, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	req.Header.Set("Content-Type", ctype)
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// freshServer serves an empty store of its own, so that writes do not
// change the shared fixture.
func freshServer(t testing.TB, cfg web.Config) *httptest.Server {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	cfg.Store = st
	if cfg.Coder == nil {
		cfg.Coder = wordCoder{}
	}
	srv := httptest.NewServer(web.New(cfg))
	t.Cleanup(srv.Close)
	return srv
}

const signing = "Russia and the Taliban signed a security agreement in Moscow on Friday.\n\nOfficials said talks would go on."

func TestPostDocuments_Auth(t *testing.T) {
	readOnly := freshServer(t, web.Config{})
	writable := freshServer(t, web.Config{Token: testToken})
	tests := []struct {
		name   string
		srv    *httptest.Server
		auth   string
		status int
	}{
		{"read-only server", readOnly, "Bearer " + testToken, http.StatusForbidden},
		{"read-only server without token", readOnly, "", http.StatusForbidden},
		{"missing token", writable, "", http.StatusUnauthorized},
		{"wrong token", writable, "Bearer nope", http.StatusUnauthorized},
		{"wrong scheme", writable, "Basic " + testToken, http.StatusUnauthorized},
		{"token prefix", writable, "Bearer " + testToken[:4], http.StatusUnauthorized},
		{"right token", writable, "Bearer " + testToken, http.StatusCreated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := post(t, tt.srv, "/api/documents?published=2026-05-29", tt.auth, "text/plain", signing)
			if status != tt.status {
				t.Errorf("POST: %d, want %d (%s)", status, tt.status, body)
			}
			if !strings.Contains(body, `"`) {
				t.Errorf("POST: body is not JSON: %s", body)
			}
		})
	}
}

func TestPostDocuments_Formats(t *testing.T) {
	srv := freshServer(t, web.Config{Token: testToken})
	auth := "Bearer " + testToken
	tests := []struct {
		name, ctype, body string
		wantMentions      bool
	}{
		{"text", "text/plain", signing, true},
		{"html", "text/html", `<html><head><title>Deal</title></head><body><article><h1>Deal</h1><p>` +
			`Russia and the Taliban signed a fuel agreement in Kabul on Monday, officials confirmed to reporters at the ministry.</p>` +
			`<p>The deal covers wheat and fuel deliveries over the next two years, according to both governments.</p></article></body></html>`, true},
		{"json document", "application/json", `{"title": "Visit", "outlet": "Wire", "published": "2026-04-02T10:00:00Z", "text": "China and Iran agreed to expand trade, the two governments announced."}`, true},
		{"jsonl", "application/x-ndjson", `{"title": "A", "text": "Iran condemned new sanctions imposed by the United States on Tuesday."}` + "\n" +
			`{"title": "B", "text": "Turkey and Greece held talks in Athens on maritime borders."}` + "\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := post(t, srv, "/api/documents?published=2026-05-29&outlet=Test", auth, tt.ctype, tt.body)
			if status != http.StatusCreated {
				t.Fatalf("POST %s: %d %s", tt.name, status, body)
			}
			ans := decode[struct {
				Documents []struct {
					ID       string
					New      bool
					Mentions []struct{ Cameo string }
					Events   []string
				}
			}](t, []byte(body))
			if len(ans.Documents) == 0 {
				t.Fatalf("POST %s: no documents: %s", tt.name, body)
			}
			d := ans.Documents[0]
			if !d.New || !strings.HasPrefix(d.ID, "doc_") {
				t.Errorf("POST %s: %+v", tt.name, d)
			}
			if tt.wantMentions && (len(d.Mentions) == 0 || len(d.Events) == 0) {
				t.Errorf("POST %s: no mentions or events: %s", tt.name, body)
			}
			// The new document is readable at once.
			resp, b := get(t, srv, "/api/documents/"+d.ID)
			if resp.StatusCode != 200 {
				t.Errorf("GET new document: %d %s", resp.StatusCode, b)
			}
		})
	}
	// The same text again is stored once.
	status, body := post(t, srv, "/api/documents", auth, "text/plain", signing)
	if status != http.StatusCreated || !strings.Contains(body, `"new":false`) {
		t.Errorf("POST again: %d %s", status, body)
	}
}

func TestPostDocuments_Rejected(t *testing.T) {
	srv := freshServer(t, web.Config{Token: testToken, MaxBody: 64 << 10})
	auth := "Bearer " + testToken
	tests := []struct {
		name, body string
		status     int
		want       string // in the error, when not empty
	}{
		{"empty", "", 400, ""},
		{"blank", "   \n ", 400, ""},
		{"too large", strings.Repeat("Russia and the Taliban signed a deal. ", 2000), 413, ""},
		{"binary", "\x00\x01\x02PK\x03\x04", 400, "rejected: body: binary content"},
		{"malformed json", `{"title": "x", "text": `, 400, "rejected: body: malformed JSON"},
		{"private url", `{"url": "http://127.0.0.1:8080/secret"}`, 400, ""},
		{"localhost url", `{"url": "http://localhost/admin"}`, 400, ""},
		{"link-local url", `{"url": "http://169.254.169.254/latest/meta-data"}`, 400, ""},
		{"file url", `{"url": "file:///etc/passwd"}`, 400, ""},
		{"bad published", "", 400, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := "/api/documents"
			if tt.name == "bad published" {
				path += "?published=soon"
				tt.body = signing
			}
			status, body := post(t, srv, path, auth, "application/octet-stream", tt.body)
			if status != tt.status {
				t.Errorf("POST %s: %d, want %d (%s)", tt.name, status, tt.status, body)
			}
			e := decode[errorOut](t, []byte(body))
			if e.Error == "" {
				t.Errorf("POST %s: no error message", tt.name)
			}
			// The body is "body" to a client, never the reader's "stdin".
			if !strings.Contains(e.Error, tt.want) || strings.Contains(e.Error, "stdin") {
				t.Errorf("POST %s: error %q, want it to hold %q and not 'stdin'", tt.name, e.Error, tt.want)
			}
		})
	}
}

func TestPostDocuments_DefaultBodyLimit(t *testing.T) {
	srv := freshServer(t, web.Config{Token: testToken})
	status, body := post(t, srv, "/api/documents", "Bearer "+testToken, "text/plain", strings.Repeat("a", web.DefaultMaxBody+1))
	if status != http.StatusRequestEntityTooLarge {
		t.Errorf("POST %d bytes: %d, want 413 (%.200s)", web.DefaultMaxBody+1, status, body)
	}
}
