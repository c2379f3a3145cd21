package jsonl

import (
	"fmt"
	"strings"
	"time"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/ingest/internal/dates"
	"github.com/dyad-project/dyad/ingest/internal/errs"
)

// Document returns the document r describes, with its text as written. It
// returns an error wrapping ingest.ErrEmpty when no text field holds
// anything but white space. A date that does not parse leaves Published
// zero. Origin is left for the caller.
func (r *Record) Document() (*dyad.Document, error) {
	text := first(r.Text, r.Body, r.Content, r.Article, r.Maintext)
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("%w: none of the fields text, body, content, article, maintext is set", errs.ErrEmpty)
	}
	return &dyad.Document{
		Title:     strings.TrimSpace(first(r.Title, r.Headline)),
		Text:      text,
		URL:       strings.TrimSpace(first(r.URL, r.Link)),
		Outlet:    strings.TrimSpace(first(r.Outlet, r.Source, r.Publisher, r.Site)),
		Language:  strings.TrimSpace(first(r.Language, r.Lang)),
		Published: r.published(),
	}, nil
}

// published returns the first date field that parses.
func (r *Record) published() time.Time {
	for _, f := range []Flex{r.Published, r.PublishedAt, r.DatePublished, r.PubDate, r.DatePublish, r.Datetime, r.Date, r.Time} {
		if f.S == "" {
			continue
		}
		if n, ok := f.Int(); ok {
			if t, ok := dates.Unix(n); ok {
				return t
			}
			continue
		}
		if t, ok := dates.Parse(f.S); ok {
			return t
		}
	}
	return time.Time{}
}

func first(fs ...Flex) string {
	for _, f := range fs {
		if f.S != "" && !f.IsNumber {
			return f.S
		}
	}
	return ""
}
