package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/ingest"
	"github.com/dyad-project/dyad/pipeline"
	"github.com/dyad-project/dyad/resolve"
)

func init() {
	register(command{name: "ingest", args: "INPUT...", summary: "read, code and store documents (files, dirs, -, URLs, feeds)", run: runIngest})
}

func runIngest(ctx context.Context, e *env, args []string) int {
	var c Config
	fs := newFlags(e, "ingest", "INPUT...", &c)
	outlet := fs.String("outlet", "", "outlet for documents that name none")
	url := fs.String("url", "", "URL for documents that have none")
	published := fs.String("published", "", "publication date for documents that have none (YYYY, YYYY-MM, YYYY-MM-DD or RFC 3339)")
	workers := fs.Int("workers", 0, "parallel workers (default: the number of CPUs)")
	maxBytes := fs.Int64("max-bytes", 16<<20, "largest input document or file, in bytes")
	timeout := fs.Duration("timeout", 20*time.Second, "timeout of each URL fetch")
	allowPrivate := fs.Bool("allow-private", false, "allow URLs on loopback, private and link-local addresses")
	noCode := fs.Bool("no-code", false, "store documents without coding events")
	enqueue := fs.Bool("enqueue", false, "put the documents on the PostgreSQL job queue for 'dyad worker' instead of coding them here")
	var cf coderFlags
	cf.register(fs)
	inputs, err := parseArgs(fs, args)
	if err != nil {
		return fail(e, "ingest", err)
	}
	if len(inputs) == 0 {
		return badArgs(e, fs, "want at least one INPUT: a file, a directory, - for stdin, or a URL")
	}
	if *workers < 0 {
		return fail(e, "ingest", usageErr("--workers %d: want a positive number of workers, or 0 for one per CPU", *workers))
	}
	pub, err := parsePublished(*published)
	if err != nil {
		return fail(e, "ingest", err)
	}
	reader := ingest.NewReader(ingest.Options{MaxBytes: *maxBytes, Timeout: *timeout, AllowPrivate: *allowPrivate,
		Outlet: *outlet, URL: *url, Published: pub})
	if *enqueue {
		sum, err := enqueueInputs(ctx, e, c.DB, reader, inputs)
		fmt.Fprintf(e.stderr, "dyad ingest: %d documents read, %d enqueued, %d rejected\n", sum.Read, sum.Enqueued, sum.Rejected)
		if err != nil {
			return fail(e, "ingest", err)
		}
		if sum.Rejected > 0 {
			return exitRejected
		}
		return exitOK
	}
	var coder dyad.Coder
	if !*noCode {
		if coder, err = cf.coder(e); err != nil {
			return fail(e, "ingest", err)
		}
	}
	store, err := openStore(ctx, c.DB)
	if err != nil {
		return fail(e, "ingest", err)
	}
	defer store.Close()

	sum, err := ingestInputs(ctx, e, store, reader, coder, inputs, *workers, writersFor(c.DB))
	fmt.Fprintf(e.stderr, "dyad ingest: %d %s seen, %d new, %d duplicates, %d near-duplicates, %d sentences, %d mentions, %d events updated, %d rejected (%.1f s, %.0f documents/s)\n",
		sum.Seen, plural(sum.Seen, "document", "documents"), sum.New, sum.Duplicates, sum.NearDuplicates, sum.Sentences, sum.Mentions, sum.Events, sum.Rejected,
		sum.Elapsed.Seconds(), float64(sum.Seen)/max(sum.Elapsed.Seconds(), 1e-9))
	if err != nil {
		return fail(e, "ingest", err)
	}
	if sum.Rejected > 0 {
		return exitRejected
	}
	return exitOK
}

// ingestInputs runs the pipeline over inputs into store, naming each
// rejected input on stderr, with a progress line when stderr is a terminal.
func ingestInputs(ctx context.Context, e *env, store dyad.Writer, reader *ingest.Reader, coder dyad.Coder, inputs []string, workers, writers int) (pipeline.Summary, error) {
	var mu sync.Mutex // stderr is shared by rejections and progress
	progress := newProgress(e.stderr, totalBytes(inputs))
	r := &pipeline.Runner{
		Coder: coder, Store: store, Resolver: &resolve.Clusterer{}, Workers: workers, Writers: writers,
		Reject: func(err error) {
			mu.Lock()
			defer mu.Unlock()
			progress.clear()
			fmt.Fprintf(e.stderr, "dyad ingest: rejected %v\n", err)
		},
		Progress: func(s pipeline.Summary) {
			mu.Lock()
			defer mu.Unlock()
			progress.show(s)
		},
	}
	sum, err := r.Run(ctx, func(ctx context.Context, yield func(*dyad.Document, error) error) error {
		return reader.Read(ctx, inputs, e.stdin, func(it ingest.Item) error { return yield(it.Doc, it.Err) })
	})
	mu.Lock()
	progress.clear()
	mu.Unlock()
	return sum, err
}

// totalBytes sums the sizes of the files among inputs, for an ETA; URLs and
// stdin are not counted.
func totalBytes(inputs []string) int64 {
	var n int64
	for _, in := range inputs {
		filepath.WalkDir(in, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if info, err := d.Info(); err == nil {
					n += info.Size()
				}
			}
			return nil
		})
	}
	return n
}

// progress draws a one-line progress report on a terminal, and nothing
// elsewhere.
type progress struct {
	w     io.Writer
	on    bool
	total int64
	shown bool
}

func newProgress(w io.Writer, total int64) *progress {
	return &progress{w: w, on: isTerminal(w), total: total}
}

func (p *progress) show(s pipeline.Summary) {
	if !p.on {
		return
	}
	secs := max(s.Elapsed.Seconds(), 1e-9)
	rate := float64(s.Bytes) / secs
	line := fmt.Sprintf("%d documents  %d new  %.1f MB/s  %.0f docs/s", s.Seen, s.New, rate/1e6, float64(s.Seen)/secs)
	if p.total > 0 && rate > 0 && s.Bytes < p.total {
		line += fmt.Sprintf("  %3.0f%%  ETA %s", 100*float64(s.Bytes)/float64(p.total), time.Duration(float64(p.total-s.Bytes)/rate*float64(time.Second)).Round(time.Second))
	}
	fmt.Fprintf(p.w, "\r\033[K%s", line)
	p.shown = true
}

func (p *progress) clear() {
	if p.on && p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}

// writersFor returns how many batches to write at once into the store dsn
// names: SQLite takes one writer at a time; a server takes several, each
// waiting on its own round trips.
func writersFor(dsn string) int {
	if isPostgres(dsn) {
		return 2
	}
	return 1
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
