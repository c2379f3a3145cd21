package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
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

// chromiumPath returns the browser the end-to-end test drives: $DYAD_CHROMIUM,
// else chromium on the PATH or at /usr/bin/chromium; "" when there is none.
func chromiumPath() string {
	if p := os.Getenv("DYAD_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "/usr/bin/chromium"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// artifactDir is where screenshots go: $DYAD_ARTIFACTS when set (CI keeps
// it), else a temporary folder of the test.
func artifactDir(t *testing.T) string {
	if d := os.Getenv("DYAD_ARTIFACTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

// hostileDoc is a document whose title, outlet and text carry markup that
// the UI must show as text.
const hostileDoc = `{"title": "<script>window.__xss = 'title'</script>Hostile headline", "outlet": "XSS Test Outlet", "url": "javascript:window.__xss='url'",
 "published": "2026-05-21T09:00:00Z",
 "text": "Markup test <script>window.__xss = 'text'</script> and <img src=x onerror=\"window.__xss = 'img'\"> end.\n\nRussia and the Taliban signed a fuel supply agreement in Kabul on Thursday."}`

// TestServe_Browser starts `dyad serve` on the bundled samples and drives
// headless Chromium through the UI: search for the Taliban, open an event,
// open the dyad page and check its timeline chart rendered, open a document
// full of markup and check it shows as text, and draw the network. It saves
// a screenshot of each page.
func TestServe_Browser(t *testing.T) {
	browser := chromiumPath()
	if browser == "" {
		t.Skip("no chromium: install it (apt-get install chromium, or .ci/browser.sh) or set $DYAD_CHROMIUM to run the browser test")
	}
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	db := ingestSamples(t)
	hostile := filepath.Join(t.TempDir(), "hostile.json")
	if err := os.WriteFile(hostile, []byte(hostileDoc), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, "", "ingest", "--db", db, hostile); code != exitOK {
		t.Fatalf("ingest hostile document: exit %d\n%s", code, errs)
	}
	base := startServe(t, "--db", db)
	arts := artifactDir(t)

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(browser),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(browserProfile(t)),
		chromedp.WindowSize(1400, 1000),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancelCtx := chromedp.NewContext(actx)
	defer cancelCtx()
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	// Every script error and every console error (CSP violations among
	// them) fails the test.
	var mu sync.Mutex
	var jsErrors []string
	chromedp.ListenTarget(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			jsErrors = append(jsErrors, "exception: "+ev.ExceptionDetails.Error())
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.APITypeError {
				var parts []string
				for _, a := range ev.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				jsErrors = append(jsErrors, "console: "+strings.Join(parts, " "))
			}
		}
	})
	shot := func(name string) chromedp.Action {
		return chromedp.ActionFunc(func(ctx context.Context) error {
			var buf []byte
			if err := chromedp.FullScreenshot(&buf, 100).Do(ctx); err != nil { // quality 100 gives PNG
				return err
			}
			p := filepath.Join(arts, name+".png")
			t.Logf("screenshot: %s", p)
			return os.WriteFile(p, buf, 0o644)
		})
	}
	must := func(step string, actions ...chromedp.Action) {
		t.Helper()
		if err := chromedp.Run(ctx, actions...); err != nil {
			var loc string
			chromedp.Run(context.WithoutCancel(ctx), chromedp.Location(&loc))
			t.Fatalf("%s: %v (at %s)", step, err, loc)
		}
	}

	// Search for the Taliban.
	var count string
	var rows int
	must("search",
		chromedp.Navigate(base+"/#/search"),
		chromedp.WaitVisible(`form.filters input[name="actor"]`),
		chromedp.SendKeys(`form.filters input[name="actor"]`, "Taliban"),
		chromedp.Click(`form.filters button[type="submit"]`),
		chromedp.WaitVisible(`tr.event-row`),
		chromedp.Text(`.events .count`, &count),
		chromedp.Evaluate(`document.querySelectorAll("tr.event-row").length`, &rows),
		shot("search"),
	)
	if rows == 0 || !strings.Contains(count, "event") {
		t.Fatalf("search for Taliban: %d rows, count %q", rows, count)
	}

	// Open the best-sourced event: sort by sources, open the first row.
	var title, sourcing string
	var marks int
	must("event",
		chromedp.Click(`th[data-key="num_sources"]`),
		chromedp.Click(`tr.event-row a.open`),
		chromedp.WaitVisible(`.event-title`),
		chromedp.WaitVisible(`.mention .context mark`),
		chromedp.Text(`.event-title`, &title),
		chromedp.Text(`.facts .sourcing`, &sourcing),
		chromedp.Evaluate(`document.querySelectorAll(".mention .context mark").length`, &marks),
		shot("event"),
	)
	if !strings.Contains(title, "→") || !strings.Contains(sourcing, "independent source") || marks == 0 {
		t.Errorf("event page: title %q, sourcing %q, %d highlighted sentences", title, sourcing, marks)
	}

	// Open the dyad page from the event and check the chart.
	type box struct{ Width, Height float64 }
	var chart box
	var bars, briefLines int
	must("dyad",
		chromedp.Click(`.crumbs a[href^="#/dyad"]`),
		chromedp.WaitVisible(`svg.timeline rect.bar`),
		chromedp.WaitVisible(`.dyad-brief .brief`),
		chromedp.Evaluate(`(() => { const r = document.querySelector("svg.timeline").getBoundingClientRect(); return {Width: r.width, Height: r.height}; })()`, &chart),
		chromedp.Evaluate(`[...document.querySelectorAll("svg.timeline rect.bar")].filter(r => r.getBoundingClientRect().height > 0).length`, &bars),
		chromedp.Evaluate(`document.querySelectorAll(".dyad-brief li").length`, &briefLines),
		shot("dyad"),
	)
	if chart.Width < 100 || chart.Height < 100 || bars == 0 || briefLines == 0 {
		t.Errorf("dyad page: chart %vx%v with %d visible bars, %d brief lines", chart.Width, chart.Height, bars, briefLines)
	}

	// Brush across the whole chart: the page narrows to those dates.
	var rangeText string
	must("brush",
		chromedp.ActionFunc(func(ctx context.Context) error {
			var r struct{ X, Y, W, H float64 }
			if err := chromedp.Evaluate(`(() => { const b = document.querySelector("svg.timeline rect.brush").getBoundingClientRect(); return {X: b.x, Y: b.y, W: b.width, H: b.height}; })()`, &r).Do(ctx); err != nil {
				return err
			}
			y := r.Y + r.H/2
			return chromedp.Run(ctx,
				chromedp.MouseEvent("mousePressed", r.X+2, y, chromedp.ButtonLeft),
				chromedp.MouseEvent("mouseMoved", r.X+r.W/2, y, chromedp.ButtonLeft),
				chromedp.MouseEvent("mouseReleased", r.X+r.W-2, y, chromedp.ButtonLeft))
		}),
		chromedp.WaitVisible(`.range button`),
		chromedp.Text(`.range`, &rangeText),
		shot("dyad-brushed"),
	)
	if !strings.Contains(rangeText, "Showing") {
		t.Errorf("after brushing: range %q", rangeText)
	}

	// The hostile document shows its markup as text.
	docID := findDocByOutlet(t, base, "XSS Test Outlet")
	var xss struct {
		Flag      any
		Imgs      int
		Scripts   int
		Text      string
		Title     string
		URLIsLink bool
	}
	must("hostile document",
		chromedp.Navigate(base+"/#/doc/"+docID),
		chromedp.WaitVisible(`.doc-text`),
		chromedp.Sleep(300*time.Millisecond), // time for any injected handler to fire
		chromedp.Evaluate(`({
			Flag: window.__xss === undefined ? null : window.__xss,
			Imgs: document.querySelectorAll("main img").length,
			Scripts: document.querySelectorAll("script").length,
			Text: document.querySelector(".doc-text").textContent,
			Title: document.querySelector(".doc-title").textContent,
			URLIsLink: !!document.querySelector('.doc-meta a[href^="javascript:"]'),
		})`, &xss),
		shot("hostile-document"),
	)
	if xss.Flag != nil || xss.Imgs != 0 || xss.Scripts != 1 || xss.URLIsLink {
		t.Errorf("hostile document ran or rendered markup: %+v", xss)
	}
	if !strings.Contains(xss.Text, `<script>window.__xss = 'text'</script>`) || !strings.Contains(xss.Text, `<img src=x onerror="window.__xss = 'img'">`) ||
		!strings.Contains(xss.Title, "<script>") {
		t.Errorf("hostile document's markup is not shown as text: title %q, text %q", xss.Title, xss.Text)
	}

	// The network draws nodes and edges.
	var nodes, edges int
	must("network",
		chromedp.Navigate(base+"/#/network"),
		chromedp.WaitVisible(`svg.network .node-g`),
		chromedp.Evaluate(`document.querySelectorAll("svg.network .node-g").length`, &nodes),
		chromedp.Evaluate(`document.querySelectorAll("svg.network line.edge").length`, &edges),
		shot("network"),
	)
	if nodes < 2 || edges == 0 {
		t.Errorf("network: %d nodes, %d edges", nodes, edges)
	}

	mu.Lock()
	defer mu.Unlock()
	for _, e := range jsErrors {
		t.Errorf("browser error: %s", e)
	}
}

// findDocByOutlet returns the ID of the stored document from outlet, found
// through the API.
func findDocByOutlet(t *testing.T, base, outlet string) string {
	t.Helper()
	code, b := httpGet(t, base+"/api/events?limit=500&mentions=true")
	if code != 200 {
		t.Fatalf("events: %d %s", code, b)
	}
	var page struct {
		Events []struct {
			Mentions []struct{ Doc, Outlet string }
		}
	}
	if err := json.Unmarshal(b, &page); err != nil {
		t.Fatal(err)
	}
	for _, e := range page.Events {
		for _, m := range e.Mentions {
			if m.Outlet == outlet {
				return m.Doc
			}
		}
	}
	t.Fatalf("no event mentions a document from %s", outlet)
	return ""
}

// browserProfile returns a fresh Chromium profile folder. Chromium's helper
// processes may still be writing into it for a moment after the browser is
// cancelled, which t.TempDir's cleanup reports as a failure; this one is
// removed with retries instead.
func browserProfile(t *testing.T) string {
	dir, err := os.MkdirTemp("", "dyad-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for i := 0; i < 50; i++ {
			if os.RemoveAll(dir) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Logf("could not remove the browser profile %s", dir)
	})
	return dir
}
