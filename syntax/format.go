package syntax

import "strings"

// Tagged returns the sentence as "word/TAG" pairs separated by spaces, the
// form that tag tests and debugging read.
func (s *Sentence) Tagged() string {
	var b strings.Builder
	for i, t := range s.Tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
		b.WriteByte('/')
		b.WriteString(t.Tag.String())
	}
	return b.String()
}

// Bracketed returns the sentence with noun phrases in [NP …], verb groups in
// {VG …} and clause starts marked with "|", the form that chunk tests read.
func (s *Sentence) Bracketed() string {
	var b strings.Builder
	for i, t := range s.Tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		for k, c := range s.Clauses {
			if k > 0 && c.Start == i {
				b.WriteString("| ")
			}
		}
		if p := s.PhraseAt[i]; p >= 0 && s.Phrases[p].Start == i {
			b.WriteString("[")
		}
		if v := s.VerbAt[i]; v >= 0 && s.Verbs[v].Start == i {
			b.WriteString("{")
		}
		b.WriteString(t.Text)
		if v := s.VerbAt[i]; v >= 0 && s.Verbs[v].End == i+1 {
			b.WriteString("}")
		}
		if p := s.PhraseAt[i]; p >= 0 && s.Phrases[p].End == i+1 {
			b.WriteString("]")
		}
	}
	return b.String()
}

// Relations returns one line per verb group: its lemma, features, subjects,
// objects and prepositional phrases, for tests and debugging.
func (s *Sentence) Relations() string {
	var b strings.Builder
	for _, v := range s.Verbs {
		b.WriteString(v.Lemma)
		for _, f := range []struct {
			on   bool
			name string
		}{{v.Passive, "passive"}, {v.Negated, "neg"}, {v.Perfect, "perfect"}, {v.Progressive, "prog"}, {v.Infinitive, "inf"}, {v.Gerund, "ger"}, {v.Copula, "cop"}} {
			if f.on {
				b.WriteString(" +" + f.name)
			}
		}
		if v.Modal != "" {
			b.WriteString(" +" + v.Modal)
		}
		b.WriteString(" " + [...]string{"present", "past", "future", "nonfinite"}[v.Tense])
		b.WriteString(" subj=")
		for i, p := range v.Subjects {
			if i > 0 {
				b.WriteString("&")
			}
			b.WriteString(s.PhraseText(p))
		}
		b.WriteString(" obj=")
		for i, p := range v.Objects {
			if i > 0 {
				b.WriteString("&")
			}
			b.WriteString(s.PhraseText(p))
		}
		for _, pp := range v.PPs {
			b.WriteString(" " + s.Tokens[pp.Prep].Lower + ":" + s.PhraseText(pp.Phrase))
		}
		b.WriteString("\n")
	}
	return b.String()
}
