package eval

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/dyad-project/dyad/dyad"
)

// docRecord is one line of a documents file, in the corpus format of
// ../shared/corpus (extra fields are ignored).
type docRecord struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Datetime  string `json:"datetime"`
	Outlet    string `json:"outlet"`
	URL       string `json:"url"`
	Text      string `json:"text"`
}

// ReadDocs reads a documents file (JSON Lines, gzipped when the name ends
// in .gz) into documents whose Origin is the record's id, the id that gold
// lines use. Text is the record's raw text: callers normalize and split it
// (ID is the hash of the raw text until they do). A record whose published
// date cannot be read keeps a zero Published.
func ReadDocs(path string) ([]*dyad.Document, error) {
	return ReadDocsFunc(path, nil)
}

// ReadDocsFunc is ReadDocs keeping only the records whose id keep accepts
// (all when keep is nil), so that a gold set's few documents can be drawn
// from a large corpus without holding all of it.
func ReadDocsFunc(path string, keep func(id string) bool) ([]*dyad.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read documents: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("read documents %s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	return DecodeDocs(r, path, keep)
}

// DecodeDocs reads documents in the corpus format from r; name is used in
// errors ("name:line: reason"). Blank lines are skipped; a line that is not
// a JSON object with an id is an error, reported with the documents read.
func DecodeDocs(r io.Reader, name string, keep func(id string) bool) ([]*dyad.Document, error) {
	var (
		docs []*dyad.Document
		errs []error
	)
	br := bufio.NewReaderSize(r, 1<<16)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if line = bytes.TrimSpace(line); len(line) > 0 {
			var rec docRecord
			switch jerr := json.Unmarshal(line, &rec); {
			case jerr != nil:
				errs = append(errs, fmt.Errorf("%s:%d: bad JSON: %v", name, n, jerr))
			case rec.ID == "":
				errs = append(errs, fmt.Errorf("%s:%d: record has no id", name, n))
			case keep == nil || keep(rec.ID):
				docs = append(docs, rec.document())
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: read: %w", name, n, err))
			break
		}
	}
	return docs, errors.Join(errs...)
}

// document adapts a record to the domain.
func (rec docRecord) document() *dyad.Document {
	return &dyad.Document{
		ID:        dyad.NewDocumentID(rec.Text),
		Title:     rec.Title,
		Outlet:    rec.Outlet,
		URL:       rec.URL,
		Published: parsePublished(rec.Published, rec.Datetime),
		Text:      rec.Text,
		Origin:    rec.ID,
	}
}

// parsePublished reads the publication time from the record's datetime
// when it has one, else from its date; zero when neither parses.
func parsePublished(date, datetime string) time.Time {
	for _, c := range []struct{ layout, s string }{
		{"2006-01-02T15:04:05", datetime},
		{time.RFC3339, datetime},
		{"2006-01-02", date},
		{time.RFC3339, date},
	} {
		if c.s == "" {
			continue
		}
		if t, err := time.Parse(c.layout, c.s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}

// ReadIDs reads a list of document ids, one a line, as dev.docs.txt holds
// them; blank lines and lines starting with # are skipped.
func ReadIDs(r io.Reader) ([]string, error) {
	var ids []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		s := strings.TrimSpace(sc.Text())
		if s != "" && !strings.HasPrefix(s, "#") {
			ids = append(ids, s)
		}
	}
	return ids, sc.Err()
}
