package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"github.com/dyad-project/dyad/cameo"
	"os"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/shared"
)

// line renders a gold event as a JSON line, with edits applied to a valid
// base event.
func line(t testing.TB, edit func(*Gold)) string {
	t.Helper()
	g := Gold{
		Doc: "reuters21578-1", SourceActor: "USA", SourceRole: "GOV",
		TargetActor: "JPN", TargetRole: "GOV", CameoRoot: "16", Cameo: "163",
		Date: "1987-04-17", Evidence: "the United States imposed tariffs",
	}
	if edit != nil {
		edit(&g)
	}
	b, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestReadGold(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    int    // events read
		wantErr string // substring of the error; "" for none
	}{
		{"valid", line(t, nil), 1, ""},
		{"blank lines skipped", "\n" + line(t, nil) + "\n\n  \n" + line(t, nil), 2, ""},
		{"no final newline", line(t, nil), 1, ""},
		{"root only", line(t, func(g *Gold) { g.Cameo = "16" }), 1, ""},
		{"four-digit code", line(t, func(g *Gold) { g.CameoRoot, g.Cameo = "05", "0571" }), 0, "cameo \"0571\" is not a CAMEO"},
		{"valid four-digit code", line(t, func(g *Gold) { g.CameoRoot, g.Cameo = "17", "1711" }), 1, ""},
		{"month date", line(t, func(g *Gold) { g.Date = "1987-04" }), 1, ""},
		{"year date", line(t, func(g *Gold) { g.Date = "1987" }), 1, ""},
		{"empty date", line(t, func(g *Gold) { g.Date = "" }), 1, ""},
		{"organization actor", line(t, func(g *Gold) { g.SourceActor, g.SourceRole = "Taliban", "" }), 1, ""},
		{"no target", line(t, func(g *Gold) { g.TargetActor, g.TargetRole = "", "" }), 1, ""},
		{"bad JSON", `{"doc": "x",`, 0, "test.jsonl:1: bad JSON"},
		{"unknown field", strings.Replace(line(t, nil), `"doc"`, `"document":"x","doc"`, 1), 0, "unknown field"},
		{"two values", line(t, nil) + " {}", 0, "more than one JSON value"},
		{"empty doc", line(t, func(g *Gold) { g.Doc = " " }), 0, "doc is empty"},
		{"empty source", line(t, func(g *Gold) { g.SourceActor = "" }), 0, "source_actor is empty"},
		{"padded actor", line(t, func(g *Gold) { g.TargetActor = "JPN " }), 0, "surrounding space"},
		{"long actor", line(t, func(g *Gold) { g.SourceActor = strings.Repeat("x", 65) }), 0, "longer than"},
		{"bad role", line(t, func(g *Gold) { g.SourceRole = "gov" }), 0, "source_role \"gov\""},
		{"bad target role", line(t, func(g *Gold) { g.TargetRole = "XYZ" }), 0, "target_role \"XYZ\""},
		{"role without target", line(t, func(g *Gold) { g.TargetActor = "" }), 0, "target_role given without"},
		{"root 21", line(t, func(g *Gold) { g.CameoRoot, g.Cameo = "21", "21" }), 0, "cameo_root \"21\""},
		{"root one digit", line(t, func(g *Gold) { g.CameoRoot, g.Cameo = "5", "5" }), 0, "cameo_root \"5\""},
		{"root three digits", line(t, func(g *Gold) { g.CameoRoot = "163" }), 0, "cameo_root \"163\""},
		{"code not under root", line(t, func(g *Gold) { g.CameoRoot = "17" }), 0, "not under cameo_root"},
		{"unknown code", line(t, func(g *Gold) { g.Cameo = "169" }), 0, "cameo \"169\""},
		{"empty code", line(t, func(g *Gold) { g.Cameo = "" }), 0, "cameo \"\""},
		{"bad day", line(t, func(g *Gold) { g.Date = "1987-02-30" }), 0, "date \"1987-02-30\""},
		{"slashed date", line(t, func(g *Gold) { g.Date = "1987/02/03" }), 0, "date \"1987/02/03\""},
		{"range date", line(t, func(g *Gold) { g.Date = "1987-02/1987-03" }), 0, "date \"1987-02/1987-03\""},
		{"evidence at limit", line(t, func(g *Gold) { g.Evidence = strings.Repeat("é", MaxEvidence) }), 1, ""},
		{"evidence too long", line(t, func(g *Gold) { g.Evidence = strings.Repeat("a", MaxEvidence+1) }), 0, "evidence has 201"},
		{"second line named", line(t, nil) + "\n" + line(t, func(g *Gold) { g.Date = "x" }), 1, "test.jsonl:2: date"},
		{"every bad line named", "{\n" + line(t, nil) + "\n[]", 1, "test.jsonl:3:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadGold(strings.NewReader(tt.in), "test.jsonl")
			if len(got) != tt.want {
				t.Errorf("ReadGold read %d events, want %d", len(got), tt.want)
			}
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("ReadGold: unexpected error %v", err)
			case tt.wantErr != "" && err == nil:
				t.Errorf("ReadGold: no error, want one containing %q", tt.wantErr)
			case tt.wantErr != "" && !strings.Contains(err.Error(), tt.wantErr):
				t.Errorf("ReadGold error %q, want it to contain %q", err, tt.wantErr)
			}
		})
	}
}

func TestReadGold_Fields(t *testing.T) {
	in := `{"doc":"reuters21578-123","source_actor":"USA","source_role":"GOV","target_actor":"JPN","target_role":"GOV","cameo_root":"16","cameo":"163","date":"1987-04-17","hedged":true,"negated":false,"evidence":"imposed tariffs"}`
	got, err := ReadGold(strings.NewReader(in), "x")
	if err != nil {
		t.Fatal(err)
	}
	want := Gold{Doc: "reuters21578-123", SourceActor: "USA", SourceRole: "GOV", TargetActor: "JPN", TargetRole: "GOV",
		CameoRoot: "16", Cameo: "163", Date: "1987-04-17", Hedged: true, Evidence: "imposed tariffs"}
	if len(got) != 1 || got[0] != want {
		t.Errorf("ReadGold = %+v, want [%+v]", got, want)
	}
}

// TestCameoCodes checks the codes gold files may use against the shared
// ontology.
func TestCameoCodes(t *testing.T) {
	if n := len(cameo.All()); n != 311 {
		t.Errorf("embedded CAMEO codes: %d, want 311", n)
	}
	path := shared.Path(t, "ontology", "cameo-event-codes.tsv")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	n := 0
	for sc.Scan() {
		code, _, _ := strings.Cut(sc.Text(), "\t")
		n++
		if !ValidCode(code) {
			t.Errorf("code %q of the ontology is not in the embedded list", code)
		}
	}
	if n != len(cameo.All()) {
		t.Errorf("ontology has %d codes, embedded list %d", n, len(cameo.All()))
	}
}

func FuzzReadGold(f *testing.F) {
	f.Add([]byte(line(f, nil)))
	f.Add([]byte(line(f, func(g *Gold) { g.TargetActor, g.TargetRole, g.Date = "", "", "1987-02" }) + "\n\n{"))
	f.Add([]byte(`{"doc":"a","source_actor":"UN","cameo_root":"04","cameo":"042"}`))
	if b, err := os.ReadFile("testdata/dev.gold.jsonl"); err == nil {
		for l := range bytes.Lines(b) {
			f.Add(l)
		}
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		got, err := ReadGold(bytes.NewReader(in), "fuzz")
		if err != nil && !strings.HasPrefix(err.Error(), "fuzz:") {
			t.Errorf("error %q does not start with the file name", err)
		}
		var buf bytes.Buffer
		for _, g := range got {
			if verr := g.Validate(); verr != nil {
				t.Fatalf("ReadGold returned an invalid event %+v: %v", g, verr)
			}
			if !strings.HasPrefix(g.Cameo, g.CameoRoot) || len(g.CameoRoot) != 2 {
				t.Fatalf("code %q not under root %q", g.Cameo, g.CameoRoot)
			}
			b, _ := json.Marshal(g)
			buf.Write(b)
			buf.WriteByte('\n')
		}
		again, err := ReadGold(&buf, "again")
		if err != nil {
			t.Fatalf("re-reading written events: %v", err)
		}
		if len(again) != len(got) {
			t.Fatalf("round trip: %d events, want %d", len(again), len(got))
		}
		for i := range got {
			if again[i] != got[i] {
				t.Fatalf("round trip: %+v, want %+v", again[i], got[i])
			}
		}
	})
}
