package query_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/dyad-project/dyad/actor"
	"github.com/dyad-project/dyad/code"
	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/ingest"
	"github.com/dyad-project/dyad/internal/shared"
	"github.com/dyad-project/dyad/pipeline"
	"github.com/dyad-project/dyad/place"
	"github.com/dyad-project/dyad/query"
	"github.com/dyad-project/dyad/resolve"
	"github.com/dyad-project/dyad/store/sqlite"
	"github.com/dyad-project/dyad/timex"
)

// benchStoreVersion names the cached Reuters store; bump it when the
// pipeline changes enough that the benchmarks should see a new store.
const benchStoreVersion = "v1"

// reutersStore returns the Reuters-21578 corpus stored by the real
// pipeline (preparation, the dictionary coder, the clusterer), built once
// and cached under os.TempDir(), keyed by benchStoreVersion.
func reutersStore(b *testing.B) *sqlite.Store {
	b.Helper()
	corpus := shared.Path(b, "corpus", "reuters21578")
	ctx := context.Background()
	path := filepath.Join(os.TempDir(), "dyad-bench-reuters-"+benchStoreVersion+".db")
	if _, err := os.Stat(path); err != nil {
		tmp := path + ".building"
		os.Remove(tmp)
		st, err := sqlite.Open(ctx, tmp)
		if err != nil {
			b.Fatal(err)
		}
		d := actor.Builtin()
		coder := code.New(code.Options{Actors: d, Places: place.Builtin(), Demonym: d.Demonym,
			Dates: code.DateFunc(func(text string, span dyad.Span, published time.Time) (dyad.Date, bool) {
				ex, ok := timex.Nearest(timex.Find(text, published), span, text)
				return ex.Date, ok
			})})
		reader := ingest.NewReader(ingest.Options{})
		r := &pipeline.Runner{Prepare: pipeline.Prepare, Coder: coder, Store: st, Resolver: &resolve.Clusterer{}, BatchSize: 512}
		start := time.Now()
		sum, err := r.Run(ctx, func(ctx context.Context, yield func(*dyad.Document, error) error) error {
			return reader.Read(ctx, []string{corpus}, nil, func(it ingest.Item) error { return yield(it.Doc, it.Err) })
		})
		st.Close()
		if err != nil {
			b.Fatalf("build the Reuters store: %v", err)
		}
		b.Logf("built %s in %s: %d documents, %d mentions, %d events", path, time.Since(start).Round(time.Second), sum.New, sum.Mentions, sum.Events)
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
	}
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// BenchmarkTimelineOf_Reuters times `dyad timeline USA JPN --by month` on
// the Reuters store; SPEC's target is well under a second.
func BenchmarkTimelineOf_Reuters(b *testing.B) {
	st := reutersStore(b)
	ctx := context.Background()
	usa, jpn := dyad.ActorSelector{Country: "USA"}, dyad.ActorSelector{Country: "JPN"}
	var events int
	b.ResetTimer()
	start := time.Now()
	for b.Loop() {
		tl, err := query.TimelineOf(ctx, st, usa, jpn, "USA", "JPN", query.ByMonth, dyad.EventFilter{})
		if err != nil {
			b.Fatal(err)
		}
		events = tl.Undated
		for _, bin := range tl.Bins {
			events += bin.AtoB.Events + bin.BtoA.Events
		}
	}
	b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/op")
	b.ReportMetric(float64(events), "events")
}

// BenchmarkNetworkOf_Reuters times `dyad network` over every stored event.
func BenchmarkNetworkOf_Reuters(b *testing.B) {
	st := reutersStore(b)
	ctx := context.Background()
	var nodes, edges int
	b.ResetTimer()
	start := time.Now()
	for b.Loop() {
		nw, err := query.NetworkOf(ctx, st, dyad.EventFilter{})
		if err != nil {
			b.Fatal(err)
		}
		nodes, edges = len(nw.Nodes), len(nw.Edges)
	}
	b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/op")
	b.ReportMetric(float64(nodes), "nodes")
	b.ReportMetric(float64(edges), "edges")
}
