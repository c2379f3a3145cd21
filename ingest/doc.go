// Package ingest reads the inputs of "dyad ingest" and the web API's
// document upload: files, directories, standard input and http(s) URLs in
// plain text, Markdown, HTML, JSON, JSON Lines (optionally gzipped) and
// RSS/Atom feeds, told apart by content as well as by name (Sniff). It
// produces dyad.Documents carrying raw text and the metadata the input
// declares; normalizing, identifying and splitting them is the pipeline's
// work.
//
// Each format has its own package — text (plain and Markdown), html,
// jsonl, feed — that keeps the wire shape apart from the adapter building
// the document. This package sniffs, fetches and streams: a Reader calls
// back once per document or rejected input, so a bad file or line never
// stops a batch, and memory does not grow with the corpus.
//
// Fetching is guarded: only http and https, a timeout, a body cap and a
// redirect cap, and no loopback, private, link-local, CGNAT or multicast
// targets unless allowed — checked on the address actually dialed, so DNS
// rebinding and redirects cannot reach them either.
package ingest
