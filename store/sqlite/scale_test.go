package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/store/sqlite"
)

// syntheticEvents is the size of the synthetic store of BenchmarkFindEvents_Dyad.
const syntheticEvents = 10_000_000

// openSynthetic returns a store of n synthetic events, built once with SQL
// and cached under the temporary folder (building 10M events takes minutes).
// Countries are drawn with a skew, so that a few pairs (USA–RUS) hold many
// events, as in real news, and most pairs few.
func openSynthetic(b *testing.B, n int) *sqlite.Store {
	b.Helper()
	ctx := context.Background()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("dyad-synthetic-v1-%d.db", n))
	_, err := os.Stat(path)
	fresh := err != nil
	s, err := sqlite.Open(ctx, path+".tmp")
	if !fresh {
		s.Close()
		s, err = sqlite.Open(ctx, path)
	}
	if err != nil {
		b.Fatal(err)
	}
	if !fresh {
		return s
	}
	b.Logf("building a synthetic store of %d events at %s (once)", n, path)
	start := time.Now()
	// 60 countries, the first ones far more often: index = floor(60 * r^3).
	const build = `
WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?),
c(i, a, b, d, r) AS (
	SELECT i,
		CAST(60 * ((abs(random()) % 1000) / 1000.0) * ((abs(random()) % 1000) / 1000.0) * ((abs(random()) % 1000) / 1000.0) AS INTEGER),
		CAST(60 * ((abs(random()) % 1000) / 1000.0) * ((abs(random()) % 1000) / 1000.0) AS INTEGER),
		abs(random()) % 14000,
		1 + abs(random()) % 20
	FROM seq)
INSERT INTO events (id, bucket, date_start, date_end, date_precision, date_last, sort_date,
	src_code, src_country, src_role, src_name, src_text, src_entity,
	tgt_code, tgt_country, tgt_role, tgt_name, tgt_text, tgt_entity,
	code, root, plover, quad_class, goldstein, certainty, num_mentions, num_documents, num_sources)
SELECT printf('ev_syn%010d', i), printf('%02d|C%02d|C%02d', r, a, b),
	date('1990-01-01', '+' || d || ' days'), '', 'day', date('1990-01-01', '+' || d || ' days'), date('1990-01-01', '+' || d || ' days'),
	printf('C%02dGOV', a), printf('C%02d', a), 'GOV', printf('Country %d', a), '', printf('c%02d', a),
	printf('C%02dGOV', b), printf('C%02d', b), 'GOV', printf('Country %d', b), '', printf('c%02d', b),
	printf('%02d0', r), printf('%02d', r), 'CONSULT', 1 + (r - 1) / 5, 1.0, 'asserted', 1, 1, 1
FROM c`
	// Load first, index after: maintaining seven indexes row by row over
	// random keys is many times slower than building them once.
	db := s.DB()
	db.SetMaxOpenConns(1)
	var indexes []string
	rows, err := db.QueryContext(ctx, `SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL`)
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var q string
		rows.Scan(&q)
		indexes = append(indexes, q)
	}
	rows.Close()
	for _, q := range []string{`PRAGMA journal_mode = OFF`, `PRAGMA synchronous = OFF`,
		`DROP INDEX events_bucket`, `DROP INDEX events_sort`, `DROP INDEX events_src`, `DROP INDEX events_tgt`,
		`DROP INDEX events_src_entity`, `DROP INDEX events_tgt_entity`, `DROP INDEX events_code`} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			b.Fatal(q, err)
		}
	}
	if _, err := db.ExecContext(ctx, build, n); err != nil {
		b.Fatal(err)
	}
	for _, q := range indexes {
		if _, err := db.ExecContext(ctx, q); err != nil {
			b.Fatal(q, err)
		}
	}
	if _, err := db.ExecContext(ctx, `ANALYZE`); err != nil {
		b.Fatal(err)
	}
	s.Close()
	if err := os.Rename(path+".tmp", path); err != nil {
		b.Fatal(err)
	}
	os.Remove(path + ".tmp-wal")
	os.Remove(path + ".tmp-shm")
	b.Logf("built in %v", time.Since(start).Round(time.Second))
	if s, err = sqlite.Open(ctx, path); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkFindEvents_Dyad times `dyad events --dyad A,B --since …` (the
// first page of 100) on a store of 10 million events, over pairs from the
// busiest to rare ones, and reports p50 and p95 latency.
func BenchmarkFindEvents_Dyad(b *testing.B) {
	if testing.Short() {
		b.Skip("builds a 10M-event store")
	}
	s := openSynthetic(b, syntheticEvents)
	defer s.Close()
	ctx := context.Background()
	pairs := [][2]string{{"C00", "C01"}, {"C01", "C00"}, {"C02", "C05"}, {"C10", "C20"}, {"C30", "C40"}, {"C55", "C03"}}
	var lat []time.Duration
	i := 0
	for b.Loop() {
		p := pairs[i%len(pairs)]
		i++
		f := dyad.EventFilter{Dyad: [2]dyad.ActorSelector{{Country: p[0]}, {Country: p[1]}}, Since: dyad.MustParseDate("2010"), Limit: 100}
		t := time.Now()
		if _, _, err := s.FindEvents(ctx, f); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t))
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
}
