package main

import (
	"context"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/query"
)

func init() {
	register(command{name: "brief", args: "A [B]", summary: "a cited briefing on an actor or a dyad", run: runBrief})
}

func runBrief(ctx context.Context, e *env, args []string) int {
	var c Config
	fs := newFlags(e, "brief", "A [B]", &c)
	since := fs.String("since", "", "events on or after this date (YYYY, YYYY-MM, YYYY-MM-DD)")
	until := fs.String("until", "", "events on or before this date (YYYY, YYYY-MM, YYYY-MM-DD)")
	snapshot := fs.Int("snapshot", 5, "lines in the Snapshot")
	fs.StringVar(&c.Format, "format", "md", "md, html or json")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return fail(e, "brief", err)
	}
	if len(pos) < 1 || len(pos) > 2 {
		return badArgs(e, fs, "want one actor A, or two actors A B; got %d arguments", len(pos))
	}
	if err := checkFormat(c.Format, "md", "html", "json"); err != nil {
		return fail(e, "brief", err)
	}
	o := query.BriefOptions{Snapshot: *snapshot, ALabel: pos[0]}
	if o.Since, err = parseDateFlag("since", *since); err != nil {
		return fail(e, "brief", err)
	}
	if o.Until, err = parseDateFlag("until", *until); err != nil {
		return fail(e, "brief", err)
	}
	if err := (dyad.EventFilter{Since: o.Since, Until: o.Until}).Validate(); err != nil {
		return fail(e, "brief", err)
	}
	if o.A, err = actorSelector(pos[0]); err != nil {
		return fail(e, "brief", err)
	}
	if len(pos) == 2 {
		o.BLabel = pos[1]
		if o.B, err = actorSelector(pos[1]); err != nil {
			return fail(e, "brief", err)
		}
	}
	store, err := openExisting(ctx, c.DB)
	if err != nil {
		return fail(e, "brief", err)
	}
	defer store.Close()
	b, err := query.BriefOf(ctx, store, o)
	if err != nil {
		return fail(e, "brief", err)
	}
	switch c.Format {
	case "html":
		err = b.WriteHTML(e.stdout)
	case "json":
		err = writeJSON(e.stdout, b)
	default:
		err = b.WriteMarkdown(e.stdout)
	}
	if err != nil {
		return fail(e, "brief", err)
	}
	return exitOK
}
