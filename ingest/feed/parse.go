package feed

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/mmcdole/gofeed"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/ingest/internal/errs"
)

// Func receives each item read: its origin ("name#n", n counting items from
// 1) and either its document (whose Origin is set) or the reason it was
// rejected. Returning an error stops the reading, and Parse returns it.
type Func func(origin string, doc *dyad.Document, err error) error

// Parse decodes the feed in r and calls fn for each item in feed order. It
// returns an error wrapping ingest.ErrMalformed when r is not a feed it can
// decode and ingest.ErrEmpty when the feed has no items; items without text
// are passed to fn as errors and the rest still read. Otherwise it returns
// fn's error or ctx's error (checked between items).
func Parse(ctx context.Context, r io.Reader, name string, fn Func) error {
	f, err := decode(r)
	if err != nil {
		return err
	}
	if len(f.Items) == 0 {
		return fmt.Errorf("%w: feed has no items", errs.ErrEmpty)
	}
	for i, it := range f.Items {
		if err := ctx.Err(); err != nil {
			return err
		}
		if it == nil {
			continue
		}
		origin := name + "#" + strconv.Itoa(i+1)
		doc, err := Document(f, it)
		if doc != nil {
			doc.Origin = origin
		}
		if err := fn(origin, doc, err); err != nil {
			return err
		}
	}
	return nil
}

// decode parses r with gofeed. A panic inside the parser, which outside
// input must not be able to cause, is reported as a malformed feed.
func decode(r io.Reader) (f *gofeed.Feed, err error) {
	defer func() {
		if p := recover(); p != nil {
			f, err = nil, fmt.Errorf("%w feed: parser panic: %v", errs.ErrMalformed, p)
		}
	}()
	f, err = gofeed.NewParser().Parse(r)
	if err != nil {
		return nil, fmt.Errorf("%w feed: %v", errs.ErrMalformed, err)
	}
	return f, nil
}
