package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/cameo"
	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/export"
	"github.com/dyad-project/dyad/internal/shared"
	"github.com/dyad-project/dyad/nlp"
	"github.com/dyad-project/dyad/resolve"
	"github.com/dyad-project/dyad/store/sqlite"
)

var update = flag.Bool("update", false, "rewrite cmd/dyad/testdata/*.golden from the current output")

// The fixture's actors, as the dictionary would resolve them.
var (
	fxRUS = dyad.Actor{Code: "RUSGOV", Country: "RUS", Role: "GOV", Name: "Russia", Entity: "rus"}
	fxAFG = dyad.Actor{Code: "AFGGOV", Country: "AFG", Role: "GOV", Name: "Taliban", Entity: "taliban"}
	fxUSA = dyad.Actor{Code: "USAGOV", Country: "USA", Role: "GOV", Name: "United States", Entity: "usa"}
	fxJPN = dyad.Actor{Code: "JPNGOV", Country: "JPN", Role: "GOV", Name: "Japan", Entity: "jpn"}
	fxCHN = dyad.Actor{Code: "CHN", Country: "CHN", Name: "China", Entity: "chn"}

	moscowRegion = &dyad.Place{Name: "Moscow Oblast", Country: "RUS", Lat: 55.5, Lon: 37.5, Kind: "region"}
)

// fxSent is one sentence of a fixture document, with its citation markers.
type fxSent struct {
	text  string
	cites []int
}

// fxDoc builds a document from its sentences, joined by spaces.
func fxDoc(title, outlet, url, published string, sents ...fxSent) *dyad.Document {
	d := &dyad.Document{Title: title, Outlet: outlet, URL: url, Language: "en", Origin: "fixture:" + outlet}
	if published != "" {
		t, err := time.Parse("2006-01-02T15:04", published)
		if err != nil {
			panic(err)
		}
		d.Published = t
	}
	var sb strings.Builder
	for i, s := range sents {
		if i > 0 {
			sb.WriteByte(' ')
		}
		start := sb.Len()
		sb.WriteString(s.text)
		d.Sentences = append(d.Sentences, dyad.Sentence{Index: i, Span: dyad.Span{Start: start, End: sb.Len()}, Text: s.text, Kind: dyad.KindBody, Citations: s.cites})
	}
	d.Text = sb.String()
	d.ID = dyad.NewDocumentID(d.Text)
	return d
}

// fxMention codes sentence i of d; the CAMEO table gives its PLOVER type,
// QuadClass and Goldstein score.
func fxMention(d *dyad.Document, i int, src, tgt dyad.Actor, code dyad.EventCode, date string, c dyad.Certainty, loc *dyad.Place) *dyad.Mention {
	info, ok := cameo.Lookup(code)
	if !ok {
		panic("unknown CAMEO code " + code)
	}
	s := d.Sentences[i]
	m := &dyad.Mention{Doc: d.ID, Sentence: i, Span: s.Span, Text: s.Text, Source: src, Target: tgt,
		Code: code, Plover: info.Plover, QuadClass: info.QuadClass, Goldstein: info.Goldstein,
		Certainty: c, Date: dyad.MustParseDate(date), Location: loc, Citations: s.Citations}
	m.ID = dyad.NewMentionID(d.ID, m.Span, code, src.Code, tgt.Code)
	return m
}

// fxEntry is one document of the fixture with its mentions.
type fxEntry struct {
	doc      *dyad.Document
	mentions []*dyad.Mention
}

// fixtureEntries is the hand-built record the command tests query: several
// dyads, all four QuadClasses, both directions, an undated event, a date
// conflict, a syndicated copy (same story), a negated and a hedged mention,
// and an analysis whose sentence cites its own source list, where one story
// is listed three times (SameAs).
func fixtureEntries() []fxEntry {
	var out []fxEntry
	add := func(d *dyad.Document, ms ...func(*dyad.Document) *dyad.Mention) {
		e := fxEntry{doc: d}
		for _, m := range ms {
			e.mentions = append(e.mentions, m(d))
		}
		out = append(out, e)
	}
	m := func(i int, src, tgt dyad.Actor, code dyad.EventCode, date string, c dyad.Certainty, loc *dyad.Place) func(*dyad.Document) *dyad.Mention {
		return func(d *dyad.Document) *dyad.Mention { return fxMention(d, i, src, tgt, code, date, c, loc) }
	}

	// The Russia–Taliban signing, told by five documents.
	wire := fxDoc("Russia and Taliban sign military pact", "Wire", "https://wire.example/russia-taliban-pact", "2026-05-27T09:00",
		fxSent{text: "Russia and the Taliban signed a military-technical cooperation agreement in the Moscow region on Wednesday."})
	copyDoc := fxDoc("Russia and Taliban sign military pact", "Daily", "https://daily.example/world/pact", "2026-05-28T06:30",
		fxSent{text: "Russia and the Taliban signed a military-technical cooperation agreement in the Moscow region on Wednesday, the wire reported."})
	// A syndicated copy: the same fingerprint puts it in the wire's story.
	wire.Fingerprint, copyDoc.Fingerprint = 0x5EED_0000_1234_5678, 0x5EED_0000_1234_5678
	add(wire, m(0, fxRUS, fxAFG, "057", "2026-05-27", dyad.Asserted, moscowRegion))
	add(copyDoc, m(0, fxRUS, fxAFG, "057", "2026-05-27", dyad.Asserted, moscowRegion))
	add(fxDoc("Moscow and Kabul seal defence deal", "Times", "https://times.example/deal", "2026-05-28T12:00",
		fxSent{text: "Russia signed the agreement with the Taliban government on May 27."},
		fxSent{text: "Moscow could expand military aid to Kabul next year."}),
		m(0, fxRUS, fxAFG, "057", "2026-05-27", dyad.Asserted, nil),
		m(1, fxRUS, fxAFG, "072", "2027", dyad.Hedged, nil))
	add(fxDoc("A pact, but not an alliance", "Herald", "https://herald.example/pact", "2026-06-01T08:00",
		fxSent{text: "The agreement was signed by both governments on May 31."},
		fxSent{text: "Kabul denied that the pact is a mutual-defense treaty."}),
		m(0, fxRUS, fxAFG, "057", "2026-05-31", dyad.Asserted, nil),
		m(1, fxRUS, fxAFG, "057", "", dyad.Negated, nil))
	analysis := fxDoc("What the Russia–Taliban pact means", "Region Watch", "https://regionwatch.example/analysis", "2026-06-02T10:00",
		fxSent{text: "Russia and the Taliban government have signed a formal military-technical cooperation agreement [1][3][4].", cites: []int{1, 3, 4}},
		fxSent{text: "A Taliban delegation traveled to Moscow for talks in May [2].", cites: []int{2}})
	analysis.Sources = []dyad.Source{
		{N: 1, Title: "Russia and Taliban sign military pact", Outlet: "Wire", URL: "https://wire.example/russia-taliban-pact"},
		{N: 2, Title: "Taliban delegation in Moscow", Outlet: "Gazette", URL: "https://gazette.example/delegation"},
		{N: 3, Title: "Russia and Taliban sign military pact", SameAs: 1},
		{N: 4, Title: "Russia and Taliban sign military pact", Outlet: "Daily", URL: "https://daily.example/world/pact", SameAs: 1},
	}
	add(analysis,
		m(0, fxRUS, fxAFG, "057", "2026-05", dyad.Asserted, nil),
		m(1, fxAFG, fxRUS, "042", "2026-05", dyad.Asserted, nil))
	add(fxDoc("Russia accepts Taliban envoy", "TASS", "https://tass.example/envoy", "2026-01-20T15:00",
		fxSent{text: "Russia accepted the credentials of a Taliban-appointed ambassador <script>alert(1)</script> in January."}),
		m(0, fxRUS, fxAFG, "054", "2026-01", dyad.Asserted, nil))
	add(fxDoc("Taliban plan Moscow trip", "Post", "https://post.example/trip", "2026-06-03T07:00",
		fxSent{text: "The Taliban will send a delegation to Moscow in July, officials said."}),
		m(0, fxAFG, fxRUS, "042", "2026-07", dyad.Future, nil))

	// The United States and Japan, across a year end, all four QuadClasses.
	add(fxDoc("US seeks trade talks", "Nikkei", "https://nikkei.example/talks", "2025-12-30T03:00",
		fxSent{text: "Washington said it wants to hold trade talks with Tokyo."},
		fxSent{text: "The United States criticized Japan's currency policy on Monday."}),
		m(0, fxUSA, fxJPN, "036", "2025-12-30", dyad.Asserted, nil),
		m(1, fxUSA, fxJPN, "111", "2025-12-29", dyad.Asserted, nil))
	add(fxDoc("Japan widens cooperation", "Kyodo", "https://kyodo.example/coop", "2026-01-02T05:00",
		fxSent{text: "Japan agreed to expand economic cooperation with the United States."}),
		m(0, fxJPN, fxUSA, "061", "2026-01-02", dyad.Asserted, nil))
	add(fxDoc("Chip dispute", "Bloomberg", "https://bloomberg.example/chips", "2026-01-16T14:00",
		fxSent{text: "The United States accused Japan of dumping microchips on Thursday."},
		fxSent{text: "According to officials, Washington imposed sanctions on Kabul."}),
		m(0, fxUSA, fxJPN, "112", "2026-01-15", dyad.Asserted, nil),
		m(1, fxUSA, fxAFG, "163", "2026-01-16", dyad.Reported, nil))
	add(fxDoc("Rice embargo", "Asahi", "https://asahi.example/rice", "2026-03-04T01:00",
		fxSent{text: "Japan imposed an embargo on American rice on Tuesday."}),
		m(0, fxJPN, fxUSA, "163", "2026-03-03", dyad.Asserted, nil))
	add(fxDoc("Old grievances", "Mainichi", "", "2026-02-01T00:00",
		fxSent{text: "Tokyo has long criticized Washington over its tariffs."}),
		m(0, fxJPN, fxUSA, "111", "", dyad.Asserted, nil))
	add(fxDoc("Tension over the islands", "Xinhua", "https://xinhua.example/islands", "2026-02-10T09:00",
		fxSent{text: "China threatened Japan with military force over the islands."},
		fxSent{text: "China praised the United States for its restraint."}),
		m(0, fxCHN, fxJPN, "138", "2026-02-10", dyad.Asserted, nil),
		m(1, fxCHN, fxUSA, "051", "2026-02-10", dyad.Asserted, nil))
	return out
}

// buildFixture stores the fixture's entries one write each, in the order
// that order gives (indexes into fixtureEntries), and returns the path.
func buildFixture(t testing.TB, order []int) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "fixture.db")
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.Now = func() time.Time { return time.Date(2026, 6, 10, 12, 0, 0, 0, time.UTC) }
	entries := fixtureEntries()
	if order == nil {
		for i := range entries {
			order = append(order, i)
		}
	}
	for _, i := range order {
		e := entries[i]
		if _, err := st.Write(ctx, []*dyad.Document{e.doc}, map[dyad.DocumentID][]*dyad.Mention{e.doc.ID: e.mentions}, &resolve.Clusterer{}); err != nil {
			t.Fatalf("write %s: %v", e.doc.Outlet, err)
		}
	}
	return path
}

// goldenCase is one command whose output is kept under testdata.
type goldenCase struct {
	name string
	args []string
}

var goldenCases = []goldenCase{
	{"events_table", []string{"events", "--limit", "0"}},
	{"events_csv", []string{"events", "--limit", "0", "--format", "csv"}},
	{"events_json", []string{"events", "--dyad", "Russia,Taliban", "--format", "json"}},
	{"events_jsonl", []string{"events", "--dyad", "USA,JPN", "--format", "jsonl"}},
	{"events_gdelt", []string{"events", "--limit", "0", "--format", "gdelt"}},
	{"events_plover", []string{"events", "--dyad", "Russia,Taliban", "--format", "plover"}},
	{"timeline_month_table", []string{"timeline", "USA", "JPN", "--by", "month"}},
	{"timeline_week_table", []string{"timeline", "USA", "JPN", "--by", "week"}},
	{"timeline_month_json", []string{"timeline", "USA", "JPN", "--by", "month", "--format", "json"}},
	{"timeline_month_csv", []string{"timeline", "USA", "JPN", "--by", "month", "--format", "csv"}},
	{"timeline_month_svg", []string{"timeline", "USA", "JPN", "--by", "month", "--format", "svg"}},
	{"timeline_year_table", []string{"timeline", "Russia", "Taliban", "--by", "year"}},
	{"network_json", []string{"network"}},
	{"network_dot", []string{"network", "--format", "dot"}},
	{"network_graphml", []string{"network", "--format", "graphml"}},
	{"brief_md", []string{"brief", "Russia", "Taliban"}},
	{"brief_html", []string{"brief", "Russia", "Taliban", "--format", "html"}},
	{"brief_json", []string{"brief", "Russia", "Taliban", "--format", "json"}},
	{"brief_single_md", []string{"brief", "Japan", "--since", "2026-01", "--until", "2026-02"}},
}

// runDB runs a command against db and fails the test unless it exits 0.
func runDB(t *testing.T, db string, args ...string) string {
	t.Helper()
	code, out, errs := run(t, "", append(slices.Clone(args), "--db", db)...)
	if code != exitOK {
		t.Fatalf("dyad %s: exit %d\n%s", strings.Join(args, " "), code, errs)
	}
	return out
}

// TestFormats_Golden runs every format of events, timeline, network and
// brief on the fixture store and compares with testdata/*.golden
// (regenerate with go test ./cmd/dyad -run Formats -update). Each command
// runs twice, and again on a store written in the reverse order: the
// output must not change by a byte.
func TestFormats_Golden(t *testing.T) {
	n := len(fixtureEntries())
	forward := buildFixture(t, nil)
	var rev []int
	for i := n - 1; i >= 0; i-- {
		rev = append(rev, i)
	}
	reverse := buildFixture(t, rev)
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			got := runDB(t, forward, tc.args...)
			if again := runDB(t, forward, tc.args...); again != got {
				t.Errorf("second run differs:\n%s", firstDiff(got, again))
			}
			if other := runDB(t, reverse, tc.args...); other != got {
				t.Errorf("store written in reverse order differs:\n%s", firstDiff(got, other))
			}
			golden := filepath.Join("testdata", tc.name+".golden")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s:\n%s", golden, firstDiff(string(want), got))
			}
		})
	}
}

// firstDiff shows the first line where a and b differ.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < max(len(al), len(bl)); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "line " + itoa(i+1) + ":\n want " + x + "\n  got " + y
		}
	}
	return "(same lines)"
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

// fxKey names an event by its direction and code: "RUSGOV>AFGGOV:057".
func fxKey(src, tgt, code string) string { return src + ">" + tgt + ":" + code }

func eventKeys(t *testing.T, out string) []string {
	t.Helper()
	var keys []string
	for _, e := range decodeEvents(t, out) {
		keys = append(keys, fxKey(e.Source.Code, e.Target.Code, e.Cameo))
	}
	slices.Sort(keys)
	return keys
}

// TestEvents_Filters runs each filter of dyad events, with actors given by
// code and by name, and compares the events it selects.
func TestEvents_Filters(t *testing.T) {
	db := buildFixture(t, nil)
	const (
		signing  = "RUSGOV>AFGGOV:057"
		aid      = "RUSGOV>AFGGOV:072"
		envoy    = "RUSGOV>AFGGOV:054"
		visit    = "AFGGOV>RUSGOV:042" // asserted, May
		planned  = "AFGGOV>RUSGOV:042" // future, July
		talks    = "USAGOV>JPNGOV:036"
		currency = "USAGOV>JPNGOV:111"
		coop     = "JPNGOV>USAGOV:061"
		accuse   = "USAGOV>JPNGOV:112"
		sanction = "USAGOV>AFGGOV:163"
		embargo  = "JPNGOV>USAGOV:163"
		tariffs  = "JPNGOV>USAGOV:111"
		threat   = "CHN>JPNGOV:138"
		praise   = "CHN>USAGOV:051"
	)
	all := []string{signing, aid, envoy, visit, planned, talks, currency, coop, accuse, sanction, embargo, tariffs, threat, praise}
	sorted := func(ks ...string) []string { ks = slices.Clone(ks); slices.Sort(ks); return ks }
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"all", nil, sorted(all...)},
		{"actor by country code", []string{"--actor", "AFG"}, sorted(signing, aid, envoy, visit, planned, sanction)},
		{"actor by name (entity)", []string{"--actor", "Taliban"}, sorted(signing, aid, envoy, visit, planned, sanction)},
		{"actor by full code", []string{"--actor", "USAGOV"}, sorted(talks, currency, coop, accuse, sanction, embargo, tariffs, praise)},
		{"source by name", []string{"--source", "Japan"}, sorted(coop, embargo, tariffs)},
		{"target by code", []string{"--target", "JPN"}, sorted(talks, currency, accuse, threat)},
		{"source and target", []string{"--source", "China", "--target", "United States"}, sorted(praise)},
		{"dyad either direction", []string{"--dyad", "USA,JPN"}, sorted(talks, currency, coop, accuse, embargo, tariffs)},
		{"dyad by names", []string{"--dyad", "Russia,Taliban"}, sorted(signing, aid, envoy, visit, planned)},
		{"code root", []string{"--code", "16"}, sorted(sanction, embargo)},
		{"code prefix", []string{"--code", "05"}, sorted(signing, envoy, praise)},
		{"code exact", []string{"--code", "057"}, sorted(signing)},
		{"plover", []string{"--plover", "ACCUSE"}, sorted(currency, accuse, tariffs)},
		{"plover lower case", []string{"--plover", "coerce"}, sorted(sanction, embargo)},
		{"since month", []string{"--since", "2026-05"}, sorted(signing, aid, visit, planned)},
		{"until day", []string{"--until", "2025-12-31"}, sorted(talks, currency)},
		{"since and until", []string{"--since", "2026-01-15", "--until", "2026-02-10"}, sorted(envoy, accuse, sanction, threat, praise)},
		{"year range", []string{"--since", "2027", "--until", "2027"}, sorted(aid)},
		{"certainty one", []string{"--certainty", "hedged"}, sorted(aid)},
		{"certainty list", []string{"--certainty", "future,reported"}, sorted(planned, sanction)},
		{"min sources", []string{"--min-sources", "2"}, sorted(signing)},
		{"text", []string{"--text", "embargo"}, sorted(embargo)},
		{"text in any mention", []string{"--text", "mutual-defense"}, sorted(signing)},
		{"text prefix", []string{"--text", "microchip*"}, sorted(accuse)},
		{"combined", []string{"--actor", "Japan", "--code", "1", "--since", "2026"}, sorted(accuse, embargo, threat)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"events", "--format", "json", "--limit", "0"}, tc.args...)
			got := eventKeys(t, runDB(t, db, args...))
			if !slices.Equal(got, tc.want) {
				t.Errorf("dyad %s\n got %v\nwant %v", strings.Join(tc.args, " "), got, tc.want)
			}
		})
	}
	t.Run("limit keeps the newest", func(t *testing.T) {
		evs := decodeEvents(t, runDB(t, db, "events", "--format", "json", "--limit", "2"))
		if len(evs) != 2 || evs[0].Date != "2027" || evs[1].Date != "2026-07" {
			t.Errorf("--limit 2 = %+v, want the 2027 and 2026-07 events", evs)
		}
		code, out, errs := run(t, "", "events", "--db", db, "--limit", "3")
		if code != exitOK || strings.Count(out, "\n") != 4 || !strings.Contains(errs, "(3 of 14 events") {
			t.Errorf("table --limit 3: exit %d, %d lines, stderr %q", code, strings.Count(out, "\n"), errs)
		}
	})
	t.Run("sort orders", func(t *testing.T) {
		type row struct {
			ID         string  `json:"id"`
			Goldstein  float64 `json:"goldstein"`
			NumSources int     `json:"num_sources"`
		}
		list := func(sort string) []row {
			var rows []row
			if err := json.Unmarshal([]byte(runDB(t, db, "events", "--format", "json", "--limit", "0", "--sort", sort)), &rows); err != nil {
				t.Fatal(err)
			}
			if len(rows) != len(all) {
				t.Fatalf("--sort %s listed %d events, want %d", sort, len(rows), len(all))
			}
			return rows
		}
		date := decodeEvents(t, runDB(t, db, "events", "--format", "json", "--limit", "0"))
		oldest := list("-date")
		for i := range date {
			if oldest[len(oldest)-1-i].ID != date[i].ID {
				t.Fatalf("--sort -date is not the reverse of the default order at %d", i)
			}
		}
		for _, tc := range []struct {
			sort string
			less func(a, b row) bool // a may not come before b when less(a, b)
		}{
			{"sources", func(a, b row) bool { return a.NumSources < b.NumSources }},
			{"goldstein", func(a, b row) bool { return a.Goldstein > b.Goldstein }},
			{"-goldstein", func(a, b row) bool { return a.Goldstein < b.Goldstein }},
		} {
			rows := list(tc.sort)
			for i := 1; i < len(rows); i++ {
				if tc.less(rows[i-1], rows[i]) {
					t.Errorf("--sort %s: %+v before %+v", tc.sort, rows[i-1], rows[i])
				}
			}
			if tc.sort == "sources" && rows[0].NumSources < 2 {
				t.Errorf("--sort sources starts with %+v, want the signing (the one event with 2 sources)", rows[0])
			}
			if rows[0].Goldstein == rows[len(rows)-1].Goldstein {
				t.Errorf("the fixture's Goldstein scores are all %v; the goldstein orders test nothing", rows[0].Goldstein)
			}
		}
		if code, _, errs := run(t, "", "events", "--db", db, "--sort", "loudest"); code != exitUsage || !strings.Contains(errs, `--sort "loudest": want one of date, -date`) {
			t.Errorf("--sort loudest: exit %d, stderr %q", code, errs)
		}
	})
	t.Run("bad arguments are usage errors", func(t *testing.T) {
		for _, args := range [][]string{
			{"--actor", "Atlantis"},
			{"--dyad", "RUS"},
			{"--code", "5a"},
			{"--certainty", "likely"},
			{"--since", "2026-06", "--until", "2026-05"},
			{"--min-sources", "-1"},
			{"--text", "***"},
			{"--format", "xml"},
		} {
			if code, _, _ := run(t, "", append([]string{"events", "--db", db}, args...)...); code != exitUsage {
				t.Errorf("events %v: exit %d, want %d", args, code, exitUsage)
			}
		}
	})
}

// TestEvents_GDELT checks the GDELT export column by column: 61 fields in
// GDELT's order, the IDs and dates, codes, counts, place and SOURCEURL.
func TestEvents_GDELT(t *testing.T) {
	db := buildFixture(t, nil)
	if len(export.GDELTColumns) != 61 {
		t.Fatalf("GDELTColumns has %d names, want 61", len(export.GDELTColumns))
	}
	t.Run("ColumnsMatchOntology", func(t *testing.T) {
		checkColumnsAgainstOntology(t, shared.Path(t, "ontology", "gdelt2-event-columns.tsv"))
	})
	col := map[string]int{}
	for i, c := range export.GDELTColumns {
		col[c] = i
	}
	evs := decodeEvents(t, runDB(t, db, "events", "--format", "json", "--limit", "0"))
	out := runDB(t, db, "events", "--format", "gdelt", "--limit", "0")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(evs) {
		t.Fatalf("%d rows for %d events", len(lines), len(evs))
	}
	for i, line := range lines {
		row := strings.Split(line, "\t")
		if len(row) != 61 {
			t.Fatalf("row %d has %d fields, want 61: %q", i, len(row), line)
		}
		e := evs[i]
		get := func(name string) string { return row[col[name]] }
		if want := itoa64(export.GlobalEventID(dyad.EventID(e.ID))); get("GLOBALEVENTID") != want {
			t.Errorf("%s: GLOBALEVENTID %s, want %s", e.ID, get("GLOBALEVENTID"), want)
		}
		if e.Date == "" {
			for _, c := range []string{"SQLDATE", "MonthYear", "Year", "FractionDate"} {
				if get(c) != "" {
					t.Errorf("%s undated: %s = %q, want empty", e.ID, c, get(c))
				}
			}
		} else {
			first := dyad.MustParseDate(e.Date).First()
			if get("SQLDATE") != first.Format("20060102") || get("MonthYear") != first.Format("200601") || get("Year") != first.Format("2006") {
				t.Errorf("%s %s: dates %s %s %s", e.ID, e.Date, get("SQLDATE"), get("MonthYear"), get("Year"))
			}
			if !strings.HasPrefix(get("FractionDate"), first.Format("2006")+".") {
				t.Errorf("%s: FractionDate %s outside year %d", e.ID, get("FractionDate"), first.Year())
			}
		}
		if get("Actor1Code") != e.Source.Code || get("Actor2Code") != e.Target.Code ||
			get("Actor1CountryCode") != e.Source.Country || get("Actor2CountryCode") != e.Target.Country ||
			get("Actor1Type1Code") != e.Source.Role || get("Actor2Type1Code") != e.Target.Role ||
			get("Actor1Name") != strings.ToUpper(e.Source.Name) {
			t.Errorf("%s: actors %q", e.ID, row[5:25])
		}
		if get("EventCode") != e.Cameo || get("EventBaseCode") != e.Cameo[:min(3, len(e.Cameo))] || get("EventRootCode") != e.Cameo[:2] {
			t.Errorf("%s: codes %s %s %s for %s", e.ID, get("EventCode"), get("EventBaseCode"), get("EventRootCode"), e.Cameo)
		}
		info, _ := cameo.Lookup(dyad.EventCode(e.Cameo))
		if get("QuadClass") != itoa(info.QuadClass) {
			t.Errorf("%s: QuadClass %s, want %d", e.ID, get("QuadClass"), info.QuadClass)
		}
		if get("NumMentions") != itoa(e.NumMentions) || get("NumSources") != itoa(e.NumSources) || get("NumArticles") != itoa(e.NumDocuments) {
			t.Errorf("%s: counts %s %s %s", e.ID, get("NumMentions"), get("NumSources"), get("NumArticles"))
		}
		if len(get("DATEADDED")) != 14 {
			t.Errorf("%s: DATEADDED %q, want YYYYMMDDHHMMSS", e.ID, get("DATEADDED"))
		}
	}
	// The signing: first told by the wire at 09:00 on 27 May, in the Moscow region.
	var signing []string
	for i, e := range evs {
		if e.Cameo == "057" {
			signing = strings.Split(lines[i], "\t")
		}
	}
	if signing == nil {
		t.Fatal("no signing row")
	}
	for name, want := range map[string]string{
		"SQLDATE": "20260527", "EventBaseCode": "057", "EventRootCode": "05", "QuadClass": "1", "GoldsteinScale": "8.0",
		"NumSources": "3", "NumArticles": "5", "NumMentions": "6",
		"ActionGeo_Type": "5", "ActionGeo_FullName": "Moscow Oblast", "ActionGeo_Lat": "55.5000", "ActionGeo_Long": "37.5000",
		"DATEADDED": "20260527090000", "SOURCEURL": "https://wire.example/russia-taliban-pact",
		"Actor1Geo_Type": "", "AvgTone": "",
	} {
		if got := signing[col[name]]; got != want {
			t.Errorf("signing %s = %q, want %q", name, got, want)
		}
	}
}

func itoa64(i int64) string { b, _ := json.Marshal(i); return string(b) }

// checkColumnsAgainstOntology compares export.GDELTColumns with the shared
// table of GDELT 2.0's columns, name by name.
func checkColumnsAgainstOntology(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = '\t', true, -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	recs = recs[1:] // header
	if len(recs) != len(export.GDELTColumns) {
		t.Fatalf("ontology has %d columns, export %d", len(recs), len(export.GDELTColumns))
	}
	for i, rec := range recs {
		if rec[0] != itoa(i+1) || rec[1] != export.GDELTColumns[i] {
			t.Errorf("column %d: ontology %s %q, export %q", i+1, rec[0], rec[1], export.GDELTColumns[i])
		}
	}
}

// TestTimeline_SVGBars parses the SVG chart and counts its bars against the
// non-zero QuadClass segments of the JSON timeline.
func TestTimeline_SVGBars(t *testing.T) {
	db := buildFixture(t, nil)
	for _, by := range []string{"day", "week", "month", "year"} {
		t.Run(by, func(t *testing.T) {
			var tl struct {
				Undated int `json:"undated"`
				Bins    []struct {
					Period string         `json:"period"`
					AtoB   map[string]any `json:"a_to_b"`
					BtoA   map[string]any `json:"b_to_a"`
				} `json:"bins"`
			}
			if err := json.Unmarshal([]byte(runDB(t, db, "timeline", "USA", "JPN", "--by", by, "--format", "json")), &tl); err != nil {
				t.Fatal(err)
			}
			want, events := 0, 0
			for _, b := range tl.Bins {
				for _, f := range []map[string]any{b.AtoB, b.BtoA} {
					for _, k := range []string{"verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"} {
						if f[k].(float64) > 0 {
							want++
						}
					}
					events += int(f["events"].(float64))
				}
			}
			if events != 5 || tl.Undated != 1 {
				t.Errorf("%d dated events and %d undated, want 5 and 1", events, tl.Undated)
			}
			svg := runDB(t, db, "timeline", "USA", "JPN", "--by", by, "--format", "svg")
			if got := countBars(t, svg); got != want {
				t.Errorf("%d bars, want %d", got, want)
			}
		})
	}
}

// countBars parses an SVG document and counts its rect elements of class bar.
func countBars(t *testing.T, svg string) int {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(svg))
	n, root := 0, ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("invalid SVG: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if root == "" {
				root = se.Name.Local
			}
			if se.Name.Local != "rect" {
				continue
			}
			for _, a := range se.Attr {
				if a.Name.Local == "class" && a.Value == "bar" {
					n++
				}
			}
		}
	}
	if root != "svg" {
		t.Errorf("root element %q, want svg", root)
	}
	return n
}

// TestNetwork_GraphML parses the GraphML and checks it against the JSON
// network: the same nodes and directed edges with their weights.
func TestNetwork_GraphML(t *testing.T) {
	db := buildFixture(t, nil)
	var nw struct {
		Nodes []struct {
			Code   string `json:"code"`
			Events int    `json:"events"`
		} `json:"nodes"`
		Edges []struct {
			Source, Target string
			Count          int
			GoldsteinSum   float64 `json:"goldstein_sum"`
			Latest         string
		} `json:"edges"`
	}
	if err := json.Unmarshal([]byte(runDB(t, db, "network")), &nw); err != nil {
		t.Fatal(err)
	}
	type data struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}
	var g struct {
		XMLName xml.Name `xml:"graphml"`
		Graph   struct {
			Default string `xml:"edgedefault,attr"`
			Nodes   []struct {
				ID   string `xml:"id,attr"`
				Data []data `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
				Data   []data `xml:"data"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal([]byte(runDB(t, db, "network", "--format", "graphml")), &g); err != nil {
		t.Fatalf("invalid GraphML: %v", err)
	}
	if g.Graph.Default != "directed" || len(g.Graph.Nodes) != len(nw.Nodes) || len(g.Graph.Edges) != len(nw.Edges) {
		t.Fatalf("GraphML has %d nodes and %d edges (%s), JSON %d and %d", len(g.Graph.Nodes), len(g.Graph.Edges), g.Graph.Default, len(nw.Nodes), len(nw.Edges))
	}
	value := func(ds []data, key string) string {
		for _, d := range ds {
			if d.Key == key {
				return d.Value
			}
		}
		return "(missing)"
	}
	for i, e := range g.Graph.Edges {
		j := nw.Edges[i]
		if e.Source != j.Source || e.Target != j.Target || value(e.Data, "count") != itoa(j.Count) || value(e.Data, "latest") != j.Latest {
			t.Errorf("edge %d: GraphML %+v, JSON %+v", i, e, j)
		}
	}
	// What the fixture says: Russia's government acted on the Taliban's
	// three times (signing, hedged aid, envoy), the Taliban on Russia twice.
	want := map[string][2]int{"RUSGOV>AFGGOV": {3, 0}, "AFGGOV>RUSGOV": {2, 0}, "USAGOV>JPNGOV": {3, 0}, "JPNGOV>USAGOV": {3, 0}}
	for _, e := range nw.Edges {
		if w, ok := want[e.Source+">"+e.Target]; ok && e.Count != w[0] {
			t.Errorf("edge %s→%s count %d, want %d", e.Source, e.Target, e.Count, w[0])
		}
	}
	// Filters apply as in events: only the Russia–Taliban dyad.
	var sub struct {
		Nodes []struct{ Code string } `json:"nodes"`
		Edges []struct {
			Source, Target string
			Count          int
			Latest         string
		} `json:"edges"`
	}
	if err := json.Unmarshal([]byte(runDB(t, db, "network", "--dyad", "Russia,Taliban", "--certainty", "asserted")), &sub); err != nil {
		t.Fatal(err)
	}
	if len(sub.Nodes) != 2 || len(sub.Edges) != 2 || sub.Edges[0].Source != "AFGGOV" || sub.Edges[0].Count != 1 || sub.Edges[0].Latest != "2026-05-31" ||
		sub.Edges[1].Source != "RUSGOV" || sub.Edges[1].Count != 2 || sub.Edges[1].Latest != "2026-05-27" {
		t.Errorf("filtered network = %+v", sub)
	}
}

// TestBrief_TracesToStore checks that every line of the JSON brief cites
// mentions stored under the event it names, that its citation numbers
// exist, and that the HTML brief parses with the evidence's script escaped.
func TestBrief_TracesToStore(t *testing.T) {
	db := buildFixture(t, nil)
	var b struct {
		Title    string
		Sections map[string][]struct {
			Text, Quote string
			Cites       []int
			Event       string
			Mentions    []string
		}
		Sources []struct {
			N      int
			Copies []string
		}
	}
	raw := runDB(t, db, "brief", "Russia", "Taliban", "--format", "json")
	var sections map[string]json.RawMessage
	if err := json.Unmarshal([]byte(raw), &sections); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(raw), &b); err != nil {
		t.Fatal(err)
	}
	b.Sections = map[string][]struct {
		Text, Quote string
		Cites       []int
		Event       string
		Mentions    []string
	}{}
	for _, name := range []string{"snapshot", "confirmed", "reported", "hedged", "denied", "disagreements"} {
		var lines []struct {
			Text, Quote string
			Cites       []int
			Event       string
			Mentions    []string
		}
		if err := json.Unmarshal(sections[name], &lines); err != nil {
			t.Fatalf("section %s: %v", name, err)
		}
		b.Sections[name] = lines
	}
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for name, lines := range b.Sections {
		for _, l := range lines {
			ev, err := st.FindEvent(context.Background(), dyad.EventID(l.Event))
			if err != nil {
				t.Errorf("%s: line %q names event %s: %v", name, l.Text, l.Event, err)
				continue
			}
			if len(l.Mentions) == 0 || len(l.Cites) == 0 {
				t.Errorf("%s: line %q has no mentions or no citations", name, l.Text)
			}
			for _, id := range l.Mentions {
				if !slices.ContainsFunc(ev.Mentions, func(m *dyad.Mention) bool { return string(m.ID) == id }) {
					t.Errorf("%s: mention %s is not a stored mention of %s", name, id, l.Event)
				}
			}
			// The quote is the stored sentence that carries one of the
			// line's mentions (without its citation markers).
			if !slices.ContainsFunc(ev.Mentions, func(m *dyad.Mention) bool {
				text := nlp.StripCitations(m.Text)
				return strings.Contains(l.Quote, strings.Join(strings.Fields(text), " "))
			}) {
				t.Errorf("%s: quote %q holds no stored mention's text", name, l.Quote)
			}
			for _, n := range l.Cites {
				if n < 1 || n > len(b.Sources) {
					t.Errorf("%s: cites [%d] of %d sources", name, n, len(b.Sources))
				}
			}
		}
	}
	for i, s := range b.Sources {
		if s.N != i+1 {
			t.Errorf("source %d numbered %d", i+1, s.N)
		}
	}
	counts := map[string]int{}
	for name, lines := range b.Sections {
		counts[name] = len(lines)
	}
	// The signing (3 independent sources) is confirmed; the envoy (one
	// source) only reported; the hedged aid and the planned visit hedged;
	// the denial inside the signing denied; the signing's dates disagree.
	wantCounts := map[string]int{"snapshot": 5, "confirmed": 1, "reported": 2, "hedged": 2, "denied": 1, "disagreements": 1}
	for k, v := range wantCounts {
		if counts[k] != v {
			t.Errorf("section %s has %d lines, want %d", k, counts[k], v)
		}
	}

	page := runDB(t, db, "brief", "Russia", "Taliban", "--format", "html")
	if strings.Contains(page, "<script>alert(1)</script>") {
		t.Error("the evidence's <script> reached the HTML unescaped")
	}
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the evidence's <script> is missing from the HTML")
	}
	checkHTML(t, page)
}

// checkHTML parses page as XML-ish HTML: every element the brief writes is
// closed, so a strict tokenizer with HTML's void elements and entities must
// read it to the end and find no script element.
func checkHTML(t *testing.T, page string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(strings.TrimPrefix(page, "<!doctype html>")))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	var stack []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("brief HTML does not parse: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local == "script" {
				t.Error("brief HTML has a script element")
			}
			stack = append(stack, tok.Name.Local)
		case xml.EndElement:
			if len(stack) == 0 || stack[len(stack)-1] != tok.Name.Local {
				t.Fatalf("brief HTML: </%s> closes %v", tok.Name.Local, stack)
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) != 0 {
		t.Errorf("brief HTML leaves %v open", stack)
	}
}

// TestFormats_Empty checks that every command answers an empty store with
// well-formed, empty output rather than an error.
func TestFormats_Empty(t *testing.T) {
	db := filepath.Join(t.TempDir(), "empty.db")
	st, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if out := runDB(t, db, "events", "--format", "json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("events json on an empty store = %q", out)
	}
	if out := runDB(t, db, "events", "--format", "gdelt"); out != "" {
		t.Errorf("gdelt on an empty store = %q", out)
	}
	if got := countBars(t, runDB(t, db, "timeline", "USA", "JPN", "--format", "svg")); got != 0 {
		t.Errorf("%d bars on an empty store", got)
	}
	var g struct{ XMLName xml.Name }
	if err := xml.Unmarshal([]byte(runDB(t, db, "network", "--format", "graphml")), &g); err != nil {
		t.Errorf("empty GraphML: %v", err)
	}
	if out := runDB(t, db, "brief", "Russia", "--format", "md"); !strings.Contains(out, "No events.") {
		t.Errorf("empty brief:\n%s", out)
	}
	var buf bytes.Buffer
	buf.WriteString(runDB(t, db, "brief", "Russia", "--format", "html"))
	checkHTML(t, buf.String())
}
