// Package pgtest gives each test its own empty PostgreSQL schema in the
// database that $DYAD_TEST_POSTGRES names, and skips the test, saying how to
// enable it, when the variable is unset. .ci/postgres.sh starts a
// throwaway server and prints the variable.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Env is the variable that holds the test database's URL.
const Env = "DYAD_TEST_POSTGRES"

// URL returns $DYAD_TEST_POSTGRES, or skips tb when it is unset.
func URL(tb testing.TB) string {
	tb.Helper()
	u := os.Getenv(Env)
	if u == "" {
		tb.Skipf("PostgreSQL tests skipped: set %s to a postgres:// URL (.ci/postgres.sh starts a server and prints one)", Env)
	}
	return u
}

// DSN creates a new, empty schema for tb, drops it when tb ends, and
// returns a URL whose connections use it (search_path). It skips tb when
// $DYAD_TEST_POSTGRES is unset.
func DSN(tb testing.TB) string {
	tb.Helper()
	var b [6]byte
	rand.Read(b[:])
	name := "t_" + hex.EncodeToString(b[:])
	dsn := Schema(tb, name)
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, URL(tb))
		if err != nil {
			tb.Logf("drop schema %s: %v", name, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, `DROP SCHEMA IF EXISTS `+pgx.Identifier{name}.Sanitize()+` CASCADE`); err != nil {
			tb.Logf("drop schema %s: %v", name, err)
		}
	})
	return dsn
}

// Schema creates the schema name if it does not exist and returns a URL
// whose connections use it; the schema is kept, for benchmarks that cache
// large fixtures between runs.
func Schema(tb testing.TB, name string) string {
	tb.Helper()
	base := URL(tb)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		tb.Fatalf("connect to %s: %v", Env, err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `CREATE SCHEMA IF NOT EXISTS `+pgx.Identifier{name}.Sanitize()); err != nil {
		tb.Fatalf("create schema %s: %v", name, err)
	}
	return WithSchema(tb, base, name)
}

// WithSchema returns dsn with its search_path set to schema.
func WithSchema(tb testing.TB, dsn, schema string) string {
	tb.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		tb.Fatalf("%s: %v", Env, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
