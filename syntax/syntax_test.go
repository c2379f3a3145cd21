package syntax_test

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/shared"
	"github.com/dyad-project/dyad/syntax"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"possessive", "Russia’s Supreme Court", []string{"Russia", "’s", "Supreme", "Court"}},
		{"ascii possessive", "Russia's court", []string{"Russia", "'s", "court"}},
		{"hyphen", "a military-technical deal", []string{"a", "military-technical", "deal"}},
		{"abbreviation", "the U.S. retreat.", []string{"the", "U.S.", "retreat", "."}},
		{"negation", "they didn't sign", []string{"they", "did", "n't", "sign"}},
		{"number", "155,221 bags at 3.5 pct", []string{"155,221", "bags", "at", "3.5", "pct"}},
		{"citations", "treaty.[1][2] Next", []string{"treaty", ".", "[1]", "[2]", "Next"}},
		{"quotes", "the label “military-technical” usually", []string{"the", "label", "“", "military-technical", "”", "usually"}},
		{"dash", "Sami — May 29, 2026", []string{"Sami", "—", "May", "29", ",", "2026"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tok := range syntax.Tokenize(nil, tt.in) {
				if tt.in[tok.Span.Start:tok.Span.End] != tok.Text {
					t.Errorf("span %v does not cover %q", tok.Span, tok.Text)
				}
				got = append(got, tok.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestTags checks the tags of sentences of the example article; each case
// lists word/TAG pairs that must come out as given.
func TestTags(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"perfect", "Russia and the Taliban government have signed a formal military-technical cooperation agreement in the Moscow region.",
			[]string{"Russia/NNP", "have/VBP", "signed/VBN", "military-technical/JJ", "agreement/NN", "in/IN", "region/NN"}},
		{"passive", "Reporters say the document was signed by top security figures.",
			[]string{"Reporters/NNS", "say/VBP", "document/NN", "was/VBD", "signed/VBN", "by/IN", "figures/NNS"}},
		{"relative that", "The deal expands Moscow’s security ties with an Islamist regime that Washington abandoned to its fate in 2021.",
			[]string{"expands/VBZ", "’s/POS", "ties/NNS", "that/WDT", "abandoned/VBD", "2021/CD"}},
		{"compound noun after a possessive", "They captured Tripoli's major air base.",
			[]string{"captured/VBD", "'s/POS", "air/NN", "base/NN"}},
		{"-ing modifier inside a noun phrase", "Japan wants an extra trading advantage.",
			[]string{"an/DT", "trading/NN", "advantage/NN"}},
		{"noun run after a preposition", "They imposed sanctions against Japanese semiconductor exports.",
			[]string{"against/IN", "Japanese/JJ", "semiconductor/NN", "exports/NNS"}},
		{"participle before a number", "It went ahead with planned 300 mln dlr sanctions.",
			[]string{"ahead/RB", "with/IN", "planned/JJ", "300/CD"}},
		{"participle between an infinitive and its object", "It wants to encourage expanded trade with Moscow.",
			[]string{"to/TO", "encourage/VB", "expanded/JJ", "trade/NN"}},
		{"ready is an adjective", "Japan was ready to continue talks.",
			[]string{"was/VBD", "ready/JJ", "to/TO", "continue/VB"}},
		{"season is a noun", "They meet for the spring meetings.",
			[]string{"the/DT", "spring/NN", "meetings/NNS"}},
		{"gerund after preposition", "Earlier Russian strategy focused on arming anti-Taliban forces.",
			[]string{"strategy/NN", "focused/VBD", "on/IN", "arming/VBG", "anti-Taliban/JJ", "forces/NNS"}},
		{"catenative", "A Taliban delegation began traveling regularly to Moscow for talks.",
			[]string{"delegation/NN", "began/VBD", "traveling/VBG", "regularly/RB", "to/TO", "talks/NNS"}},
		{"noun after determiner", "In a separate move, Russia’s Supreme Court removed the Taliban from its terrorist blacklist.",
			[]string{"separate/JJ", "move/NN", "Court/NNP", "removed/VBD", "blacklist/NN"}},
		{"modal", "The deal could become a major regional turning point if it leads to the restoration of Soviet-era defense systems.",
			[]string{"could/MD", "become/VB", "if/IN", "it/PRP", "leads/VBZ", "restoration/NN"}},
		{"negated do", "The document itself does not prove a full mutual-defense alliance.",
			[]string{"does/VBZ", "not/RB", "prove/VB", "alliance/NN"}},
		{"typos", "Taliban defence Minsiter Mullah Yqoob is in moscow .",
			[]string{"Minsiter/NNP", "is/VBZ", "in/IN", "moscow/NN"}},
		{"adjective from verb", "Coverage emphasizes that the deal comes amid growing contacts.",
			[]string{"emphasizes/VBZ", "that/IN", "comes/VBZ", "growing/JJ", "contacts/NNS"}},
		{"headline title case", "A Power Vacuum the Kremlin Is Happy to Fill",
			[]string{"Is/VBZ", "Fill/VB"}},
		{"content noun before that-clause", "Iran dismissed claims that it had shelled Iraq.",
			[]string{"dismissed/VBD", "claims/NNS", "that/IN", "shelled/VBN"}},
		{"nouns after action verbs", "Iran had fired shells at a camp and Israeli jets bombed Palestinian targets.",
			[]string{"fired/VBN", "shells/NNS", "bombed/VBD", "targets/NNS"}},
		{"month May and unknown nouns", "It was the May 17 attack on the U.S. frigate Stark.",
			[]string{"May/NNP", "frigate/NN"}},
		{"noun after a finite verb", "India and Pakistan exchanged fire across the border.",
			[]string{"exchanged/VBD", "fire/NN", "across/IN"}},
		{"bare infinitive after help", "China helped build the port.",
			[]string{"helped/VBD", "build/VBP"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := " " + syntax.Analyze(tt.in).Tagged() + " "
			for _, w := range tt.want {
				if !strings.Contains(got, " "+w+" ") {
					t.Errorf("want %s in\n%s", w, got)
				}
			}
		})
	}
}

func TestChunks(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"coordinated subject", "Russia and the Taliban government have signed a formal agreement in the Moscow region.",
			"[Russia] and [the Taliban government] {have signed} [a formal agreement] in [the Moscow region] ."},
		{"possessive", "Russia’s Supreme Court removed the Taliban from its terrorist blacklist.",
			"[Russia ’s Supreme Court] {removed} [the Taliban] from [its terrorist blacklist] ."},
		{"relative clause", "The deal expands ties with a regime that Washington abandoned in 2021.",
			"[The deal] {expands} [ties] with [a regime] | that [Washington] {abandoned} in [2021] ."},
		{"complement without that", "Reporters say the document was signed by top security figures.",
			"[Reporters] {say} | [the document] {was signed} by [top security figures] ."},
		{"subordinate clause", "While details remain secret, the label usually covers weapons sales.",
			"| While [details] {remain} secret | , [the label] {usually covers} [weapons sales] ."},
		{"participial clause", "The Russian government formally accepted the credentials, effectively recognizing the Taliban government.",
			"[The Russian government] {formally accepted} [the credentials] | , {effectively recognizing} [the Taliban government] ."},
		{"list of names", "Reagan ended trade treatment for exports from Nicaragua, Romania and Paraguay.",
			"[Reagan] {ended} [trade treatment] for [exports] from [Nicaragua] , [Romania] and [Paraguay] ."},
		{"addressee before complement", "Japan warned the United States it may take measures.",
			"[Japan] {warned} [the United States] | [it] {may take} [measures] ."},
		{"coordinate clause with but", "It marks a partnership, but it does not prove an alliance.",
			"[It] {marks} [a partnership] , | but [it] {does not prove} [an alliance] ."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := syntax.Analyze(tt.in).Bracketed(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestRelations(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"passive agent", "The document was signed by Russia and the Taliban.",
			"sign +passive past subj=The document obj= by:Russia\n"},
		{"coordination", "Russian officials and Taliban leaders signed an agreement in Moscow.",
			"sign past subj=Russian officials&Taliban leaders obj=an agreement in:Moscow\n"},
		{"catenative inherits subject", "A Taliban delegation began traveling to Moscow for talks.",
			"begin past subj=A Taliban delegation obj=\ntravel +ger nonfinite subj=A Taliban delegation obj= to:Moscow for:talks\n"},
		{"gerund in prepositional phrase", "Russian strategy focused on arming anti-Taliban forces.",
			"focus past subj=Russian strategy obj=\narm +ger nonfinite subj=Russian strategy obj=anti-Taliban forces\n"},
		{"relative object", "It is a regime that Washington abandoned.",
			"be +cop present subj=It obj=a regime\nabandon past subj=Washington obj=a regime\n"},
		{"adjunct gerund takes the clause subject", "Troops killed soldiers in routing a force.",
			"kill past subj=Troops obj=soldiers\nrout +ger nonfinite subj=Troops obj=a force\n"},
		{"object-control gerund keeps the object", "They prevent Japan from getting advantages.",
			"prevent present subj=They obj=Japan\nget +ger nonfinite subj=Japan obj=advantages\n"},
		{"participle joined to a passive is passive", "A diplomat was beaten and abducted in Tehran.",
			"beat +passive past subj=A diplomat obj= in:Tehran\nabduct +passive past subj=A diplomat obj= in:Tehran\n"},
		{"future", "Russia will sign the treaty.", "sign +will future subj=Russia obj=the treaty\n"},
		{"negation", "Moscow did not accede to the demands.", "accede +neg past subj=Moscow obj= to:the demands\n"},
		{"infinitive", "Russia plans to sign a deal.", "plan present subj=Russia obj=\nsign +inf nonfinite subj=Russia obj=a deal\n"},
		{"progressive", "Troops are pulling out of the town.", "pull +prog present subj=Troops obj= of:the town\n"},
		{"coordinated infinitives share the governor", "Reagan has pledged to keep the lanes open and to protect tankers.",
			"pledge +perfect present subj=Reagan obj=\nkeep +inf nonfinite subj=Reagan obj=the lanes\nprotect +inf nonfinite subj=Reagan obj=tankers\n"},
		{"fronted participle takes the main subject", "Welcoming the offer, Reagan said it removes an obstacle.",
			"welcome +ger nonfinite subj=Reagan obj=the offer\nsay past subj=Reagan obj=\nremove present subj=it obj=an obstacle\n"},
		{"day before a name", "The agency said on Sunday Iran had seized boats.",
			"say past subj=The agency obj= on:Sunday\nseize +perfect past subj=Iran obj=boats\n"},
		{"content clause is no relative", "Moscow denied reports that Russia had signed a treaty.",
			"deny past subj=Moscow obj=reports\nsign +perfect past subj=Russia obj=a treaty\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := syntax.Analyze(tt.in)
			if got := s.Relations(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s\n%s", got, tt.want, s.Tagged())
			}
		})
	}
}

func TestVerbLemma(t *testing.T) {
	for in, want := range map[string]string{
		"signed": "sign", "signing": "sign", "signs": "sign", "recognized": "recognize", "agreed": "agree",
		"banned": "ban", "withdrew": "withdraw", "withdrawn": "withdraw", "fought": "fight", "was": "be",
		"travelling": "travel", "traveled": "travel", "imposes": "impose", "normalised": "normalise",
		"carried": "carry", "shelled": "shell", "dying": "die",
	} {
		if got := syntax.VerbLemma(in); got != want {
			t.Errorf("VerbLemma(%q) = %q, want %q", in, got, want)
		}
	}
}

// reutersSentences reads up to n sentence-like pieces of Reuters text.
func reutersSentences(tb testing.TB, n int) []string {
	tb.Helper()
	f, err := os.Open(shared.Path(tb, "corpus", "reuters21578", "reuters21578-part1.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() && len(out) < n {
		var d struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			tb.Fatal(err)
		}
		for _, para := range strings.Split(d.Text, "\n\n") {
			for _, s := range strings.SplitAfter(para, ". ") {
				if s = strings.TrimSpace(s); len(s) > 20 {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

func TestAnalyze_Reuters_Invariants(t *testing.T) {
	for _, s := range reutersSentences(t, 300) {
		checkInvariants(t, syntax.Analyze(s))
	}
}

func checkInvariants(t *testing.T, s *syntax.Sentence) {
	t.Helper()
	last := 0
	for _, tok := range s.Tokens {
		if tok.Span.Start < last || tok.Span.End > len(s.Text) || tok.Span.Start >= tok.Span.End {
			t.Fatalf("bad span %v in %q", tok.Span, s.Text)
		}
		last = tok.Span.End
	}
	n := len(s.Tokens)
	for _, p := range s.Phrases {
		if p.Start < 0 || p.End > n || p.Start >= p.End || p.Head < p.Start || p.Head >= p.End {
			t.Fatalf("bad phrase %+v in %q", p, s.Text)
		}
	}
	for _, v := range s.Verbs {
		if v.Start < 0 || v.End > n || v.Head < v.Start || v.Head >= v.End {
			t.Fatalf("bad verb group %+v in %q", v, s.Text)
		}
		for _, p := range append(append([]int(nil), v.Subjects...), v.Objects...) {
			if p < 0 || p >= len(s.Phrases) {
				t.Fatalf("bad phrase index %d in %q", p, s.Text)
			}
		}
	}
	for k, c := range s.Clauses {
		if c.Start > c.End || c.End > n || k > 0 && c.Start != s.Clauses[k-1].End {
			t.Fatalf("bad clauses %+v in %q", s.Clauses, s.Text)
		}
	}
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"Russia’s new military deal with the Taliban shows how the power vacuum is reshaping the world.",
		"Reporters say the document was signed by top security figures, including Russia’s Security Council secretary.",
		"Taliban defence Minsiter Mullah Yqoob is in moscow .",
		"[1] Web – Moscow, Taliban forge military alliance in power grab after US …",
		"U.S. didn't sign 155,221 “deals”; — it's 3.5 pct.",
		"", "'s", "’", "[", "a-", "--", "n't",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkInvariants(t, syntax.Analyze(in))
	})
}

func BenchmarkAnalyze(b *testing.B) {
	sents := reutersSentences(b, 2000)
	var a syntax.Analyzer
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, s := range sents {
			a.Analyze(s)
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}
