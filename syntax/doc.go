// Package syntax is dyad's fast shallow parser: it tokenizes a sentence,
// tags parts of speech, chunks noun phrases and verb groups, cuts clauses,
// and relates each verb to its subjects, objects and prepositional phrases.
// The event coder reads who did what to whom from that analysis.
//
// Everything is table-driven so that it can be read and extended:
//
//   - lexicon.txt lists closed-class words and frequent ambiguous words with
//     their tags, most frequent first;
//   - verbs.txt lists irregular verbs with their forms and regular verbs by
//     their base form, from which the lemmatizer and the tagger know every
//     inflected form;
//   - words the tables do not know are tagged by suffix rules (suffixTag);
//   - contextual rules (contextRules) then fix noun/verb, past/participle
//     and "that" ambiguities from the neighbouring tags.
//
// It is built for throughput (well over 20,000 sentences a second on one
// core, see BenchmarkAnalyze), not for full parses: phrases are flat,
// attachments are decided by position, and clauses are cut at punctuation
// and function words.
package syntax
