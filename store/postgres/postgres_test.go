package postgres_test

import (
	"fmt"
	"strings"
	"sync"

	"context"
	"github.com/dyad-project/dyad/resolve"
	"testing"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/store/postgres"
	"github.com/dyad-project/dyad/store/postgres/pgtest"
	"github.com/dyad-project/dyad/store/storetest"
)

func open(t *testing.T) dyad.Store {
	s, err := postgres.Open(context.Background(), pgtest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) {
	pgtest.URL(t)
	storetest.Run(t, open)
}

// TestSeveralProcesses writes the same corpus through four stores on one
// schema, as four worker processes would: documents shared between them
// are stored once, near-duplicates written
// by different stores share a story, and their one bucket resolves into one event.
func TestSeveralProcesses(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	stores := make([]*postgres.Store, 4)
	errs := make(chan error, len(stores))
	for i := range stores {
		go func() {
			s, err := postgres.Open(ctx, dsn) // migrations race here too
			stores[i] = s
			errs <- err
		}()
	}
	for range stores {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() {
		for _, s := range stores {
			s.Close()
		}
	})
	rus := dyad.Actor{Code: "RUSGOV", Country: "RUS", Role: "GOV", Name: "Russia", Entity: "rus"}
	afg := dyad.Actor{Code: "AFGGOV", Country: "AFG", Role: "GOV", Name: "Taliban", Entity: "taliban"}
	var wg sync.WaitGroup
	for w, s := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Every writer writes all 20 documents, starting at a different one.
			for i := range 20 {
				n := (i + 5*w) % 20
				d := storetest.Doc(fmt.Sprintf("Document %d: Russia and the Taliban met.", n), "wire", "2026-05-27")
				// Documents n and n+10 are near-duplicates (one bit apart),
				// written by different writers at about the same time.
				d.Fingerprint = 0x9E3779B97F4A7C15*uint64(n%10+1) ^ uint64(n/10)
				m := storetest.Mention(d, rus, afg, "040", "2026-05-27", dyad.Asserted)
				if _, err := s.Write(ctx, []*dyad.Document{d}, map[dyad.DocumentID][]*dyad.Mention{d.ID: {m}}, &resolve.Clusterer{}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	st, err := stores[0].Stats(ctx)
	if err != nil || st.Documents != 20 || st.Mentions != 20 || st.Events != 1 || st.Stories != 10 {
		t.Errorf("stats = %+v, %v (want 20 documents in 10 stories, 20 mentions, 1 event)", st, err)
	}
	evs, _, err := stores[1].FindEvents(ctx, dyad.EventFilter{})
	if err != nil || len(evs) != 1 || evs[0].NumMentions != 20 || evs[0].NumDocuments != 20 {
		t.Errorf("events = %+v, %v (want one event of 20 mentions)", evs, err)
	}
}

func TestTSQuery(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"words", "Military deal", "'military' & 'deal'"},
		{"prefix", "milit*", "'milit':*"},
		{"operators dropped", "a & b | !c ('d')", "'a' & 'b' & 'c' & 'd'"},
		{"nothing", "&&!", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := postgres.TSQuery(tt.in); got != tt.want {
				t.Errorf("TSQuery(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzTSQuery(f *testing.F) {
	for _, s := range []string{"military", "milit*", "'); DROP TABLE events; --", "a:* & b", "Ünïcödé wörds"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := postgres.TSQuery(s)
		for _, term := range strings.Split(q, " & ") {
			if q == "" {
				break
			}
			body := strings.TrimSuffix(term, ":*")
			if len(body) < 3 || body[0] != '\'' || body[len(body)-1] != '\'' || strings.ContainsAny(body[1:len(body)-1], "'\\&|!():* ") {
				t.Fatalf("TSQuery(%q) = %q: term %q is not one quoted word", s, q, term)
			}
		}
	})
}
