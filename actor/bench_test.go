package actor

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/shared"
)

// reutersSentences reads up to n sentences from the Reuters corpus, split
// naively on ". ", or skips when the corpus is absent.
func reutersSentences(tb testing.TB, n int) []string {
	tb.Helper()
	f, err := os.Open(shared.Path(tb, "corpus", "reuters21578", "reuters21578-part1.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<24)
	for sc.Scan() && len(out) < n {
		var doc struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			tb.Fatal(err)
		}
		for s := range strings.SplitSeq(doc.Text, ". ") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

func BenchmarkMatch(b *testing.B) {
	sents := reutersSentences(b, 5000)
	d := Builtin()
	on := time.Date(1987, 3, 1, 0, 0, 0, 0, time.UTC)
	words := 0
	for _, s := range sents {
		words += len(strings.Fields(s))
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, s := range sents {
			d.Match(s, on)
		}
	}
	calls := float64(b.N) * float64(len(sents))
	perSent := float64(b.Elapsed().Nanoseconds()) / calls
	b.ReportMetric(perSent/1000, "µs/sentence")
	// CPU time is steadier than wall time on a shared machine.
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/calls/1000, "cpu-µs/sentence")
	b.ReportMetric(1e9/perSent, "sentences/s")
	b.ReportMetric(float64(words)/float64(len(sents)), "words/sentence")
}

// cpuTime returns the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkBuiltinLoad(b *testing.B) {
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		if _, errs := loadFS(builtinFS, "data"); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N)/1e6, "cpu-ms/load")
}
