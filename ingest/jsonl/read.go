package jsonl

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/ingest/internal/errs"
)

// Func receives each record read: its origin ("name:line" or "name[i]",
// followed by " (id)" when the record has an id) and either its document
// (whose Origin is set) or the reason it was rejected. Returning an error
// stops the reading, and the reader returns that error.
type Func func(origin string, doc *dyad.Document, err error) error

// bufSize is the line reader's buffer: most records fit, so most lines are
// decoded straight out of it without a copy.
const bufSize = 1 << 20

// ReadLines reads JSON Lines from r, calling fn for every non-blank line in
// order. A line longer than maxLine bytes (0: no limit) is rejected with
// ingest.ErrTooLarge without being kept in memory; a line that is not valid
// UTF-8 with ingest.ErrInvalidUTF8; a line that is not a JSON object with
// ingest.ErrMalformed; a record without text with ingest.ErrEmpty. The
// lines after a rejected one are still read.
//
// ReadLines returns fn's error, ctx's error when ctx is done (checked
// between lines), or the error of reading r, such as a corrupt gzip stream.
func ReadLines(ctx context.Context, r io.Reader, name string, maxLine int64, fn Func) error {
	br := bufio.NewReaderSize(r, bufSize)
	var (
		long    []byte // a line longer than the buffer, gathered
		tooLong bool
		lineNo  int
	)
	for {
		chunk, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			if !tooLong {
				long = append(long, chunk...)
				if maxLine > 0 && int64(len(long)) > maxLine {
					tooLong, long = true, long[:0]
				}
			}
			continue
		}
		lineNo++
		line := chunk
		if len(long) > 0 {
			long = append(long, chunk...)
			line = long
		}
		if tooLong || (maxLine > 0 && int64(len(line)) > maxLine) {
			origin := name + ":" + strconv.Itoa(lineNo)
			if ferr := fn(origin, nil, fmt.Errorf("line longer than %d bytes: %w", maxLine, errs.ErrTooLarge)); ferr != nil {
				return ferr
			}
		} else if ferr := readLine(line, name, lineNo, fn); ferr != nil {
			return ferr
		}
		long, tooLong = long[:0], false
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
}

// readLine decodes one line and hands the result to fn; it returns fn's
// error only.
func readLine(line []byte, name string, lineNo int, fn Func) error {
	if lineNo == 1 {
		line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
	}
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return nil
	}
	origin := name + ":" + strconv.Itoa(lineNo)
	if !utf8.Valid(line) {
		return fn(origin, nil, errs.ErrInvalidUTF8)
	}
	if line[0] != '{' {
		return fn(origin, nil, fmt.Errorf("%w JSON line: not an object", errs.ErrMalformed))
	}
	var rec Record
	if err := json.Unmarshal(line, &rec); err != nil {
		return fn(origin, nil, fmt.Errorf("%w JSON line: %v", errs.ErrMalformed, err))
	}
	return emit(&rec, origin, fn)
}

// emit adapts rec and hands it to fn under origin, with rec's id appended.
func emit(rec *Record, origin string, fn Func) error {
	if id := rec.ID.S; id != "" && len(id) <= 200 {
		origin += " (" + id + ")"
	}
	doc, err := rec.Document()
	if err != nil {
		return fn(origin, nil, err)
	}
	doc.Origin = origin
	return fn(origin, doc, nil)
}

// ReadJSON reads a JSON file from r: one object, an array of objects, or an
// envelope object wrapping an array (see the package doc). Array elements
// are decoded one at a time and named "name[i]", i from 0; a single object
// is named "name". An element whose input runs over maxDoc bytes (0: no
// limit) is rejected with ingest.ErrTooLarge and ends the reading, as does
// a syntax error (ingest.ErrMalformed), since the rest cannot be resynchronized;
// both are passed to fn. An element that is not an object is
// rejected alone. Input that is not valid UTF-8 is rejected with
// ingest.ErrInvalidUTF8.
//
// ReadJSON returns fn's error, ctx's error, or nil.
func ReadJSON(ctx context.Context, r io.Reader, name string, maxDoc int64, fn Func) error {
	lr := &windowReader{r: r, max: maxDoc}
	br := bufio.NewReaderSize(lr, 64<<10)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	fail := func(origin string, err error) error {
		switch {
		case errors.Is(err, errs.ErrTooLarge), errors.Is(err, errs.ErrInvalidUTF8):
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			err = fmt.Errorf("%w JSON: unexpected end of input", errs.ErrMalformed)
		case isSyntax(err):
			err = fmt.Errorf("%w JSON: %v", errs.ErrMalformed, err)
		}
		return fn(origin, nil, err)
	}
	c, err := firstByte(br)
	if err != nil {
		return fn(name, nil, fmt.Errorf("%w: no JSON value", errs.ErrEmpty))
	}
	dec := json.NewDecoder(&utf8Checker{r: br})
	switch c {
	case '[':
		if _, err := dec.Token(); err != nil {
			return fail(name, err)
		}
		return readArray(ctx, dec, lr, name, fn, fail)
	case '{':
	default:
		return fn(name, nil, fmt.Errorf("%w JSON: top-level value is not an object or array", errs.ErrMalformed))
	}
	var env envelope
	if err := dec.Decode(&env); err != nil {
		return fail(name, err)
	}
	if trailing(dec) {
		return fn(name, nil, fmt.Errorf("%w JSON: data after the top-level object", errs.ErrMalformed))
	}
	if list := env.list(); list != nil && first(env.Text, env.Body, env.Content, env.Article, env.Maintext) == "" {
		for i, raw := range list {
			if err := ctx.Err(); err != nil {
				return err
			}
			origin := name + "[" + strconv.Itoa(i) + "]"
			var rec Record
			if err := json.Unmarshal(raw, &rec); err != nil {
				if ferr := fn(origin, nil, fmt.Errorf("%w JSON: element is not an object", errs.ErrMalformed)); ferr != nil {
					return ferr
				}
				continue
			}
			if err := emit(&rec, origin, fn); err != nil {
				return err
			}
		}
		return nil
	}
	return emit(&env.Record, name, fn)
}

func readArray(ctx context.Context, dec *json.Decoder, lr *windowReader, name string, fn Func, fail func(string, error) error) error {
	for i := 0; dec.More(); i++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		origin := name + "[" + strconv.Itoa(i) + "]"
		lr.reset()
		var rec Record
		err := dec.Decode(&rec)
		var typeErr *json.UnmarshalTypeError
		switch {
		case errors.As(err, &typeErr):
			if ferr := fn(origin, nil, fmt.Errorf("%w JSON: element is not an object", errs.ErrMalformed)); ferr != nil {
				return ferr
			}
			continue
		case err != nil:
			return fail(origin, err)
		}
		if err := emit(&rec, origin, fn); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil { // the closing "]"
		return fail(name, err)
	}
	if trailing(dec) {
		return fn(name, nil, fmt.Errorf("%w JSON: data after the top-level array", errs.ErrMalformed))
	}
	return nil
}

// firstByte skips white space in br and returns the next byte, unread.
func firstByte(br *bufio.Reader) (byte, error) {
	for {
		b, err := br.Peek(1)
		if err != nil {
			return 0, err
		}
		switch b[0] {
		case ' ', '\t', '\r', '\n':
			br.Discard(1)
			continue
		}
		return b[0], nil
	}
}

// trailing reports whether anything but white space follows the value dec
// has read.
func trailing(dec *json.Decoder) bool {
	_, err := dec.Token()
	return err != io.EOF
}

func isSyntax(err error) bool {
	var se *json.SyntaxError
	return errors.As(err, &se)
}

// windowReader fails with ErrTooLarge once more than max bytes have been
// read since the last reset, so one huge array element cannot fill memory.
type windowReader struct {
	r   io.Reader
	max int64
	n   int64
}

func (w *windowReader) reset() { w.n = 0 }

func (w *windowReader) Read(p []byte) (int, error) {
	if w.max > 0 && w.n > w.max {
		return 0, fmt.Errorf("JSON value over %d bytes: %w", w.max, errs.ErrTooLarge)
	}
	n, err := w.r.Read(p)
	w.n += int64(n)
	return n, err
}

// utf8Checker fails with ErrInvalidUTF8 on bytes that are not UTF-8;
// encoding/json would silently replace them. A rune split across reads is
// carried over to the next.
type utf8Checker struct {
	r    io.Reader
	tail []byte
}

func (u *utf8Checker) Read(p []byte) (int, error) {
	n, err := u.r.Read(p)
	b := p[:n]
	if len(u.tail) > 0 {
		b = append(u.tail, b...)
		u.tail = nil
	}
	valid := b
	// keep an incomplete rune at the end for the next read
	if k := incompleteTail(b); k > 0 && err == nil {
		u.tail = append([]byte(nil), b[len(b)-k:]...)
		valid = b[:len(b)-k]
	}
	if !utf8.Valid(valid) {
		return 0, errs.ErrInvalidUTF8
	}
	return n, err
}

// incompleteTail returns how many bytes at the end of b start a rune that
// is not complete yet.
func incompleteTail(b []byte) int {
	for k := 1; k <= 3 && k <= len(b); k++ {
		c := b[len(b)-k]
		if c < 0x80 {
			return 0
		}
		if utf8.RuneStart(c) {
			if !utf8.FullRune(b[len(b)-k:]) {
				return k
			}
			return 0
		}
	}
	return 0
}
