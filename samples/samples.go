// Package samples holds the sample documents bundled with dyad: short news
// reports written for the project (not taken from any outlet) that exercise
// the pipeline end to end — one signing told by five outlets, two of them a
// wire story and its syndicated copy, one giving another date, one carrying
// a denial; the same parties' agreement a year earlier; and a few other
// dyads. `dyad demo` ingests them, and tests use them as a fixture corpus.
package samples

import "embed"

// FS holds the documents under docs/, in several input formats.
//
//go:embed docs
var FS embed.FS

// Dir is the folder of the documents within FS.
const Dir = "docs"
