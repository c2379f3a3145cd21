package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"strings"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/web"
)

func init() {
	register(command{name: "serve", summary: "serve the HTTP API and web UI (read-only unless --token)", run: runServe})
}

func runServe(ctx context.Context, e *env, args []string) int {
	var c Config
	fs := newFlags(e, "serve", "", &c)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free one)")
	token := fs.String("token", e.getenv("DYAD_TOKEN"), "bearer token that allows POST /api/documents (default $DYAD_TOKEN; none: read-only)")
	maxBody := fs.Int64("max-body", web.DefaultMaxBody, "largest request body, in bytes")
	noCode := fs.Bool("no-code", false, "store documents posted to the API without coding events")
	verbose := fs.Bool("v", false, "log every request")
	var cf coderFlags
	cf.register(fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return fail(e, "serve", err)
	}
	if r := noArgs(e, fs, pos); r >= 0 {
		return r
	}
	level := new(slog.LevelVar)
	if *verbose {
		level.Set(slog.LevelDebug)
	}
	var logger *slog.Logger
	if isTerminal(e.stderr) {
		logger = slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: level}))
	} else {
		logger = slog.New(slog.NewJSONHandler(e.stderr, &slog.HandlerOptions{Level: level}))
	}
	var coder dyad.Coder
	if !*noCode && *token != "" {
		if coder, err = cf.coder(e); err != nil {
			return fail(e, "serve", err)
		}
	}
	store, err := openStore(ctx, c.DB)
	if err != nil {
		return fail(e, "serve", err)
	}
	defer store.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fail(e, "serve", usageErr("--addr %s: %v", *addr, err))
	}
	h := web.New(web.Config{Store: store, Coder: coder, Token: *token, Logger: logger, MaxBody: *maxBody, ResolveActor: actorSelector})
	mode := "read-only"
	if *token != "" {
		mode = "writes allowed with the token"
	}
	fmt.Fprintf(e.stderr, "dyad serve: listening on http://%s (%s, store %s)\n", ln.Addr(), mode, c.DB)
	if host, _, _ := net.SplitHostPort(ln.Addr().String()); !isLoopback(host) {
		logger.Warn("listening beyond loopback: anyone who can reach this address can read the store", "addr", ln.Addr().String())
	}
	if err := web.Serve(ctx, ln, h, logger); err != nil {
		return fail(e, "serve", err)
	}
	fmt.Fprintln(e.stderr, "dyad serve: stopped")
	return exitOK
}

func isLoopback(host string) bool {
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}
