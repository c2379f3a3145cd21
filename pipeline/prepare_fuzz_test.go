package pipeline_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/internal/shared"
	"github.com/dyad-project/dyad/pipeline"
)

// FuzzPrepare runs the text stages end to end on arbitrary text. Whatever
// the text, the sentences tile it: in bounds, in order, not overlapping,
// each its own bytes and trimmed, with only blank space left between them;
// citation and source numbers are positive; and Prepare is idempotent: run
// again on its own output text it finds the same document.
func FuzzPrepare(f *testing.F) {
	seeds, _ := filepath.Glob("../samples/docs/*")
	if p := shared.Root(); p != "" {
		seeds = append(seeds, filepath.Join(p, "examples", "russia-taliban-deal.txt"))
	}
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("Mr. Lavrov met Mr. Muttaqi.[1][2] Talks ended.[3]\n\nSources:\n[1] Reuters – Russia signs deal – https://example.com/a\n[2] TASS – Deal signed\n[3] Reuters – Russia signs deal – https://example.com/a\n")
	f.Add("MOSCOW, May 27 (Reuters) - Russia said on Wednesday it had signed a deal.\r\n\r\n\u00a0\u200b[0] [-1] [99999999999999999999]")
	f.Add("\xff\xfe\x00 [1")
	f.Fuzz(func(t *testing.T, text string) {
		doc := &dyad.Document{Text: text}
		if err := pipeline.Prepare(doc); err != nil {
			if !errors.Is(err, pipeline.ErrEmpty) {
				t.Fatalf("Prepare: unexpected error %v", err)
			}
			if strings.TrimFunc(doc.Text, unicode.IsSpace) != "" {
				t.Fatalf("Prepare = ErrEmpty for text %q", doc.Text)
			}
			return
		}
		checkPrepared(t, doc)

		again := &dyad.Document{Text: doc.Text}
		if err := pipeline.Prepare(again); err != nil {
			t.Fatalf("Prepare of its own output %q: %v", doc.Text, err)
		}
		if again.Text != doc.Text {
			t.Fatalf("Prepare is not idempotent on the text:\n once  %q\n twice %q", doc.Text, again.Text)
		}
		if again.ID != doc.ID || again.Fingerprint != doc.Fingerprint {
			t.Fatalf("ID or fingerprint changed on a second Prepare")
		}
		if !reflect.DeepEqual(again.Sentences, doc.Sentences) {
			t.Fatalf("sentences changed on a second Prepare:\n once  %+v\n twice %+v", doc.Sentences, again.Sentences)
		}
		if !reflect.DeepEqual(again.Sources, doc.Sources) {
			t.Fatalf("sources changed on a second Prepare:\n once  %+v\n twice %+v", doc.Sources, again.Sources)
		}
		if !again.Published.Equal(doc.Published) || again.PublishedInferred != doc.PublishedInferred {
			t.Fatalf("published changed on a second Prepare: %v then %v", doc.Published, again.Published)
		}
	})
}

// checkPrepared fails t unless doc's sentences tile its text and its
// citation and source numbers make sense.
func checkPrepared(t *testing.T, doc *dyad.Document) {
	t.Helper()
	text := doc.Text
	if !utf8.ValidString(text) {
		t.Fatalf("normalized text is not UTF-8: %q", text)
	}
	if doc.ID != dyad.NewDocumentID(text) {
		t.Fatalf("ID %s is not the hash of the text", doc.ID)
	}
	prev := 0
	for i, s := range doc.Sentences {
		if s.Index != i {
			t.Fatalf("sentence %d has Index %d", i, s.Index)
		}
		if s.Span.Start < prev || s.Span.End <= s.Span.Start || s.Span.End > len(text) {
			t.Fatalf("sentence %d span %v out of order or bounds (prev end %d, len %d) in %q", i, s.Span, prev, len(text), text)
		}
		if s.Text != text[s.Span.Start:s.Span.End] {
			t.Fatalf("sentence %d Text %q is not its span's bytes %q", i, s.Text, text[s.Span.Start:s.Span.End])
		}
		if strings.TrimFunc(s.Text, unicode.IsSpace) != s.Text {
			t.Fatalf("sentence %d %q is not trimmed", i, s.Text)
		}
		if gap := text[prev:s.Span.Start]; strings.TrimFunc(gap, unicode.IsSpace) != "" {
			t.Fatalf("text %q between sentences %d and %d belongs to none", gap, i-1, i)
		}
		for _, n := range s.Citations {
			if n <= 0 {
				t.Fatalf("sentence %d %q cites %d", i, s.Text, n)
			}
		}
		prev = s.Span.End
	}
	if gap := text[prev:]; strings.TrimFunc(gap, unicode.IsSpace) != "" {
		t.Fatalf("text %q after the last sentence belongs to none", gap)
	}
	numbers := map[int]bool{}
	for i, src := range doc.Sources {
		if src.N <= 0 {
			t.Fatalf("source %d has number %d", i, src.N)
		}
		numbers[src.N] = true
	}
	for i, src := range doc.Sources {
		if src.SameAs != 0 && (src.SameAs == src.N || !numbers[src.SameAs]) {
			t.Fatalf("source %d (N %d) is the same as %d, not another listed source", i, src.N, src.SameAs)
		}
	}
	if doc.PublishedInferred && doc.Published.IsZero() {
		t.Fatal("inferred a zero publication date")
	}
}
