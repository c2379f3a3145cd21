package petrarch

import "fmt"

// DictStats summarizes a dictionary folder for "dyad dict stats": each
// file's counts, their totals, and every load error.
type DictStats struct {
	Files  []FileStats `json:"files"`
	Total  FileStats   `json:"total"`
	Errors ErrorList   `json:"errors"`
}

// Stats loads every dictionary file in dir (kinds guessed by KindOf) and
// counts what each holds. Problems inside files are listed, not fatal.
func Stats(dir string) (DictStats, error) {
	d, err := Load(dir)
	if err != nil {
		return DictStats{}, fmt.Errorf("dictionary stats: %w", err)
	}
	return d.Stats(), nil
}

// Stats returns the counts of the files d was loaded from.
func (d *Dictionaries) Stats() DictStats {
	s := DictStats{Files: d.Files, Errors: d.Errors, Total: FileStats{File: "total"}}
	t := &s.Total
	for _, f := range d.Files {
		t.Lines += f.Lines
		t.Blank += f.Blank
		t.Comments += f.Comments
		t.Entries += f.Entries
		t.Structure += f.Structure
		t.Errors += f.Errors
		t.Actors += f.Actors
		t.ActorPhrases += f.ActorPhrases
		t.ActorCodes += f.ActorCodes
		t.Agents += f.Agents
		t.AgentPhrases += f.AgentPhrases
		t.Verbs += f.Verbs
		t.VerbForms += f.VerbForms
		t.VerbBlocks += f.VerbBlocks
		t.Patterns += f.Patterns
		t.Synsets += f.Synsets
		t.SynsetMembers += f.SynsetMembers
		t.Transformations += f.Transformations
		t.Discards += f.Discards
		t.Issues += f.Issues
		t.Words += f.Words
	}
	return s
}
