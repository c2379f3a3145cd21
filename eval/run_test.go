package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/dyad"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// coderFunc adapts a function to dyad.Coder.
type coderFunc func(ctx context.Context, d *dyad.Document) ([]*dyad.Mention, error)

func (f coderFunc) Code(ctx context.Context, d *dyad.Document) ([]*dyad.Mention, error) {
	return f(ctx, d)
}

var _ dyad.Coder = coderFunc(nil)

func TestRunGold(t *testing.T) {
	docs := []*dyad.Document{
		{Origin: "d1", Text: "The United States imposed tariffs on Japan."},
		{Origin: "d2", Text: "Iran attacked a ship."},
	}
	g := []Gold{
		gold("USA", "JPN", "163", "1987-04-17", false, false),
		{Doc: "d2", SourceActor: "IRN", TargetActor: "KWT", CameoRoot: "19", Cameo: "19"},
	}
	prepared := map[string]bool{}
	prepare := func(d *dyad.Document) { prepared[d.Origin] = true; d.Title = "prepared" }
	c := coderFunc(func(_ context.Context, d *dyad.Document) ([]*dyad.Mention, error) {
		if d.Title != "prepared" {
			return nil, errors.New("not prepared before coding")
		}
		if d.Origin == "d1" {
			return []*dyad.Mention{mention(country("USA"), country("JPN"), "163", "1987-04-17", dyad.Asserted)}, nil
		}
		return []*dyad.Mention{mention(country("IRN"), country("KWT"), "190", "1987", dyad.Asserted)}, nil
	})
	s, err := RunGold(t.Context(), g, docs, c, prepare)
	if err != nil {
		t.Fatal(err)
	}
	if len(prepared) != 2 {
		t.Errorf("prepared %d documents, want 2", len(prepared))
	}
	if got := matched(s); got != [4]int{2, 2, 1, 1} {
		t.Errorf("matched %v, want [2 2 1 1]", got)
	}
}

func TestRunGold_Errors(t *testing.T) {
	ok := coderFunc(func(context.Context, *dyad.Document) ([]*dyad.Mention, error) { return nil, nil })
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		ctx     context.Context
		gold    []Gold
		docs    []*dyad.Document
		coder   dyad.Coder
		wantErr string
		is      error
	}{
		{"gold names a missing document", context.Background(), []Gold{gold("USA", "JPN", "163", "", false, false)},
			[]*dyad.Document{{Origin: "d2"}}, ok, "not given, first d1", nil},
		{"duplicate document", context.Background(), nil,
			[]*dyad.Document{{Origin: "d1"}, {Origin: "d1"}}, ok, "given twice", nil},
		{"coder error names the document", context.Background(), nil, []*dyad.Document{{Origin: "d7"}},
			coderFunc(func(context.Context, *dyad.Document) ([]*dyad.Mention, error) { return nil, errors.New("boom") }),
			"code d7: boom", nil},
		{"canceled", canceled, nil, []*dyad.Document{{Origin: "d1"}}, ok, "", context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := RunGold(tt.ctx, tt.gold, tt.docs, tt.coder, nil)
			switch {
			case err == nil:
				t.Fatal("RunGold: no error")
			case tt.is != nil && err != tt.is:
				t.Errorf("error %v, want %v unwrapped", err, tt.is)
			case tt.wantErr != "" && !strings.Contains(err.Error(), tt.wantErr):
				t.Errorf("error %q, want it to contain %q", err, tt.wantErr)
			}
		})
	}
}

func TestRunGold_KeysByIDWithoutOrigin(t *testing.T) {
	d := &dyad.Document{ID: "doc_1", Text: "x"}
	c := coderFunc(func(context.Context, *dyad.Document) ([]*dyad.Mention, error) {
		return []*dyad.Mention{mention(country("USA"), country("JPN"), "036", "", dyad.Asserted)}, nil
	})
	g := []Gold{{Doc: "doc_1", SourceActor: "USA", TargetActor: "JPN", CameoRoot: "03", Cameo: "036"}}
	s, err := RunGold(t.Context(), g, []*dyad.Document{d}, c, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Certainty.Matched != 1 {
		t.Errorf("matched %v, want all 1", matched(s))
	}
}

func TestScores_WriteText(t *testing.T) {
	s := Scores{
		Root:      newLevel(120, 98, 60),
		Code:      newLevel(120, 98, 41),
		Date:      newLevel(120, 98, 23),
		Certainty: newLevel(120, 98, 20),
	}
	var buf bytes.Buffer
	if err := s.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	const golden = "testdata/scores.golden"
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./eval -update to create it)", err)
	}
	if got := buf.String(); got != string(want) {
		t.Errorf("WriteText:\n%s\nwant:\n%s", got, want)
	}
}

func TestScores_JSON(t *testing.T) {
	b, err := json.Marshal(Scores{Root: newLevel(2, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"root":{"gold":2,"system":1,"matched":1,"recall":0.5,"precision":1,"f1":0.6666666666666666},"code":{"gold":0,"system":0,"matched":0,"recall":0,"precision":0,"f1":0},"date":{"gold":0,"system":0,"matched":0,"recall":0,"precision":0,"f1":0},"certainty":{"gold":0,"system":0,"matched":0,"recall":0,"precision":0,"f1":0}}`
	if string(b) != want {
		t.Errorf("JSON:\n%s\nwant:\n%s", b, want)
	}
}
