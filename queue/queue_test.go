package queue_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/dyad-project/dyad/queue"
	"github.com/dyad-project/dyad/store/postgres/pgtest"
)

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func open(t *testing.T) (*queue.Queue, *clock) {
	t.Helper()
	q, err := queue.Open(context.Background(), pgtest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(q.Close)
	c := &clock{t: time.Date(2026, 5, 27, 12, 0, 0, 0, time.UTC)}
	q.Now = c.now
	q.Backoff = func(int) time.Duration { return 10 * time.Second }
	return q, c
}

func jobs(n int) []queue.Job {
	out := make([]queue.Job, n)
	for i := range out {
		out[i] = queue.Job{Payload: []byte(fmt.Sprintf(`{"n":%d}`, i))}
	}
	return out
}

func TestEnqueueIsIdempotent(t *testing.T) {
	ctx := context.Background()
	q, _ := open(t)
	n, err := q.Enqueue(ctx, jobs(3))
	if err != nil || n != 3 {
		t.Fatalf("Enqueue = %d, %v, want 3", n, err)
	}
	n, err = q.Enqueue(ctx, jobs(4))
	if err != nil || n != 1 {
		t.Fatalf("Enqueue again = %d, %v, want 1 (three were queued)", n, err)
	}
	c, err := q.Counts(ctx)
	if err != nil || c != (queue.Counts{Ready: 4}) {
		t.Errorf("Counts = %+v, %v", c, err)
	}
}

func TestLifecycle(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name string
		run  func(t *testing.T, q *queue.Queue, c *clock)
	}{
		{"claim in order then empty", func(t *testing.T, q *queue.Queue, c *clock) {
			a := claim(t, q, "w1", time.Minute)
			b := claim(t, q, "w2", time.Minute)
			if string(a.Payload) != `{"n":0}` || string(b.Payload) != `{"n":1}` || a.Attempts != 1 || a.Worker != "w1" {
				t.Errorf("claimed %+v then %+v", a, b)
			}
			if _, err := q.Claim(ctx, "w3", time.Minute); !errors.Is(err, queue.ErrEmpty) {
				t.Errorf("third claim: err = %v, want ErrEmpty", err)
			}
		}},
		{"complete", func(t *testing.T, q *queue.Queue, c *clock) {
			a := claim(t, q, "w1", time.Minute)
			if err := q.Complete(ctx, a.ID); err != nil {
				t.Fatal(err)
			}
			c.add(time.Hour)
			b := claim(t, q, "w1", time.Minute)
			if b.ID == a.ID {
				t.Errorf("a completed job was claimed again")
			}
			if got := counts(t, q); got != (queue.Counts{Running: 1, Done: 1}) {
				t.Errorf("Counts = %+v", got)
			}
		}},
		{"expired lease is claimed again", func(t *testing.T, q *queue.Queue, c *clock) {
			a := claim(t, q, "dead", time.Minute)
			claim(t, q, "w2", time.Hour) // the other job
			c.add(59 * time.Second)
			if _, err := q.Claim(ctx, "w3", time.Minute); !errors.Is(err, queue.ErrEmpty) {
				t.Errorf("claim within the lease: err = %v, want ErrEmpty", err)
			}
			c.add(2 * time.Second)
			b := claim(t, q, "w3", time.Minute)
			if b.ID != a.ID || b.Attempts != 2 || b.Worker != "w3" {
				t.Errorf("after the lease: claimed %+v, want job %d, attempt 2", b, a.ID)
			}
		}},
		{"an extended lease is not taken over", func(t *testing.T, q *queue.Queue, c *clock) {
			a := claim(t, q, "slow", time.Minute)
			claim(t, q, "w2", time.Hour) // the other job
			c.add(50 * time.Second)
			if err := q.Extend(ctx, a.ID, "slow", time.Minute); err != nil {
				t.Fatal(err)
			}
			c.add(50 * time.Second) // past the first lease, within the renewed one
			if _, err := q.Claim(ctx, "w3", time.Minute); !errors.Is(err, queue.ErrEmpty) {
				t.Errorf("claim within the renewed lease: err = %v, want ErrEmpty", err)
			}
			if err := q.Extend(ctx, a.ID, "someone-else", time.Minute); !errors.Is(err, queue.ErrLost) {
				t.Errorf("Extend by another worker: err = %v, want ErrLost", err)
			}
			c.add(2 * time.Minute)
			claim(t, q, "w3", time.Minute) // the lease ended: w3 takes it over
			if err := q.Extend(ctx, a.ID, "slow", time.Minute); !errors.Is(err, queue.ErrLost) {
				t.Errorf("Extend after a takeover: err = %v, want ErrLost", err)
			}
		}},
		{"failure backs off then retries", func(t *testing.T, q *queue.Queue, c *clock) {
			a := claim(t, q, "w1", time.Minute)
			if err := q.Fail(ctx, a.ID, errors.New("boom")); err != nil {
				t.Fatal(err)
			}
			b := claim(t, q, "w1", time.Minute)
			if b.ID == a.ID {
				t.Errorf("failed job retried before its back-off")
			}
			c.add(11 * time.Second)
			r := claim(t, q, "w1", time.Minute)
			if r.ID != a.ID || r.LastError != "boom" || r.Attempts != 2 {
				t.Errorf("retry = %+v, want job %d with its last error", r, a.ID)
			}
		}},
		{"gives up after max attempts", func(t *testing.T, q *queue.Queue, c *clock) {
			for i := range 5 {
				j := claim(t, q, "w1", time.Minute)
				if j.Attempts != i+1 {
					t.Fatalf("attempt %d: claimed %+v", i+1, j)
				}
				q.Fail(ctx, j.ID, fmt.Errorf("failure %d", i+1))
				if i == 0 {
					claim(t, q, "w2", 24*time.Hour) // keep the other job out of the way
				}
				c.add(time.Minute)
			}
			if _, err := q.Claim(ctx, "w1", time.Minute); !errors.Is(err, queue.ErrEmpty) {
				t.Errorf("claim after five failures: err = %v, want ErrEmpty", err)
			}
			failed, err := q.Failed(ctx, 10)
			if err != nil || len(failed) != 1 || failed[0].LastError != "failure 5" {
				t.Errorf("Failed = %+v, %v", failed, err)
			}
		}},
		{"permanent failure gives up at once", func(t *testing.T, q *queue.Queue, c *clock) {
			a := claim(t, q, "w1", time.Minute)
			if err := q.Fail(ctx, a.ID, queue.Permanent(errors.New("no text"))); err != nil {
				t.Fatal(err)
			}
			if got := counts(t, q); got != (queue.Counts{Ready: 1, Failed: 1}) {
				t.Errorf("Counts = %+v, want the job failed for good", got)
			}
		}},
		{"dead worker on the last attempt fails the job", func(t *testing.T, q *queue.Queue, c *clock) {
			q.MaxAttempts = 1
			q.Enqueue(ctx, []queue.Job{{Key: "one-shot", Payload: []byte(`{}`)}})
			claim(t, q, "w1", time.Hour)
			claim(t, q, "w1", time.Hour)
			j := claim(t, q, "dead", time.Minute)
			c.add(2 * time.Minute)
			if _, err := q.Claim(ctx, "w2", time.Minute); !errors.Is(err, queue.ErrEmpty) {
				t.Errorf("claim: err = %v, want ErrEmpty", err)
			}
			failed, _ := q.Failed(ctx, 10)
			if len(failed) != 1 || failed[0].ID != j.ID || failed[0].LastError != "lease expired" {
				t.Errorf("Failed = %+v", failed)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, c := open(t)
			if _, err := q.Enqueue(ctx, jobs(2)); err != nil {
				t.Fatal(err)
			}
			tt.run(t, q, c)
		})
	}
}

// TestConcurrentClaims has eight workers drain a queue: every job is
// claimed exactly once.
func TestConcurrentClaims(t *testing.T) {
	ctx := context.Background()
	q, _ := open(t)
	q.Now = nil // the database's clock
	if _, err := q.Enqueue(ctx, jobs(200)); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	seen := map[int64]int{}
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				j, err := q.Claim(ctx, fmt.Sprint("w", w), time.Minute)
				if errors.Is(err, queue.ErrEmpty) {
					return
				}
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				seen[j.ID]++
				mu.Unlock()
				if err := q.Complete(ctx, j.ID); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	if len(seen) != 200 {
		t.Errorf("claimed %d distinct jobs, want 200", len(seen))
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("job %d claimed %d times", id, n)
		}
	}
	if c := counts(t, q); c != (queue.Counts{Done: 200}) {
		t.Errorf("Counts = %+v", c)
	}
}

func claim(t *testing.T, q *queue.Queue, worker string, lease time.Duration) *queue.Job {
	t.Helper()
	j, err := q.Claim(context.Background(), worker, lease)
	if err != nil {
		t.Fatalf("Claim(%s): %v", worker, err)
	}
	return j
}

func counts(t *testing.T, q *queue.Queue) queue.Counts {
	t.Helper()
	c, err := q.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}
