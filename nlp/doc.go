// Package nlp turns a document's raw text into the units the rest of the
// pipeline reads: the canonical text whose hash identifies the document
// (Normalize), its sentences with byte spans, layout kinds and citation
// markers (Splitter), and the tokens of a sentence (Tokenize).
//
// Everything here is deterministic, uses the standard library only and keeps
// allocations low, because it runs on every document that dyad ingests. Spans
// are byte offsets into the text they were computed from, so callers can
// always recover the exact bytes with text[Start:End].
package nlp
