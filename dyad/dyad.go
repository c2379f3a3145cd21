// Package dyad holds the domain of dyad: documents and their sentences, the
// actors named in them, the event mentions coded from them, and the events
// that resolution builds from mentions across documents. It also declares the
// interfaces at the edges of the pipeline (splitting, actor matching, coding,
// storage), so that every stage depends on this package and the standard
// library only, and cmd/dyad alone wires concrete implementations together.
//
// The pipeline:
//
//	document ─▶ sentences ─▶ actor mentions ─▶ event mentions ─▶ events ─▶ queries
//	 (ingest)    (nlp)        (actor)            (code)            (resolve)  (query, web)
package dyad

// Version and Commit identify the build; they are set with -ldflags -X.
var (
	Version = "dev"
	Commit  = ""
)
