package code_test

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/shared"
	"github.com/dyad-project/dyad/nlp"
	"github.com/dyad-project/dyad/syntax"
)

type reutersSentence struct {
	text string
	pub  time.Time
}

// reuters reads the sentences of the first n Reuters stories, split by nlp.
func reuters(b *testing.B, n int) []reutersSentence {
	b.Helper()
	f, err := os.Open(shared.Path(b, "corpus", "reuters21578", "reuters21578-part1.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var out []reutersSentence
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for i := 0; i < n && sc.Scan(); i++ {
		var d struct {
			Text      string
			Published string
		}
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			b.Fatal(err)
		}
		pub, _ := time.Parse("2006-01-02", d.Published)
		for _, s := range nlp.SplitText(nlp.Normalize(d.Text)) {
			out = append(out, reutersSentence{s, pub})
		}
	}
	return out
}

// BenchmarkAnalyze measures the shallow parse alone (tokens, tags,
// chunks, clauses, relations) in sentences per second per core.
func BenchmarkAnalyze(b *testing.B) {
	sents := reuters(b, 500)
	var a syntax.Analyzer
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	n := 0
	for b.Loop() {
		for _, s := range sents {
			a.Analyze(s.text)
			n++
		}
	}
	reportThroughput(b, n, cpu0)
}

// BenchmarkCode measures the whole analysis of a sentence with the real
// actor dictionary, gazetteer and date finder, in sentences per second per
// core.
func BenchmarkCode(b *testing.B) {
	sents := reuters(b, 500)
	c := realCoder()
	c.CodeSentence("Russia attacked Ukraine.", time.Now()) // load dictionaries
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	n, events := 0, 0
	for b.Loop() {
		for _, s := range sents {
			events += len(c.CodeSentence(s.text, s.pub))
			n++
		}
	}
	reportThroughput(b, n, cpu0)
	b.ReportMetric(float64(events)/float64(n), "events/sentence")
}

// reportThroughput reports sentences per wall-clock second and, where the
// platform tells, per CPU second: on a shared machine the latter is the
// throughput of one core.
func reportThroughput(b *testing.B, n int, cpu0 time.Duration) {
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
	if d := cpuTime() - cpu0; d > 0 && cpu0 > 0 {
		b.ReportMetric(float64(n)/d.Seconds(), "sentences/cpu-s")
	}
}
