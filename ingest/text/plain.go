package text

import (
	"bytes"
	"fmt"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/ingest/internal/errs"
)

var bom = []byte("\xef\xbb\xbf")

// Parse returns the document whose text is data, less a leading UTF-8
// byte-order mark. It does not guess a title: a first line of plain text may
// as well be a dateline or the first sentence. It returns an error wrapping
// ingest.ErrEmpty when data holds only white space. The caller checks that
// data is valid UTF-8.
func Parse(data []byte) (*dyad.Document, error) {
	data = bytes.TrimPrefix(data, bom)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%w: only white space", errs.ErrEmpty)
	}
	return &dyad.Document{Text: string(data)}, nil
}
