package petrarch

import (
	"fmt"
	"sort"
	"strings"
)

// A LoadError is one problem in a dictionary file, positioned so that the
// dictionary's maintainer can find and fix it.
type LoadError struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Msg  string `json:"msg"`
}

func (e LoadError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// An ErrorList collects the problems found while loading dictionaries. A bad
// entry is reported here and skipped; it never stops the rest of the load.
type ErrorList []LoadError

func (l *ErrorList) add(file string, line int, format string, args ...any) {
	*l = append(*l, LoadError{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// Sort orders the list by file and line.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].File != l[j].File {
			return l[i].File < l[j].File
		}
		return l[i].Line < l[j].Line
	})
}

// Error joins up to ten of the errors, one a line, and says how many more.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i == 10 {
			fmt.Fprintf(&b, "(and %d more errors)", len(l)-10)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Err returns l as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}
