package ingest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-project/dyad/internal/shared"
)

// BenchmarkRead_Reuters reads the Reuters-21578 JSON Lines corpus (two
// files, ~22 MB, 19,779 documents) from disk through Read.
func BenchmarkRead_Reuters(b *testing.B) {
	dir := shared.Path(b, "corpus", "reuters21578")
	var size int64
	files, _ := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	for _, f := range files {
		if st, err := os.Stat(f); err == nil {
			size += st.Size()
		}
	}
	r := NewReader(Options{})
	b.ReportAllocs()
	docs := 0
	for b.Loop() {
		err := r.Read(b.Context(), []string{dir}, nil, func(it Item) error {
			if it.Err != nil {
				return it.Err
			}
			docs++
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(docs)/sec, "docs/s")
	b.ReportMetric(float64(size)*float64(b.N)/sec/1e6, "MB/s")
}

// BenchmarkRead_HTML reads the fixture article page through Read, sniffing
// included.
func BenchmarkRead_HTML(b *testing.B) {
	p := filepath.Join("testdata", "mixed", "article.html")
	r := NewReader(Options{})
	pages := 0
	for b.Loop() {
		err := r.Read(b.Context(), []string{p}, nil, func(it Item) error {
			pages++
			return it.Err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}
