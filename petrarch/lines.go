package petrarch

import (
	"bufio"
	"io"
	"strings"
)

// LineKind classifies one line of a dictionary file.
type LineKind uint8

// The kinds of dictionary line. Every line has exactly one, so the counts of
// a file add up to its number of lines.
const (
	LineBlank     LineKind = iota // empty or white space only
	LineComment                   // '#' or '<!' comment
	LineEntry                     // defines something: a phrase, verb form, pattern, member...
	LineStructure                 // headers, section tags, code-only lines, substitution sets
	LineError                     // could not be read; see the file's errors
)

// FileStats counts what one dictionary file holds, line by line and by
// content, so that a load can be checked and reported.
type FileStats struct {
	File string `json:"file"`
	Kind string `json:"kind"` // actors, agents, verbs, discards, issues, words

	Lines     int `json:"lines"`
	Blank     int `json:"blank"`
	Comments  int `json:"comments"`
	Entries   int `json:"entries"`
	Structure int `json:"structure"`
	Errors    int `json:"errors"`

	Actors          int `json:"actors,omitempty"` // actor groups (a root with its synonyms)
	ActorPhrases    int `json:"actor_phrases,omitempty"`
	ActorCodes      int `json:"actor_codes,omitempty"`
	Agents          int `json:"agents,omitempty"`
	AgentPhrases    int `json:"agent_phrases,omitempty"` // with plurals and substitutions
	Verbs           int `json:"verbs,omitempty"`         // verb lines
	VerbForms       int `json:"verb_forms,omitempty"`    // generated and irregular forms
	VerbBlocks      int `json:"verb_blocks,omitempty"`
	Patterns        int `json:"patterns,omitempty"`
	Synsets         int `json:"synsets,omitempty"`
	SynsetMembers   int `json:"synset_members,omitempty"`
	Transformations int `json:"transformations,omitempty"`
	Discards        int `json:"discards,omitempty"`
	Issues          int `json:"issues,omitempty"`
	Words           int `json:"words,omitempty"`
}

func (s *FileStats) count(kinds []LineKind) {
	s.Lines = len(kinds)
	for _, k := range kinds {
		switch k {
		case LineBlank:
			s.Blank++
		case LineComment:
			s.Comments++
		case LineEntry:
			s.Entries++
		case LineStructure:
			s.Structure++
		case LineError:
			s.Errors++
		}
	}
}

// readLines splits r into lines, dropping a UTF-8 byte-order mark and
// carriage returns. Long lines are allowed.
func readLines(r io.Reader) ([]string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	var lines []string
	for sc.Scan() {
		l := strings.TrimRight(sc.Text(), "\r")
		if len(lines) == 0 {
			l = strings.TrimPrefix(l, "\ufeff")
		}
		lines = append(lines, l)
	}
	return lines, sc.Err()
}

// stripComment removes a '#' comment and surrounding white space. It reports
// whether the line was a comment or blank (nothing left), and which.
func stripComment(line string) (rest string, kind LineKind, empty bool) {
	t := strings.TrimSpace(line)
	if t == "" {
		return "", LineBlank, true
	}
	if strings.HasPrefix(t, "<!") || strings.HasPrefix(t, "#") {
		return "", LineComment, true
	}
	depth := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '[':
			depth++
		case ']':
			if depth > 0 {
				depth--
			}
		case '#':
			if depth == 0 { // "[###]" is a code, not a comment
				t = strings.TrimSpace(t[:i])
				i = len(t)
			}
		}
	}
	if t == "" {
		return "", LineComment, true
	}
	return t, LineEntry, false
}
