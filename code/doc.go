// Package code turns sentences into CAMEO event mentions: who did what to
// whom, when, where, and how sure the wording is.
//
// The Coder parses each sentence with package syntax, looks the verbs and
// the action-carrying nouns up in an action dictionary (actions.txt,
// embedded; users extend it with LoadActions), and reads the participants
// from the parse: the subject of the event verb is the source, the object
// or a prepositional target ("with", "to", "against", "on", …) the target;
// the "by" phrase of a passive is the source; coordinated subjects with no
// target make a symmetric pair; nouns carry events with the actors around
// them ("the Biden-era Afghanistan withdrawal", "the signing of a deal
// between Russia and the Taliban"); "X is in <a city of another country>"
// is a visit. Certainty comes from the structure around the event (see
// certainty.go); dates from a DateFinder or, failing that, from tense;
// places from a PlaceFinder hinted with the actors' countries.
//
// Actors, places and dates come from small interfaces (ActorMatcher,
// PlaceFinder, DateFinder), so that cmd/dyad wires the real packages and
// tests can use fakes.
package code
