// Package jsonl reads news documents from JSON: JSON Lines (one object per
// line) and JSON files holding one object, an array of objects, or an
// envelope object with an array under "articles", "items", "documents",
// "data", "results" or "docs".
//
// Field names vary between datasets, so a Record accepts the common ones
// (see Record) and the adapter picks the first that is set. Records are
// decoded one at a time, so memory stays flat however long the input is; a
// malformed line is reported with its line number and the lines after it
// are still read.
package jsonl
