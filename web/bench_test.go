//go:build unix

package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/ingest"
	"github.com/dyad-project/dyad/internal/shared"
	"github.com/dyad-project/dyad/pipeline"
	"github.com/dyad-project/dyad/query"
	"github.com/dyad-project/dyad/resolve"
	"github.com/dyad-project/dyad/store/sqlite"
	"github.com/dyad-project/dyad/web"
)

// reuters is the store of the Reuters corpus, built once per test binary
// (with wordCoder, which is fast) and removed by TestMain.
var reuters struct {
	once  sync.Once
	dir   string
	store dyad.Store
	took  time.Duration
	sum   pipeline.Summary
	err   error
}

func reutersStore(b *testing.B) dyad.Store {
	corpus := shared.Path(b, "corpus", "reuters21578")
	reuters.once.Do(func() {
		start := time.Now()
		reuters.dir, reuters.err = os.MkdirTemp("", "dyad-web-bench-")
		if reuters.err != nil {
			return
		}
		ctx := context.Background()
		st, err := sqlite.Open(ctx, filepath.Join(reuters.dir, "reuters.db"))
		if err != nil {
			reuters.err = err
			return
		}
		reuters.store = st
		r := &pipeline.Runner{Coder: wordCoder{}, Store: st, Resolver: &resolve.Clusterer{}, BatchSize: 1024}
		reader := ingest.NewReader(ingest.Options{})
		reuters.sum, reuters.err = r.Run(ctx, func(ctx context.Context, yield func(*dyad.Document, error) error) error {
			return reader.Read(ctx, []string{corpus}, nil, func(it ingest.Item) error { return yield(it.Doc, it.Err) })
		})
		reuters.took = time.Since(start)
	})
	if reuters.err != nil {
		b.Fatalf("build the Reuters store: %v", reuters.err)
	}
	return reuters.store
}

// BenchmarkEvents_Load holds GET /api/events?dyad=… against a server on
// loopback over a store of the Reuters corpus, cycling through its busiest
// dyads from several clients at once, and reports the request rate and the
// latency percentiles. It runs b.N requests and stops; any non-200 answer
// fails it.
func BenchmarkEvents_Load(b *testing.B) {
	st := reutersStore(b)
	b.Logf("Reuters store: %d documents, %d mentions, %d events (built in %s)", reuters.sum.New, reuters.sum.Mentions, reuters.sum.Events, reuters.took.Round(time.Millisecond))
	net, err := query.NetworkOf(context.Background(), st, dyad.EventFilter{})
	if err != nil {
		b.Fatal(err)
	}
	edges := slices.Clone(net.Edges)
	slices.SortFunc(edges, func(x, y query.Edge) int { return y.Count - x.Count })
	var paths []string
	for _, e := range edges[:min(16, len(edges))] {
		paths = append(paths, "/api/events?dyad="+url.QueryEscape(string(e.Source)+","+string(e.Target)))
	}
	if len(paths) == 0 {
		b.Skip("the Reuters store has no events")
	}
	srv := httptest.NewServer(web.New(web.Config{Store: st}))
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}, Timeout: 30 * time.Second}
	defer client.CloseIdleConnections()

	var mu sync.Mutex
	lat := make([]time.Duration, 0, b.N)
	var failures int
	next := make(chan int, 1)
	next <- 0
	b.SetParallelism(4)
	cpu0 := cpuTime()
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		mine := make([]time.Duration, 0, 256)
		bad := 0
		for pb.Next() {
			i := <-next
			next <- i + 1
			t0 := time.Now()
			resp, err := client.Get(srv.URL + paths[i%len(paths)])
			if err != nil {
				bad++
				continue
			}
			_, err = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if err != nil || resp.StatusCode != http.StatusOK {
				bad++
				continue
			}
			mine = append(mine, time.Since(t0))
		}
		mu.Lock()
		lat = append(lat, mine...)
		failures += bad
		mu.Unlock()
	})
	elapsed := time.Since(start)
	b.StopTimer()
	cpu := cpuTime() - cpu0
	if failures > 0 {
		b.Fatalf("%d of %d requests failed", failures, b.N)
	}
	slices.Sort(lat)
	pct := func(p float64) float64 {
		if len(lat) == 0 {
			return 0
		}
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	// CPU per request (server and client together) does not depend on what
	// else the machine runs, unlike req/s: 2 cores / cpu-ms gives the rate
	// an idle machine would hold.
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/req")
}

// cpuTime returns the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
