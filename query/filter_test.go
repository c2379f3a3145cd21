package query

import (
	"strings"
	"testing"

	"github.com/dyad-project/dyad/dyad"
)

func fakeResolve(s string) (dyad.ActorSelector, error) {
	switch s {
	case "Russia":
		return dyad.ActorSelector{Country: "RUS"}, nil
	case "Taliban":
		return dyad.ActorSelector{Entity: "taliban"}, nil
	}
	return dyad.ActorSelector{}, dyad.Errorf(dyad.EINVALID, "unknown actor %q", s)
}

func TestFilterArgs_Filter(t *testing.T) {
	flag := func(f string) string { return "--" + f }
	tests := []struct {
		name    string
		args    FilterArgs
		check   func(dyad.EventFilter) bool
		wantErr string
	}{
		{"dyad", FilterArgs{Dyad: "Russia, Taliban"}, func(f dyad.EventFilter) bool { return f.Dyad[0].Country == "RUS" && f.Dyad[1].Entity == "taliban" }, ""},
		{"actor sides", FilterArgs{Actor: "Russia", Target: "Taliban"}, func(f dyad.EventFilter) bool { return f.Actor.Country == "RUS" && f.Target.Entity == "taliban" }, ""},
		{"dates", FilterArgs{Since: "2025", Until: "2026-05"}, func(f dyad.EventFilter) bool { return f.Since.String() == "2025" && f.Until.String() == "2026-05" }, ""},
		{"certainty", FilterArgs{Certainty: "asserted, reported"}, func(f dyad.EventFilter) bool { return len(f.Certainty) == 2 && f.Certainty[1] == dyad.Reported }, ""},
		{"plover upper-cased", FilterArgs{Plover: "agree"}, func(f dyad.EventFilter) bool { return f.Plover == "AGREE" }, ""},
		{"one-sided dyad", FilterArgs{Dyad: "Russia"}, nil, "--dyad"},
		{"unknown actor", FilterArgs{Source: "Narnia"}, nil, "--source: unknown actor"},
		{"bad date", FilterArgs{Since: "yesterday"}, nil, "--since"},
		{"since after until", FilterArgs{Since: "2026", Until: "2025"}, nil, "after"},
		{"bad certainty", FilterArgs{Certainty: "maybe"}, nil, `--certainty "maybe": want one or more of asserted`},
		{"bad date names value", FilterArgs{Until: "2026-13"}, nil, `--until "2026-13": want YYYY`},
		{"negative limit", FilterArgs{Limit: -1}, nil, "--limit: must not be negative"},
		{"bad code", FilterArgs{Code: "5x"}, nil, "--code"},
		{"long code", FilterArgs{Code: "05711"}, nil, "--code"},
		{"bad plover", FilterArgs{Plover: "agree!"}, nil, "--plover"},
		{"negative sources", FilterArgs{MinSources: -1}, nil, "--min-sources"},
		{"sort by sources", FilterArgs{Sort: "sources"}, func(f dyad.EventFilter) bool { return f.Sort == dyad.SortSources }, ""},
		{"sort most cooperative", FilterArgs{Sort: "-goldstein"}, func(f dyad.EventFilter) bool { return f.Sort == dyad.SortGoldsteinDesc }, ""},
		{"no sort is the zero order", FilterArgs{}, func(f dyad.EventFilter) bool { return f.Sort == "" }, ""},
		{"unknown sort", FilterArgs{Sort: "loudest"}, nil, `--sort "loudest": want one of date, -date, sources, goldstein, -goldstein`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := tt.args.Filter(fakeResolve, flag)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(dyad.ErrorMessage(err), tt.wantErr) || dyad.ErrorCode(err) != dyad.EINVALID {
					t.Errorf("err = %v, want EINVALID containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || !tt.check(f) {
				t.Errorf("Filter = %+v, %v", f, err)
			}
		})
	}
}

// TestFilterArgs_FilterMessagesAsTheAPISpellsThem checks that errors name
// the field as the API's query parameter, with no stray space or flag
// spelling ("since=\"x\": …", "limit: must not …").
func TestFilterArgs_FilterMessagesAsTheAPISpellsThem(t *testing.T) {
	param := func(f string) string { return strings.ReplaceAll(f, "-", "_") + "=" }
	tests := []struct {
		name string
		args FilterArgs
		want string
	}{
		{"bad date", FilterArgs{Since: "2026-13"}, `since="2026-13": want YYYY, YYYY-MM or YYYY-MM-DD`},
		{"unknown actor", FilterArgs{Actor: "Narnia"}, `actor: unknown actor "Narnia"`},
		{"since after until", FilterArgs{Since: "2027", Until: "2026"}, `since=2027 is after until=2026`},
		{"negative sources", FilterArgs{MinSources: -2}, `min_sources: must not be negative`},
		{"unknown sort", FilterArgs{Sort: "Date"}, `sort="Date": want one of date, -date`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.args.Filter(fakeResolve, param)
			if msg := dyad.ErrorMessage(err); !strings.HasPrefix(msg, tt.want) {
				t.Errorf("message = %q, want it to start with %q", msg, tt.want)
			}
		})
	}
}

// TestFilterArgs_FilterPloverTypes checks --plover against the types the
// caller lists: any case matches and takes the list's spelling; a type not
// listed is an error naming the choices; with no list any word passes.
func TestFilterArgs_FilterPloverTypes(t *testing.T) {
	types := []string{"AGREE", "ASSAULT", "dropped"}
	tests := []struct {
		name, plover string
		types        []string
		want         string // the filter's Plover, or the start of the error
		wantErr      bool
	}{
		{"listed", "agree", types, "AGREE", false},
		{"listed lower-case", "DROPPED", types, "dropped", false},
		{"misspelt", "AGGREE", types, `--plover "AGGREE": want one of AGREE, ASSAULT, dropped`, true},
		{"no list", "AGGREE", nil, "AGGREE", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := FilterArgs{Plover: tt.plover, PloverTypes: tt.types}.Filter(fakeResolve, func(f string) string { return "--" + f })
			if tt.wantErr {
				if msg := dyad.ErrorMessage(err); !strings.HasPrefix(msg, tt.want) || dyad.ErrorCode(err) != dyad.EINVALID {
					t.Errorf("err = %v, want EINVALID starting %q", err, tt.want)
				}
				return
			}
			if err != nil || f.Plover != tt.want {
				t.Errorf("Plover = %q, %v; want %q", f.Plover, err, tt.want)
			}
		})
	}
}
