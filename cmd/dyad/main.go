// Command dyad turns news reports into a sourced, queryable record of
// international-relations events. See README.md and SPEC.md.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Exit statuses, as SPEC.md gives them.
const (
	exitOK       = 0
	exitRejected = 1 // some inputs were rejected; everything else was stored
	exitUsage    = 2
)

// A command is one subcommand of dyad.
type command struct {
	name, args, summary string
	run                 func(ctx context.Context, env *env, args []string) int
}

// env is what a command runs with: its streams and the process environment,
// injected so that tests can run Main end to end.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

var commands []command

func register(c command) { commands = append(commands, c) }

// Main runs dyad with args and returns the exit status.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv}
	if len(args) == 0 || isHelpArg(args[0]) {
		usage(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(ctx, e, args[1:])
		}
	}
	fmt.Fprintf(stderr, "dyad: unknown command %q (see 'dyad help')\n", args[0])
	return exitUsage
}

// isHelpArg reports whether arg asks for help.
func isHelpArg(arg string) bool {
	switch arg {
	case "help", "-h", "-help", "--help":
		return true
	}
	return false
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "dyad turns news reports into a sourced, queryable record of international-relations events.")
	fmt.Fprintln(w, "\nUsage: dyad COMMAND [flags] [args]\n\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %-22s %s\n", c.name, c.args, c.summary)
	}
	fmt.Fprintln(w, "\nEvery command takes --db (default $DYAD_DB, else ./dyad.db; postgres://… selects PostgreSQL).")
	fmt.Fprintln(w, "Run 'dyad COMMAND -h' for a command's flags.")
}
