package web_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/web"
)

// FuzzEventsQuery sends arbitrary query strings to /api/events and
// /api/network: every answer is 200 or a 4xx with a JSON error, never a
// 500 or a panic.
func FuzzEventsQuery(f *testing.F) {
	for _, q := range []string{"", "actor=Taliban", "dyad=Russia,Taliban&since=2026", "code=057&certainty=asserted,hedged",
		"min_sources=2&limit=3", "cursor=MjAyNi0wNS0yN3xldl94", "text=signed%20agreement", "dyad=,", "since=2026-13-40",
		"until=2025&since=2026", "certainty=", "limit=0", "plover=AGREE", "text=%22%22%22*", "cursor=%00"} {
		f.Add(q)
	}
	h := web.New(web.Config{Store: fixture.store})
	f.Fuzz(func(t *testing.T, q string) {
		for _, path := range []string{"/api/events?", "/api/network?", "/api/timeline?a=RUS&b=AFG&"} {
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			req.URL.Path = strings.TrimSuffix(strings.Split(path, "?")[0], "?")
			req.URL.RawQuery = strings.SplitN(path, "?", 2)[1] + q
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code >= 500 {
				t.Fatalf("GET %s%s: %d %s", path, q, rec.Code, rec.Body)
			}
			if rec.Code != 200 {
				var e struct{ Error string }
				if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error == "" {
					t.Fatalf("GET %s%s: %d without a JSON error: %s", path, q, rec.Code, rec.Body)
				}
			}
		}
	})
}

// FuzzPostBody posts arbitrary bodies: the answer is 201 or a 4xx with a
// JSON error, and a 201 lists at least one document.
func FuzzPostBody(f *testing.F) {
	for _, b := range []string{signing, `{"url": "http://10.0.0.1/"}`, `{"title": "t", "text": "Iran condemned the sanctions."}`,
		"<html><body><p>Russia and Iran held talks.</p></body></html>", `[{"text": "a"}, {"text": "b"}]`, "\x00", `{"url": 5}`} {
		f.Add(b)
	}
	srv := freshServer(f, web.Config{Token: testToken, MaxBody: 1 << 16})
	f.Fuzz(func(t *testing.T, body string) {
		status, out := post(t, srv, "/api/documents", "Bearer "+testToken, "application/octet-stream", body)
		switch {
		case status == http.StatusCreated:
			var a struct{ Documents []json.RawMessage }
			if err := json.Unmarshal([]byte(out), &a); err != nil || len(a.Documents) == 0 {
				t.Fatalf("201 without documents: %s", out)
			}
		case status >= 400 && status < 500:
			var e struct{ Error string }
			if err := json.Unmarshal([]byte(out), &e); err != nil || e.Error == "" {
				t.Fatalf("%d without a JSON error: %s", status, out)
			}
		default:
			t.Fatalf("status %d: %s", status, out)
		}
	})
}
