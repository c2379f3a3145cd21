package feed

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/ingest/html"
	"github.com/dyad-project/dyad/ingest/internal/dates"
	"github.com/dyad-project/dyad/ingest/internal/errs"
)

// Document returns the document of one feed item: its content or else its
// description as text, its title, its link (resolved against the feed's
// link), its published or else updated time, its Dublin Core publisher or
// else the feed's title as the outlet, and the feed's language. It returns
// an error wrapping ingest.ErrEmpty when the item has no text.
func Document(f *gofeed.Feed, it *gofeed.Item) (*dyad.Document, error) {
	text := html.FragmentText(it.Content)
	if strings.TrimSpace(text) == "" {
		text = html.FragmentText(it.Description)
	}
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("%w: item has no content or description", errs.ErrEmpty)
	}
	doc := &dyad.Document{
		Title:     html.FragmentText(it.Title),
		Text:      text,
		URL:       itemURL(f, it),
		Published: published(it),
		Language:  strings.TrimSpace(f.Language),
	}
	if it.DublinCoreExt != nil && len(it.DublinCoreExt.Publisher) > 0 {
		doc.Outlet = strings.TrimSpace(it.DublinCoreExt.Publisher[0])
	}
	if doc.Outlet == "" {
		doc.Outlet = html.FragmentText(f.Title)
	}
	return doc, nil
}

func itemURL(f *gofeed.Feed, it *gofeed.Item) string {
	for _, u := range []string{it.Link, it.GUID} {
		u = strings.TrimSpace(u)
		ref, err := url.Parse(u)
		if u == "" || err != nil {
			continue
		}
		if base, err := url.Parse(strings.TrimSpace(f.Link)); err == nil && base.IsAbs() {
			ref = base.ResolveReference(ref)
		}
		if (ref.Scheme == "http" || ref.Scheme == "https") && ref.Host != "" {
			return ref.String()
		}
	}
	return ""
}

func published(it *gofeed.Item) time.Time {
	for _, p := range []*time.Time{it.PublishedParsed, it.UpdatedParsed} {
		if p != nil && p.Year() >= 1800 && p.Year() <= 2200 {
			return *p
		}
	}
	for _, s := range []string{it.Published, it.Updated} {
		if t, ok := dates.Parse(s); ok {
			return t
		}
	}
	return time.Time{}
}
