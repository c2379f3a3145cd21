package actor

import (
	"fmt"
	"sort"
	"strings"
)

// An Error is one problem in a dictionary file, positioned so that a user can
// open the file at the line and fix it.
type Error struct {
	File string // the file's path as given to Load, or its name for embedded data
	Line int    // 1-based; 0 when the problem concerns the whole file
	Msg  string
}

// Error returns "file:line: reason", or "file: reason" without a line.
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// An ErrorList collects the problems of one or more dictionary files, so that
// a user sees all of them at once and every good entry is still loaded.
type ErrorList []*Error

// Error joins the list's errors one per line.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Err returns l as an error, or nil when l is empty, so that callers can
// write `if err := l.Err(); err != nil`.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Sort orders the list by file, then line.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].File != l[j].File {
			return l[i].File < l[j].File
		}
		return l[i].Line < l[j].Line
	})
}

func (l *ErrorList) add(file string, line int, format string, args ...any) {
	*l = append(*l, &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}
