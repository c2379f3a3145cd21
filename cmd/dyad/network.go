package main

import (
	"context"

	"github.com/dyad-project/dyad/query"
)

func init() {
	register(command{name: "network", args: "[filters]", summary: "actors as nodes, event flows as weighted edges", run: runNetwork})
}

func runNetwork(ctx context.Context, e *env, args []string) int {
	var c Config
	fs := newFlags(e, "network", "[filters]", &c)
	var ff filterFlags
	ff.register(fs, 0)
	fs.StringVar(&c.Format, "format", "json", "json, dot or graphml")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return fail(e, "network", err)
	}
	if r := noArgs(e, fs, pos); r >= 0 {
		return r
	}
	if err := checkFormat(c.Format, "json", "dot", "graphml"); err != nil {
		return fail(e, "network", err)
	}
	f, err := ff.filter()
	if err != nil {
		return fail(e, "network", err)
	}
	store, err := openExisting(ctx, c.DB)
	if err != nil {
		return fail(e, "network", err)
	}
	defer store.Close()
	n, err := query.NetworkOf(ctx, store, f)
	if err != nil {
		return fail(e, "network", err)
	}
	switch c.Format {
	case "dot":
		err = n.WriteDOT(e.stdout)
	case "graphml":
		err = n.WriteGraphML(e.stdout)
	default:
		err = writeJSON(e.stdout, n)
	}
	if err != nil {
		return fail(e, "network", err)
	}
	return exitOK
}
