package main

import (
	"context"
	"fmt"
	"time"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/resolve"
	"github.com/dyad-project/dyad/store/postgres"
	"github.com/dyad-project/dyad/store/sqlite"
)

func init() {
	register(command{name: "migrate", args: "--from A --to B", summary: "copy a store into another (SQLite ⇄ PostgreSQL)", run: runMigrate})
}

func runMigrate(ctx context.Context, e *env, args []string) int {
	var c Config
	fs := newFlags(e, "migrate", "--from A --to B", &c)
	from := fs.String("from", "", "the store to copy: a SQLite file or a postgres:// URL")
	to := fs.String("to", "", "the store to copy into (created if needed); documents it holds already are kept")
	batch := fs.Int("batch", 256, "documents per write transaction")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return fail(e, "migrate", err)
	}
	if r := noArgs(e, fs, pos); r >= 0 {
		return r
	}
	if *from == "" || *to == "" || *batch < 1 {
		return badArgs(e, fs, "--from and --to are required, and --batch must be at least 1")
	}
	if *from == *to {
		return fail(e, "migrate", usageErr("--from and --to are the same store"))
	}
	src, err := openExisting(ctx, *from)
	if err != nil {
		return fail(e, "migrate", err)
	}
	defer src.Close()
	dst, err := openStore(ctx, *to)
	if err != nil {
		return fail(e, "migrate", err)
	}
	defer dst.Close()
	start := time.Now()
	sum, err := migrateStore(ctx, src, dst, *batch)
	fmt.Fprintf(e.stderr, "dyad migrate: %d documents read, %d copied, %d already there, %d mentions, %d events updated (%.1f s)\n",
		sum.Read, sum.New, sum.Duplicates, sum.Mentions, sum.Events, time.Since(start).Seconds())
	if err != nil {
		return fail(e, "migrate", err)
	}
	return exitOK
}

// migrateSummary counts what migrateStore did.
type migrateSummary struct {
	Read, New, Duplicates, Mentions, Events int
}

// documentLister pages through a store's documents in the order they were
// stored.
type documentLister interface {
	DocumentIDs(ctx context.Context, after dyad.DocumentID, limit int) ([]dyad.DocumentID, error)
}

// listerOf returns how to page through s's documents.
func listerOf(s dyad.Store) (documentLister, error) {
	switch s := s.(type) {
	case *postgres.Store:
		return s, nil
	case *sqlite.Store:
		return sqliteLister{s}, nil
	}
	return nil, usageErr("cannot list the documents of a %T", s)
}

// sqliteLister lists an embedded store's documents through its database.
type sqliteLister struct{ s *sqlite.Store }

func (l sqliteLister) DocumentIDs(ctx context.Context, after dyad.DocumentID, limit int) ([]dyad.DocumentID, error) {
	rows, err := l.s.DB().QueryContext(ctx, `SELECT id FROM documents
		WHERE seq > COALESCE((SELECT seq FROM documents WHERE id = ?), 0) ORDER BY seq LIMIT ?`, string(after), limit)
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	defer rows.Close()
	var out []dyad.DocumentID
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("list documents: %w", err)
		}
		out = append(out, dyad.DocumentID(id))
	}
	return out, rows.Err()
}

// migrateStore copies every document of src, with its sentences, sources
// and mentions, into dst, in the order src stored them, batch documents
// per write. Events are not copied: dst re-resolves them from the copied
// mentions, as it would had it ingested the documents itself. Resolution
// depends only on the set of mentions, so the events come out the same,
// with the same IDs, and a store that already holds documents merges
// rather than duplicates them. Stories are re-linked the same way, from
// the fingerprints, in the same order.
func migrateStore(ctx context.Context, src, dst dyad.Store, batch int) (migrateSummary, error) {
	var sum migrateSummary
	list, err := listerOf(src)
	if err != nil {
		return sum, err
	}
	var after dyad.DocumentID
	for {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		ids, err := list.DocumentIDs(ctx, after, batch)
		if err != nil {
			return sum, err
		}
		if len(ids) == 0 {
			return sum, nil
		}
		after = ids[len(ids)-1]
		docs := make([]*dyad.Document, 0, len(ids))
		mentions := make(map[dyad.DocumentID][]*dyad.Mention, len(ids))
		for _, id := range ids {
			d, err := src.FindDocument(ctx, id)
			if err != nil {
				return sum, fmt.Errorf("read %s: %w", id, err)
			}
			ms, err := src.DocumentMentions(ctx, id)
			if err != nil {
				return sum, fmt.Errorf("read mentions of %s: %w", id, err)
			}
			for _, m := range ms {
				m.Event = "" // re-resolved in dst
			}
			docs = append(docs, d)
			mentions[id] = ms
		}
		sum.Read += len(docs)
		res, err := dst.Write(ctx, docs, mentions, &resolve.Clusterer{})
		if err != nil {
			return sum, fmt.Errorf("write %d documents: %w", len(docs), err)
		}
		sum.New += len(res.New)
		sum.Duplicates += res.Duplicates
		sum.Mentions += res.Mentions
		sum.Events += res.Events
	}
}
