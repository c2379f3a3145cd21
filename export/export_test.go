package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/dyad"
)

// col returns the index of a GDELT column by name.
func col(t *testing.T, name string) int {
	t.Helper()
	for i, c := range GDELTColumns {
		if c == name {
			return i
		}
	}
	t.Fatalf("no GDELT column %s", name)
	return -1
}

func pub(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func signing() *dyad.Event {
	return &dyad.Event{
		ID:     "ev_0123456789abcdef0123",
		Date:   dyad.MustParseDate("2026-05-27"),
		Source: dyad.Actor{Code: "RUSGOV", Country: "RUS", Role: "GOV", Name: "Russia"},
		Target: dyad.Actor{Code: "AFGGOV", Country: "AFG", Role: "GOV", Name: "Taliban"},
		Code:   "057", Plover: "AGREE", QuadClass: 1, Goldstein: 8, Certainty: dyad.Asserted,
		Location:    &dyad.Place{Name: "Moscow Oblast", Country: "RUS", Lat: 55.5, Lon: 37.5, Kind: "region"},
		NumMentions: 3, NumDocuments: 3, NumSources: 2,
		Mentions: []*dyad.Mention{
			{ID: "mn_b", Doc: "doc_b", Outlet: "Times", URL: "https://times.example/b", Published: pub("2026-05-28T10:00:00Z"), Text: "Russia signed."},
			{ID: "mn_a", Doc: "doc_a", Outlet: "Wire", URL: "", Published: pub("2026-05-27T08:00:00+03:00"), Text: "Russia and the Taliban signed."},
			{ID: "mn_c", Doc: "doc_c", Outlet: "Wire2", URL: "https://wire.example/a", Published: pub("2026-05-27T09:30:00+03:00"), Text: "They signed."},
		},
	}
}

func TestGlobalEventID(t *testing.T) {
	a, b := GlobalEventID("ev_0123456789abcdef0123"), GlobalEventID("ev_0123456789abcdef0124")
	if a <= 0 || b <= 0 || a == b {
		t.Errorf("IDs %d and %d: want distinct and positive", a, b)
	}
	if again := GlobalEventID("ev_0123456789abcdef0123"); again != a {
		t.Errorf("GlobalEventID is not stable: %d then %d", a, again)
	}
	// The value is part of the export's contract: a later release must give
	// the same number for the same event.
	if a != 6552834068039459050 {
		t.Errorf("GlobalEventID(ev_0123456789abcdef0123) = %d; changing it breaks joins with earlier exports", a)
	}
}

func TestGDELTRow_Fields(t *testing.T) {
	row := GDELTRow(signing())
	if len(row) != 61 || len(GDELTColumns) != 61 {
		t.Fatalf("row has %d fields, columns %d; want 61", len(row), len(GDELTColumns))
	}
	want := map[string]string{
		"GLOBALEVENTID": "6552834068039459050",
		"SQLDATE":       "20260527", "MonthYear": "202605", "Year": "2026", "FractionDate": "2026.4027",
		"Actor1Code": "RUSGOV", "Actor1Name": "RUSSIA", "Actor1CountryCode": "RUS", "Actor1Type1Code": "GOV", "Actor1KnownGroupCode": "",
		"Actor2Code": "AFGGOV", "Actor2Name": "TALIBAN", "Actor2CountryCode": "AFG", "Actor2Type1Code": "GOV",
		"IsRootEvent": "1", "EventCode": "057", "EventBaseCode": "057", "EventRootCode": "05",
		"QuadClass": "1", "GoldsteinScale": "8.0", "NumMentions": "3", "NumSources": "2", "NumArticles": "3", "AvgTone": "",
		"Actor1Geo_Type": "", "Actor2Geo_Type": "",
		"ActionGeo_Type": "5", "ActionGeo_FullName": "Moscow Oblast", "ActionGeo_CountryCode": "",
		"ActionGeo_Lat": "55.5000", "ActionGeo_Long": "37.5000",
		// The earliest mention was published 05:00 UTC on 27 May.
		"DATEADDED": "20260527050000",
		// It has no URL: the next earliest with one is the first source.
		"SOURCEURL": "https://wire.example/a",
	}
	for name, w := range want {
		if got := row[col(t, name)]; got != w {
			t.Errorf("%s = %q, want %q", name, got, w)
		}
	}
}

func TestGDELTRow_Table(t *testing.T) {
	tests := []struct {
		name   string
		change func(e *dyad.Event)
		want   map[string]string
	}{
		{"month date is its first day", func(e *dyad.Event) { e.Date = dyad.MustParseDate("2026-05") },
			map[string]string{"SQLDATE": "20260501", "MonthYear": "202605", "Year": "2026", "FractionDate": "2026.3315"}},
		{"year date", func(e *dyad.Event) { e.Date = dyad.MustParseDate("1987") },
			map[string]string{"SQLDATE": "19870101", "MonthYear": "198701", "Year": "1987", "FractionDate": "1987.0027"}},
		{"last day of a year stays in it", func(e *dyad.Event) { e.Date = dyad.MustParseDate("2025-12-31") },
			map[string]string{"FractionDate": "2025.9890"}},
		{"GDELT's 30-day months", func(e *dyad.Event) { e.Date = dyad.MustParseDate("2015-02-18") },
			map[string]string{"FractionDate": "2015.1315"}},
		{"undated leaves the dates empty", func(e *dyad.Event) { e.Date = dyad.Date{Precision: dyad.PrecisionUnknown} },
			map[string]string{"SQLDATE": "", "MonthYear": "", "Year": "", "FractionDate": ""}},
		{"four-digit code", func(e *dyad.Event) { e.Code = "0571" },
			map[string]string{"EventCode": "0571", "EventBaseCode": "057", "EventRootCode": "05"}},
		{"root code", func(e *dyad.Event) { e.Code = "19"; e.QuadClass = 4; e.Goldstein = -10 },
			map[string]string{"EventCode": "19", "EventBaseCode": "19", "EventRootCode": "19", "QuadClass": "4", "GoldsteinScale": "-10.0"}},
		{"country place", func(e *dyad.Event) { e.Location = &dyad.Place{Name: "Russia", Country: "RUS", Kind: "country"} },
			map[string]string{"ActionGeo_Type": "1", "ActionGeo_FullName": "Russia"}},
		{"US state", func(e *dyad.Event) { e.Location = &dyad.Place{Name: "Idaho", Country: "USA", Kind: "region"} },
			map[string]string{"ActionGeo_Type": "2"}},
		{"US city", func(e *dyad.Event) { e.Location = &dyad.Place{Name: "Moscow, Idaho", Country: "USA", Kind: "city"} },
			map[string]string{"ActionGeo_Type": "3"}},
		{"world city", func(e *dyad.Event) {
			e.Location = &dyad.Place{Name: "Kabul", Country: "AFG", Kind: "city", Lat: 34.5281, Lon: 69.1723}
		},
			map[string]string{"ActionGeo_Type": "4", "ActionGeo_Lat": "34.5281", "ActionGeo_Long": "69.1723"}},
		{"no place", func(e *dyad.Event) { e.Location = nil },
			map[string]string{"ActionGeo_Type": "", "ActionGeo_FullName": "", "ActionGeo_Lat": "", "ActionGeo_Long": ""}},
		{"an organization has no country code", func(e *dyad.Event) {
			e.Target = dyad.Actor{Code: "NATO", Country: "NATO", Role: "IGO", Name: "NATO"}
		}, map[string]string{"Actor2Code": "NATO", "Actor2CountryCode": "", "Actor2Type1Code": "IGO"}},
		{"no mentions: no DATEADDED nor SOURCEURL", func(e *dyad.Event) { e.Mentions = nil },
			map[string]string{"DATEADDED": "", "SOURCEURL": ""}},
		{"no URL at all", func(e *dyad.Event) {
			for _, m := range e.Mentions {
				m.URL = ""
			}
		}, map[string]string{"SOURCEURL": "", "DATEADDED": "20260527050000"}},
		{"same time: the smaller mention ID wins", func(e *dyad.Event) {
			e.Mentions[0].Published = e.Mentions[2].Published
			e.Mentions[0].ID = "mn_0"
		}, map[string]string{"SOURCEURL": "https://times.example/b"}},
		{"tabs and newlines are flattened", func(e *dyad.Event) {
			e.Source.Name = "Rus\tsia"
			e.Location.Name = "Moscow\nOblast\r"
			e.Mentions[2].URL = "https://wire.example/a\tb"
		}, map[string]string{"Actor1Name": "RUS SIA", "ActionGeo_FullName": "Moscow Oblast ", "SOURCEURL": "https://wire.example/a b"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := signing()
			tc.change(e)
			row := GDELTRow(e)
			for name, w := range tc.want {
				if got := row[col(t, name)]; got != w {
					t.Errorf("%s = %q, want %q", name, got, w)
				}
			}
			for i, f := range row {
				if strings.ContainsAny(f, "\t\n\r") {
					t.Errorf("field %s = %q holds a tab or a line break", GDELTColumns[i], f)
				}
			}
		})
	}
}

// TestGDELTRow_FractionDateOrdered: FractionDate never falls as the days
// go on within a year (GDELT's 30-day months make 31 January and 1
// February equal) and stays within its year, for a leap year and the next.
func TestGDELTRow_FractionDateOrdered(t *testing.T) {
	e := signing()
	prev := ""
	for d := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2026; d = d.AddDate(0, 0, 1) {
		e.Date = dyad.Day(d)
		f := GDELTRow(e)[col(t, "FractionDate")]
		if !strings.HasPrefix(f, d.Format("2006")+".") {
			t.Fatalf("%s: FractionDate %s outside its year", d.Format("2006-01-02"), f)
		}
		if prev != "" && f < prev && d.YearDay() != 1 {
			t.Fatalf("%s: FractionDate %s not after %s", d.Format("2006-01-02"), f, prev)
		}
		prev = f
	}
}

func TestWriteGDELT(t *testing.T) {
	a, b := signing(), signing()
	b.ID = "ev_other"
	var buf bytes.Buffer
	if err := WriteGDELT(&buf, []*dyad.Event{a, b}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 2 || !strings.HasSuffix(buf.String(), "\n") {
		t.Fatalf("want 2 rows ending in a newline, got %q", buf.String())
	}
	for _, l := range lines {
		if n := len(strings.Split(l, "\t")); n != 61 {
			t.Errorf("row has %d fields: %q", n, l)
		}
	}
	if strings.HasPrefix(lines[0], "GLOBALEVENTID") {
		t.Error("GDELT rows have no header")
	}
	buf.Reset()
	if err := WriteGDELT(&buf, nil); err != nil || buf.Len() != 0 {
		t.Errorf("no events: %q, %v", buf.String(), err)
	}
}

func TestWritePLOVER(t *testing.T) {
	a := signing()
	a.Mentions[0].Text = "Russia <signed> & sealed."
	b := signing()
	b.ID, b.Plover, b.Code, b.Location, b.Date, b.Mentions = "ev_visit", "", "042", nil, dyad.Date{}, nil
	var buf bytes.Buffer
	if err := WritePLOVER(&buf, []*dyad.Event{a, b}); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&buf)
	var got []map[string]any
	for sc.Scan() {
		line := sc.Text()
		if strings.Contains(line, `\u003c`) {
			t.Errorf("HTML-escaped line: %s", line)
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line is not JSON: %v: %s", err, line)
		}
		got = append(got, m)
	}
	if len(got) != 2 {
		t.Fatalf("%d lines, want 2", len(got))
	}
	p := got[0]
	for k, w := range map[string]any{
		"id": "ev_0123456789abcdef0123", "date": "2026-05-27", "date_precision": "day", "event_type": "AGREE", "mode": "",
		"source_actor": "RUS", "source_agent": "GOV", "target_actor": "AFG", "target_agent": "GOV",
		"event_text": "Russia <signed> & sealed.", "cameo": "057", "certainty": "asserted", "num_sources": 2.0,
	} {
		if p[k] != w {
			t.Errorf("%s = %#v, want %#v", k, p[k], w)
		}
	}
	if ctx, ok := p["context"].([]any); !ok || len(ctx) != 0 {
		t.Errorf("context = %#v, want []", p["context"])
	}
	if srcs, ok := p["sources"].([]any); !ok || len(srcs) != 3 || srcs[0].(map[string]any)["outlet"] != "Times" {
		t.Errorf("sources = %#v", p["sources"])
	}
	if loc, ok := p["location"].(map[string]any); !ok || loc["name"] != "Moscow Oblast" || loc["lat"] != 55.5 {
		t.Errorf("location = %#v", p["location"])
	}
	// No PLOVER type stored: the CAMEO mapping gives it, with its mode.
	q := got[1]
	if q["event_type"] != "CONSULT" || q["mode"] != "visit" || q["date"] != "" || q["date_precision"] != "unknown" {
		t.Errorf("visit = %#v", q)
	}
	if _, ok := q["location"]; ok {
		t.Error("an event without a place has no location key")
	}
	if srcs, ok := q["sources"].([]any); !ok || len(srcs) != 0 {
		t.Errorf("sources = %#v, want []", q["sources"])
	}
}
