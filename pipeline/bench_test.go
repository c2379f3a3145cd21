package pipeline_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/actor"
	"github.com/dyad-project/dyad/code"
	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/ingest"
	"github.com/dyad-project/dyad/internal/shared"
	"github.com/dyad-project/dyad/pipeline"
	"github.com/dyad-project/dyad/place"
	"github.com/dyad-project/dyad/resolve"
	"github.com/dyad-project/dyad/store/sqlite"
	"github.com/dyad-project/dyad/timex"
)

// peakRSS returns the process's peak resident set in MB (Linux), or 0.
func peakRSS() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			kb, _ := strconv.Atoi(strings.Fields(line)[1])
			return float64(kb) / 1024
		}
	}
	return 0
}

func newCoder() dyad.Coder {
	d := actor.Builtin()
	return code.New(code.Options{Actors: d, Places: place.Builtin(), Demonym: d.Demonym,
		Dates: code.DateFunc(func(text string, span dyad.Span, published time.Time) (dyad.Date, bool) {
			ex, ok := timex.Nearest(timex.Find(text, published), span, text)
			return ex.Date, ok
		})})
}

// benchIngest ingests the Reuters corpus into a fresh store per iteration
// and reports documents/s, MB/s and the peak resident memory.
func benchIngest(b *testing.B, coder dyad.Coder, resolver dyad.Resolver) {
	corpus := shared.Path(b, "corpus", "reuters21578")
	files, _ := filepath.Glob(filepath.Join(corpus, "*.jsonl"))
	ctx := context.Background()
	var docs, bytes int
	for b.Loop() {
		s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "dyad.db"))
		if err != nil {
			b.Fatal(err)
		}
		rd := ingest.NewReader(ingest.Options{})
		r := &pipeline.Runner{Coder: coder, Store: s, Resolver: resolver}
		sum, err := r.Run(ctx, func(ctx context.Context, yield func(*dyad.Document, error) error) error {
			return rd.Read(ctx, files, nil, func(it ingest.Item) error { return yield(it.Doc, it.Err) })
		})
		if err != nil {
			b.Fatal(err)
		}
		docs += sum.Seen
		bytes += int(sum.Bytes)
		s.Close()
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(docs)/sec, "docs/s")
	b.ReportMetric(float64(bytes)/1e6/sec, "MB/s")
	b.ReportMetric(peakRSS(), "peak-MB")
}

// BenchmarkIngest is ingest + segmentation + storage, without coding.
func BenchmarkIngest(b *testing.B) { benchIngest(b, nil, &resolve.Clusterer{}) }

// BenchmarkIngestCode is the whole pipeline with the built-in coder.
func BenchmarkIngestCode(b *testing.B) { benchIngest(b, newCoder(), &resolve.Clusterer{}) }

// BenchmarkIngestCodeUnresolved is BenchmarkIngestCode without resolving
// mentions into events: the difference is what resolution costs.
func BenchmarkIngestCodeUnresolved(b *testing.B) { benchIngest(b, newCoder(), nil) }

// reutersDocs reads and prepares the first n Reuters documents.
func reutersDocs(b *testing.B, n int) []*dyad.Document {
	corpus := shared.Path(b, "corpus", "reuters21578", "reuters21578-part1.jsonl")
	var docs []*dyad.Document
	rd := ingest.NewReader(ingest.Options{})
	err := rd.Read(context.Background(), []string{corpus}, nil, func(it ingest.Item) error {
		if it.Doc != nil && len(docs) < n {
			if pipeline.Prepare(it.Doc) == nil {
				docs = append(docs, it.Doc)
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return docs
}

// benchCoder codes documents and reports sentences per second.
func benchCoder(b *testing.B, c dyad.Coder) {
	docs := reutersDocs(b, 2000)
	sents := 0
	for _, d := range docs {
		sents += len(d.Sentences)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			if _, err := c.Code(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(sents*b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkCoder_Full is the coder with its date and place analysis;
// BenchmarkCoder_NoDatesPlaces without them: the ratio is what dating and
// placing every mention costs. (Certainty and attribution are read from
// the same parse as the coding itself and cannot be turned off.)
func BenchmarkCoder_Full(b *testing.B) { benchCoder(b, newCoder()) }

// BenchmarkCoder_NoDatesPlaces is the baseline of BenchmarkCoder_Full.
func BenchmarkCoder_NoDatesPlaces(b *testing.B) {
	d := actor.Builtin()
	benchCoder(b, code.New(code.Options{Actors: d, Demonym: d.Demonym}))
}
