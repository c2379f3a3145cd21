package ingest

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzReadStream reads arbitrary bytes under an arbitrary name the way an
// upload or stdin is read: sniffed, gunzipped and parsed in whatever format
// they look like. Every item is a document or an error, never both; an
// error is an *Error naming the input (or its line, element or item) and
// wrapping at most one sentinel; a document has text, valid UTF-8, and an
// origin within the input.
func FuzzReadStream(f *testing.F) {
	files, _ := filepath.Glob("testdata/mixed/*")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil && len(b) <= 8<<10 {
			f.Add(filepath.Base(p), b)
		}
	}
	f.Add("x.json", []byte(`{"articles":[{"text":"a","published":"2026-05-27"},{"text":""},7]}`))
	f.Add("x.gz", []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"))
	sentinels := []error{ErrTooLarge, ErrBinary, ErrInvalidUTF8, ErrEmpty, ErrMalformed, ErrUnknownFormat,
		ErrBadURL, ErrPrivateAddress, ErrFetch, ErrHTTPStatus, ErrContentType, ErrTooManyRedirects}
	r := NewReader(Options{MaxBytes: 64 << 10})
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		err := r.ReadStream(t.Context(), name, bytes.NewReader(data), func(it Item) error {
			if (it.Doc == nil) == (it.Err == nil) {
				t.Fatalf("item with doc %v and error %v", it.Doc != nil, it.Err)
			}
			if it.Err != nil {
				var e *Error
				if !errors.As(it.Err, &e) {
					t.Fatalf("error %v is no *Error", it.Err)
				}
				if !strings.HasPrefix(e.Input, name) || !strings.HasPrefix(it.Err.Error(), e.Input+": ") {
					t.Fatalf("error %q does not name input %q", it.Err, name)
				}
				n := 0
				for _, s := range sentinels {
					if errors.Is(it.Err, s) {
						n++
					}
				}
				if n > 1 {
					t.Fatalf("error %v wraps %d sentinels", it.Err, n)
				}
				return nil
			}
			d := it.Doc
			if strings.TrimSpace(d.Text) == "" || !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title) {
				t.Fatalf("document %s: blank or invalid text %q", d.Origin, d.Text)
			}
			if !strings.HasPrefix(d.Origin, name) {
				t.Fatalf("document origin %q is not within input %q", d.Origin, name)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("ReadStream from memory: %v", err)
		}
	})
}
