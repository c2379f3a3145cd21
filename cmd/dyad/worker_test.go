package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/ingest"
	"github.com/dyad-project/dyad/internal/shared"
	"github.com/dyad-project/dyad/pipeline"
	"github.com/dyad-project/dyad/queue"
	"github.com/dyad-project/dyad/store/postgres"
	"github.com/dyad-project/dyad/store/postgres/pgtest"
	"github.com/jackc/pgx/v5/pgxpool"
)

// reutersHead copies the first n records of the Reuters corpus into a
// temporary file (tests never write under ../shared).
func reutersHead(t *testing.T, n int) string {
	t.Helper()
	src := filepath.Join(shared.Path(t, "corpus", "reuters21578"), "reuters21578-part1.jsonl")
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	path := filepath.Join(t.TempDir(), "reuters-head.jsonl")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for i := 0; i < n && sc.Scan(); i++ {
		out.Write(sc.Bytes())
		out.Write([]byte{'\n'})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestWorkers_KillOne enqueues the first 2,000 Reuters stories, runs three
// 'dyad worker' processes on them, kills one with SIGKILL while it holds
// claimed documents, and checks that the other two finish its work and
// that every distinct document is stored once with each mention once.
func TestWorkers_KillOne(t *testing.T) {
	const docs = 2000
	dsn := pgtest.DSN(t)
	corpus := reutersHead(t, docs)
	bin := buildDyad(t)
	ctx := context.Background()

	// What the store must hold: each distinct prepared text once, with
	// the mentions the coder finds in it.
	coder, err := (&coderFlags{}).coder(&env{stderr: io.Discard, getenv: os.Getenv})
	if err != nil {
		t.Fatal(err)
	}
	wantDocs := map[dyad.DocumentID]bool{}
	reader := ingest.NewReader(ingest.Options{})
	err = reader.Read(ctx, []string{corpus}, nil, func(it ingest.Item) error {
		if it.Err == nil && pipeline.Prepare(it.Doc) == nil {
			wantDocs[it.Doc.ID] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	var stderr bytes.Buffer
	sum, err := enqueueInputs(ctx, &env{stderr: &stderr, getenv: os.Getenv}, dsn, reader, []string{corpus})
	if err != nil {
		t.Fatalf("enqueue: %v\n%s", err, stderr.String())
	}
	if sum.Read != docs || sum.Enqueued == 0 {
		t.Fatalf("enqueue = %+v, want %d documents read", sum, docs)
	}

	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	start := func(name string) (*exec.Cmd, *bytes.Buffer) {
		var out bytes.Buffer
		cmd := exec.Command(bin, "worker", "--db", dsn, "--workers", "2", "--lease", "3s", "--poll", "200ms", "--once", "--name", name)
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd, &out
	}
	victim, _ := start("victim")
	a, aOut := start("a")
	b, bOut := start("b")

	// Kill the victim once it holds claimed documents and others are done.
	var orphans int
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		var done, held int
		err := pool.QueryRow(ctx, `SELECT count(*) FILTER (WHERE state = 'done'),
			count(*) FILTER (WHERE state = 'running' AND worker LIKE 'victim/%') FROM queue_jobs`).Scan(&done, &held)
		if err != nil {
			t.Fatal(err)
		}
		if done >= docs/10 && held > 0 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := victim.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	victim.Wait()
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM queue_jobs WHERE state = 'running' AND worker LIKE 'victim/%'`).Scan(&orphans); err != nil {
		t.Fatal(err)
	}
	t.Logf("killed the victim holding %d claimed documents", orphans)

	for _, w := range []struct {
		cmd *exec.Cmd
		out *bytes.Buffer
	}{{a, aOut}, {b, bOut}} {
		if err := w.cmd.Wait(); err != nil {
			t.Fatalf("worker: %v\n%s", err, w.out)
		}
		t.Logf("%s", strings.TrimSpace(w.out.String()))
	}

	q, err := queue.New(ctx, pool)
	if err != nil {
		t.Fatal(err)
	}
	c, err := q.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.Pending() != 0 || c.Done+c.Failed != sum.Enqueued {
		t.Errorf("queue = %+v, want all %d jobs finished", c, sum.Enqueued)
	}
	if failed, _ := q.Failed(ctx, 5); len(failed) > 0 {
		for _, j := range failed {
			if !strings.Contains(j.LastError, pipeline.ErrEmpty.Error()) {
				t.Errorf("job %d failed: %s", j.ID, j.LastError)
			}
		}
	}
	if orphans > 0 {
		var retaken int
		pool.QueryRow(ctx, `SELECT count(*) FROM queue_jobs WHERE attempts > 1 AND state = 'done'`).Scan(&retaken)
		if retaken < orphans {
			t.Errorf("%d jobs were retaken after the kill, want at least the %d the victim held", retaken, orphans)
		}
	}

	store, err := postgres.New(ctx, pool)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != len(wantDocs) {
		t.Errorf("store holds %d documents, want %d", st.Documents, len(wantDocs))
	}
	// Each stored document holds exactly the mentions that coding it once
	// gives. (Copies of one text may differ in their metadata, such as the
	// publication date that dates depend on; whichever copy a worker stored
	// first is the document, so it is recoded from the store.)
	for id := range wantDocs {
		doc, err := store.FindDocument(ctx, id)
		if err != nil {
			t.Fatalf("document %s: %v", id, err)
		}
		want, err := coder.Code(ctx, doc)
		if err != nil {
			t.Fatal(err)
		}
		wantIDs := map[dyad.MentionID]bool{}
		for _, m := range want {
			wantIDs[m.ID] = true
		}
		got, err := store.DocumentMentions(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		gotIDs := map[dyad.MentionID]bool{}
		for _, m := range got {
			gotIDs[m.ID] = true
		}
		if !maps.Equal(gotIDs, wantIDs) {
			t.Errorf("document %s holds mentions %v, coding it gives %v", id, slices.Collect(maps.Keys(gotIDs)), slices.Collect(maps.Keys(wantIDs)))
		}
	}
	var docMentions, distinct int
	if err := pool.QueryRow(ctx, `SELECT count(*), count(DISTINCT (doc, sentence, start, end_, code, src_code, tgt_code)) FROM mentions`).Scan(&docMentions, &distinct); err != nil {
		t.Fatal(err)
	}
	if docMentions != distinct {
		t.Errorf("%d mentions but %d distinct ones: some were coded twice", docMentions, distinct)
	}
	t.Logf("%d inputs, %d distinct documents, %d mentions, %d events; queue %+v", docs, st.Documents, st.Mentions, st.Events, c)
}

// TestMigrate_RoundTrip copies an embedded store made from the bundled
// samples into PostgreSQL and back into a new embedded store: all three
// list the same events, with the same mentions, and hold the same
// documents, stories and sentences.
func TestMigrate_RoundTrip(t *testing.T) {
	dsn := pgtest.DSN(t)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	if code, _, stderr := run(t, "", "ingest", "--db", a, sampleDir(t)); code != exitOK {
		t.Fatalf("ingest: exit %d\n%s", code, stderr)
	}
	for _, step := range [][2]string{{a, dsn}, {dsn, b}} {
		if code, _, stderr := run(t, "", "migrate", "--from", step[0], "--to", step[1], "--batch", "3"); code != exitOK {
			t.Fatalf("migrate %s: exit %d\n%s", step[0], code, stderr)
		}
	}
	// Migrating again adds nothing.
	if code, _, stderr := run(t, "", "migrate", "--from", a, "--to", dsn); code != exitOK || !strings.Contains(stderr, " 0 copied") {
		t.Errorf("second migrate: exit %d\n%s", code, stderr)
	}

	ctx := context.Background()
	type snapshot struct {
		stats  dyad.Stats
		events string
	}
	take := func(db string) snapshot {
		s, err := openStore(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		st.Bytes, st.Oldest, st.Newest = 0, st.Oldest.UTC(), st.Newest.UTC()
		evs, _, err := s.FindEvents(ctx, dyad.EventFilter{WithMentions: true})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		for _, e := range evs {
			for _, m := range e.Mentions {
				m.Published = m.Published.UTC()
			}
			writeJSONL(&buf, e)
		}
		return snapshot{st, buf.String()}
	}
	want := take(a)
	if want.stats.Events == 0 || want.stats.Documents == 0 {
		t.Fatalf("the samples gave an empty store: %+v", want.stats)
	}
	for _, db := range []string{dsn, b} {
		got := take(db)
		if got.stats != want.stats {
			t.Errorf("%s: stats = %+v, want %+v", db, got.stats, want.stats)
		}
		if got.events != want.events {
			t.Errorf("%s: events differ from the original's:\n got %s\nwant %s", db, got.events, want.events)
		}
	}
	t.Logf("round trip of %+v", want.stats)
}
