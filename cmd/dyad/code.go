package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/ingest"
	"github.com/dyad-project/dyad/pipeline"
)

func init() {
	register(command{name: "code", args: "FILE|-", summary: "code one document without storing it; print its event mentions", run: runCode})
}

func runCode(ctx context.Context, e *env, args []string) int {
	var c Config
	fs := newFlags(e, "code", "FILE|-", &c)
	published := fs.String("published", "", "publication date of the document, when it has none (YYYY, YYYY-MM, YYYY-MM-DD or RFC 3339)")
	outlet := fs.String("outlet", "", "outlet of the document, when it names none")
	fs.StringVar(&c.Format, "format", "", "table, json or jsonl (default: table on a terminal, else json)")
	var cf coderFlags
	cf.register(fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return fail(e, "code", err)
	}
	if len(pos) != 1 {
		return badArgs(e, fs, "want one FILE, or - for stdin; got %d arguments", len(pos))
	}
	if c.Format == "" {
		c.Format = "json"
		if isTerminal(e.stdout) {
			c.Format = "table"
		}
	}
	if err := checkFormat(c.Format, "table", "json", "jsonl"); err != nil {
		return fail(e, "code", err)
	}
	pub, err := parsePublished(*published)
	if err != nil {
		return fail(e, "code", err)
	}
	coder, err := cf.coder(e)
	if err != nil {
		return fail(e, "code", err)
	}
	doc, err := readOne(ctx, e, pos[0], ingest.Options{Published: pub, Outlet: *outlet})
	if err != nil {
		return fail(e, "code", err)
	}
	ms, err := coder.Code(ctx, doc)
	if err != nil {
		return fail(e, "code", err)
	}
	evs := make([]*dyad.Event, len(ms))
	for i, m := range ms {
		m.Outlet, m.URL, m.Published = doc.Outlet, doc.URL, doc.Published
		evs[i] = dyad.MentionEvent(m)
	}
	switch c.Format {
	case "json":
		err = writeJSON(e.stdout, evs)
	case "jsonl":
		for _, ev := range evs {
			if err = writeJSONL(e.stdout, ev); err != nil {
				break
			}
		}
	default:
		err = writeMentionTable(e.stdout, ms)
	}
	if err != nil {
		return fail(e, "code", err)
	}
	return exitOK
}

// readOne reads and prepares the single document that input names.
func readOne(ctx context.Context, e *env, input string, o ingest.Options) (*dyad.Document, error) {
	var doc *dyad.Document
	var docErr error
	r := ingest.NewReader(o)
	err := r.Read(ctx, []string{input}, e.stdin, func(it ingest.Item) error {
		if it.Err != nil {
			docErr = it.Err
			return nil
		}
		if doc == nil {
			doc = it.Doc
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if doc == nil {
		if docErr == nil {
			docErr = fmt.Errorf("%s: no document", input)
		}
		return nil, docErr
	}
	if err := pipeline.Prepare(doc); err != nil {
		return nil, fmt.Errorf("%s: %w", input, err)
	}
	return doc, nil
}

func writeMentionTable(w io.Writer, ms []*dyad.Mention) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SENT\tSOURCE\tTARGET\tCAMEO\tCERTAINTY\tDATE\tPLACE\tEVIDENCE")
	for _, m := range ms {
		place := ""
		if m.Location != nil {
			place = m.Location.Name
		}
		date := m.Date.String()
		if date == "" {
			date = "unknown"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", m.Sentence, m.Source.Code, m.Target.Code, m.Code, m.Certainty, date, place, clip(m.Text, 70))
	}
	return tw.Flush()
}

// clip shortens s to at most n runes on one line, marking the cut.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
