package web_test

import (
	"context"
	"strings"

	"github.com/dyad-project/dyad/actor"
	"github.com/dyad-project/dyad/cameo"
	"github.com/dyad-project/dyad/dyad"
)

// wordCoder is a small, fast stand-in for the real coder, so that these
// tests do not depend on the coder's dictionaries: in every sentence that
// names two actors of different countries (through the built-in actor
// dictionary) and one of its verbs, it codes the first actor doing that
// verb's action to the second.
type wordCoder struct{}

var verbs = []struct {
	word string
	code dyad.EventCode
}{
	{"signed", "057"}, {"sign ", "057"}, {"recognis", "054"}, {"recogniz", "054"}, {"talks", "040"},
	{"met ", "040"}, {"visit", "042"}, {"sanction", "163"}, {"condemn", "111"}, {"accused", "112"},
	{"strike", "190"}, {"attack", "190"}, {"aid", "070"}, {"agree", "030"}, {"said", "010"},
}

func (wordCoder) Code(ctx context.Context, doc *dyad.Document) ([]*dyad.Mention, error) {
	dict := actor.Builtin()
	var out []*dyad.Mention
	for _, s := range doc.Sentences {
		if s.Kind == dyad.KindSources {
			continue
		}
		acts := dict.Match(s.Text, doc.Published)
		var a, b *dyad.ActorMention
		for i := range acts {
			if a == nil {
				a = &acts[i]
			} else if acts[i].Country != a.Country {
				b = &acts[i]
				break
			}
		}
		if b == nil {
			continue
		}
		lower := strings.ToLower(s.Text)
		for _, v := range verbs {
			if !strings.Contains(lower, v.word) {
				continue
			}
			info, _ := cameo.Lookup(v.code)
			cert := dyad.Asserted
			switch {
			case strings.Contains(lower, " not ") || strings.Contains(lower, "denied"):
				cert = dyad.Negated
			case strings.Contains(lower, "could") || strings.Contains(lower, "may "):
				cert = dyad.Hedged
			case strings.Contains(lower, "will "):
				cert = dyad.Future
			case strings.Contains(lower, "said") || strings.Contains(lower, "according to"):
				cert = dyad.Reported
			}
			date := dyad.Date{Precision: dyad.PrecisionUnknown}
			if !doc.Published.IsZero() {
				date = dyad.Day(doc.Published)
			}
			m := &dyad.Mention{Doc: doc.ID, Sentence: s.Index, Span: s.Span, Text: s.Text,
				Source: a.Actor, Target: b.Actor, Code: v.code, Plover: info.Plover, QuadClass: info.QuadClass,
				Goldstein: info.Goldstein, Verb: strings.TrimSpace(v.word), Certainty: cert, Date: date,
				Citations: append([]int(nil), s.Citations...), CitedKeys: dyad.CitedKeys(doc.Sources, s.Citations),
				Published: doc.Published, Outlet: doc.Outlet, URL: doc.URL, Story: doc.Story}
			m.ID = dyad.NewMentionID(doc.ID, m.Span, m.Code, m.Source.Code, m.Target.Code)
			out = append(out, m)
			break
		}
	}
	return out, nil
}

var _ dyad.Coder = wordCoder{}
