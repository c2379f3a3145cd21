package nlp_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/internal/shared"
	"github.com/dyad-project/dyad/nlp"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"already normal", "A line.\n\nAnother line.", "A line.\n\nAnother line."},
		{"crlf", "a\r\nb\rc", "a\nb\nc"},
		{"controls", "a\x00b\x07c\x1b\tz", "abc z"},
		{"c1 control", "a\u0085b\u0090c", "a\nbc"},
		{"zero width and bom", "\ufeffRus\u200bsia\u200d\u2060 and\u00ad more", "Russia and more"},
		{"unicode spaces", "a\u00a0b\u2009c\u202fd\u3000e", "a b c d e"},
		{"trailing spaces", "a  \t\nb \n", "a\nb"},
		{"collapse spaces", "a   b\t\tc \t d", "a b c d"},
		{"leading indent kept as one space", "a\n    b", "a\n b"},
		{"three newlines", "a\n\n\n\nb", "a\n\nb"},
		{"blank lines with spaces", "a\n \n\t\n  \nb", "a\n\nb"},
		{"trim whole", "\n\n  a b  \n\n", "a b"},
		{"line and paragraph separators", "a\u2028b\u2029c", "a\nb\n\nc"},
		{"invalid utf8", "a\xffb", "a\uFFFDb"},
		{"only whitespace", " \t\n\r\n\u00a0", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := nlp.Normalize(tt.in)
			if got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := nlp.Normalize(got); again != got {
				t.Errorf("Normalize not idempotent: %q -> %q", got, again)
			}
		})
	}
}

func TestNormalize_SameID(t *testing.T) {
	a := "Russia and the Taliban signed a deal.\n\nIt was new."
	b := "\ufeffRussia and the Taliban\u00a0signed a deal.  \r\n\r\n\r\nIt was new.\r\n"
	if ida, idb := dyad.NewDocumentID(nlp.Normalize(a)), dyad.NewDocumentID(nlp.Normalize(b)); ida != idb {
		t.Errorf("IDs differ for copies that differ only invisibly: %s vs %s", ida, idb)
	}
}

func TestNormalize_NoAllocWhenNormal(t *testing.T) {
	s := "Already normal text.\n\nWith two paragraphs and “quotes”."
	if n := testing.AllocsPerRun(100, func() { nlp.Normalize(s) }); n != 0 {
		t.Errorf("Normalize of normal text allocated %v times, want 0", n)
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"a\r\nb", " \u00a0x\u200b\n\n\n\ny ", "\xe2\x00\x80\x8b", "\t\v\f\x00", "a\u2029\u2028b"} {
		f.Add(s)
	}
	if p := shared.Root(); p != "" {
		if raw, err := os.ReadFile(filepath.Join(p, "examples", "russia-taliban-deal.txt")); err == nil {
			f.Add(string(raw))
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := nlp.Normalize(s)
		if again := nlp.Normalize(n); again != n {
			t.Fatalf("not idempotent:\n in   %q\n once %q\n twice %q", s, n, again)
		}
	})
}
