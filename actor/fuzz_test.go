package actor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzParse checks the dictionary parser on arbitrary input: no panic, every
// error positioned within the input, every entry well-formed.
func FuzzParse(f *testing.F) {
	for _, dir := range []string{"data", filepath.Join("testdata", "bad"), filepath.Join("testdata", "user")} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, file := range files {
			src, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			if len(src) > 4000 {
				src = src[:4000]
			}
			f.Add(string(src))
		}
	}
	f.Add("country x\n  name A [B/C]\n  code X ..\n")
	f.Fuzz(func(t *testing.T, src string) {
		lines := strings.Count(src, "\n") + 1
		es, errs := parse("f.txt", []byte(src))
		for _, e := range errs {
			if e.Line < 0 || e.Line > lines+1 || e.File != "f.txt" {
				t.Errorf("error %q is out of the input's %d lines", e, lines)
			}
		}
		for _, e := range es {
			if e.ID == "" || e.Line < 1 || e.Line > lines {
				t.Errorf("entry %+v is badly positioned", e)
			}
			for i, a := range e.Codes {
				for _, b := range e.Codes[i+1:] {
					if overlaps(a, b) {
						t.Errorf("entry %s has overlapping codes", e.ID)
					}
				}
			}
		}
		d := build(es)
		d.Match(src, time.Time{})
	})
}

// FuzzMatch checks the matcher's invariants on arbitrary text: spans within
// the text, in order, not overlapping, and Text equal to the spanned bytes.
func FuzzMatch(f *testing.F) {
	for _, s := range []string{
		"Taliban defence Minsiter Mullah Yqoob is in moscow .",
		"Afgahn Taliban and Russia signing a military cooperation deal",
		"Russia’s Security Council secretary and the Taliban’s defense minister",
		"the Russian-led Collective Security Treaty Organization, anti-Taliban forces, Soviet-era",
		"President Putin met Mr. Lavrov and the U.S. envoy in the U.S.A.",
		"the government of the Islamic Republic of Afghanistan's ’s '' -- - U.S",
		"Élysée, Türkiye, Côte d'Ivoire and Sana'a",
	} {
		f.Add(s, int64(0))
	}
	if src, err := os.ReadFile(filepath.Join("..", "..", "shared", "examples", "russia-taliban-deal.txt")); err == nil {
		for line := range strings.SplitSeq(string(src), "\n") {
			f.Add(line, int64(1780000000))
		}
	}
	d := Builtin()
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		on := time.Unix(unix%(1<<40), 0).UTC()
		ms := d.Match(text, on)
		end := 0
		for _, m := range ms {
			if m.Span.Start < end || m.Span.End <= m.Span.Start || m.Span.End > len(text) {
				t.Fatalf("bad span %v after %d in %q (len %d)", m.Span, end, text, len(text))
			}
			if m.Text != text[m.Span.Start:m.Span.End] {
				t.Errorf("Text %q is not text[%d:%d]", m.Text, m.Span.Start, m.Span.End)
			}
			if utf8.ValidString(text) && !utf8.ValidString(m.Text) {
				t.Errorf("span %v cuts a character of %q", m.Span, text)
			}
			if m.Code == "" || m.Country == "" {
				t.Errorf("mention %+v has no code", m)
			}
			end = m.Span.End
		}
	})
}
