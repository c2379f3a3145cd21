// Package queue is a job queue in a PostgreSQL table, for spreading the
// coding of documents over worker processes on several machines.
//
// A job is claimed for a lease. A worker that finishes completes the job; a
// worker that fails marks it failed, and it is retried after a back-off
// until it has been attempted MaxAttempts times; a worker that dies (killed
// mid-document) leaves its claim to expire, and another worker claims the
// job again. Work must therefore be idempotent: a job may run more than
// once, never at once by two workers within one lease.
//
// Claims use SELECT ... FOR UPDATE SKIP LOCKED, so any number of workers
// poll one table without waiting for each other.
package queue

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/dyad-project/dyad/store/postgres"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

//go:embed migrations/*.sql
var migrations embed.FS

// ErrEmpty is returned by Claim when no job is ready to run.
var ErrEmpty = errors.New("queue: no job ready")

// A Job is one unit of work.
type Job struct {
	ID int64
	// Key identifies the work, so that enqueuing the same work twice adds
	// one job; Enqueue sets it to the hash of Payload when it is empty.
	Key     string
	Payload []byte // JSON
	// Attempts counts the claims so far, this one included.
	Attempts  int
	LastError string
	Worker    string
}

// Counts is how many jobs are in each state.
type Counts struct {
	Ready   int `json:"ready"`   // waiting to run (including failed jobs waiting to retry)
	Running int `json:"running"` // claimed, lease not yet ended or not yet noticed
	Done    int `json:"done"`
	Failed  int `json:"failed"` // gave up after MaxAttempts
}

// Pending is the number of jobs not yet finished one way or the other.
func (c Counts) Pending() int { return c.Ready + c.Running }

// Queue is a job queue in one database. It is safe for concurrent use.
type Queue struct {
	pool *pgxpool.Pool
	// MaxAttempts is how many times a job is claimed before it is failed
	// for good; set before enqueuing. Default 5.
	MaxAttempts int
	// Backoff is how long a failed job waits before its next attempt,
	// given the attempts so far. Default: 2^attempts seconds, at most a
	// minute.
	Backoff func(attempts int) time.Duration
	// Now, when set, is the clock; by default the database's clock is
	// used, so that workers on several machines agree on leases.
	Now func() time.Time
}

// Open connects to the database at dsn and creates the queue's table if
// needed.
func Open(ctx context.Context, dsn string) (*Queue, error) {
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("open queue: %w", err)
	}
	q, err := New(ctx, pool)
	if err != nil {
		pool.Close()
		return nil, err
	}
	return q, nil
}

// New returns a queue on pool (shared with a store, which closes it),
// creating its table if needed.
func New(ctx context.Context, pool *pgxpool.Pool) (*Queue, error) {
	if err := postgres.Migrate(ctx, pool, migrations, "migrations", "queue_migrations"); err != nil {
		return nil, fmt.Errorf("open queue: %w", err)
	}
	return &Queue{pool: pool, MaxAttempts: 5}, nil
}

// Close closes the queue's connections.
func (q *Queue) Close() { q.pool.Close() }

// now returns the clock to pass to SQL: nil means the database's now().
func (q *Queue) now() *time.Time {
	if q.Now == nil {
		return nil
	}
	t := q.Now().UTC()
	return &t
}

const clock = `COALESCE($1::timestamptz, now())`

// Enqueue adds jobs and returns how many were new: a job whose Key is
// already queued (in any state) is not added again.
func (q *Queue) Enqueue(ctx context.Context, jobs []Job) (int, error) {
	maxAttempts := q.MaxAttempts
	if maxAttempts <= 0 {
		maxAttempts = 5
	}
	added := 0
	for chunk := range slices.Chunk(jobs, 1000) {
		keys, payloads := make([]string, len(chunk)), make([]string, len(chunk))
		for i, j := range chunk {
			keys[i], payloads[i] = j.Key, string(j.Payload)
			if keys[i] == "" {
				sum := sha256.Sum256(j.Payload)
				keys[i] = hex.EncodeToString(sum[:16])
			}
		}
		tag, err := q.pool.Exec(ctx, `INSERT INTO queue_jobs (key, payload, max_attempts, run_after, enqueued_at, updated_at)
			SELECT k, p, $4, `+clock+`, `+clock+`, `+clock+` FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS j(k, p, ord)
			ORDER BY ord
			ON CONFLICT (key) DO NOTHING`, q.now(), keys, payloads, maxAttempts)
		if err != nil {
			return added, fmt.Errorf("enqueue %d jobs: %w", len(chunk), err)
		}
		added += int(tag.RowsAffected())
	}
	return added, nil
}

// Claim takes the oldest job that is ready, or whose lease has ended, for
// worker until lease from now, and counts the attempt. It returns ErrEmpty
// when there is none. A job whose lease ended after its last allowed
// attempt is failed instead of claimed.
func (q *Queue) Claim(ctx context.Context, worker string, lease time.Duration) (*Job, error) {
	now := q.now()
	if _, err := q.pool.Exec(ctx, `UPDATE queue_jobs SET state = 'failed', updated_at = `+clock+`,
			last_error = CASE WHEN last_error = '' THEN 'lease expired' ELSE last_error END
		WHERE state = 'running' AND run_after <= `+clock+` AND attempts >= max_attempts`, now); err != nil {
		return nil, fmt.Errorf("expire jobs: %w", err)
	}
	var j Job
	var payload string
	err := q.pool.QueryRow(ctx, `UPDATE queue_jobs SET state = 'running', worker = $2, attempts = attempts + 1,
			run_after = `+clock+` + $3::interval, updated_at = `+clock+`
		WHERE id = (SELECT id FROM queue_jobs
			WHERE state IN ('ready', 'running') AND run_after <= `+clock+` AND attempts < max_attempts
			ORDER BY state, run_after, id LIMIT 1 FOR UPDATE SKIP LOCKED)
		RETURNING id, key, payload, attempts, last_error, worker`, now, worker, lease).Scan(
		&j.ID, &j.Key, &payload, &j.Attempts, &j.LastError, &j.Worker)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, ErrEmpty
	}
	if err != nil {
		return nil, fmt.Errorf("claim a job: %w", err)
	}
	j.Payload = []byte(payload)
	return &j, nil
}

// ErrLost is returned by Extend when the job is no longer the worker's:
// its lease ended and another worker claimed it, or it finished.
var ErrLost = errors.New("queue: the job is no longer this worker's")

// Extend renews the lease of a job that worker holds, to lease from now,
// so that a document that takes long to code is not taken over while its
// worker is alive. It returns ErrLost when the job is not worker's running
// job any more.
func (q *Queue) Extend(ctx context.Context, id int64, worker string, lease time.Duration) error {
	tag, err := q.pool.Exec(ctx, `UPDATE queue_jobs SET run_after = `+clock+` + $4::interval, updated_at = `+clock+`
		WHERE id = $2 AND worker = $3 AND state = 'running'`, q.now(), id, worker, lease)
	if err != nil {
		return fmt.Errorf("extend job %d: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return ErrLost
	}
	return nil
}

// Complete marks a job done.
func (q *Queue) Complete(ctx context.Context, id int64) error {
	if _, err := q.pool.Exec(ctx, `UPDATE queue_jobs SET state = 'done', updated_at = `+clock+` WHERE id = $2`, q.now(), id); err != nil {
		return fmt.Errorf("complete job %d: %w", id, err)
	}
	return nil
}

// Permanent wraps an error that retrying cannot cure (a document with no
// text, a payload that does not decode), so that Fail gives up at once.
func Permanent(err error) error { return permanentError{err} }

type permanentError struct{ error }

func (e permanentError) Unwrap() error { return e.error }

// Fail records why a job failed: it is retried after Backoff, or failed
// for good once it has been attempted MaxAttempts times or when cause is
// Permanent.
func (q *Queue) Fail(ctx context.Context, id int64, cause error) error {
	var attempts int
	err := q.pool.QueryRow(ctx, `SELECT attempts FROM queue_jobs WHERE id = $1`, id).Scan(&attempts)
	if err != nil {
		return fmt.Errorf("fail job %d: %w", id, err)
	}
	backoff := q.Backoff
	if backoff == nil {
		backoff = func(n int) time.Duration { return min(time.Duration(1<<min(n, 6))*time.Second, time.Minute) }
	}
	msg := "unknown error"
	if cause != nil {
		msg = cause.Error()
	}
	var pe permanentError
	giveUp := errors.As(cause, &pe)
	if _, err := q.pool.Exec(ctx, `UPDATE queue_jobs SET
			state = CASE WHEN attempts >= max_attempts OR $5 THEN 'failed' ELSE 'ready' END,
			last_error = $3, run_after = `+clock+` + $4::interval, updated_at = `+clock+`
		WHERE id = $2`, q.now(), id, msg, backoff(attempts), giveUp); err != nil {
		return fmt.Errorf("fail job %d: %w", id, err)
	}
	return nil
}

// Counts returns how many jobs are in each state.
func (q *Queue) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	rows, err := q.pool.Query(ctx, `SELECT state, count(*) FROM queue_jobs GROUP BY state`)
	if err != nil {
		return c, fmt.Errorf("count jobs: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var state string
		var n int
		if err := rows.Scan(&state, &n); err != nil {
			return c, fmt.Errorf("count jobs: %w", err)
		}
		switch state {
		case "ready":
			c.Ready = n
		case "running":
			c.Running = n
		case "done":
			c.Done = n
		case "failed":
			c.Failed = n
		}
	}
	return c, rows.Err()
}

// Failed returns the jobs that failed for good, oldest first, with their
// last errors.
func (q *Queue) Failed(ctx context.Context, limit int) ([]Job, error) {
	rows, err := q.pool.Query(ctx, `SELECT id, key, payload, attempts, last_error, worker FROM queue_jobs
		WHERE state = 'failed' ORDER BY id LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("list failed jobs: %w", err)
	}
	defer rows.Close()
	var out []Job
	for rows.Next() {
		var j Job
		var payload string
		if err := rows.Scan(&j.ID, &j.Key, &payload, &j.Attempts, &j.LastError, &j.Worker); err != nil {
			return nil, fmt.Errorf("list failed jobs: %w", err)
		}
		j.Payload = []byte(payload)
		out = append(out, j)
	}
	return out, rows.Err()
}
