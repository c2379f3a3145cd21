// Package sqlite is dyad's embedded store: one SQLite file, written through
// the pure-Go modernc.org/sqlite driver so that dyad builds without cgo.
//
// The file runs in WAL mode so that readers (queries, the web UI) never wait
// for the ingest writer; writes are serialized in-process and each Write is
// one IMMEDIATE transaction, so a crash at any moment leaves the file as it
// was after the last committed batch.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/story"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a dyad.Store in one SQLite file.
type Store struct {
	db   *sql.DB
	path string
	// mu serializes writers: SQLite has one writer at a time, and waiting
	// here is cheaper and fairer than spinning on SQLITE_BUSY.
	mu sync.Mutex
	// Near reports whether two fingerprints are near-duplicates; the default
	// is story.Near. Candidates come from the four 16-bit bands of the
	// documents table (story.Bands), which find every pair within 3 bits and
	// most pairs further apart.
	Near func(a, b uint64) bool
	// Now is the clock for ingested_at; tests inject it.
	Now func() time.Time

	stmtMu sync.Mutex
	stmts  map[string]*sql.Stmt // prepared statements, by SQL text
	spare  []*sql.Stmt          // prepared past the cache's bound, closed with the store
}

var _ dyad.Store = (*Store)(nil)

// Open opens (creating if needed) the store at path and brings its schema up
// to date. The path ":memory:" opens a private in-memory store for tests.
func Open(ctx context.Context, path string) (*Store, error) {
	memory := path == ":memory:"
	q := url.Values{}
	// WAL lets readers run beside the writer; NORMAL sync is durable at every
	// checkpoint and safe against corruption in WAL mode; a busy timeout
	// makes a second process (two ingests at once) wait instead of failing;
	// foreign keys keep sentences and mentions tied to their document;
	// IMMEDIATE transactions take the write lock up front, avoiding
	// deadlocked upgrades from read to write.
	// A 64 MiB page cache per connection keeps the random-keyed indexes
	// (document hashes, fingerprint bands) in memory during an ingest,
	// instead of re-reading their pages from the file for every row.
	for _, p := range []string{"journal_mode(WAL)", "synchronous(NORMAL)", "busy_timeout(15000)", "foreign_keys(ON)", "cache_size(-65536)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	dsn := "file:" + path + "?" + q.Encode()
	if memory {
		dsn = "file::memory:?" + q.Encode()
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if memory {
		db.SetMaxOpenConns(1) // every connection would be its own database
	}
	s := &Store{db: db, path: path, Now: time.Now, stmts: map[string]*sql.Stmt{}}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// DB returns the underlying database, for tools that copy stores.
func (s *Store) DB() *sql.DB { return s.db }

// Close closes the store.
func (s *Store) Close() error {
	s.stmtMu.Lock()
	for _, st := range s.stmts {
		st.Close()
	}
	for _, st := range s.spare {
		st.Close()
	}
	s.stmtMu.Unlock()
	return s.db.Close()
}

// migrate applies, in order and each in its own transaction, the embedded
// migrations that the file has not recorded yet.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("create migrations table: %w", err)
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	slices.Sort(names)
	for _, name := range names {
		version := strings.TrimSuffix(strings.TrimPrefix(name, "migrations/"), ".sql")
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, version).Scan(&n); err != nil {
			return fmt.Errorf("read migrations: %w", err)
		}
		if n > 0 {
			continue
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", version, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`, version, time.Now().UTC().Format(time.RFC3339)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %s: %w", version, err)
		}
	}
	return nil
}

// size returns the bytes the store takes on disk (file, WAL and shared memory).
func (s *Store) size() int64 {
	var n int64
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if st, err := os.Stat(s.path + suffix); err == nil {
			n += st.Size()
		}
	}
	return n
}

func bands(fp uint64) [4]int64 {
	b := story.Bands(fp)
	return [4]int64{int64(b[0]), int64(b[1]), int64(b[2]), int64(b[3])}
}

const timeFormat = time.RFC3339

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeFormat)
}

func parseTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, _ := time.Parse(timeFormat, s)
	return t
}

func formatDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

func parseDay(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, _ := time.Parse("2006-01-02", s)
	return t
}
