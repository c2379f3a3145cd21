package eval

import (
	"context"
	"fmt"
	"io"
	"slices"

	"github.com/dyad-project/dyad/dyad"
)

// RunGold codes every document of docs with c and scores the mentions
// against gold. prepare, when not nil, is called on each document before it
// is coded, to normalize and split it as the pipeline would. Mentions are
// grouped by the document's Origin (the id gold lines use), or by its ID
// when it has no Origin. RunGold returns EINVALID when two documents share
// an id or a gold line names a document that is not in docs (its events
// could never be matched), the coder's error for a document wrapped with
// the document's id, and ctx.Err() unwrapped when ctx ends.
func RunGold(ctx context.Context, gold []Gold, docs []*dyad.Document, c dyad.Coder, prepare func(*dyad.Document)) (Scores, error) {
	system := make(map[string][]*dyad.Mention, len(docs))
	for _, d := range docs {
		key := docKey(d)
		if _, dup := system[key]; dup {
			return Scores{}, dyad.Errorf(dyad.EINVALID, "document %s given twice", key)
		}
		system[key] = nil
	}
	var missing []string
	for _, g := range gold {
		if _, ok := system[g.Doc]; !ok && !slices.Contains(missing, g.Doc) {
			missing = append(missing, g.Doc)
		}
	}
	if len(missing) > 0 {
		return Scores{}, dyad.Errorf(dyad.EINVALID, "gold names %d documents not given, first %s", len(missing), missing[0])
	}
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return Scores{}, err
		}
		if prepare != nil {
			prepare(d)
		}
		ms, err := c.Code(ctx, d)
		if err != nil {
			if ctx.Err() != nil {
				return Scores{}, ctx.Err()
			}
			return Scores{}, fmt.Errorf("code %s: %w", docKey(d), err)
		}
		system[docKey(d)] = ms
	}
	return Score(gold, system), nil
}

// docKey is the id under which a document's mentions are scored.
func docKey(d *dyad.Document) string {
	if d.Origin != "" {
		return d.Origin
	}
	return string(d.ID)
}

// WriteText writes the scores as an aligned table, one row per level from
// the loosest to the strictest, with counts and recall, precision and F1:
//
//	level           gold  system  matched  recall  precision     F1
//	root             120      98       60   0.500      0.612  0.550
func (s Scores) WriteText(w io.Writer) error {
	ls := s.Levels()
	width := len("level")
	for _, l := range ls {
		width = max(width, len(l.Name))
	}
	if _, err := fmt.Fprintf(w, "%-*s  %6s  %6s  %7s  %6s  %9s  %5s\n",
		width, "level", "gold", "system", "matched", "recall", "precision", "F1"); err != nil {
		return err
	}
	for _, l := range ls {
		if _, err := fmt.Fprintf(w, "%-*s  %6d  %6d  %7d  %6.3f  %9.3f  %5.3f\n",
			width, l.Name, l.Gold, l.System, l.Matched, l.Recall, l.Precision, l.F1); err != nil {
			return err
		}
	}
	return nil
}
