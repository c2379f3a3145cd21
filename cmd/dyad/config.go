package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/dyad-project/dyad/actor"
	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/store/sqlite"
)

// Config is what every command shares. Flags beat DYAD_* environment
// variables, which beat the defaults.
type Config struct {
	DB     string // a file path (SQLite) or a postgres:// URL
	Format string
}

// DefaultConfig returns the defaults, with the environment applied.
func DefaultConfig(getenv func(string) string) Config {
	c := Config{DB: "dyad.db"}
	if v := getenv("DYAD_DB"); v != "" {
		c.DB = v
	}
	return c
}

// newFlags returns a flag set for a command with the shared --db flag.
func newFlags(e *env, name, usage string, c *Config) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	*c = DefaultConfig(e.getenv)
	fs.StringVar(&c.DB, "db", c.DB, "store: a SQLite file path, or a postgres:// URL (default $DYAD_DB, else ./dyad.db)")
	// The help text names the default; PrintDefaults must not add a second,
	// possibly different one taken from this process's environment.
	fs.Lookup("db").DefValue = ""
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: dyad %s\n\nFlags:\n", strings.TrimSpace(name+" "+usage))
		fs.PrintDefaults()
	}
	return fs
}

// helpRequest is what parseArgs returns for -h or --help: fail prints the
// command's usage to stdout and exits 0, as a request for help succeeded.
type helpRequest struct{ fs *flag.FlagSet }

func (h helpRequest) Error() string { return "help requested" }

// badArgs reports a wrong number or kind of positional arguments: the
// reason on one line, then the command's usage, and returns exit status 2.
func badArgs(e *env, fs *flag.FlagSet, format string, args ...any) int {
	fmt.Fprintf(e.stderr, "dyad %s: %s\n", fs.Name(), fmt.Sprintf(format, args...))
	fs.SetOutput(e.stderr)
	fs.Usage()
	return exitUsage
}

// noArgs returns exit status 2 with a message naming the first of pos, for
// commands that take no positional arguments, or -1 when pos is empty.
func noArgs(e *env, fs *flag.FlagSet, pos []string) int {
	if len(pos) == 0 {
		return -1
	}
	return badArgs(e, fs, "unexpected argument %q: this command takes only flags", pos[0])
}

// parseArgs parses flags wherever they stand among the positional
// arguments ("dyad code FILE --published 2026-05-29"), and returns the
// positional ones; "--" ends flag parsing. A bad flag is an EINVALID error
// that names it (fail reports it once, with exit status 2); -h and --help
// return a helpRequest.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	out, usage := fs.Output(), fs.Usage
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	defer func() { fs.SetOutput(out); fs.Usage = usage }()
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, helpRequest{fs}
			}
			return nil, usageErr("%v (see 'dyad %s -h')", err, fs.Name())
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > 0 && len(rest) < len(args) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// openStore opens the store that dsn names.
func openStore(ctx context.Context, dsn string) (dyad.Store, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return openPostgres(ctx, dsn)
	}
	return sqlite.Open(ctx, dsn)
}

// openExisting opens the store that dsn names for a command that only
// reads it: a SQLite path that does not exist is an error naming it, not a
// new empty store created by a typo in --db or $DYAD_DB.
func openExisting(ctx context.Context, dsn string) (dyad.Store, error) {
	if !isPostgres(dsn) {
		if _, err := os.Stat(dsn); errors.Is(err, os.ErrNotExist) {
			return nil, dyad.Errorf(dyad.ENOTFOUND, "no store at %s: give --db (or $DYAD_DB) the file that 'dyad ingest' wrote, or create it with 'dyad ingest --db %s INPUT...'", dsn, dsn)
		}
	}
	return openStore(ctx, dsn)
}

// openPostgres is replaced when the PostgreSQL store is linked in.
var openPostgres = func(ctx context.Context, dsn string) (dyad.Store, error) {
	return nil, dyad.Errorf(dyad.EINVALID, "this build of dyad has no PostgreSQL store")
}

// fail reports err for a command and returns its exit status: 2 for bad
// usage (EINVALID), 1 otherwise.
func fail(e *env, cmd string, err error) int {
	var h helpRequest
	if errors.As(err, &h) {
		h.fs.SetOutput(e.stdout)
		h.fs.Usage()
		h.fs.SetOutput(e.stderr)
		return exitOK
	}
	if errors.Is(err, flag.ErrHelp) {
		return exitUsage
	}
	msg := err.Error()
	var de *dyad.Error
	if errors.As(err, &de) {
		msg = de.Message
	}
	fmt.Fprintf(e.stderr, "dyad %s: %s\n", cmd, msg)
	if dyad.ErrorCode(err) == dyad.EINVALID {
		return exitUsage
	}
	return exitRejected
}

func usageErr(format string, args ...any) error {
	return dyad.Errorf(dyad.EINVALID, format, args...)
}

// checkFormat returns EINVALID unless f is one of allowed.
func checkFormat(f string, allowed ...string) error {
	for _, a := range allowed {
		if f == a {
			return nil
		}
	}
	return usageErr("--format %q: want one of %s", f, strings.Join(allowed, ", "))
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func writeJSONL(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// parseDateFlag reads a --since/--until/--published value.
func parseDateFlag(name, v string) (dyad.Date, error) {
	d, err := dyad.ParseDate(v)
	if err != nil {
		return d, usageErr("--%s %q: want YYYY, YYYY-MM or YYYY-MM-DD", name, v)
	}
	return d, nil
}

// parsePublished reads --published: a date or an RFC 3339 time.
func parsePublished(v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t.UTC(), nil
	}
	d, err := parseDateFlag("published", v)
	if err != nil {
		return time.Time{}, err
	}
	return d.First(), nil
}

// actorSelector resolves a command-line actor argument: a code ("RUS",
// "RUSGOV", "NATO") or a name ("Russia", "Taliban", "the Kremlin").
func actorSelector(arg string) (dyad.ActorSelector, error) {
	return actor.Builtin().Selector(arg, time.Now())
}
