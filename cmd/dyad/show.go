package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/resolve"
)

func init() {
	register(command{name: "show", args: "ID", summary: "one event: its mentions, sources and conflicts", run: runShow})
}

func runShow(ctx context.Context, e *env, args []string) int {
	var c Config
	fs := newFlags(e, "show", "ID", &c)
	fs.StringVar(&c.Format, "format", "text", "text, json or jsonl (the event on one line)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return fail(e, "show", err)
	}
	if len(pos) != 1 {
		return badArgs(e, fs, "want one event ID (ev_…); got %d arguments", len(pos))
	}
	if err := checkFormat(c.Format, "text", "json", "jsonl"); err != nil {
		return fail(e, "show", err)
	}
	store, err := openExisting(ctx, c.DB)
	if err != nil {
		return fail(e, "show", err)
	}
	defer store.Close()
	ev, err := store.FindEvent(ctx, dyad.EventID(pos[0]))
	if err != nil {
		return fail(e, "show", err)
	}
	switch c.Format {
	case "json":
		err = writeJSON(e.stdout, ev)
	case "jsonl":
		err = writeJSONL(e.stdout, ev)
	default:
		err = writeEventText(e.stdout, ev)
	}
	if err != nil {
		return fail(e, "show", err)
	}
	return exitOK
}

// writeEventText prints an event as a person reads it.
func writeEventText(w io.Writer, ev *dyad.Event) error {
	fmt.Fprintf(w, "%s  %s → %s  CAMEO %s (%s, QuadClass %d, Goldstein %+.1f)\n", ev.ID, actorLabel(ev.Source), actorLabel(ev.Target),
		ev.Code, ev.Plover, ev.QuadClass, ev.Goldstein)
	fmt.Fprintf(w, "date: %s (%s)   certainty: %s\n", dateOrUnknown(ev.Date), ev.Date.PrecisionOrUnknown(), ev.Certainty)
	if ev.Location != nil {
		fmt.Fprintf(w, "place: %s, %s (%.2f, %.2f)\n", ev.Location.Name, ev.Location.Country, ev.Location.Lat, ev.Location.Lon)
	}
	fmt.Fprintf(w, "%d mentions in %d documents from %d independent sources\n", ev.NumMentions, ev.NumDocuments, ev.NumSources)
	if len(ev.Conflicts) > 0 {
		fmt.Fprintln(w, "\nWhere sources disagree:")
		for _, c := range ev.Conflicts {
			fmt.Fprintf(w, "  %s: %s\n", c.Field, resolve.String(c))
		}
	}
	fmt.Fprintln(w, "\nMentions:")
	for i, m := range ev.Mentions {
		attr := ""
		if m.AttributedTo != nil {
			attr = ", according to " + m.AttributedTo.Text
		}
		fmt.Fprintf(w, "  [%d] %s %s %s  %s%s  date %s\n", i+1, orDash(m.Outlet), orDash(published(m)), m.Doc, m.Certainty, attr, dateOrUnknown(m.Date))
		if m.URL != "" {
			fmt.Fprintf(w, "      %s\n", m.URL)
		}
		fmt.Fprintf(w, "      “%s”\n", strings.Join(strings.Fields(m.Text), " "))
	}
	fmt.Fprintln(w, "\nSources, by story:")
	stories := map[dyad.DocumentID][]*dyad.Mention{}
	var order []dyad.DocumentID
	for _, m := range ev.Mentions {
		key := m.Story
		if key == "" {
			key = m.Doc
		}
		if _, ok := stories[key]; !ok {
			order = append(order, key)
		}
		stories[key] = append(stories[key], m)
	}
	for _, k := range order {
		var outlets []string
		for _, m := range stories[k] {
			label := orDash(m.Outlet)
			if m.URL != "" {
				label += " <" + m.URL + ">"
			}
			if !slices.Contains(outlets, label) {
				outlets = append(outlets, label)
			}
		}
		fmt.Fprintf(w, "  story %s: %s\n", k, strings.Join(outlets, "; "))
	}
	return nil
}

func actorLabel(a dyad.Actor) string {
	if a.Name != "" {
		return fmt.Sprintf("%s (%s)", a.Code, a.Name)
	}
	return string(a.Code)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func published(m *dyad.Mention) string {
	if m.Published.IsZero() {
		return ""
	}
	return m.Published.Format("2006-01-02")
}
