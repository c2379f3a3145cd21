// Package petrarch reads the TABARI/PETRARCH dictionary formats (actors,
// agents, verbs with patterns and synsets, discards, issues) and codes raw
// sentences with them, without a parse tree, so that dyad can be checked
// against PETRARCH2's validation suite and can run the Phoenix/CAMEO
// dictionaries as one of its coders.
//
// The readers never stop at a bad entry: each problem is recorded as a
// LoadError naming the file and line, counted in the file's statistics, and
// the rest of the file is still loaded. Every line of a dictionary file is
// classified (blank, comment, entry, structure or error), so that tests can
// check that no entry is silently dropped.
//
// The coder is a shallow, TABARI-style pattern coder: it tokenizes the
// upper-cased text, finds actor and agent phrases (longest match first),
// finds verbs through the verb dictionary's forms, matches the verb's
// patterns against the token sequence and assigns source and target from the
// actors around the verb.
package petrarch
