package nlp_test

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/dyad-project/dyad/internal/shared"
	"github.com/dyad-project/dyad/nlp"
)

// loadReuters returns the texts of the first part of the Reuters corpus,
// normalized, or skips b when the shared data is absent.
func loadReuters(b *testing.B) []string {
	b.Helper()
	f, err := os.Open(shared.Path(b, "corpus", "reuters21578", "reuters21578-part1.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var rec struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			b.Fatal(err)
		}
		texts = append(texts, nlp.Normalize(rec.Text))
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return texts
}

func totalBytes(texts []string) int64 {
	var n int64
	for _, t := range texts {
		n += int64(len(t))
	}
	return n
}

func BenchmarkNormalize(b *testing.B) {
	texts := loadReuters(b)
	// Make every text need rewriting, the slow path: CRLF line ends.
	dirty := make([]string, len(texts))
	for i, t := range texts {
		dirty[i] = "\ufeff" + t + "  \r\n"
	}
	b.Run("normal", func(b *testing.B) {
		b.SetBytes(totalBytes(texts))
		b.ReportAllocs()
		for b.Loop() {
			for _, t := range texts {
				nlp.Normalize(t)
			}
		}
	})
	b.Run("dirty", func(b *testing.B) {
		b.SetBytes(totalBytes(dirty))
		b.ReportAllocs()
		for b.Loop() {
			for _, t := range dirty {
				nlp.Normalize(t)
			}
		}
	})
}

func BenchmarkSplit(b *testing.B) {
	texts := loadReuters(b)
	b.SetBytes(totalBytes(texts))
	b.ReportAllocs()
	var sp nlp.Splitter
	n := 0
	for b.Loop() {
		for _, t := range texts {
			n += len(sp.Split(t))
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}

func BenchmarkTokenize(b *testing.B) {
	texts := loadReuters(b)
	b.SetBytes(totalBytes(texts))
	b.ReportAllocs()
	buf := make([]nlp.Token, 0, 4096)
	n := 0
	for b.Loop() {
		for _, t := range texts {
			buf = nlp.AppendTokens(buf[:0], t)
			n += len(buf)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
}
