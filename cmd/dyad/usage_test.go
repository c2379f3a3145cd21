package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHelp_EveryCommand asks every command for help: the usage goes to
// stdout with exit status 0 (help was asked for and given), names the
// command, lists its flags, and shows --db's default once, as its text
// gives it, whatever $DYAD_DB holds.
func TestHelp_EveryCommand(t *testing.T) {
	t.Setenv("DYAD_DB", "/somewhere/else.db")
	for _, c := range commands {
		for _, flag := range []string{"-h", "--help"} {
			t.Run(c.name+flag, func(t *testing.T) {
				code, out, errs := run(t, "", c.name, flag)
				if code != exitOK || errs != "" {
					t.Fatalf("exit %d, stderr %q; want 0 and nothing", code, errs)
				}
				if !strings.Contains(out, "dyad "+c.name) {
					t.Errorf("help does not name 'dyad %s':\n%s", c.name, out)
				}
				if strings.Contains(out, `(default "`) && strings.Contains(out, "else.db") {
					t.Errorf("help shows the environment's store as a default:\n%s", out)
				}
				if strings.Contains(out, `./dyad.db) (default`) {
					t.Errorf("--db's default is given twice:\n%s", out)
				}
			})
		}
	}
	code, out, _ := run(t, "", "help")
	if code != exitOK {
		t.Fatalf("dyad help: exit %d", code)
	}
	for _, c := range commands {
		if !strings.Contains(out, "\n  "+c.name+" ") {
			t.Errorf("dyad help does not list %q:\n%s", c.name, out)
		}
	}
}

// TestUsage_BadArguments checks that bad usage exits 2 with one line on
// stderr that names the command and what is wrong, and the flag package's
// message only once.
func TestUsage_BadArguments(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"events", "--bogus", "--db", db}, "dyad events: flag provided but not defined: -bogus (see 'dyad events -h')"},
		{"flag without value", []string{"stats", "--db"}, "dyad stats: flag needs an argument: -db"},
		{"stray argument to events", []string{"events", "--db", db, "Russia"}, `dyad events: unexpected argument "Russia": this command takes only flags`},
		{"stray argument to stats", []string{"stats", "--db", db, "extra"}, `dyad stats: unexpected argument "extra"`},
		{"stray argument to network", []string{"network", "--db", db, "extra"}, `dyad network: unexpected argument "extra"`},
		{"show without ID", []string{"show", "--db", db}, "dyad show: want one event ID"},
		{"timeline with one actor", []string{"timeline", "--db", db, "Russia"}, "dyad timeline: want two actors A B; got 1 arguments"},
		{"brief with three actors", []string{"brief", "--db", db, "A", "B", "C"}, "dyad brief: want one actor A, or two actors A B"},
		{"code with two files", []string{"code", "a.txt", "b.txt"}, "dyad code: want one FILE"},
		{"ingest with nothing", []string{"ingest", "--db", db}, "dyad ingest: want at least one INPUT"},
		{"negative workers", []string{"ingest", "--db", db, "--workers", "-3", "x.txt"}, "dyad ingest: --workers -3: want a positive number"},
		{"eval unknown kind", []string{"eval", "silver"}, `dyad eval: unknown kind "silver"`},
		{"eval gold without docs", []string{"eval", "gold", "g.jsonl"}, "dyad eval gold: --docs is required"},
		{"bad certainty", []string{"events", "--db", db, "--certainty", "sure"}, `dyad events: --certainty "sure": want one or more of asserted`},
		{"unknown actor", []string{"events", "--db", db, "--actor", "Narnia"}, `dyad events: --actor: unknown actor "Narnia"`},
		{"misspelt plover", []string{"events", "--db", db, "--plover", "AGGREE"}, `dyad events: --plover "AGGREE": want one of ACCUSE, AGREE,`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := run(t, "", tt.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d\n%s", code, exitUsage, errs)
			}
			first, _, _ := strings.Cut(errs, "\n")
			if !strings.HasPrefix(first, tt.want) {
				t.Errorf("first line of stderr = %q, want it to start with %q", first, tt.want)
			}
			if strings.Count(errs, "flag provided but not defined") > 1 {
				t.Errorf("the flag error is reported twice:\n%s", errs)
			}
		})
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("bad usage created the store %s (stat: %v)", db, err)
	}
}

// TestReadCommands_MissingStore checks that the commands that only read
// a store name a missing one (exit 1) instead of creating an empty file
// and answering from it, which hides a typo in --db or $DYAD_DB.
func TestReadCommands_MissingStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "typo.db")
	for _, args := range [][]string{
		{"events"}, {"show", "ev_x"}, {"timeline", "Russia", "Taliban"}, {"network"},
		{"brief", "Russia"}, {"sources", "doc_x"}, {"stats"},
	} {
		t.Run(args[0], func(t *testing.T) {
			code, _, errs := run(t, "", append(args, "--db", db)...)
			if code != exitRejected || !strings.Contains(errs, "no store at "+db) {
				t.Errorf("exit %d, stderr %q; want 1 naming the missing store", code, errs)
			}
			if _, err := os.Stat(db); !os.IsNotExist(err) {
				t.Fatalf("%s created %s", args[0], db)
			}
		})
	}
	t.Run("DYAD_DB", func(t *testing.T) {
		t.Setenv("DYAD_DB", db)
		if code, _, errs := run(t, "", "stats"); code != exitRejected || !strings.Contains(errs, db) {
			t.Errorf("stats with $DYAD_DB missing: exit %d, stderr %q", code, errs)
		}
	})
}

// TestShow_JSONL checks that show takes --format jsonl, as SPEC's "Event
// JSON" gives json|jsonl for events, show and the API: one line, one event.
func TestShow_JSONL(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	if code, _, errs := run(t, "", "ingest", "--db", db, "--published", "2026-05-29", filepath.Join(sampleDir(t), "05-steppe.txt")); code != exitOK {
		t.Fatalf("ingest: exit %d\n%s", code, errs)
	}
	_, out, _ := run(t, "", "events", "--db", db, "--format", "json")
	evs := decodeEvents(t, out)
	if len(evs) == 0 {
		t.Fatal("no events from the sample")
	}
	code, out, errs := run(t, "", "show", "--db", db, "--format", "jsonl", evs[0].ID)
	if code != exitOK {
		t.Fatalf("show jsonl: exit %d\n%s", code, errs)
	}
	if strings.Count(out, "\n") != 1 || !strings.HasPrefix(out, `{"id":"`+evs[0].ID+`"`) {
		t.Errorf("show --format jsonl = %q, want one line holding the event", out)
	}
}
