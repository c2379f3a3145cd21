// Package errs declares the sentinel errors of ingest in one place, so the
// format packages (text, html, jsonl, feed) can wrap them without importing
// ingest, which imports them. ingest re-exports every value under the same
// name; callers use those.
package errs

import "errors"

// The sentinels; see the identically named variables in package ingest for
// when each is returned.
var (
	ErrTooLarge         = errors.New("too large")
	ErrBinary           = errors.New("binary content")
	ErrInvalidUTF8      = errors.New("invalid UTF-8")
	ErrEmpty            = errors.New("no text")
	ErrMalformed        = errors.New("malformed")
	ErrUnknownFormat    = errors.New("unknown document format")
	ErrBadURL           = errors.New("bad URL")
	ErrPrivateAddress   = errors.New("private or local address refused")
	ErrFetch            = errors.New("fetch")
	ErrHTTPStatus       = errors.New("HTTP status")
	ErrContentType      = errors.New("unsupported content type")
	ErrTooManyRedirects = errors.New("too many redirects")
)
