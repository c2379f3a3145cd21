package pipeline

import (
	"errors"
	"strings"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/nlp"
	"github.com/dyad-project/dyad/sourcing"
	"github.com/dyad-project/dyad/story"
	"github.com/dyad-project/dyad/timex"
)

// ErrEmpty is returned by Prepare for a document with no text after
// normalization.
var ErrEmpty = errors.New("no text")

// Prepare runs the text stages over a document as ingest produced it:
// normalizes its text, derives its ID from that text, splits it into
// sentences with their citation markers, parses its own source list,
// fingerprints it for near-duplicate detection, and, when it has no
// publication date, takes the latest full date written in it (marked
// inferred). It returns ErrEmpty for a document with no text.
func Prepare(doc *dyad.Document) error {
	doc.Text = nlp.Normalize(doc.Text)
	if doc.Text == "" {
		return ErrEmpty
	}
	doc.ID = dyad.NewDocumentID(doc.Text)
	doc.Sentences = nlp.Splitter{}.Split(doc.Text)
	if srcs, _, ok := sourcing.ParseSources(doc.Text); ok {
		doc.Sources = srcs
	}
	doc.Fingerprint = story.Fingerprint(doc.Text)
	if doc.Title == "" {
		doc.Title = firstLineTitle(doc)
	}
	if doc.Published.IsZero() {
		if t, ok := timex.InferPublished(doc.Text); ok {
			doc.Published, doc.PublishedInferred = t, true
		}
	}
	return nil
}

// maxTitle is the longest first line that stands in for a missing title.
const maxTitle = 200

// firstLineTitle returns the title of a document that has none: its first
// headline, or else its first line when that is short enough to be one
// (plain-text articles open with their headline), or "".
func firstLineTitle(doc *dyad.Document) string {
	for _, s := range doc.Sentences {
		if s.Kind == dyad.KindHeadline {
			return s.Text
		}
		break
	}
	line, _, _ := strings.Cut(doc.Text, "\n")
	if line = strings.TrimSpace(line); len(line) <= maxTitle {
		return line
	}
	return ""
}
