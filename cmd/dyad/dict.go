package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/dyad-project/dyad/actor"
	"github.com/dyad-project/dyad/code"
	"github.com/dyad-project/dyad/petrarch"
)

func init() {
	register(command{name: "dict", args: "check|stats DIR", summary: "validate a dictionary folder, or count a PETRARCH one", run: runDict})
}

func runDict(ctx context.Context, e *env, args []string) int {
	const usage = "Usage: dyad dict check DIR   validate a dyad dictionary folder (actors and actions), naming each bad line\n       dyad dict stats DIR   count the entries of a TABARI/PETRARCH dictionary folder"
	if len(args) > 0 && isHelpArg(args[0]) {
		fmt.Fprintln(e.stdout, usage)
		return exitOK
	}
	if len(args) != 2 || (args[0] != "check" && args[0] != "stats") {
		fmt.Fprintln(e.stderr, usage)
		return exitUsage
	}
	dir := args[1]
	if args[0] == "stats" {
		st, err := petrarch.Stats(dir)
		if err != nil {
			return fail(e, "dict stats", err)
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "FILE\tKIND\tACTORS\tAGENTS\tVERBS\tFORMS\tPATTERNS\tSYNSETS\tDISCARDS\tISSUES\tERRORS\t")
		for _, f := range append(st.Files, st.Total) {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t\n", f.File, f.Kind, f.Actors, f.Agents, f.Verbs, f.VerbForms, f.Patterns, f.Synsets, f.Discards, f.Issues, f.Errors)
		}
		tw.Flush()
		for _, err := range st.Errors {
			fmt.Fprintf(e.stderr, "%v\n", err)
		}
		return exitOK
	}
	bad := 0
	adir, vdir := filepath.Join(dir, "actors"), filepath.Join(dir, "actions")
	_, aerr := os.Stat(adir)
	_, verr := os.Stat(vdir)
	if aerr != nil && verr != nil {
		return fail(e, "dict check", usageErr("%s: want a folder with actors/ and/or actions/ subfolders of *.txt files", dir))
	}
	if aerr == nil {
		for _, err := range actor.Check(adir) {
			fmt.Fprintln(e.stderr, err)
			bad++
		}
	}
	if verr == nil {
		var list code.ErrorList
		if err := code.CheckActions(vdir); errors.As(err, &list) {
			for _, err := range list {
				fmt.Fprintln(e.stderr, err)
				bad++
			}
		} else if err != nil {
			fmt.Fprintln(e.stderr, err)
			bad++
		}
	}
	if bad > 0 {
		fmt.Fprintf(e.stderr, "dyad dict check: %d bad lines in %s\n", bad, dir)
		return exitRejected
	}
	fmt.Fprintf(e.stdout, "%s: ok\n", dir)
	return exitOK
}
