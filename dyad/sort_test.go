package dyad

import (
	"testing"
	"time"
)

func TestEventSortCursor(t *testing.T) {
	day, _ := time.Parse("2006-01-02", "2026-05-27")
	e := &Event{ID: "ev_abc", Date: Day(day), NumSources: 4, Goldstein: -9.5}
	undated := &Event{ID: "ev_und", Goldstein: 0.1}
	tests := []struct {
		name string
		sort EventSort
		ev   *Event
		want string
	}{
		{"default is the old form", "", e, "2026-05-27|ev_abc"},
		{"date", SortDate, e, "2026-05-27|ev_abc"},
		{"undated", SortDate, undated, "|ev_und"},
		{"oldest first", SortDateAsc, e, "-date:2026-05-27|ev_abc"},
		{"sources", SortSources, e, "sources:4|ev_abc"},
		{"goldstein", SortGoldstein, e, "goldstein:-9.5|ev_abc"},
		{"goldstein exact", SortGoldsteinDesc, undated, "-goldstein:0.1|ev_und"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.sort.Cursor(tt.ev)
			if c != tt.want {
				t.Fatalf("Cursor = %q, want %q", c, tt.want)
			}
			key, id, err := tt.sort.ParseCursor(c)
			if err != nil || id != tt.ev.ID || key != tt.sort.Key(tt.ev) {
				t.Errorf("ParseCursor(%q) = %q, %q, %v", c, key, id, err)
			}
		})
	}
}

func TestEventSortParseCursorRejects(t *testing.T) {
	tests := []struct {
		name   string
		sort   EventSort
		cursor string
	}{
		{"no bar", SortDate, "no-bar"},
		{"no id", SortDate, "2026-05-27|"},
		{"bad day", SortDate, "2026-13-01|ev_a"},
		{"another order's cursor", SortDate, "sources:3|ev_a"},
		{"date cursor for sources", SortSources, "2026-05-27|ev_a"},
		{"not a number", SortSources, "sources:x|ev_a"},
		{"negative sources", SortSources, "sources:-1|ev_a"},
		{"nan", SortGoldstein, "goldstein:NaN|ev_a"},
		{"inf", SortGoldsteinDesc, "-goldstein:+Inf|ev_a"},
		{"wrong sign prefix", SortGoldstein, "-goldstein:1|ev_a"},
		{"unknown order", "loudest", "loudest:1|ev_a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, err := tt.sort.ParseCursor(tt.cursor); ErrorCode(err) != EINVALID {
				t.Errorf("ParseCursor(%q) err = %v, want EINVALID", tt.cursor, err)
			}
		})
	}
}

func TestParseEventSort(t *testing.T) {
	for _, o := range EventSorts {
		if got, err := ParseEventSort(string(o)); err != nil || got != o {
			t.Errorf("ParseEventSort(%q) = %q, %v", o, got, err)
		}
	}
	if got, err := ParseEventSort(""); err != nil || got != SortDate {
		t.Errorf(`ParseEventSort("") = %q, %v; want date`, got, err)
	}
	if _, err := ParseEventSort("newest"); ErrorCode(err) != EINVALID {
		t.Errorf("ParseEventSort(newest) err = %v, want EINVALID", err)
	}
	if err := (EventFilter{Sort: "newest"}).Validate(); ErrorCode(err) != EINVALID {
		t.Errorf("Validate with an unknown order: %v, want EINVALID", err)
	}
}

// FuzzParseCursor checks that a cursor either fails with EINVALID or reads
// back to a key and ID that Cursor writes again unchanged.
func FuzzParseCursor(f *testing.F) {
	for _, s := range []string{"2026-05-27|ev_abc", "|ev_x", "sources:4|ev_a", "goldstein:-9.5|ev_b", "-goldstein:1e3|ev_c", "-date:|ev_d", "x|y|z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, c string) {
		for _, o := range EventSorts {
			key, id, err := o.ParseCursor(c)
			if err != nil {
				if ErrorCode(err) != EINVALID {
					t.Fatalf("%s: err %v is not EINVALID", o, err)
				}
				continue
			}
			if id == "" {
				t.Fatalf("%s: ParseCursor(%q) accepted an empty ID", o, c)
			}
			prefix := ""
			if o != SortDate {
				prefix = string(o) + ":"
			}
			if prefix+key+"|"+string(id) != c {
				t.Fatalf("%s: ParseCursor(%q) = %q, %q does not rebuild it", o, c, key, id)
			}
		}
	})
}
