// Package postgres is dyad's server store: a PostgreSQL database (or one
// of the engines that speak its protocol and SQL) that several ingest
// workers write and several dyad servers read at once.
//
// It keeps the semantics of the embedded store (store/sqlite), as the
// conformance suite in store/storetest checks: documents identified by
// their text hash, stories linked through the four bands of the SimHash
// fingerprint, events re-resolved per bucket inside the write transaction,
// cursors "sort_date|id", full-text search over the evidence of mentions
// (here PostgreSQL's own text search, 'english' configuration, GIN index).
//
// Writers in several processes are safe: each Write locks the rows of the
// buckets and fingerprint bands it touches (table write_locks, in key
// order, SELECT ... FOR UPDATE), so a bucket is resolved by one writer at a
// time and a near-duplicate written by another process is seen; documents
// are inserted with ON CONFLICT DO NOTHING, so two workers that code the
// same text store it once. Sentences, sources, mentions and events are
// written with COPY.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/story"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a dyad.Store in a PostgreSQL database.
type Store struct {
	pool *pgxpool.Pool
	// Near reports whether two fingerprints are near-duplicates; the
	// default is story.Near, as in the embedded store. Candidates come from
	// the four 16-bit bands of the documents table.
	Near func(a, b uint64) bool
	// Now is the clock for ingested_at; tests inject it.
	Now func() time.Time
}

var _ dyad.Store = (*Store)(nil)

// Open connects to the database that dsn names (a postgres:// URL; a
// search_path parameter selects a schema) and brings its schema up to date.
func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "bad PostgreSQL URL: %v", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("connect to %s: %w", redact(dsn), err)
	}
	s, err := New(ctx, pool)
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("open %s: %w", redact(dsn), err)
	}
	return s, nil
}

// New returns a store on an open pool, after bringing the schema up to
// date; closing the store closes the pool.
func New(ctx context.Context, pool *pgxpool.Pool) (*Store, error) {
	if err := Migrate(ctx, pool, migrations, "migrations", "schema_migrations"); err != nil {
		return nil, err
	}
	return &Store{pool: pool, Now: time.Now}, nil
}

// Pool returns the connection pool, for tools that copy stores and for the
// job queue, which lives in the same database.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// Close closes the store's connections.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// Migrate applies, in name order and each in its own transaction, the
// *.sql files of dir in fsys that table does not record yet. It is safe to
// run from several processes at once: a migration is claimed by inserting
// its row first, so a second process waits for the first to commit and
// then skips it. The queue package uses it for its own table.
func Migrate(ctx context.Context, pool *pgxpool.Pool, fsys fs.FS, dir, table string) error {
	ident := pgx.Identifier{table}.Sanitize()
	create := `CREATE TABLE IF NOT EXISTS ` + ident + ` (version TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)`
	for attempt := 0; ; attempt++ {
		_, err := pool.Exec(ctx, create)
		if err == nil {
			break
		}
		// Two processes creating the table at once: one loses on the
		// catalog's unique index, and finds the table on the next try.
		if attempt < 3 && isCode(err, "23505", "42P07", "42710") {
			continue
		}
		return fmt.Errorf("create %s: %w", table, err)
	}
	names, err := fs.Glob(fsys, dir+"/*.sql")
	if err != nil {
		return err
	}
	slices.Sort(names)
	for _, name := range names {
		version := strings.TrimSuffix(name[strings.LastIndex(name, "/")+1:], ".sql")
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		if err := migrateOne(ctx, pool, ident, version, string(body)); err != nil {
			return fmt.Errorf("migration %s: %w", version, err)
		}
	}
	return nil
}

func migrateOne(ctx context.Context, pool *pgxpool.Pool, ident, version, body string) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	tag, err := tx.Exec(ctx, `INSERT INTO `+ident+` (version, applied_at) VALUES ($1, now()) ON CONFLICT (version) DO NOTHING`, version)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return nil // applied before, or by another process just now
	}
	// No arguments: pgx sends the simple protocol, which runs every
	// statement of the file.
	if _, err := tx.Exec(ctx, body); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// retryable reports whether err is a transient conflict between concurrent
// transactions (a serialization failure or a deadlock), after which the
// whole transaction can be run again.
func retryable(err error) bool { return isCode(err, "40001", "40P01") }

func isCode(err error, codes ...string) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && slices.Contains(codes, pe.Code)
}

// withRetry runs fn until it succeeds, fails for good, or has failed
// retryably five times, waiting a little longer, with jitter, each time.
func withRetry(ctx context.Context, fn func() error) error {
	for attempt := 0; ; attempt++ {
		err := fn()
		if err == nil || attempt >= 4 || !retryable(err) {
			return err
		}
		wait := time.Duration(10<<attempt)*time.Millisecond + time.Duration(rand.Int64N(int64(10*time.Millisecond)))
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// redact hides the password of a connection URL for error messages.
func redact(dsn string) string {
	cfg, err := pgconn.ParseConfig(dsn)
	if err != nil {
		return "the database"
	}
	return fmt.Sprintf("postgres://%s@%s:%d/%s", cfg.User, cfg.Host, cfg.Port, cfg.Database)
}

func bands(fp uint64) [4]int32 {
	b := story.Bands(fp)
	return [4]int32{int32(b[0]), int32(b[1]), int32(b[2]), int32(b[3])}
}

func shareBand(a, b uint64) bool {
	x, y := bands(a), bands(b)
	for i := range x {
		if x[i] == y[i] {
			return true
		}
	}
	return false
}

func parseDay(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, true
	}
	t, err := time.Parse("2006-01-02", s)
	return t, err == nil
}
