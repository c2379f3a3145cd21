package postgres_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/dyad-project/dyad/actor"
	"github.com/dyad-project/dyad/code"
	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/ingest"
	"github.com/dyad-project/dyad/internal/shared"
	"github.com/dyad-project/dyad/pipeline"
	"github.com/dyad-project/dyad/place"
	"github.com/dyad-project/dyad/resolve"
	"github.com/dyad-project/dyad/store/postgres"
	"github.com/dyad-project/dyad/store/postgres/pgtest"
	"github.com/dyad-project/dyad/store/sqlite"
	"github.com/jackc/pgx/v5"
)

// reuters reads the first n raw Reuters documents (skipped without ../shared).
func reuters(b *testing.B, n int) []dyad.Document {
	b.Helper()
	dir := shared.Path(b, "corpus", "reuters21578")
	src := filepath.Join(dir, "reuters21578-part1.jsonl")
	head := filepath.Join(b.TempDir(), "head.jsonl")
	in, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, _ := os.Create(head)
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for i := 0; i < n && sc.Scan(); i++ {
		fmt.Fprintf(out, "%s\n", sc.Bytes())
	}
	out.Close()
	var docs []dyad.Document
	err = ingest.NewReader(ingest.Options{}).Read(context.Background(), []string{head}, nil, func(it ingest.Item) error {
		if it.Err == nil {
			docs = append(docs, *it.Doc)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return docs
}

// BenchmarkIngest runs the ingest pipeline (prepare, code with the built-in
// dictionaries, store) over the first 2,000 Reuters stories with two
// workers, into a fresh embedded store and a fresh PostgreSQL schema, and
// reports documents per second. The ratio of the two is what moving to a
// server costs a single ingest.
func BenchmarkIngest(b *testing.B) {
	raw := reuters(b, 2000)
	d := actor.Builtin()
	coder := code.New(code.Options{Actors: d, Places: place.Builtin(), Demonym: d.Demonym})
	stores := []struct {
		name    string
		writers int
		open    func(b *testing.B) dyad.Store
	}{
		{"sqlite", 1, func(b *testing.B) dyad.Store {
			s, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "dyad.db"))
			if err != nil {
				b.Fatal(err)
			}
			return s
		}},
		{"postgres", 2, func(b *testing.B) dyad.Store {
			s, err := postgres.Open(context.Background(), pgtest.DSN(b))
			if err != nil {
				b.Fatal(err)
			}
			return s
		}},
	}
	for _, st := range stores {
		b.Run(st.name, func(b *testing.B) {
			var elapsed time.Duration
			for range b.N {
				b.StopTimer()
				s := st.open(b)
				docs := make([]*dyad.Document, len(raw))
				for i := range raw {
					d := raw[i]
					docs[i] = &d
				}
				b.StartTimer()
				start := time.Now()
				r := &pipeline.Runner{Coder: coder, Store: s, Resolver: &resolve.Clusterer{}, Workers: 2, Writers: st.writers}
				sum, err := r.Run(context.Background(), func(ctx context.Context, yield func(*dyad.Document, error) error) error {
					for _, d := range docs {
						if err := yield(d, nil); err != nil {
							return err
						}
					}
					return nil
				})
				elapsed += time.Since(start)
				if err != nil || sum.New == 0 {
					b.Fatalf("run = %+v, %v", sum, err)
				}
				b.StopTimer()
				s.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(len(raw)*b.N)/elapsed.Seconds(), "docs/s")
		})
	}
}

// synthetic is the schema that holds the 10-million-event table; it is
// kept between runs, since building it takes minutes.
const synthetic = "dyad_bench_events_10m"

const syntheticEvents = 10_000_000

// buildSynthetic fills the events table of the synthetic schema with
// syntheticEvents rows, unless it holds them already: 60 countries, so a
// dyad (either direction) has about 5,500 events, dated over 47 years.
func buildSynthetic(b *testing.B) *postgres.Store {
	b.Helper()
	ctx := context.Background()
	s, err := postgres.Open(ctx, pgtest.Schema(b, synthetic))
	if err != nil {
		b.Fatal(err)
	}
	pool := s.Pool()
	var n int
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM events`).Scan(&n); err != nil {
		b.Fatal(err)
	}
	if n == syntheticEvents {
		return s
	}
	b.Logf("building %d synthetic events in schema %s (once; kept for later runs)", syntheticEvents, synthetic)
	start := time.Now()
	// Indexes are dropped while loading and rebuilt after, which is much
	// faster than maintaining them row by row.
	rows, err := pool.Query(ctx, `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = 'events' AND indexname LIKE 'events\_%' AND indexname <> 'events_pkey'`, synthetic)
	if err != nil {
		b.Fatal(err)
	}
	type index struct{ name, def string }
	idx, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (index, error) {
		var i index
		return i, r.Scan(&i.name, &i.def)
	})
	if err != nil {
		b.Fatal(err)
	}
	exec := func(q string, args ...any) {
		if _, err := pool.Exec(ctx, q, args...); err != nil {
			b.Fatalf("%s: %v", q, err)
		}
	}
	exec(`TRUNCATE events`)
	for _, i := range idx {
		exec(`DROP INDEX ` + pgx.Identifier{i.name}.Sanitize())
	}
	const chunk = 1_000_000
	for lo := 1; lo <= syntheticEvents; lo += chunk {
		exec(`INSERT INTO events (id, bucket, date_start, date_precision, date_last, sort_date,
				src_code, src_country, src_role, src_name, src_text, src_entity,
				tgt_code, tgt_country, tgt_role, tgt_name, tgt_text, tgt_entity,
				code, root, plover, quad_class, goldstein, certainty, num_mentions, num_documents, num_sources)
			SELECT 'ev_' || lpad(to_hex(i), 20, '0'), root || '|' || least(src, tgt) || '|' || greatest(src, tgt),
				d, 'day', d, d,
				src || 'GOV', src, 'GOV', src, src, lower(src),
				tgt || 'GOV', tgt, 'GOV', tgt, tgt, lower(tgt),
				root || '0', root, 'CONSULT', 1, 1.0, 'asserted', 1 + i % 5, 1 + i % 4, 1 + i % 3
			FROM (SELECT i,
					'C' || lpad((floor(random() * 60))::int::text, 2, '0') AS src,
					'C' || lpad((floor(random() * 60))::int::text, 2, '0') AS tgt,
					lpad((1 + floor(random() * 20))::int::text, 2, '0') AS root,
					DATE '1979-01-01' + floor(random() * 17000)::int AS d
				FROM generate_series($1::int, $2::int) AS i) g`, lo, min(lo+chunk-1, syntheticEvents))
	}
	for _, i := range idx {
		exec(i.def)
	}
	exec(`ANALYZE events`)
	b.Logf("built in %s", time.Since(start).Round(time.Second))
	return s
}

// BenchmarkFindEventsDyad10M lists the 50 newest events of one dyad
// (either direction, with the total count) among 10 million, as 'dyad
// events --dyad A,B' and the API do, and reports the p50 and p95 latency.
func BenchmarkFindEventsDyad10M(b *testing.B) {
	s := buildSynthetic(b)
	defer s.Close()
	ctx := context.Background()
	var lat []time.Duration
	i := 0
	for b.Loop() {
		a, c := fmt.Sprintf("C%02d", i%60), fmt.Sprintf("C%02d", (i*7+13)%60)
		i++
		start := time.Now()
		evs, total, err := s.FindEvents(ctx, dyad.EventFilter{Dyad: [2]dyad.ActorSelector{{Country: a}, {Country: c}}, Limit: 50})
		lat = append(lat, time.Since(start))
		if err != nil || len(evs) == 0 || total < len(evs) {
			b.Fatalf("FindEvents(%s, %s) = %d events of %d, %v", a, c, len(evs), total, err)
		}
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
}
