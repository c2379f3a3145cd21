package timex

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/shared"
)

// A reutersSentence is one sentence of the Reuters corpus with its story's
// publication date.
type reutersSentence struct {
	text      string
	published time.Time
}

// loadReuters reads up to max sentences from the first part of the Reuters
// corpus, split naively at paragraph breaks and ". ", which is close enough
// for timing and for invariant checks.
func loadReuters(tb testing.TB, max int) []reutersSentence {
	tb.Helper()
	path := shared.Path(tb, "corpus", "reuters21578", "reuters21578-part1.jsonl")
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []reutersSentence
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() && len(out) < max {
		var doc struct {
			Text      string `json:"text"`
			Published string `json:"published"`
		}
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			tb.Fatal(err)
		}
		pub, _ := time.Parse("2006-01-02", doc.Published)
		for _, para := range strings.Split(doc.Text, "\n") {
			for _, s := range strings.SplitAfter(para, ". ") {
				if s = strings.TrimSpace(s); s != "" && len(out) < max {
					out = append(out, reutersSentence{s, pub})
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// BenchmarkFind times Find per sentence, separately over Reuters sentences
// that hold no date expression ("rejected" are those the fast pass turns
// away) and those that hold at least one.
func BenchmarkFind(b *testing.B) {
	sents := loadReuters(b, 20000)
	var with, without, rejected []reutersSentence
	for _, s := range sents {
		switch {
		case !hasTrigger(s.text):
			rejected = append(rejected, s)
			without = append(without, s)
		case len(Find(s.text, s.published)) > 0:
			with = append(with, s)
		default:
			without = append(without, s)
		}
	}
	for _, bc := range []struct {
		name  string
		sents []reutersSentence
	}{{"nodate", without}, {"rejected", rejected}, {"withdate", with}, {"all", sents}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			start := time.Now()
			for b.Loop() {
				for _, s := range bc.sents {
					Find(s.text, s.published)
				}
				n += len(bc.sents)
			}
			el := time.Since(start)
			b.ReportMetric(float64(el.Nanoseconds())/float64(n), "ns/sentence")
			b.ReportMetric(float64(n)/el.Seconds(), "sentences/s")
		})
	}
}
