package main

import (
	"context"
	"fmt"

	"github.com/dyad-project/dyad/dyad"
)

func init() {
	register(command{name: "version", summary: "print the version", run: func(ctx context.Context, e *env, args []string) int {
		fmt.Fprintf(e.stdout, "dyad %s %s\n", dyad.Version, dyad.Commit)
		return exitOK
	}})
}
