package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/pipeline"
	"github.com/dyad-project/dyad/resolve"
	"github.com/dyad-project/dyad/store/sqlite"
)

// wordCoder codes one 057 mention per sentence that says "signed".
type wordCoder struct{}

func (wordCoder) Code(ctx context.Context, doc *dyad.Document) ([]*dyad.Mention, error) {
	if strings.Contains(doc.Text, "FAIL") {
		return nil, errors.New("coder failure")
	}
	var out []*dyad.Mention
	for _, s := range doc.Sentences {
		if strings.Contains(s.Text, "signed") {
			m := &dyad.Mention{Doc: doc.ID, Sentence: s.Index, Span: s.Span, Text: s.Text, Code: "057", Certainty: dyad.Asserted,
				Source: dyad.Actor{Code: "RUS", Country: "RUS"}, Target: dyad.Actor{Code: "AFG", Country: "AFG"}, Date: dyad.Day(doc.Published)}
			m.ID = dyad.NewMentionID(doc.ID, s.Span, m.Code, "RUS", "AFG")
			out = append(out, m)
		}
	}
	return out, nil
}

func input(docs []*dyad.Document, errs []error) pipeline.Input {
	return func(ctx context.Context, yield func(*dyad.Document, error) error) error {
		for _, d := range docs {
			if err := yield(d, nil); err != nil {
				return err
			}
		}
		for _, e := range errs {
			if err := yield(nil, e); err != nil {
				return err
			}
		}
		return nil
	}
}

func docs(n int) []*dyad.Document {
	var out []*dyad.Document
	for i := range n {
		out = append(out, &dyad.Document{Origin: fmt.Sprint("doc", i), Outlet: fmt.Sprint("Outlet ", i%3),
			Text: fmt.Sprintf("Report %d.  Russia and the Taliban signed a deal.\r\nNothing else %d.", i, i*i)})
	}
	return out
}

func TestRunner_Run(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	in := docs(500)
	in = append(in, &dyad.Document{Origin: "empty", Text: " \n\t "}, &dyad.Document{Origin: "bad", Text: "Russia signed. FAIL"})
	in = append(in, &dyad.Document{Origin: "again", Text: in[7].Text}) // an exact repeat
	var mu sync.Mutex
	var rejected []string
	r := &pipeline.Runner{Coder: wordCoder{}, Store: s, Resolver: &resolve.Clusterer{}, Workers: 3, BatchSize: 64,
		Reject: func(err error) { mu.Lock(); rejected = append(rejected, err.Error()); mu.Unlock() }}
	sum, err := r.Run(ctx, input(in, []error{errors.New("input x: unreadable")}))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Seen != 503 || sum.New != 500 || sum.Duplicates != 1 || sum.Rejected != 3 || sum.Mentions != 500 || sum.Sentences != 1500 {
		t.Errorf("summary = %+v", sum)
	}
	joined := strings.Join(rejected, "\n")
	for _, want := range []string{"empty: no text", "bad: code: coder failure", "input x: unreadable"} {
		if !strings.Contains(joined, want) {
			t.Errorf("rejections %q lack %q", joined, want)
		}
	}
	// Running again stores nothing and codes nothing.
	sum, err = r.Run(ctx, input(docs(500), nil))
	if err != nil || sum.New != 0 || sum.Duplicates != 500 {
		t.Errorf("second run = %+v, %v", sum, err)
	}
	st, _ := s.Stats(ctx)
	if st.Documents != 500 || st.Mentions != 500 {
		t.Errorf("stats = %+v", st)
	}
}

func TestRunner_Cancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := &pipeline.Runner{Store: s, Resolver: &resolve.Clusterer{}}
	n := 0
	_, err = r.Run(ctx, func(ctx context.Context, yield func(*dyad.Document, error) error) error {
		for {
			n++
			if n == 100 {
				cancel()
			}
			if err := yield(&dyad.Document{Text: fmt.Sprint("text ", n)}, nil); err != nil {
				return err
			}
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestPrepare(t *testing.T) {
	d := &dyad.Document{Text: "Headline\r\n\r\nKABUL, May 2, 2026 (Wire) - The Taliban met Russian envoys.[1]\n\nSources:\n[1] Wire story – Wire\n"}
	if err := pipeline.Prepare(d); err != nil {
		t.Fatal(err)
	}
	if d.ID == "" || strings.Contains(d.Text, "\r") || len(d.Sources) != 1 || d.Fingerprint == 0 {
		t.Errorf("prepared = %+v", d)
	}
	if !d.PublishedInferred || d.Published.Format("2006-01-02") != "2026-05-02" {
		t.Errorf("published = %v (inferred %v), want 2026-05-02 inferred", d.Published, d.PublishedInferred)
	}
	var cited bool
	for _, s := range d.Sentences {
		cited = cited || (len(s.Citations) == 1 && s.Citations[0] == 1)
	}
	if !cited {
		t.Errorf("no sentence cites [1]: %+v", d.Sentences)
	}
	if d.Title != "Headline" {
		t.Errorf("title = %q, want the first line", d.Title)
	}
	titled := &dyad.Document{Title: "Given", Text: "First line\n\nBody."}
	if pipeline.Prepare(titled); titled.Title != "Given" {
		t.Errorf("a given title was replaced by %q", titled.Title)
	}
	if err := pipeline.Prepare(&dyad.Document{Text: "  "}); !errors.Is(err, pipeline.ErrEmpty) {
		t.Errorf("empty: err = %v", err)
	}
}
