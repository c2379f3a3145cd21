// Package pipeline runs dyad's stages over a stream of documents: text
// preparation and coding on parallel workers, and a single writer that
// stores the results in batches, one transaction each. Because every batch
// commits whole and documents already stored are skipped, a run that is
// killed at any moment is completed by running it again.
package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dyad-project/dyad/dyad"
)

// An Input produces documents, or errors naming rejected inputs, by calling
// yield; it stops when yield returns an error, and returns that error.
type Input func(ctx context.Context, yield func(doc *dyad.Document, err error) error) error

// Runner runs the pipeline. Its zero value is not usable: Store and
// Resolver are required; Coder may be nil to store documents uncoded.
type Runner struct {
	Prepare  func(*dyad.Document) error // default: Prepare
	Coder    dyad.Coder
	Store    dyad.Writer
	Resolver dyad.Resolver
	Workers  int // default: GOMAXPROCS
	// Writers is the number of concurrent batch writers: 1 (the default)
	// suits SQLite, which has one writer at a time; a server database
	// takes more.
	Writers   int
	BatchSize int           // documents per write transaction; default 256
	MaxDelay  time.Duration // longest a prepared document waits for its batch; default 500ms
	Logger    *slog.Logger  // nil discards
	// Reject is called for each rejected input or document, one call at a
	// time.
	Reject func(err error)
	// Progress, if set, is called after every batch is stored, one call at
	// a time.
	Progress func(Summary)
}

// Summary counts what a run did.
type Summary struct {
	Seen           int           `json:"seen"`            // documents read (not counting rejected inputs)
	New            int           `json:"new"`             // documents stored
	Duplicates     int           `json:"duplicates"`      // documents already stored (same normalized text)
	NearDuplicates int           `json:"near_duplicates"` // new documents linked to an existing story
	Sentences      int           `json:"sentences"`
	Mentions       int           `json:"mentions"`
	Events         int           `json:"events"` // events created or updated
	Rejected       int           `json:"rejected"`
	Bytes          int64         `json:"bytes"` // text bytes of the documents read
	Elapsed        time.Duration `json:"elapsed_ns"`
}

type coded struct {
	doc      *dyad.Document
	mentions []*dyad.Mention
	stored   bool // already in the store: counted, not written
}

// Run reads in to the end and stores what it yields. It returns the summary
// and the first error that stopped the run (a store failure or ctx); bad
// documents do not stop it, they are passed to Reject and counted.
func (r *Runner) Run(ctx context.Context, in Input) (Summary, error) {
	start := time.Now()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	log := r.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	prepare := r.Prepare
	if prepare == nil {
		prepare = Prepare
	}
	workers := r.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	batchSize := r.BatchSize
	if batchSize <= 0 {
		batchSize = 256
	}
	maxDelay := r.MaxDelay
	if maxDelay <= 0 {
		maxDelay = 500 * time.Millisecond
	}

	var sum Summary
	var mu sync.Mutex // guards sum and writeErr; Reject and Progress are called under it
	reject := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		sum.Rejected++
		if r.Reject != nil {
			r.Reject(err)
		}
	}
	var seen atomic.Int64
	var bytes atomic.Int64

	// Documents travel to the workers in chunks, so that a worker asks the
	// store once per chunk which of them it already holds.
	const chunkSize = 32
	jobs := make(chan []*dyad.Document, workers*2)
	results := make(chan coded, workers*chunkSize)

	// Reader.
	readErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		var chunk []*dyad.Document
		send := func() error {
			if len(chunk) == 0 {
				return nil
			}
			select {
			case jobs <- chunk:
				chunk = nil
				return nil
			case <-ctx.Done():
				return context.Cause(ctx)
			}
		}
		err := in(ctx, func(doc *dyad.Document, err error) error {
			if err != nil {
				reject(err)
				return nil
			}
			seen.Add(1)
			bytes.Add(int64(len(doc.Text)))
			if chunk = append(chunk, doc); len(chunk) == chunkSize {
				return send()
			}
			return nil
		})
		if err == nil {
			err = send()
		}
		readErr <- err
	}()

	// Workers: prepare and code.
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			emit := func(c coded) bool {
				select {
				case results <- c:
					return true
				case <-ctx.Done():
					return false
				}
			}
			for chunk := range jobs {
				ready := chunk[:0:0]
				ids := make([]dyad.DocumentID, 0, len(chunk))
				for _, doc := range chunk {
					if err := prepare(doc); err != nil {
						reject(fmt.Errorf("%s: %w", doc.Origin, err))
						continue
					}
					ready = append(ready, doc)
					ids = append(ids, doc.ID)
				}
				// A document stored by an earlier run is not coded again:
				// that is what makes re-running an interrupted ingest cheap.
				stored, err := r.Store.HasDocuments(ctx, ids)
				if err != nil {
					stored = nil // the writer will find out; coding is not wasted on an error
				}
				for _, doc := range ready {
					if stored[doc.ID] {
						if !emit(coded{doc: doc, stored: true}) {
							return
						}
						continue
					}
					var ms []*dyad.Mention
					if r.Coder != nil {
						var err error
						if ms, err = r.Coder.Code(ctx, doc); err != nil {
							if ctx.Err() != nil {
								return
							}
							reject(fmt.Errorf("%s: code: %w", doc.Origin, err))
							continue
						}
					}
					if !emit(coded{doc: doc, mentions: ms}) {
						return
					}
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	// Writers: each batches by size or delay, one transaction a batch.
	var writeErr error
	writer := func() {
		var batch []coded
		flush := func() {
			defer func() { batch = batch[:0] }()
			if len(batch) == 0 {
				return
			}
			mu.Lock()
			failed := writeErr != nil
			mu.Unlock()
			if failed {
				return
			}
			docs := make([]*dyad.Document, len(batch))
			byDoc := make(map[dyad.DocumentID][]*dyad.Mention, len(batch))
			for i, c := range batch {
				docs[i] = c.doc
				byDoc[c.doc.ID] = append(byDoc[c.doc.ID], c.mentions...)
			}
			res, err := r.Store.Write(ctx, docs, byDoc, r.Resolver)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if writeErr == nil {
					writeErr = fmt.Errorf("store batch of %d documents: %w", len(docs), err)
					cancel(writeErr)
				}
				return
			}
			newDocs := map[dyad.DocumentID]bool{}
			for _, id := range res.New {
				newDocs[id] = true
			}
			for _, c := range batch {
				if newDocs[c.doc.ID] {
					sum.Sentences += len(c.doc.Sentences)
					delete(newDocs, c.doc.ID) // a repeat within the batch is not new twice
				}
			}
			sum.New += len(res.New)
			sum.Duplicates += res.Duplicates
			sum.NearDuplicates += res.NearDuplicates
			sum.Mentions += res.Mentions
			sum.Events += res.Events
			log.Debug("stored batch", "documents", len(docs), "new", len(res.New), "mentions", res.Mentions, "events", res.Events)
			if r.Progress != nil {
				p := sum
				p.Seen, p.Bytes, p.Elapsed = int(seen.Load()), bytes.Load(), time.Since(start)
				r.Progress(p)
			}
		}
		tick := time.NewTicker(maxDelay)
		defer tick.Stop()
		for {
			select {
			case c, ok := <-results:
				if !ok {
					flush()
					return
				}
				if c.stored {
					mu.Lock()
					sum.Duplicates++
					mu.Unlock()
					continue
				}
				batch = append(batch, c)
				if len(batch) >= batchSize {
					flush()
				}
			case <-tick.C:
				flush()
			}
		}
	}
	var ww sync.WaitGroup
	for range max(1, r.Writers) {
		ww.Add(1)
		go func() { defer ww.Done(); writer() }()
	}
	ww.Wait()
	err := <-readErr
	mu.Lock()
	defer mu.Unlock()
	sum.Seen, sum.Bytes, sum.Elapsed = int(seen.Load()), bytes.Load(), time.Since(start)
	if writeErr != nil {
		return sum, writeErr
	}
	if err != nil {
		return sum, err
	}
	return sum, ctx.Err()
}
