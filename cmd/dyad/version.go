package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/dyad-project/dyad/dyad"
)

func init() {
	register(command{name: "version", summary: "print the version", run: runVersion})
}

func runVersion(ctx context.Context, e *env, args []string) int {
	var c Config
	fs := newFlags(e, "version", "", &c)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return fail(e, "version", err)
	}
	if r := noArgs(e, fs, pos); r >= 0 {
		return r
	}
	fmt.Fprintln(e.stdout, strings.TrimSpace(fmt.Sprintf("dyad %s %s", dyad.Version, dyad.Commit)))
	return exitOK
}
