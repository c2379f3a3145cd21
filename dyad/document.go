package dyad

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// DocumentID identifies a document by the hash of its normalized text, so the
// same text ingested twice, from any input, has one ID and is stored once.
type DocumentID string

// NewDocumentID returns the ID of a document whose normalized text is text:
// "doc_" and the first 16 bytes of its SHA-256 in hex.
func NewDocumentID(text string) DocumentID {
	sum := sha256.Sum256([]byte(text))
	return DocumentID("doc_" + hex.EncodeToString(sum[:16]))
}

// A Document is one news report: its normalized text, its metadata, and what
// the nlp stage found in it. Sentence spans are byte offsets into Text.
type Document struct {
	ID        DocumentID
	Title     string
	Outlet    string
	URL       string
	Language  string
	Published time.Time // zero when unknown
	// PublishedInferred is true when Published was taken from a date written
	// in the text rather than from the document's metadata or a flag.
	PublishedInferred bool
	Text              string
	// Origin names the input the document came from (a path, URL or
	// "path:line"), for error messages and provenance.
	Origin string

	Sentences []Sentence
	// Sources is the document's own numbered source list ("Sources:",
	// "References"), when it has one; citation markers refer to its numbers.
	Sources []Source

	// Fingerprint is a 64-bit SimHash of the text's shingles; documents whose
	// fingerprints are close are near-duplicates (copies of one story).
	Fingerprint uint64
	// Story is the ID of the first-stored document of this document's
	// near-duplicate group; a document that starts a story has Story == ID.
	Story DocumentID
}

// A Source is one entry of a document's own source list.
type Source struct {
	N      int    // the number that citation markers use: [N]
	Title  string // the headline as listed
	Outlet string // the outlet label, when the entry names one
	URL    string
	// SameAs is the number of the first source in the list that is the same
	// story (same URL or same normalized title), or 0 when this one is first.
	SameAs int
}

// CitedKeys returns the keys of the sources that citation numbers cite in a
// document's source list: each source's URL, or its title when it has none,
// taken from the first source of its story (SameAs) so that two listings of
// one story give one key. Unknown numbers are skipped.
func CitedKeys(sources []Source, citations []int) []string {
	if len(citations) == 0 || len(sources) == 0 {
		return nil
	}
	byN := make(map[int]Source, len(sources))
	for _, s := range sources {
		byN[s.N] = s
	}
	var keys []string
	seen := map[string]bool{}
	for _, n := range citations {
		s, ok := byN[n]
		if !ok {
			continue
		}
		if first, ok := byN[s.SameAs]; ok && s.SameAs != 0 {
			s = first
		}
		k := s.URL
		if k == "" {
			k = "title:" + s.Title
		}
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	return keys
}
