package main

import (
	"context"
	"fmt"
	"text/tabwriter"
)

func init() {
	register(command{name: "stats", summary: "what the store holds", run: runStats})
}

func runStats(ctx context.Context, e *env, args []string) int {
	var c Config
	fs := newFlags(e, "stats", "", &c)
	fs.StringVar(&c.Format, "format", "table", "table or json")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return fail(e, "stats", err)
	}
	if r := noArgs(e, fs, pos); r >= 0 {
		return r
	}
	if err := checkFormat(c.Format, "table", "json"); err != nil {
		return fail(e, "stats", err)
	}
	store, err := openExisting(ctx, c.DB)
	if err != nil {
		return fail(e, "stats", err)
	}
	defer store.Close()
	st, err := store.Stats(ctx)
	if err != nil {
		return fail(e, "stats", err)
	}
	if c.Format == "json" {
		if err := writeJSON(e.stdout, st); err != nil {
			return fail(e, "stats", err)
		}
		return exitOK
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "documents\t%d\nstories\t%d\nsentences\t%d\nmentions\t%d\nevents\t%d\nactors\t%d\nsize\t%.1f MB\n",
		st.Documents, st.Stories, st.Sentences, st.Mentions, st.Events, st.Actors, float64(st.Bytes)/1e6)
	if !st.Oldest.IsZero() {
		fmt.Fprintf(tw, "published\t%s – %s\n", st.Oldest.Format("2006-01-02"), st.Newest.Format("2006-01-02"))
	}
	tw.Flush()
	return exitOK
}
