package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/ingest/feed"
	"github.com/dyad-project/dyad/ingest/html"
	"github.com/dyad-project/dyad/ingest/jsonl"
	"github.com/dyad-project/dyad/ingest/text"
)

// The defaults of Options.
const (
	DefaultMaxBytes     = 16 << 20
	DefaultTimeout      = 20 * time.Second
	DefaultMaxRedirects = 5
)

// Options configures a Reader. Zero fields take their defaults. Outlet,
// URL and Published fill documents that lack them.
type Options struct {
	// MaxBytes caps each input: a file or fetched body read whole (text,
	// Markdown, HTML, feeds, a JSON object), each line of JSON Lines and
	// each element of a JSON array, which stream without a cap on the file.
	// Default 16 MiB.
	MaxBytes int64
	// Timeout bounds each URL fetch, body included. Default 20s.
	Timeout time.Duration
	// MaxRedirects caps the redirects a fetch follows; default 5, and a
	// negative value allows none.
	MaxRedirects int
	// AllowPrivate lets URLs reach loopback, private, link-local and other
	// non-public addresses; off, they are refused with ErrPrivateAddress.
	AllowPrivate bool
	// Outlet and URL are the defaults for documents without them.
	Outlet, URL string
	// Published is the default for documents without a date.
	Published time.Time
	// Client fetches URLs. When nil the Reader builds one from the fields
	// above; a given client is used as is, so its transport is responsible
	// for refusing private addresses.
	Client *http.Client
}

// An Item is one document read, or one input (or record) rejected. Exactly
// one of Doc and Err is set. Err is an *Error: its message names the input
// (path, "path:line", URL, "stdin") and the reason, and it wraps one of the
// sentinel errors where one applies.
type Item struct {
	Doc *dyad.Document
	Err error
}

// A Reader reads documents from files, directories, standard input and
// URLs. It is safe for concurrent use; each Read runs on its caller's
// goroutine.
type Reader struct {
	o      Options
	client *http.Client
}

// NewReader returns a Reader with o's zero fields set to their defaults.
func NewReader(o Options) *Reader {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	switch {
	case o.MaxRedirects == 0:
		o.MaxRedirects = DefaultMaxRedirects
	case o.MaxRedirects < 0:
		o.MaxRedirects = 0
	}
	r := &Reader{o: o, client: o.Client}
	if r.client == nil {
		r.client = newClient(o)
	}
	return r
}

// Read reads every input in order — files, directories (recursive, in
// lexical order, skipping hidden files and directories), "-" (stdin) and
// http(s) URLs — and calls fn for each item, streaming: one document at a
// time, so memory stays flat however large the corpus. A rejected input or
// record is an item too, and the inputs after it are still read.
//
// Read stops early only when ctx is done or fn returns an error, and
// returns that error unwrapped; otherwise it returns nil.
func (r *Reader) Read(ctx context.Context, inputs []string, stdin io.Reader, fn func(Item) error) error {
	e := &emitter{o: &r.o, fn: fn}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		switch {
		case in == "-":
			if stdin == nil {
				err = e.fail("stdin", errors.New("no standard input"))
				break
			}
			err = r.readStream(ctx, e, source{name: "stdin", sniffName: "stdin", r: stdin, size: -1})
		case isURL(in):
			err = r.readURL(ctx, e, in)
		default:
			err = r.readPath(ctx, e, in)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// ReadStream reads one input from src, named name in origins and error
// messages (an upload's file name, say), sniffing its format as Read does
// for "-". It calls fn for each item and returns as Read does.
func (r *Reader) ReadStream(ctx context.Context, name string, src io.Reader, fn func(Item) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	e := &emitter{o: &r.o, fn: fn}
	return r.readStream(ctx, e, source{name: name, sniffName: name, r: src, size: -1})
}

// isURL reports whether in names a URL rather than a path.
func isURL(in string) bool {
	scheme, _, ok := strings.Cut(in, "://")
	return ok && scheme != "" && !strings.ContainsAny(scheme, `/\.`)
}

// emitter passes items to fn and remembers whether fn asked to stop, so
// that errors from fn are told apart from errors of reading.
type emitter struct {
	o    *Options
	fn   func(Item) error
	stop error
}

func (e *emitter) doc(d *dyad.Document) error {
	if d.Outlet == "" {
		d.Outlet = e.o.Outlet
	}
	if d.URL == "" {
		d.URL = e.o.URL
	}
	if d.Published.IsZero() {
		d.Published = e.o.Published
	}
	return e.call(Item{Doc: d})
}

func (e *emitter) fail(input string, err error) error {
	return e.call(Item{Err: &Error{Input: input, Err: err}})
}

func (e *emitter) call(it Item) error {
	if err := e.fn(it); err != nil {
		e.stop = err
		return err
	}
	return nil
}

// record is the callback of the streaming format packages.
func (e *emitter) record(origin string, d *dyad.Document, err error) error {
	if err != nil {
		return e.fail(origin, err)
	}
	d.Origin = origin
	return e.doc(d)
}

// settle turns the error a format reader returned into what Read should
// do: stop (fn's or ctx's error, returned) or report a read error as an
// item for the input and go on.
func (e *emitter) settle(ctx context.Context, name string, err error) error {
	switch {
	case err == nil:
		return nil
	case e.stop != nil && errors.Is(err, e.stop):
		return e.stop
	case ctx.Err() != nil && errors.Is(err, ctx.Err()):
		return ctx.Err()
	}
	return e.fail(name, err)
}

func (r *Reader) readPath(ctx context.Context, e *emitter, p string) error {
	st, err := os.Stat(p)
	if err != nil {
		return e.fail(p, pathErr(err))
	}
	if !st.IsDir() {
		return r.readFile(ctx, e, p)
	}
	return filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
		if err != nil {
			if ferr := e.fail(q, pathErr(err)); ferr != nil {
				return ferr
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if q != p && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			// follow symbolic links to files, not to directories
			if st, err := os.Stat(q); err != nil || !st.Mode().IsRegular() {
				return nil
			}
		}
		return r.readFile(ctx, e, q)
	})
}

// pathErr drops the operation and path from a *fs.PathError, which the
// item's Error names already.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (r *Reader) readFile(ctx context.Context, e *emitter, p string) error {
	f, err := os.Open(p)
	if err != nil {
		return e.fail(p, pathErr(err))
	}
	defer f.Close()
	size := int64(-1)
	if st, err := f.Stat(); err == nil {
		size = st.Size()
	}
	return r.readStream(ctx, e, source{name: p, sniffName: p, r: f, size: size})
}

func (r *Reader) readURL(ctx context.Context, e *emitter, raw string) error {
	f, err := r.fetch(ctx, raw)
	if err != nil {
		if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
			return ctx.Err()
		}
		return e.fail(raw, err)
	}
	return r.readStream(ctx, e, source{
		name: raw, sniffName: f.sniffName, r: bytes.NewReader(f.body), size: int64(len(f.body)),
		contentType: f.contentType, pageURL: f.final,
	})
}

// A source is one input stream to read.
type source struct {
	name        string // for Origin and errors
	sniffName   string // for Sniff's extension check
	r           io.Reader
	size        int64 // -1 when unknown
	contentType string
	pageURL     *url.URL // for fetched inputs
	gunzipped   bool
}

// readStream sniffs src and reads it in its format.
func (r *Reader) readStream(ctx context.Context, e *emitter, src source) error {
	if src.size == 0 {
		return e.fail(src.name, fmt.Errorf("%w: empty file", ErrEmpty))
	}
	br := bufio.NewReaderSize(src.r, 64<<10)
	head, err := br.Peek(SniffLen)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return e.settle(ctx, src.name, readErr(src, err))
	}
	if len(head) == 0 {
		return e.fail(src.name, fmt.Errorf("%w: empty input", ErrEmpty))
	}
	max := r.o.MaxBytes
	switch format := Sniff(src.sniffName, head); format {
	case FormatGzip:
		if src.gunzipped {
			return e.fail(src.name, fmt.Errorf("%w: gzip inside gzip", ErrBinary))
		}
		zr, err := gzip.NewReader(br)
		if err != nil {
			return e.fail(src.name, fmt.Errorf("%w gzip: %v", ErrMalformed, err))
		}
		defer zr.Close()
		return r.readStream(ctx, e, source{
			name: src.name, sniffName: strings.TrimSuffix(src.sniffName, ".gz"), r: zr, size: -1,
			contentType: src.contentType, pageURL: src.pageURL, gunzipped: true,
		})
	case FormatBinary:
		return e.fail(src.name, fmt.Errorf("%w (%s)", ErrBinary, binaryKind(head)))
	case FormatUnknown:
		return e.fail(src.name, fmt.Errorf("%w: markup that is neither HTML nor a feed", ErrUnknownFormat))
	case FormatJSONL:
		return e.settle(ctx, src.name, readErr(src, jsonl.ReadLines(ctx, br, src.name, max, e.record)))
	case FormatJSON:
		return e.settle(ctx, src.name, readErr(src, jsonl.ReadJSON(ctx, br, src.name, max, e.record)))
	default:
		if src.size > max {
			return e.fail(src.name, fmt.Errorf("%w: %d bytes, over the %d-byte limit", ErrTooLarge, src.size, max))
		}
		data, err := io.ReadAll(io.LimitReader(br, max+1))
		if err != nil {
			return e.settle(ctx, src.name, readErr(src, err))
		}
		if int64(len(data)) > max {
			return e.fail(src.name, fmt.Errorf("%w: over the %d-byte limit", ErrTooLarge, max))
		}
		return r.readWhole(ctx, e, src, format, data)
	}
}

// readErr describes an error reading src's bytes: for a gzip stream, a
// malformed one.
func readErr(src source, err error) error {
	if err == nil || !src.gunzipped {
		return err
	}
	if errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%w gzip: %v", ErrMalformed, err)
	}
	return err
}

// readWhole parses the formats that are read whole.
func (r *Reader) readWhole(ctx context.Context, e *emitter, src source, format Format, data []byte) error {
	if format == FormatFeed {
		return e.settle(ctx, src.name, feed.Parse(ctx, bytes.NewReader(data), src.name, e.record))
	}
	var (
		d   *dyad.Document
		err error
	)
	switch format {
	case FormatHTML:
		d, err = html.Parse(data, src.contentType, src.pageURL)
	case FormatMarkdown, FormatText:
		if !utf8.Valid(data) {
			return e.fail(src.name, fmt.Errorf("%w at byte %d", ErrInvalidUTF8, invalidAt(data)))
		}
		if format == FormatMarkdown {
			d, err = text.ParseMarkdown(data)
		} else {
			d, err = text.Parse(data)
		}
	}
	if err != nil {
		return e.fail(src.name, err)
	}
	d.Origin = src.name
	if d.URL == "" && src.pageURL != nil {
		d.URL = src.pageURL.String()
	}
	return e.doc(d)
}

// invalidAt returns the offset of the first byte of data that is not UTF-8.
func invalidAt(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}
