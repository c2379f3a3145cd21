// Package web serves dyad's HTTP API and its web UI.
//
// The API is JSON over HTTP (see SPEC.md, "HTTP API"): events with the
// filters of `dyad events` as query parameters and cursor pagination, one
// event with every mention in context, dyad timelines, actor networks,
// cited briefs, documents with their coded spans and sourcing audit, actor
// autocompletion, and — only when a token is configured — ingest of new
// documents through the same pipeline as `dyad ingest`.
//
// The UI is a set of static files embedded in the binary (ui/), plain
// JavaScript modules that build the page with DOM calls and never insert
// data as HTML. It needs no network beyond the server itself.
//
// Every route has its own file and handler (handleEvents in events.go,
// and so on), whose comment names the route. Errors are JSON
// {"error": "..."}; dyad error codes are mapped to statuses in one place,
// statusOf. Read responses carry an ETag (a hash of the body) and answer
// a matching If-None-Match with 304.
package web
