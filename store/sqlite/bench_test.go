package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/resolve"
	"github.com/dyad-project/dyad/store/sqlite"
)

// BenchmarkWrite measures storing documents of 7 sentences in batches of
// 256, the pipeline's default, without mentions.
func BenchmarkWrite(b *testing.B) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "dyad.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	n := 0
	b.ReportAllocs()
	for b.Loop() {
		docs := make([]*dyad.Document, 256)
		for i := range docs {
			n++
			text := fmt.Sprintf("Document %d. It has several sentences. Each one is short. Some are longer than others, as in news. The end is near. Really. Done.", n)
			d := &dyad.Document{Text: text, Outlet: "Wire", Fingerprint: uint64(n) * 0x9E3779B97F4A7C15}
			d.ID = dyad.NewDocumentID(text)
			for j := range 7 {
				d.Sentences = append(d.Sentences, dyad.Sentence{Index: j, Span: dyad.Span{Start: j, End: j + 1}, Kind: dyad.KindBody})
			}
			docs[i] = d
		}
		if _, err := s.Write(ctx, docs, nil, &resolve.Clusterer{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
}
