package dyad

import (
	"errors"
	"fmt"
)

// Error codes classify failures at the boundaries: stores return them, the web
// layer maps them to HTTP statuses and cmd/dyad to exit statuses.
const (
	EINVALID  = "invalid"   // the caller's input is wrong (bad filter, bad date)
	ENOTFOUND = "not_found" // the thing asked for does not exist
	ECONFLICT = "conflict"  // the write contradicts what is stored
	EINTERNAL = "internal"  // anything else: a bug or an outside failure
	ETOOLARGE = "too_large" // an input exceeds a configured limit
)

// Error is an error with a code meant for callers to branch on and a message
// meant for users. Unclassified errors are reported as EINTERNAL.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return fmt.Sprintf("dyad: %s: %s", e.Code, e.Message) }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, "" for nil
// and EINTERNAL for any other error.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message of err: the message of its
// *Error, or "internal error" for anything unclassified.
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Message
	}
	return "internal error"
}
