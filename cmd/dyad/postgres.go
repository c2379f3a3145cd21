package main

import (
	"context"
	"strings"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/store/postgres"
)

// Linking the PostgreSQL store in: --db postgres://… (or $DYAD_DB) opens it.
func init() {
	openPostgres = func(ctx context.Context, dsn string) (dyad.Store, error) {
		return postgres.Open(ctx, dsn)
	}
}

// isPostgres reports whether dsn names a PostgreSQL database.
func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}
