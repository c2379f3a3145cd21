package main

import (
	"context"
	"fmt"
	"os"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/eval"
	"github.com/dyad-project/dyad/pipeline"
)

func init() {
	register(command{name: "eval", args: "gold|petrarch ...", summary: "score the coder against gold files", run: runEval})
}

func runEval(ctx context.Context, e *env, args []string) int {
	const usage = "Usage: dyad eval gold GOLD.jsonl --docs DOCS.jsonl [--format text|json]\n       dyad eval petrarch RECORDS.xml [--dicts DIR] [--verbose] [--format text|json]\nRun 'dyad eval gold -h' or 'dyad eval petrarch -h' for their flags."
	if len(args) == 0 {
		fmt.Fprintln(e.stderr, usage)
		return exitUsage
	}
	if isHelpArg(args[0]) {
		fmt.Fprintln(e.stdout, usage)
		return exitOK
	}
	switch args[0] {
	case "gold":
		return runEvalGold(ctx, e, args[1:])
	case "petrarch":
		return runEvalPetrarch(ctx, e, args[1:])
	}
	fmt.Fprintf(e.stderr, "dyad eval: unknown kind %q: want gold or petrarch (see 'dyad eval -h')\n", args[0])
	return exitUsage
}

func runEvalGold(ctx context.Context, e *env, args []string) int {
	var c Config
	fs := newFlags(e, "eval gold", "GOLD.jsonl --docs DOCS.jsonl", &c)
	docsPath := fs.String("docs", "", "the documents file (JSON Lines with id, title, published, outlet, url, text); several may be given comma-separated")
	fs.StringVar(&c.Format, "format", "text", "text or json")
	var cf coderFlags
	cf.register(fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return fail(e, "eval gold", err)
	}
	if len(pos) != 1 {
		return badArgs(e, fs, "want one GOLD.jsonl file; got %d arguments", len(pos))
	}
	if *docsPath == "" {
		return badArgs(e, fs, "--docs is required: the documents the gold file's events come from")
	}
	if err := checkFormat(c.Format, "text", "json"); err != nil {
		return fail(e, "eval gold", err)
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return fail(e, "eval gold", err)
	}
	gold, err := eval.ReadGold(f, pos[0])
	f.Close()
	if err != nil {
		return fail(e, "eval gold", err)
	}
	want := map[string]bool{}
	for _, g := range gold {
		want[g.Doc] = true
	}
	var docs []*dyad.Document
	for _, p := range splitList(*docsPath) {
		ds, err := eval.ReadDocsFunc(p, func(id string) bool { return want[id] })
		if err != nil {
			return fail(e, "eval gold", err)
		}
		docs = append(docs, ds...)
	}
	coder, err := cf.coder(e)
	if err != nil {
		return fail(e, "eval gold", err)
	}
	scores, err := eval.RunGold(ctx, gold, docs, coder, func(d *dyad.Document) { pipeline.Prepare(d) })
	if err != nil {
		return fail(e, "eval gold", err)
	}
	if c.Format == "json" {
		err = writeJSON(e.stdout, scores)
	} else {
		err = scores.WriteText(e.stdout)
	}
	if err != nil {
		return fail(e, "eval gold", err)
	}
	return exitOK
}

func splitList(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ',' {
			if i > start {
				out = append(out, s[start:i])
			}
			start = i + 1
		}
	}
	return out
}
