package ingest

import "github.com/dyad-project/dyad/ingest/internal/errs"

// Sentinel errors, for callers that branch with errors.Is on why an input or
// record was rejected. Every Item.Err wraps at most one of them inside an
// *Error that names the input.
var (
	// ErrTooLarge: a file, fetched body, JSON line or JSON array element is
	// over Options.MaxBytes (checked before reading whole when the size is
	// known).
	ErrTooLarge = errs.ErrTooLarge
	// ErrBinary: the input is binary (NUL bytes, control characters, or the
	// magic bytes of an image, PDF, archive or executable).
	ErrBinary = errs.ErrBinary
	// ErrInvalidUTF8: the text is not valid UTF-8 (HTML pages that declare
	// another charset are decoded instead).
	ErrInvalidUTF8 = errs.ErrInvalidUTF8
	// ErrEmpty: an empty input, a feed without items, or a document with no
	// text after extraction.
	ErrEmpty = errs.ErrEmpty
	// ErrMalformed: JSON, a JSON line, a feed or a gzip stream that does not
	// parse.
	ErrMalformed = errs.ErrMalformed
	// ErrUnknownFormat: content that is none of the supported formats, such
	// as XML that is not a feed.
	ErrUnknownFormat = errs.ErrUnknownFormat
	// ErrBadURL: a URL that does not parse, is not http or https, has no
	// host, or carries credentials.
	ErrBadURL = errs.ErrBadURL
	// ErrPrivateAddress: a URL whose host is, or resolves at dial time to, a
	// loopback, private, link-local, CGNAT, multicast or otherwise
	// non-public address, while Options.AllowPrivate is false. Redirects to
	// such hosts are refused too.
	ErrPrivateAddress = errs.ErrPrivateAddress
	// ErrFetch: the URL could not be fetched: DNS failure, refused
	// connection, TLS failure or timeout. The network error is wrapped too.
	ErrFetch = errs.ErrFetch
	// ErrHTTPStatus: the server answered with a status outside 2xx.
	ErrHTTPStatus = errs.ErrHTTPStatus
	// ErrContentType: the server sent a type dyad does not read, such as
	// image/png or application/pdf.
	ErrContentType = errs.ErrContentType
	// ErrTooManyRedirects: more than Options.MaxRedirects redirects.
	ErrTooManyRedirects = errs.ErrTooManyRedirects
)

// An Error is the reason one input or record was rejected, with the name
// of what was rejected: a path, "path:line" for a JSON line, "path[i]"
// for a JSON array element, "path#n" for a feed item, a URL, or "stdin".
// Its message reads "input: reason".
type Error struct {
	Input string
	Err   error
}

func (e *Error) Error() string { return e.Input + ": " + e.Err.Error() }

// Unwrap returns the reason, so errors.Is finds the sentinel in it.
func (e *Error) Unwrap() error { return e.Err }
