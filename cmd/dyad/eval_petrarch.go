package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/dyad-project/dyad/petrarch"
)

func runEvalPetrarch(ctx context.Context, e *env, args []string) int {
	var c Config
	fs := newFlags(e, "eval petrarch", "RECORDS.xml [--dicts DIR]", &c)
	dicts := fs.String("dicts", "", "folder of the dictionaries the records name (default: ../dictionaries beside the file's folder)")
	verbose := fs.Bool("verbose", false, "print every failure with what was expected and what was coded")
	fs.StringVar(&c.Format, "format", "text", "text or json")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return fail(e, "eval petrarch", err)
	}
	if len(pos) != 1 {
		return badArgs(e, fs, "want one RECORDS.xml file; got %d arguments", len(pos))
	}
	if err := checkFormat(c.Format, "text", "json"); err != nil {
		return fail(e, "eval petrarch", err)
	}
	res, err := petrarch.Eval(pos[0], *dicts, petrarch.EvalOptions{})
	if err != nil {
		return fail(e, "eval petrarch", err)
	}
	if c.Format == "json" {
		if !*verbose {
			res.Failures = nil
		}
		err = writeJSON(e.stdout, res)
	} else {
		err = writePetrarchResult(e.stdout, res, *verbose)
	}
	if err != nil {
		return fail(e, "eval petrarch", err)
	}
	return exitOK
}

func writePetrarchResult(w io.Writer, res petrarch.Result, verbose bool) error {
	fmt.Fprintf(w, "%s: %d of %d records pass (%.1f%%)\n\n", res.File, res.Passed, res.Records, 100*res.PassRate)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CATEGORY\tRECORDS\tPASSED\tRATE")
	names := make([]string, 0, len(res.Categories))
	for n := range res.Categories {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		cr := res.Categories[n]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.0f%%\n", n, cr.Records, cr.Passed, 100*float64(cr.Passed)/float64(max(cr.Records, 1)))
	}
	tw.Flush()
	if res.Unimplemented.Records > 0 {
		fmt.Fprintf(w, "\nrecords marked sentence=\"false\" (features the reference coder lacks): %d, %d pass\n", res.Unimplemented.Records, res.Unimplemented.Passed)
	}
	if res.LoadErrors > 0 {
		fmt.Fprintf(w, "dictionary load errors: %d\n", res.LoadErrors)
	}
	if verbose {
		fmt.Fprintf(w, "\nFailures:\n")
		for _, f := range res.Failures {
			fmt.Fprintf(w, "\n%s (%s): %s\n  expected: %s\n  got:      %s\n", f.ID, f.Category, strings.Join(strings.Fields(f.Text), " "),
				orNone(f.Expected, f.ExpectedError), orNone(f.Got, f.Rejected))
		}
	}
	return nil
}

func orNone(codes []string, errText string) string {
	switch {
	case errText != "":
		return "error: " + errText
	case len(codes) == 0:
		return "no events"
	}
	return strings.Join(codes, "; ")
}
