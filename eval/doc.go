// Package eval scores the coder against gold event files.
//
// A gold file (*.gold.jsonl, described in ../shared/eval/README.md) lists,
// one JSON object a line, the events an analyst codes from each document:
// source and target actors, the CAMEO code, the date, and whether the text
// hedges or denies the event. ReadGold reads and validates one; ReadDocs
// reads the documents it refers to; Score compares what a coder found with
// the gold at four levels, each stricter than the one before:
//
//	root       same document, matching actors, same CAMEO root
//	code       and the system code is the gold code or refines it
//	date       and the system date falls within the gold date
//	certainty  and hedged and negated agree
//
// RunGold codes documents with any dyad.Coder and scores the result.
package eval
