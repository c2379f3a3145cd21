package main

import (
	"context"
	"strings"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/ingest"
	"github.com/dyad-project/dyad/sourcing"
)

func init() {
	register(command{name: "sources", args: "FILE|DOC", summary: "a document's own sourcing: citations, source list, duplicates", run: runSources})
}

func runSources(ctx context.Context, e *env, args []string) int {
	var c Config
	fs := newFlags(e, "sources", "FILE|DOC", &c)
	fs.StringVar(&c.Format, "format", "text", "text or json")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return fail(e, "sources", err)
	}
	if len(pos) != 1 {
		return badArgs(e, fs, "want one FILE, - for stdin, or a stored document ID (doc_…); got %d arguments", len(pos))
	}
	if err := checkFormat(c.Format, "text", "json"); err != nil {
		return fail(e, "sources", err)
	}
	var doc *dyad.Document
	if strings.HasPrefix(pos[0], "doc_") {
		store, err := openExisting(ctx, c.DB)
		if err != nil {
			return fail(e, "sources", err)
		}
		defer store.Close()
		if doc, err = store.FindDocument(ctx, dyad.DocumentID(pos[0])); err != nil {
			return fail(e, "sources", err)
		}
	} else if doc, err = readOne(ctx, e, pos[0], ingest.Options{}); err != nil {
		return fail(e, "sources", err)
	}
	rep := sourcing.Audit(doc)
	if c.Format == "json" {
		err = writeJSON(e.stdout, rep)
	} else {
		err = rep.WriteText(e.stdout)
	}
	if err != nil {
		return fail(e, "sources", err)
	}
	return exitOK
}
