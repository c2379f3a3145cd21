// Package query answers analysts' questions from the stored record: dyad
// timelines, actor networks and cited briefs. It reads through the store's
// read interfaces only, and its output is deterministic — the same store
// gives the same bytes — so briefs and exports can be diffed.
package query
