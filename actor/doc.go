// Package actor finds the actors named in a sentence and resolves them, for
// the sentence's date, to CAMEO-style actor codes: "Russia" → RUS, "the
// Kremlin" → RUSGOV, "Russia's Supreme Court" → RUSJUD, "the Taliban" →
// AFGREB before 2021-08-15 and AFGGOV from then on, "Sergei Shoigu" →
// RUSMIL until 2024-05-12 and RUSGOV (Security Council secretary) after.
//
// # Dictionary
//
// A Dictionary is built from text files. Builtin returns the one embedded
// in the binary (data/*.txt, documented in data/README.md); Load reads a
// user's directory of *.txt files in the same format, and Merge lays it
// over the built-in one. The format is line-oriented:
//
//	# a comment runs from '#' (at the start or after a space) to the end of the line
//	country rus                      a block header: KIND ID, at the start of a line
//	  name    Russia                 attribute lines are indented: KEY VALUE; VALUE; ...
//	  alias   Russian Federation
//	  adj     Russian
//	  people  Russians
//	  capital Moscow
//	  metonym Kremlin; Duma [LEG]    a [ROLE] or [CTRY/ROLE] suffix gives a name its own code
//
//	group taliban
//	  name Taliban
//	  code AFG/REB ..2021-08-15      dated codes: FROM..TO, FROM inclusive, TO exclusive
//	  code AFG/GOV 2021-08-15..
//
//	person sergei-shoigu
//	  name Sergei Shoigu
//	  code RUS/MIL 2012-11-06..2024-05-12
//	  code RUS/GOV 2024-05-12..
//
//	role JUD
//	  word court; supreme court; judges
//
// Kinds are country (the id is the ISO 3166 alpha-3 code in lower case; the
// code is that id in upper case unless a code line says otherwise), igo
// (an international organization: Code and Country are its code, Role is
// IGO), group, person (entity "person:ID"), role (role words of one sector)
// and words (titles, modifiers, place nouns and hyphen affixes the matcher
// needs). Values written in capitals ("US", "WHO") match only words written
// in capitals. Load reports every problem as "file:line: reason" in an
// ErrorList and keeps every good entry.
//
// # Matching
//
// Match scans a sentence's words once, looks each up in the vocabulary (or,
// for a longer word that is no common English word, corrects a typo of
// one or two letters with a symmetric-delete index), takes the longest name
// at each word and then reads small patterns: an actor with its role words
// ("Russian officials", "the Taliban's defense minister"), role words and
// titles before a person's name ("President Putin", "Mr. Lavrov"), a role
// and "of" an actor ("the government of Afghanistan"), and hyphenated words
// ("anti-Taliban" gives the Taliban alone, "Russian-led" gives Russia,
// "Soviet-era" gives nothing). Role words alone and adjectives before other
// nouns ("European research") name no actor. A Dictionary is safe for
// concurrent use.
package actor
