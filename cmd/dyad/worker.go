package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/ingest"
	"github.com/dyad-project/dyad/pipeline"
	"github.com/dyad-project/dyad/queue"
	"github.com/dyad-project/dyad/resolve"
	"github.com/dyad-project/dyad/store/postgres"
)

func init() {
	register(command{name: "worker", args: "", summary: "code and store documents queued by 'dyad ingest --enqueue' (PostgreSQL)", run: runWorker})
}

// workDoc is a queued document: the raw document as ingest read it, so
// that a worker on any machine can prepare, code and store it without
// access to the inputs.
type workDoc struct {
	Title     string `json:"title,omitempty"`
	Text      string `json:"text"`
	Outlet    string `json:"outlet,omitempty"`
	URL       string `json:"url,omitempty"`
	Language  string `json:"language,omitempty"`
	Published string `json:"published,omitempty"` // RFC 3339
	Inferred  bool   `json:"published_inferred,omitempty"`
	Origin    string `json:"origin,omitempty"`
}

func newWorkDoc(d *dyad.Document) workDoc {
	w := workDoc{Title: d.Title, Text: d.Text, Outlet: d.Outlet, URL: d.URL, Language: d.Language, Inferred: d.PublishedInferred, Origin: d.Origin}
	if !d.Published.IsZero() {
		w.Published = d.Published.UTC().Format(time.RFC3339Nano)
	}
	return w
}

func (w workDoc) document() (*dyad.Document, error) {
	d := &dyad.Document{Title: w.Title, Text: w.Text, Outlet: w.Outlet, URL: w.URL, Language: w.Language, PublishedInferred: w.Inferred, Origin: w.Origin}
	if w.Published != "" {
		t, err := time.Parse(time.RFC3339Nano, w.Published)
		if err != nil {
			return nil, fmt.Errorf("published %q: %w", w.Published, err)
		}
		d.Published = t.UTC()
	}
	return d, nil
}

// enqueueSummary counts what enqueueInputs did.
type enqueueSummary struct {
	Read     int // documents read
	Enqueued int // jobs added (a document queued before is not added again)
	Rejected int // inputs or records rejected, each named on stderr
}

// enqueueInputs reads inputs with reader and puts each document on the
// job queue of the PostgreSQL database at dsn, for 'dyad worker' to code
// and store; rejected inputs are named on stderr. It is what
// 'dyad ingest --enqueue' runs.
func enqueueInputs(ctx context.Context, e *env, dsn string, reader *ingest.Reader, inputs []string) (enqueueSummary, error) {
	var sum enqueueSummary
	if !isPostgres(dsn) {
		return sum, usageErr("--enqueue needs a PostgreSQL --db (postgres://…), not %q", dsn)
	}
	q, err := queue.Open(ctx, dsn)
	if err != nil {
		return sum, err
	}
	defer q.Close()
	var batch []queue.Job
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		n, err := q.Enqueue(ctx, batch)
		sum.Enqueued += n
		batch = batch[:0]
		return err
	}
	err = reader.Read(ctx, inputs, e.stdin, func(it ingest.Item) error {
		if it.Err != nil {
			sum.Rejected++
			fmt.Fprintf(e.stderr, "dyad ingest: rejected %v\n", it.Err)
			return nil
		}
		sum.Read++
		payload, err := json.Marshal(newWorkDoc(it.Doc))
		if err != nil {
			return err
		}
		batch = append(batch, queue.Job{Payload: payload})
		if len(batch) >= 500 {
			return flush()
		}
		return nil
	})
	if ferr := flush(); err == nil {
		err = ferr
	}
	return sum, err
}

// workerSummary counts what a worker process did.
type workerSummary struct {
	Claimed, New, Duplicates, Mentions, Failed atomic.Int64
}

func runWorker(ctx context.Context, e *env, args []string) int {
	var c Config
	fs := newFlags(e, "worker", "", &c)
	workers := fs.Int("workers", 2, "documents coded at once by this process")
	lease := fs.Duration("lease", 2*time.Minute, "how long a claimed document is this worker's before another may take it over")
	once := fs.Bool("once", false, "exit when the queue has no unfinished document, instead of waiting for more")
	poll := fs.Duration("poll", 2*time.Second, "how often an idle worker looks for work")
	host, _ := os.Hostname()
	name := fs.String("name", fmt.Sprintf("%s:%d", host, os.Getpid()), "this worker's name in the queue")
	verbose := fs.Bool("v", false, "log every document")
	var cf coderFlags
	cf.register(fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return fail(e, "worker", err)
	}
	if r := noArgs(e, fs, pos); r >= 0 {
		return r
	}
	if *workers < 1 || *lease <= 0 {
		return badArgs(e, fs, "--workers must be at least 1 and --lease positive")
	}
	if !isPostgres(c.DB) {
		return fail(e, "worker", usageErr("workers share a PostgreSQL database: give --db postgres://… (or $DYAD_DB)"))
	}
	coder, err := cf.coder(e)
	if err != nil {
		return fail(e, "worker", err)
	}
	store, err := postgres.Open(ctx, c.DB)
	if err != nil {
		return fail(e, "worker", err)
	}
	defer store.Close()
	q, err := queue.New(ctx, store.Pool())
	if err != nil {
		return fail(e, "worker", err)
	}
	w := &worker{store: store, queue: q, coder: coder, name: *name, lease: *lease, once: *once, poll: *poll, e: e, verbose: *verbose}
	start := time.Now()
	err = w.run(ctx, *workers)
	s := &w.sum
	fmt.Fprintf(e.stderr, "dyad worker: %d documents claimed, %d new, %d duplicates, %d mentions, %d failed (%.1f s)\n",
		s.Claimed.Load(), s.New.Load(), s.Duplicates.Load(), s.Mentions.Load(), s.Failed.Load(), time.Since(start).Seconds())
	if err != nil && !errors.Is(err, context.Canceled) {
		return fail(e, "worker", err)
	}
	return exitOK
}

// worker claims queued documents and codes and stores them, on several
// goroutines.
type worker struct {
	store   *postgres.Store
	queue   *queue.Queue
	coder   dyad.Coder
	name    string
	lease   time.Duration
	once    bool
	poll    time.Duration
	e       *env
	verbose bool
	mu      sync.Mutex // stderr
	sum     workerSummary
}

// run runs n loops until ctx ends, or, with once, until the queue has
// nothing left to do; it returns the first database error.
func (w *worker) run(ctx context.Context, n int) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := w.loop(ctx, fmt.Sprintf("%s/%d", w.name, i)); err != nil {
				cancel(err)
			}
		}()
	}
	wg.Wait()
	if err := context.Cause(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return ctx.Err()
}

func (w *worker) loop(ctx context.Context, name string) error {
	for {
		if err := ctx.Err(); err != nil {
			return nil
		}
		j, err := w.queue.Claim(ctx, name, w.lease)
		if errors.Is(err, queue.ErrEmpty) {
			if w.once {
				// Done when nothing is ready or running; a job still
				// running may be a dead worker's, which is ours to finish
				// once its lease ends.
				c, err := w.queue.Counts(ctx)
				if err != nil {
					return err
				}
				if c.Pending() == 0 {
					return nil
				}
			}
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(min(w.poll, w.lease/4)):
			}
			continue
		}
		if err != nil {
			return err
		}
		w.sum.Claimed.Add(1)
		stop := w.keepLease(ctx, j, name)
		err = w.process(ctx, j)
		stop()
		if err != nil {
			if ctx.Err() != nil {
				return nil // interrupted: the lease will expire and another worker retries
			}
			w.sum.Failed.Add(1)
			w.logf("dyad worker: job %d (attempt %d): %v", j.ID, j.Attempts, err)
			if err := w.queue.Fail(ctx, j.ID, err); err != nil {
				return err
			}
			continue
		}
		if err := w.queue.Complete(ctx, j.ID); err != nil {
			return err
		}
	}
}

// keepLease renews the lease on j every third of its length while the job
// is processed, so that a long document is not taken over by another
// worker while this one is alive; the returned function stops it.
func (w *worker) keepLease(ctx context.Context, j *queue.Job, name string) (stop func()) {
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(max(w.lease/3, time.Second))
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case <-tick.C:
				if err := w.queue.Extend(ctx, j.ID, name, w.lease); err != nil {
					if ctx.Err() == nil {
						w.logf("dyad worker: job %d: %v", j.ID, err)
					}
					return
				}
			}
		}
	}()
	return func() { close(done) }
}

// process prepares, codes and stores one queued document. Storing is
// idempotent (the document ID is the hash of its text), so a job that a
// dead worker half-did is simply done again.
func (w *worker) process(ctx context.Context, j *queue.Job) error {
	var wd workDoc
	if err := json.Unmarshal(j.Payload, &wd); err != nil {
		return queue.Permanent(fmt.Errorf("decode job: %w", err))
	}
	doc, err := wd.document()
	if err != nil {
		return queue.Permanent(err)
	}
	if err := pipeline.Prepare(doc); err != nil {
		return queue.Permanent(fmt.Errorf("%s: %w", doc.Origin, err))
	}
	has, err := w.store.HasDocuments(ctx, []dyad.DocumentID{doc.ID})
	if err != nil {
		return err
	}
	if has[doc.ID] {
		w.sum.Duplicates.Add(1)
		return nil
	}
	start := time.Now()
	ms, err := w.coder.Code(ctx, doc)
	if err != nil {
		return fmt.Errorf("%s: code: %w", doc.Origin, err)
	}
	res, err := w.store.Write(ctx, []*dyad.Document{doc}, map[dyad.DocumentID][]*dyad.Mention{doc.ID: ms}, &resolve.Clusterer{})
	if err != nil {
		return fmt.Errorf("%s: store: %w", doc.Origin, err)
	}
	w.sum.New.Add(int64(len(res.New)))
	w.sum.Duplicates.Add(int64(res.Duplicates))
	w.sum.Mentions.Add(int64(res.Mentions))
	if w.verbose {
		w.logf("dyad worker: stored %s (%s): %d mentions, %d events updated, %s", doc.ID, doc.Origin, res.Mentions, res.Events, time.Since(start).Round(time.Millisecond))
	}
	return nil
}

func (w *worker) logf(format string, args ...any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	fmt.Fprintf(w.e.stderr, format+"\n", args...)
}
