package timex

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"
)

// checkInvariants fails t when exprs break Find's contract for text: spans
// in bounds, in order and apart, Text equal to the spanned bytes, every date
// known, and nothing relative without a publication date.
func checkInvariants(t *testing.T, text string, published time.Time, exprs []Expr) {
	t.Helper()
	prev := 0
	for i, e := range exprs {
		if e.Span.Start < prev || e.Span.End <= e.Span.Start || e.Span.End > len(text) {
			t.Fatalf("Find(%q): expr %d span %v out of bounds or order (prev end %d)", text, i, e.Span, prev)
		}
		if text[e.Span.Start:e.Span.End] != e.Text {
			t.Fatalf("Find(%q): expr %d Text %q != text[span] %q", text, i, e.Text, text[e.Span.Start:e.Span.End])
		}
		if !e.Date.Known() {
			t.Fatalf("Find(%q): expr %d %q has an unknown date", text, i, e.Text)
		}
		if e.Date.Precision == "range" && e.Date.End.Before(e.Date.Start) {
			t.Fatalf("Find(%q): expr %d %q range ends before it starts", text, i, e.Text)
		}
		if published.IsZero() && e.Relative {
			t.Fatalf("Find(%q) with no publication date: expr %d %q is relative", text, i, e.Text)
		}
		prev = e.Span.End
	}
}

func FuzzFind(f *testing.F) {
	if file, err := os.Open("testdata/dates.txt"); err == nil {
		sc := bufio.NewScanner(file)
		for sc.Scan() {
			if text, _, ok := strings.Cut(sc.Text(), "  # want "); ok {
				f.Add(text, int64(1780012800)) // 2026-05-29
			}
		}
		file.Close()
	}
	f.Add("FEB 26 - Showers continued throughout the week; 27.05.2026 and 05/27/2026, 2019-2021.", int64(541296000))
	f.Add("between March and May, from 1 May to 5 May, since 2021, a day later on 28 May", int64(0))
	f.Add("the day before yesterday\u2014Friday\u2019s talks–mid-2023 Q1 2026 1990s", int64(-62135596800))
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		var pub time.Time
		if unix > -1e11 && unix < 1e11 && unix != 0 {
			pub = time.Unix(unix, 0).UTC()
		}
		checkInvariants(t, text, pub, Find(text, pub))
		if d, ok := InferPublished(text); ok && d.IsZero() {
			t.Fatalf("InferPublished(%q) = zero time, true", text)
		}
	})
}

// TestFindReuters checks the invariants over real Reuters sentences (when
// the shared corpus is present).
func TestFindReuters(t *testing.T) {
	sents := loadReuters(t, 5000)
	found := 0
	for _, s := range sents {
		exprs := Find(s.text, s.published)
		checkInvariants(t, s.text, s.published, exprs)
		found += len(exprs)
	}
	if found == 0 {
		t.Errorf("no date expressions in %d Reuters sentences", len(sents))
	}
}
