package web_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/web"
)

// FuzzEventsQuery sends arbitrary query strings to every listing endpoint
// (events, network, timeline, brief, actors): every answer is 200 with a
// JSON body or a 4xx with a JSON error, never a 500 or a panic.
func FuzzEventsQuery(f *testing.F) {
	for _, q := range []string{"", "actor=Taliban", "dyad=Russia,Taliban&since=2026", "code=057&certainty=asserted,hedged",
		"min_sources=2&limit=3", "cursor=MjAyNi0wNS0yN3xldl94", "text=signed%20agreement", "dyad=,", "since=2026-13-40",
		"until=2025&since=2026", "certainty=", "limit=0", "plover=AGREE", "text=%22%22%22*", "cursor=%00",
		"sort=sources&limit=2", "sort=goldstein&cursor=Z29sZHN0ZWluOi05LjV8ZXZfeA", "sort=-date&cursor=MjAyNi0wNS0yN3xldl94", "sort=Date"} {
		f.Add(q)
	}
	h := web.New(web.Config{Store: fixture.store})
	f.Fuzz(func(t *testing.T, q string) {
		for _, path := range []string{"/api/events?", "/api/network?", "/api/timeline?a=RUS&b=AFG&", "/api/timeline?",
			"/api/brief?", "/api/actors?"} {
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			req.URL.Path = strings.TrimSuffix(strings.Split(path, "?")[0], "?")
			req.URL.RawQuery = strings.SplitN(path, "?", 2)[1] + q
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code >= 500 {
				t.Fatalf("GET %s%s: %d %s", path, q, rec.Code, rec.Body)
			}
			if rec.Code == 200 && !json.Valid(rec.Body.Bytes()) {
				t.Fatalf("GET %s%s: 200 with a body that is not JSON: %.200s", path, q, rec.Body)
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

// FuzzPathID asks for events and documents by arbitrary IDs: the answer is
// 200 with JSON, or a 4xx with a JSON error.
func FuzzPathID(f *testing.F) {
	for _, id := range []string{"ev_0", "doc_0", "", "%00", "..", "a/b", "ev_" + strings.Repeat("f", 300), "\xff"} {
		f.Add(id)
	}
	h := web.New(web.Config{Store: fixture.store})
	// Real IDs from the fixture, so the fuzzer starts from found pages.
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/events?limit=3", nil))
	for _, id := range storedID.FindAllString(rec.Body.String(), 6) {
		f.Add(id)
	}
	f.Fuzz(func(t *testing.T, id string) {
		for _, prefix := range []string{"/api/events/", "/api/documents/"} {
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			req.URL.Path = prefix + id
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			switch {
			case rec.Code == 200:
				if !json.Valid(rec.Body.Bytes()) {
					t.Fatalf("GET %s%q: 200 with a body that is not JSON", prefix, id)
				}
			case rec.Code >= 300 && rec.Code < 400:
				// The mux cleans paths with dot segments by redirecting.
			case rec.Code >= 400 && rec.Code < 500:
				var e struct{ Error string }
				if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error == "" {
					t.Fatalf("GET %s%q: %d without a JSON error: %s", prefix, id, rec.Code, rec.Body)
				}
			default:
				t.Fatalf("GET %s%q: %d %s", prefix, id, rec.Code, rec.Body)
			}
		}
	})
}

var storedID = regexp.MustCompile(`\b(ev|doc)_[0-9a-f]{8,}\b`)
