package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/ingest"
	"github.com/dyad-project/dyad/samples"
)

func init() {
	register(command{name: "demo", summary: "ingest the bundled sample documents and show what dyad finds", run: runDemo})
}

func runDemo(ctx context.Context, e *env, args []string) int {
	var c Config
	fs := newFlags(e, "demo", "", &c)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return fail(e, "demo", err)
	}
	if r := noArgs(e, fs, pos); r >= 0 {
		return r
	}
	dir, err := os.MkdirTemp("", "dyad-samples-")
	if err != nil {
		return fail(e, "demo", err)
	}
	defer os.RemoveAll(dir)
	if err := extractSamples(dir); err != nil {
		return fail(e, "demo", err)
	}
	var cf coderFlags
	coder, err := cf.coder(e)
	if err != nil {
		return fail(e, "demo", err)
	}
	store, err := openStore(ctx, c.DB)
	if err != nil {
		return fail(e, "demo", err)
	}
	defer store.Close()
	fmt.Fprintf(e.stdout, "Ingesting the bundled sample documents into %s …\n", c.DB)
	sum, err := ingestInputs(ctx, e, store, ingest.NewReader(ingest.Options{}), coder, []string{dir}, 0, writersFor(c.DB))
	if err != nil {
		return fail(e, "demo", err)
	}
	fmt.Fprintf(e.stdout, "%d documents read: %d new, %d already stored, %d near-duplicates; %d mentions coded.\n\n",
		sum.Seen, sum.New, sum.Duplicates, sum.NearDuplicates, sum.Mentions)
	evs, total, err := store.FindEvents(ctx, dyad.EventFilter{Limit: 20})
	if err != nil {
		return fail(e, "demo", err)
	}
	fmt.Fprintf(e.stdout, "Events (%d in the store, newest first):\n", total)
	writeEventsTable(e.stdout, evs)
	if len(evs) > 0 {
		best := evs[0]
		for _, ev := range evs {
			if ev.NumSources > best.NumSources {
				best = ev
			}
		}
		full, err := store.FindEvent(ctx, best.ID)
		if err == nil {
			fmt.Fprintf(e.stdout, "\nThe best-sourced event (dyad show %s):\n\n", best.ID)
			writeEventText(e.stdout, full)
		}
	}
	fmt.Fprintf(e.stdout, "\nNext: dyad events --dyad Russia,Taliban · dyad sources %s · dyad stats (all with --db %s)\n",
		filepath.Join("samples", "docs", "01-wire-signing.json"), c.DB)
	return exitOK
}

// extractSamples writes the bundled documents into dir.
func extractSamples(dir string) error {
	return fs.WalkDir(samples.FS, samples.Dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := samples.FS.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, filepath.Base(path)), b, 0o644)
	})
}
