package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/store/sqlite"
	"github.com/dyad-project/dyad/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) dyad.Store {
		s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "dyad.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	d := storetest.Doc("Russia and the Taliban signed a deal.", "wire", "2026-05-27")
	if _, err := s.Write(ctx, []*dyad.Document{d}, nil, nil); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = sqlite.Open(ctx, path) // migrations must not run twice
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil || st.Documents != 1 {
		t.Errorf("after reopen: %+v, %v", st, err)
	}
}
