package petrarch

import (
	"context"
	"encoding/xml"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/internal/shared"
)

type gigaSentence struct {
	Date string `xml:"date,attr"`
	ID   string `xml:"id,attr"`
	Text string `xml:"Text"`
}

func loadGigaWord(tb testing.TB) []gigaSentence {
	tb.Helper()
	b, err := os.ReadFile(shared.Path(tb, "eval", "petrarch2", "text", "GigaWord.sample.PETR.xml"))
	if err != nil {
		tb.Fatal(err)
	}
	var doc struct {
		Sentences []gigaSentence `xml:"Sentence"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		tb.Fatal(err)
	}
	for i := range doc.Sentences {
		doc.Sentences[i].Text = strings.Join(strings.Fields(doc.Sentences[i].Text), " ")
	}
	return doc.Sentences
}

func loadPhoenix(tb testing.TB) *Dictionaries {
	tb.Helper()
	d, err := LoadFiles(shared.Path(tb, "eval", "petrarch2", "dictionaries"), PhoenixFiles)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

func BenchmarkLoadPhoenix(b *testing.B) {
	dir := shared.Path(b, "eval", "petrarch2", "dictionaries")
	files := PhoenixFiles
	files.Issues = nil // the brief's set: actors, agents, verbs, discards
	var before, after runtime.MemStats
	for b.Loop() {
		runtime.GC()
		runtime.ReadMemStats(&before)
		d, err := LoadFiles(dir, files)
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MB-live")
		runtime.KeepAlive(d)
	}
	b.ReportMetric(float64(after.Sys)/(1<<20), "MB-sys")
}

func BenchmarkCodeGigaWord(b *testing.B) {
	sents := loadGigaWord(b)
	c := NewCoder(loadPhoenix(b))
	b.ReportAllocs()
	n := 0
	start, cpu0 := time.Now(), cpuTime()
	for b.Loop() {
		for _, s := range sents {
			d, _ := time.Parse("20060102", s.Date)
			c.CodeText(s.Text, d)
			n++
		}
	}
	b.ReportMetric(float64(n)/time.Since(start).Seconds(), "sentences/s")
	// Per CPU-second of this process: steadier than wall time on a shared
	// machine, and what "per core" means.
	if used := (cpuTime() - cpu0).Seconds(); used > 0 {
		b.ReportMetric(float64(n)/used, "sentences/cpu-s")
	}
}

func TestCode_GigaWordSmoke(t *testing.T) {
	sents := loadGigaWord(t)
	c := NewCoder(loadPhoenix(t))
	if len(c.d.Errors) == 0 {
		t.Error("the Phoenix dictionaries have known bad lines; none reported")
	}
	events := 0
	for _, s := range sents {
		d, _ := time.Parse("20060102", s.Date)
		doc := &dyad.Document{ID: dyad.NewDocumentID(s.Text), Text: s.Text, Published: d}
		ms, err := c.Code(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			if m.Code == "" || m.Source.Code == "" && m.Target.Code == "" {
				t.Errorf("%s: empty mention %+v", s.ID, m)
			}
			if m.Span.Start < 0 || m.Span.End > len(s.Text) || m.Span.Start > m.Span.End {
				t.Errorf("%s: span %v out of bounds", s.ID, m.Span)
			}
		}
		events += len(ms)
	}
	t.Logf("%d sentences, %d mentions", len(sents), events)
	if events == 0 {
		t.Error("no events coded from the GigaWord sample")
	}
}
