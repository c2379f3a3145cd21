package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a buffer that the server goroutine writes and the test
// reads.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

var listenRE = regexp.MustCompile(`listening on (http://[^ ]+)`)

// startServe runs `dyad serve --addr 127.0.0.1:0` with args in the
// background and returns its base URL; the server stops, and its exit
// status is checked, when the test ends.
func startServe(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var stderr lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- Main(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), strings.NewReader(""), io.Discard, &stderr)
	}()
	deadline := time.Now().Add(20 * time.Second)
	var base string
	for base == "" {
		if m := listenRE.FindStringSubmatch(stderr.String()); m != nil {
			base = m[1]
			break
		}
		select {
		case code := <-done:
			cancel()
			t.Fatalf("dyad serve exited with %d before listening:\n%s", code, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("dyad serve did not start:\n%s", stderr.String())
		}
	}
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != exitOK {
				t.Errorf("dyad serve exited with %d after shutdown:\n%s", code, stderr.String())
			}
			if !strings.Contains(stderr.String(), "dyad serve: stopped") {
				t.Errorf("dyad serve did not say it stopped:\n%s", stderr.String())
			}
		case <-time.After(15 * time.Second):
			t.Errorf("dyad serve did not shut down")
		}
	})
	return base
}

// ingestSamples stores the bundled samples in a fresh database.
func ingestSamples(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "dyad.db")
	if code, _, errs := run(t, "", "ingest", "--db", db, sampleDir(t)); code != exitOK {
		t.Fatalf("ingest samples: exit %d\n%s", code, errs)
	}
	return db
}

func httpGet(t *testing.T, url string) (int, []byte) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

func TestServe_API(t *testing.T) {
	db := ingestSamples(t)
	base := startServe(t, "--db", db)

	if code, b := httpGet(t, base+"/healthz"); code != 200 || !bytes.Contains(b, []byte(`"writable":false`)) {
		t.Errorf("healthz: %d %s", code, b)
	}
	code, b := httpGet(t, base+"/api/events?dyad=Russia,Taliban")
	if code != 200 {
		t.Fatalf("events: %d %s", code, b)
	}
	var page struct {
		Events []eventJSON `json:"events"`
		Total  int         `json:"total"`
	}
	if err := json.Unmarshal(b, &page); err != nil {
		t.Fatal(err)
	}
	if page.Total == 0 || len(page.Events) == 0 {
		t.Fatalf("no Russia–Taliban events: %s", b)
	}
	best := page.Events[0]
	for _, e := range page.Events {
		if e.NumSources > best.NumSources {
			best = e
		}
	}
	if best.NumSources < 2 {
		t.Errorf("best-sourced Russia–Taliban event has %d sources, want ≥ 2", best.NumSources)
	}
	if code, b := httpGet(t, base+"/api/events/"+best.ID); code != 200 || !bytes.Contains(b, []byte(`"contexts"`)) {
		t.Errorf("event %s: %d %.200s", best.ID, code, b)
	}
	if code, b := httpGet(t, base+"/api/timeline?a=Russia&b=Taliban"); code != 200 || !bytes.Contains(b, []byte(`"bins"`)) {
		t.Errorf("timeline: %d %.200s", code, b)
	}
	if code, b := httpGet(t, base+"/api/events?since=tomorrow"); code != 400 || !bytes.Contains(b, []byte(`"error"`)) {
		t.Errorf("bad since: %d %s", code, b)
	}
	resp, err := http.Post(base+"/api/documents", "text/plain", strings.NewReader("Russia and China signed a deal."))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("POST without --token: %d, want 403", resp.StatusCode)
	}
}

func TestServe_TokenFromEnvironment(t *testing.T) {
	db := filepath.Join(t.TempDir(), "dyad.db")
	t.Setenv("DYAD_TOKEN", "env-token")
	base := startServe(t, "--db", db)
	req, _ := http.NewRequest(http.MethodPost, base+"/api/documents?published=2026-05-29", strings.NewReader(
		"Russia and the Taliban signed a military-technical cooperation agreement in the Moscow region."))
	req.Header.Set("Authorization", "Bearer env-token")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated || !bytes.Contains(b, []byte(`"mentions":[{`)) {
		t.Errorf("POST with $DYAD_TOKEN: %d %s", resp.StatusCode, b)
	}
}

func TestServe_BadUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "dyad.db")
	if code, _, errs := run(t, "", "serve", "--db", db, "--addr", "not-an-address"); code != exitUsage {
		t.Errorf("bad --addr: exit %d, want %d (%s)", code, exitUsage, errs)
	}
	if code, _, _ := run(t, "", "serve", "--db", db, "extra"); code != exitUsage {
		t.Errorf("positional argument: exit %d, want %d", code, exitUsage)
	}
}
