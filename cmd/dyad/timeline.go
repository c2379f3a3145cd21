package main

import (
	"context"
	"strings"

	"github.com/dyad-project/dyad/query"
)

func init() {
	register(command{name: "timeline", args: "A B", summary: "a dyad's events per period and direction, by QuadClass", run: runTimeline})
}

func runTimeline(ctx context.Context, e *env, args []string) int {
	var c Config
	fs := newFlags(e, "timeline", "A B", &c)
	by := fs.String("by", "month", "day, week, month or year")
	since := fs.String("since", "", "events on or after this date (YYYY, YYYY-MM, YYYY-MM-DD)")
	until := fs.String("until", "", "events on or before this date (YYYY, YYYY-MM, YYYY-MM-DD)")
	fs.StringVar(&c.Format, "format", "table", "table, json, csv or svg")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return fail(e, "timeline", err)
	}
	if len(pos) != 2 {
		return badArgs(e, fs, "want two actors A B; got %d arguments", len(pos))
	}
	if err := checkFormat(c.Format, "table", "json", "csv", "svg"); err != nil {
		return fail(e, "timeline", err)
	}
	period, err := query.ParsePeriod(*by)
	if err != nil {
		return fail(e, "timeline", err)
	}
	ff := filterFlags{query.FilterArgs{Since: *since, Until: *until}}
	f, err := ff.filter()
	if err != nil {
		return fail(e, "timeline", err)
	}
	a, err := actorSelector(pos[0])
	if err != nil {
		return fail(e, "timeline", err)
	}
	b, err := actorSelector(pos[1])
	if err != nil {
		return fail(e, "timeline", err)
	}
	store, err := openExisting(ctx, c.DB)
	if err != nil {
		return fail(e, "timeline", err)
	}
	defer store.Close()
	t, err := query.TimelineOf(ctx, store, a, b, strings.ToUpper(pos[0][:1])+pos[0][1:], strings.ToUpper(pos[1][:1])+pos[1][1:], period, f)
	if err != nil {
		return fail(e, "timeline", err)
	}
	switch c.Format {
	case "json":
		err = writeJSON(e.stdout, t)
	case "csv":
		err = t.WriteCSV(e.stdout)
	case "svg":
		err = t.WriteSVG(e.stdout)
	default:
		err = t.WriteTable(e.stdout)
	}
	if err != nil {
		return fail(e, "timeline", err)
	}
	return exitOK
}
