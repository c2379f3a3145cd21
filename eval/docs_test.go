package eval

import (
	"compress/gzip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/internal/shared"
)

const docsSample = `{"id": "reuters21578-7", "title": "TALKS ON DEBT", "published": "1987-02-26", "datetime": "1987-02-26T15:18:06", "outlet": "Reuters", "url": "", "text": "Brazil said on Thursday it would resume talks.", "topics": ["debt"]}

{"id": "reuters21578-8", "title": "", "published": "", "outlet": "Reuters", "url": "", "text": "A table."}
{"id": "reuters21578-9", "title": "OPEC", "published": "1987-03-01", "outlet": "Reuters", "url": "", "text": "OPEC met."}
`

func TestDecodeDocs(t *testing.T) {
	docs, err := DecodeDocs(strings.NewReader(docsSample), "sample.jsonl", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 3 {
		t.Fatalf("read %d documents, want 3", len(docs))
	}
	d := docs[0]
	want := &dyad.Document{
		ID: dyad.NewDocumentID("Brazil said on Thursday it would resume talks."), Title: "TALKS ON DEBT",
		Outlet: "Reuters", Published: time.Date(1987, 2, 26, 15, 18, 6, 0, time.UTC),
		Text: "Brazil said on Thursday it would resume talks.", Origin: "reuters21578-7",
	}
	if d.ID != want.ID || d.Title != want.Title || d.Outlet != want.Outlet || !d.Published.Equal(want.Published) ||
		d.Text != want.Text || d.Origin != want.Origin {
		t.Errorf("document = %+v, want %+v", d, want)
	}
	if !docs[1].Published.IsZero() {
		t.Errorf("document without a date: Published = %v, want zero", docs[1].Published)
	}
	if got, want := docs[2].Published, time.Date(1987, 3, 1, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("date only: Published = %v, want %v", got, want)
	}
}

func TestDecodeDocs_Errors(t *testing.T) {
	tests := []struct {
		name, in, wantErr string
		want              int
	}{
		{"bad JSON", "{\"id\": \"a\", \"text\": \"x\"}\n{oops\n", "f:2: bad JSON", 1},
		{"no id", `{"text": "x"}`, "f:1: record has no id", 0},
		{"not an object", `[1]`, "f:1: bad JSON", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := DecodeDocs(strings.NewReader(tt.in), "f", nil)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %v, want one containing %q", err, tt.wantErr)
			}
			if len(docs) != tt.want {
				t.Errorf("read %d documents, want %d", len(docs), tt.want)
			}
		})
	}
}

func TestReadDocsFunc(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "docs.jsonl")
	if err := os.WriteFile(plain, []byte(docsSample), 0o644); err != nil {
		t.Fatal(err)
	}
	gz := filepath.Join(dir, "docs.jsonl.gz")
	f, err := os.Create(gz)
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	zw.Write([]byte(docsSample))
	zw.Close()
	f.Close()
	keep := func(id string) bool { return id != "reuters21578-8" }
	for _, p := range []string{plain, gz} {
		docs, err := ReadDocsFunc(p, keep)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, d := range docs {
			ids = append(ids, d.Origin)
		}
		if want := []string{"reuters21578-7", "reuters21578-9"}; !slices.Equal(ids, want) {
			t.Errorf("%s: ids %q, want %q", filepath.Base(p), ids, want)
		}
	}
	if _, err := ReadDocs(filepath.Join(dir, "absent.jsonl")); err == nil {
		t.Error("ReadDocs of a missing file: no error")
	}
}

func TestReadIDs(t *testing.T) {
	got, err := ReadIDs(strings.NewReader("# dev set\nreuters21578-1\n\n  reuters21578-2  \n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"reuters21578-1", "reuters21578-2"}; !slices.Equal(got, want) {
		t.Errorf("ReadIDs = %q, want %q", got, want)
	}
}

// TestReadDocs_Corpus reads one part of the shared corpus whole.
func TestReadDocs_Corpus(t *testing.T) {
	path := shared.Path(t, "corpus", "reuters21578", "reuters21578-part1.jsonl")
	docs, err := ReadDocs(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 9889 {
		t.Errorf("read %d documents, want 9889 (README)", len(docs))
	}
	undated := 0
	for _, d := range docs {
		if d.Published.IsZero() {
			undated++
		}
		if !strings.HasPrefix(d.Origin, "reuters21578-") || d.Text == "" {
			t.Fatalf("document %q: bad origin or empty text", d.Origin)
		}
	}
	if undated > 3 {
		t.Errorf("%d documents without a date, want at most 3 (README)", undated)
	}
}

func FuzzDecodeDocs(f *testing.F) {
	f.Add([]byte(docsSample))
	f.Add([]byte(`{"id":"x","published":"1987-13-45","datetime":"bad","text":"\u0000"}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		docs, err := DecodeDocs(strings.NewReader(string(in)), "fuzz", nil)
		if err != nil && !strings.HasPrefix(err.Error(), "fuzz:") {
			t.Errorf("error %q does not name the input", err)
		}
		for _, d := range docs {
			if d.Origin == "" {
				t.Fatal("document without an origin")
			}
			if d.ID != dyad.NewDocumentID(d.Text) {
				t.Fatal("ID is not the hash of the text")
			}
		}
	})
}
