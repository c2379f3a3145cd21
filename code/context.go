package code

import (
	"strings"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/syntax"
)

// docContext is what the coder knows of a document from the sentences
// before the one it codes: the named entities for "the group", the parties
// that role words named ("The Reagan administration" for a later "the
// administration"), the people introduced by an apposition ("Alexander
// Ivanov, head of the Gulf desk at the Soviet Foreign Ministry" for a
// later "Ivanov"), and the one country that the dateline, the title or the
// previous sentence establishes, for a role word no sentence ties to a
// country ("a military spokesman", "the ministry").
type docContext struct {
	recent []dyad.Actor
	// heads maps a role noun's lemma ("administration") or "name:" and a
	// surname in lower case to the actor it last stood for.
	heads map[string]dyad.Actor
	// dateline, title and prev are the single country that the dateline,
	// the title and the previous sentence name, or "" when they name none
	// or several.
	dateline, title, prev string
	// named is true once a sentence has named a party: from then on the
	// last such sentence, not the title, establishes the country.
	named bool
	// lead is the party (not a person) that opens the previous sentence
	// ("Moscow is officially neutral …"), for an "It" that opens the next
	// ("It is a major arms supplier to Iraq"); zero when none does.
	lead dyad.Actor
}

// roleNouns are the words that name a state body or its people without
// naming the country ("a military spokesman", "the administration"), with
// the sector they stand for.
var roleNouns = map[string]string{
	"spokesman": "GOV", "spokeswoman": "GOV", "spokesperson": "GOV", "ministry": "GOV",
	"government": "GOV", "administration": "GOV", "official": "GOV", "cabinet": "GOV",
	"embassy": "GOV", "diplomat": "GOV", "delegation": "GOV", "authority": "GOV",
	"army": "MIL", "military": "MIL", "navy": "MIL", "police": "COP", "parliament": "LEG",
	"soldier": "MIL", "troop": "MIL", "brigade": "MIL", "battalion": "MIL", "garrison": "MIL",
	"policeman": "COP", "rebel": "REB", "guerrilla": "REB", "guerilla": "REB",
}

// ministryWords may stand capitalized before a role word that names no
// country: "the Foreign Ministry", "a Defence Ministry official".
var ministryWords = map[string]bool{
	"foreign": true, "defence": true, "defense": true, "interior": true, "military": true, "state": true,
	"trade": true, "finance": true, "information": true, "war": true, "army": true, "ministry": true,
	"department": true, "office": true, "government": true,
	// kinds of rebels and units: "Communist rebels", "the Fourth Infantry Brigade"
	"communist": true, "leftist": true, "leftwing": true, "left-wing": true, "rightist": true,
	"rightwing": true, "right-wing": true, "marxist": true, "maoist": true, "infantry": true,
	"armoured": true, "armored": true, "airborne": true, "first": true, "second": true, "third": true,
	"fourth": true, "fifth": true, "sixth": true, "seventh": true, "eighth": true, "ninth": true,
}

// militaryMods make a role word the military's: "a military spokesman".
var militaryMods = map[string]bool{"military": true, "army": true, "defence": true, "defense": true, "war": true, "naval": true}

// singleCountry returns the one country that the actor mentions name, or
// "" when they name none or several.
func singleCountry(ms []dyad.ActorMention) string {
	c := ""
	for _, m := range ms {
		if m.Country == "" {
			continue
		}
		if c != "" && !sameCountry(c, m.Country) {
			return ""
		}
		c = m.Country
	}
	return c
}

// newDocContext reads the countries the document's title and dateline
// establish.
func (c *Coder) newDocContext(doc *dyad.Document) *docContext {
	dc := &docContext{}
	if c.opts.Actors == nil {
		return dc
	}
	if doc.Title != "" {
		ms := c.opts.Actors.Match(doc.Title, doc.Published)
		// names only: a title's demonyms mostly qualify its object
		// ("1 KILLED IN SEIZURE OF CANADIAN MISSIONARIES' LAND")
		dc.title = singleCountry(ms)
	}
	for i := range doc.Sentences {
		if s := &doc.Sentences[i]; s.Kind == dyad.KindDateline {
			dc.dateline = singleCountry(c.opts.Actors.Match(s.Text, doc.Published))
			break
		}
	}
	return dc
}

// storyBreak starts a new story in a roundup ("REUTER WORLD NEWS
// HIGHLIGHTS"): a paragraph opened by a dateline in capitals ("BAHRAIN -
// Iran reported …", "ZEEBRUGGE, Belgium - …") or a separator line of
// dashes ends what the stories before established, so that a role word
// does not take the previous story's country. The dateline's own country
// becomes the context's. It returns the length of the dateline lead in
// s.Text (0 when there is none), which is no party to the sentence.
func (dc *docContext) storyBreak(c *Coder, doc *dyad.Document, s *dyad.Sentence, i int) int {
	if dc == nil || s.Kind == dyad.KindDateline {
		return 0
	}
	if !paragraphStart(doc.Text, s.Span.Start) {
		return 0
	}
	if isSeparator(s.Text) {
		dc.reset("")
		return 0
	}
	n := datelineLead(s.Text)
	if n == 0 {
		return 0
	}
	country := ""
	if c.opts.Actors != nil {
		country = singleCountry(c.opts.Actors.Match(s.Text[:n], doc.Published))
	}
	dc.reset(country)
	if i == 0 {
		return n
	}
	dc.title = "" // a roundup's title speaks for none of its stories
	return n
}

// reset forgets what earlier stories established; dateline is the new
// story's country, if its dateline names one.
func (dc *docContext) reset(dateline string) {
	dc.recent, dc.heads, dc.prev, dc.named, dc.lead = nil, nil, "", false, dyad.Actor{}
	dc.dateline = dateline
}

// paragraphStart reports whether the byte at off opens a paragraph: only
// spaces and a line break (or nothing) stand before it on its line.
func paragraphStart(text string, off int) bool {
	for j := min(off, len(text)) - 1; j >= 0; j-- {
		switch text[j] {
		case ' ', '\t', '\r':
		case '\n':
			return true
		default:
			return false
		}
	}
	return true
}

// isSeparator reports whether text is a line of dashes ("- - - -").
func isSeparator(text string) bool {
	dash := false
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '-':
			dash = true
		case ' ', '\t', '\n', '\r':
		default:
			return false
		}
	}
	return dash
}

// datelineLead returns the length of a wire dateline that opens text: a
// place in capitals, optionally a comma and a country ("ZEEBRUGGE,
// Belgium"), then a dash and a space; 0 when text has none.
func datelineLead(text string) int {
	i, letters := 0, 0
	for i < len(text) && i < 40 {
		b := text[i]
		if b >= 'A' && b <= 'Z' {
			letters++
		} else if b >= 'a' && b <= 'z' || b >= 0x80 || b >= '0' && b <= '9' {
			return 0
		} else if b != ' ' && b != '.' && b != '\'' && b != '-' {
			break
		}
		if b == ' ' && i+2 < len(text) && text[i+1] == '-' && (text[i+2] == ' ' || text[i+2] == '-') {
			break
		}
		i++
	}
	if letters < 3 {
		return 0
	}
	if i < len(text) && text[i] == ',' {
		// ", Belgium": a country in ordinary case
		j := i + 1
		for j < len(text) && j < i+30 && text[j] != '-' && text[j] != ',' {
			j++
		}
		if j >= len(text) || text[j] != '-' || text[j-1] != ' ' {
			return 0
		}
		i = j - 1
	}
	rest := text[i:]
	for _, dash := range []string{" -- ", " - "} {
		if strings.HasPrefix(rest, dash) {
			return i + len(dash)
		}
	}
	return 0
}

// remember updates the context with a coded sentence: its role phrases
// that named a country, the people its appositions introduce, and the
// single country it names.
func (st *sent) remember(dc *docContext) {
	if dc == nil {
		return
	}
	dc.recent = rememberActors(dc.recent, st.actors)
	dc.lead = st.leadActor()
	if len(st.actors) > 0 {
		dc.prev, dc.named = singleCountry(st.actors), true
	}
	s := st.s
	for p := range s.Phrases {
		head := &s.Tokens[s.Phrases[p].Head]
		if role, ok := roleNouns[st.headLemma(p)]; ok && role != "" {
			if a, ok := st.phraseActor(p); ok && a.Country != "" && !st.fromContext[p] {
				if dc.heads == nil {
					dc.heads = map[string]dyad.Actor{}
				}
				a.Text = ""
				dc.heads[st.headLemma(p)] = a
			}
			continue
		}
		if head.Tag == syntax.NNP && head.Cap {
			if !st.learnTitled(dc, p) {
				st.learnApposition(dc, p)
			}
		}
	}
}

// learnApposition remembers the party of a person introduced by an
// apposition: "Alexander Ivanov, head of the Gulf desk at the Soviet
// Foreign Ministry, told …" makes a later "Ivanov" the Soviet government.
func (st *sent) learnApposition(dc *docContext, p int) {
	s := st.s
	ph := &s.Phrases[p]
	start, end := s.PhraseSpan(p)
	for i := range st.actors {
		if m := &st.actors[i]; m.Span.Start < end && m.Span.End > start {
			return // a name the dictionary knows
		}
	}
	for i := ph.Start; i < ph.End; i++ {
		if t := &s.Tokens[i]; t.Tag != syntax.NNP || !t.Cap {
			return // a person's name only: "Alexander Ivanov"
		}
	}
	if ph.End-ph.Start < 2 || ph.End >= len(s.Tokens) || s.Tokens[ph.End].Text != "," {
		return
	}
	// the apposition runs to the next comma; its first word is a post
	segEnd := len(st.text)
	for i := ph.End + 1; i < len(s.Tokens); i++ {
		if s.Tokens[i].Text == "," {
			segEnd = s.Tokens[i].Span.Start
			break
		}
	}
	if ph.End+1 >= len(s.Tokens) || !postWords[s.Tokens[ph.End+1].Lower] {
		return
	}
	segStart := s.Tokens[ph.End].Span.End
	for i := range st.actors {
		m := &st.actors[i]
		if m.Span.Start >= segStart && m.Span.End <= segEnd && m.Country != "" {
			a := dyad.Actor{Country: m.Country, Role: m.Role, Code: m.Code}
			if a.Role == "" {
				a.Role, a.Code = "GOV", dyad.JoinCode(a.Country, "GOV")
			}
			if dc.heads == nil {
				dc.heads = map[string]dyad.Actor{}
			}
			dc.heads["name:"+s.Tokens[ph.End-1].Lower] = a
			return
		}
	}
}

// learnTitled remembers the party of a person named after a post and a
// country ("Dutch Agriculture Minister Gerrit Braks", "Soviet Foreign
// Minister Eduard Shevardnadze") so that a later "Braks" is that
// country's government; it reports whether the phrase was such a name.
func (st *sent) learnTitled(dc *docContext, p int) bool {
	s := st.s
	ph := &s.Phrases[p]
	role := ""
	for i := ph.Start; i < ph.Head; i++ {
		if r, ok := postRoles[s.Tokens[i].Lower]; ok {
			role = r
		}
	}
	if role == "" {
		return false
	}
	a, ok := st.phraseActor(p)
	if !ok || a.Country == "" || st.fromContext[p] {
		return false
	}
	if a.Role == "" {
		a.Role, a.Code = role, dyad.JoinCode(a.Country, role)
	}
	a.Text = ""
	if dc.heads == nil {
		dc.heads = map[string]dyad.Actor{}
	}
	dc.heads["name:"+s.Tokens[ph.Head].Lower] = a
	return true
}

// postRoles are the posts a titled name can hold, with the sector.
var postRoles = map[string]string{
	"minister": "GOV", "president": "GOV", "premier": "GOV", "secretary": "GOV", "chancellor": "GOV",
	"spokesman": "GOV", "ambassador": "GOV", "envoy": "GOV", "official": "GOV", "undersecretary": "GOV",
	"king": "GOV", "governor": "GOV", "negotiator": "GOV", "general": "MIL", "commander": "MIL", "colonel": "MIL",
}

// postWords open an apposition that gives a person's post.
var postWords = map[string]bool{
	"head": true, "chief": true, "director": true, "official": true, "spokesman": true, "spokeswoman": true,
	"minister": true, "deputy": true, "secretary": true, "ambassador": true, "envoy": true, "undersecretary": true,
	"commander": true, "adviser": true, "advisor": true, "aide": true, "chairman": true, "president": true,
	"leader": true, "general": true, "governor": true, "representative": true, "negotiator": true,
}

// contextActor resolves a phrase that names no country from the document:
// a person introduced earlier by an apposition ("Ivanov"), a role word that
// an earlier phrase tied to a country ("the administration" after "The
// Reagan administration"), else a role word takes the one country that the
// sentence so far, the previous sentence, the dateline or the title
// establishes.
func (st *sent) contextActor(p int) (dyad.Actor, bool) {
	dc := st.ctx
	if dc == nil {
		return dyad.Actor{}, false
	}
	s := st.s
	ph := &s.Phrases[p]
	start, end := s.PhraseSpan(p)
	head := &s.Tokens[ph.Head]
	if head.Cap {
		// "Braks accused Bonn": a name opening the sentence may be tagged
		// as a plural noun, so the tag is not asked
		if a, ok := dc.heads["name:"+head.Lower]; ok && (ph.End-ph.Start == 1 || s.Tokens[ph.Start].Cap) {
			a.Text = st.text[start:end]
			return a, true
		}
		if head.Tag == syntax.NNP || head.Tag == syntax.NNPS {
			return dyad.Actor{}, false
		}
	}
	lemma := st.headLemma(p)
	role, ok := roleNouns[lemma]
	if !ok {
		return dyad.Actor{}, false
	}
	for i := ph.Start; i < ph.Head; i++ {
		if t := &s.Tokens[i]; t.Cap && i > 0 && !ministryWords[t.Lower] || t.Tag == syntax.PRPS || t.Tag == syntax.POS {
			return dyad.Actor{}, false // "Kuwait's ministry", "its army": not ours to guess
		}
	}
	for _, pp := range s.PPsOf(p) {
		if l := s.Tokens[pp.Prep].Lower; l == "of" || l == "from" {
			return dyad.Actor{}, false // "a delegation from Iran", "from McDonnell-Douglas": its own phrase says
		}
		if l := s.Tokens[pp.Prep].Lower; l == "at" || l == "in" {
			if _, ok := st.phraseActor(pp.Phrase); ok {
				return dyad.Actor{}, false // "officials in Tehran"
			}
		}
	}
	if a, ok := dc.heads[lemma]; ok {
		a.Text = st.text[start:end]
		return a, true
	}
	country := ""
	var before []dyad.ActorMention
	for _, m := range st.actors {
		if m.Span.End <= start {
			before = append(before, m)
		}
	}
	if st.c.opts.Demonym != nil {
		// "Iraqi planes hit Iranian towns": demonyms the matcher leaves
		for i := 0; i < ph.Start; i++ {
			if t := &s.Tokens[i]; t.Cap {
				if cc, ok := st.c.opts.Demonym(t.Text); ok {
					before = append(before, dyad.ActorMention{Actor: dyad.Actor{Country: cc}})
				}
			}
		}
	}
	switch {
	case len(before) > 0:
		country = singleCountry(before)
	case dc.named:
		country = dc.prev // the last sentence that named a party decides
	case dc.dateline != "":
		country = dc.dateline
	default:
		country = dc.title
	}
	if country == "" {
		return dyad.Actor{}, false
	}
	for i := ph.Start; i < ph.Head; i++ {
		if militaryMods[s.Tokens[i].Lower] {
			role = "MIL"
		}
	}
	if st.fromContext == nil {
		st.fromContext, st.ctxActors = map[int]bool{}, map[string]bool{}
	}
	st.fromContext[p] = true
	st.ctxActors[st.text[start:end]] = true
	return dyad.Actor{Country: country, Role: role, Code: dyad.JoinCode(country, role), Text: st.text[start:end]}, true
}

// mayResolve reports whether text has a word that the context can resolve
// (a role word, a person met before), so that a sentence with no actor of
// its own is worth parsing.
func (dc *docContext) mayResolve(text string) bool {
	if dc == nil {
		return false
	}
	for i := 0; i < len(text); i++ {
		if !isLetter(text[i]) {
			continue
		}
		j := i
		for j < len(text) && isLetter(text[j]) {
			j++
		}
		w := strings.ToLower(text[i:j])
		if _, ok := roleNouns[syntax.NounLemma(w)]; ok {
			return true
		}
		if _, ok := dc.heads["name:"+w]; ok {
			return true
		}
		i = j
	}
	return false
}

// leadActor returns the party, not a person, that the sentence's first
// phrase names when that phrase is the subject of its first verb
// ("Moscow is officially neutral in the war"), and the zero Actor
// otherwise.
func (st *sent) leadActor() dyad.Actor {
	s := st.s
	if len(s.Phrases) == 0 || s.Phrases[0].Start > 1 {
		return dyad.Actor{}
	}
	subj := false
	for k := range s.Verbs {
		if v := &s.Verbs[k]; v.Start > s.Phrases[0].Start {
			subj = len(v.Subjects) > 0 && v.Subjects[0] == 0 && !v.SubjectInherited
			break
		}
	}
	if !subj {
		return dyad.Actor{}
	}
	for i := range st.actors {
		m := &st.actors[i]
		if m.Span.End > s.Tokens[s.Phrases[0].End-1].Span.End {
			break
		}
		if m.Country != "" && !strings.HasPrefix(m.Entity, "person:") && !(m.Entity == "" && m.Role != "") {
			a := m.Actor
			a.Text = ""
			return a
		}
	}
	return dyad.Actor{}
}
