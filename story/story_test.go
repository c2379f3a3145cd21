package story_test

import (
	"bufio"
	"encoding/json"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/shared"
	"github.com/dyad-project/dyad/story"
)

// wire is a wire story written for these tests.
const wire = `Russia and Taliban sign military cooperation pact

MOSCOW, May 27 (Wire) - Russia and Afghanistan's Taliban government signed an agreement on military and technical cooperation on Wednesday at a security forum outside Moscow, officials from both sides said.

The document was signed by the secretary of Russia's Security Council and the Taliban's acting defence minister, according to a statement published by the council after the meeting.

Neither side disclosed the full text. A Russian official said the agreement covered training, the maintenance of equipment supplied in Soviet times and the exchange of information on militant groups operating near the border with Central Asia.

Moscow formally accepted the credentials of a Taliban ambassador earlier this year, becoming the first major power to recognise the movement's government since it took power in Kabul in August 2021 after the withdrawal of United States forces.

Russia's Supreme Court removed the Taliban from the country's list of banned terrorist organisations last year, a step that officials said opened the way for direct cooperation between the two governments.

Western diplomats said the pact was likely to deepen Russian influence in Afghanistan, where China and Iran are also competing for access to mineral resources and transit routes.`

// syndicated is a copy of wire as another outlet ran it: a new headline, a
// changed dateline and one sentence added.
var syndicated = strings.NewReplacer(
	"Russia and Taliban sign military cooperation pact", "Moscow, Kabul seal defence deal at security forum",
	"MOSCOW, May 27 (Wire) - ", "MOSCOW REGION, May 28 (Daily Gazette) — ",
	"and transit routes.", "and transit routes. The Afghan foreign ministry welcomed the agreement in a short statement on Thursday.",
).Replace(wire)

// sameTopic is a different story about the same relationship.
const sameTopic = `Taliban delegation visits Moscow for economic forum

KABUL, March 3 (Wire) - A Taliban delegation led by the acting commerce minister travelled to Moscow on Monday to attend an international economic forum, the ministry in Kabul said.

The delegation is expected to discuss wheat and fuel imports from Russia and the construction of a railway line linking Central Asia with Pakistan through Afghanistan, a spokesman said.

Russian officials have invited Taliban representatives to several forums in recent years even while the group remained on Russia's list of banned organisations.

Trade between the two countries has grown since 2021, according to figures published by the Afghan government, although it remains small compared with Afghanistan's trade with Pakistan and Iran.`

func TestFingerprint_Copies(t *testing.T) {
	tests := []struct {
		name     string
		a, b     string
		wantNear bool
	}{
		{"identical", wire, wire, true},
		{"syndicated copy with edits", wire, syndicated, true},
		{"case and whitespace", wire, strings.ToUpper(strings.ReplaceAll(wire, " ", "  ")), true},
		{"same topic different story", wire, sameTopic, false},
		{"copy vs other story", syndicated, sameTopic, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := story.Fingerprint(tt.a), story.Fingerprint(tt.b)
			d := story.Distance(a, b)
			if got := story.Near(a, b); got != tt.wantNear {
				t.Errorf("Near = %v (distance %d), want %v", got, d, tt.wantNear)
			}
			if !tt.wantNear && d < 2*story.Threshold {
				t.Errorf("different stories only %d bits apart; want a clear margin over %d", d, story.Threshold)
			}
		})
	}
}

func TestFingerprint_Edges(t *testing.T) {
	if fp := story.Fingerprint(""); fp != 0 {
		t.Errorf("Fingerprint(\"\") = %x, want 0", fp)
	}
	if fp := story.Fingerprint(" ... — !"); fp != 0 {
		t.Errorf("Fingerprint of punctuation = %x, want 0", fp)
	}
	if story.Fingerprint("Taliban") == 0 || story.Fingerprint("Taliban") == story.Fingerprint("Kremlin") {
		t.Error("one-word texts should get distinct non-zero fingerprints")
	}
	if story.Fingerprint("Москва и Кабул") != story.Fingerprint("МОСКВА И КАБУЛ") {
		t.Error("non-ASCII words are not case-folded")
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b uint64
		want int
	}{
		{0, 0, 0}, {0, 1, 1}, {0xff, 0, 8}, {^uint64(0), 0, 64}, {0xF0F0_0000_1234_5678, 0xF0F0_0000_1234_5679, 1},
	}
	for _, tt := range tests {
		if got := story.Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%x, %x) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
	if !story.Near(0, 0b111111) || story.Near(0, 0b1111111) {
		t.Errorf("Near does not cut at Threshold %d", story.Threshold)
	}
}

func TestBands_Pigeonhole(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20000; i++ {
		a := r.Uint64()
		b := a
		for k := r.IntN(4); k > 0; k-- { // flip up to 3 bits
			b ^= 1 << r.IntN(64)
		}
		ba, bb := story.Bands(a), story.Bands(b)
		shared := false
		for j := range ba {
			shared = shared || ba[j] == bb[j]
		}
		if !shared {
			t.Fatalf("%x and %x (distance %d) share no band", a, b, story.Distance(a, b))
		}
	}
	if got := story.Bands(0x0004_0003_0002_0001); got != [4]uint16{1, 2, 3, 4} {
		t.Errorf("Bands order = %v, want lowest bits first", got)
	}
}

// TestReuters_FalsePositives fingerprints a sample of Reuters stories and
// checks that no two different stories (shingle Jaccard < 0.5) are Near.
func TestReuters_FalsePositives(t *testing.T) {
	texts := loadReuters(t, 2500)
	fps := make([]uint64, len(texts))
	for i, tx := range texts {
		fps[i] = story.Fingerprint(tx)
	}
	near, dups, falsePos := 0, 0, 0
	for i := range fps {
		for j := i + 1; j < len(fps); j++ {
			if !story.Near(fps[i], fps[j]) {
				continue
			}
			near++
			if jaccard(texts[i], texts[j]) >= 0.5 {
				dups++
				continue
			}
			falsePos++
			t.Errorf("different stories are Near (distance %d):\n%.100q\n%.100q", story.Distance(fps[i], fps[j]), texts[i], texts[j])
		}
	}
	t.Logf("%d stories, %d pairs: %d Near, %d of them near-duplicates, %d false positives",
		len(texts), len(texts)*(len(texts)-1)/2, near, dups, falsePos)
}

// jaccard compares the word 3-gram sets of two texts.
func jaccard(a, b string) float64 {
	sa, sb := trigrams(a), trigrams(b)
	in := 0
	for k := range sa {
		if sb[k] {
			in++
		}
	}
	if u := len(sa) + len(sb) - in; u > 0 {
		return float64(in) / float64(u)
	}
	return 1
}

func trigrams(s string) map[string]bool {
	w := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	})
	m := map[string]bool{}
	for i := 0; i+3 <= len(w); i++ {
		m[w[i]+" "+w[i+1]+" "+w[i+2]] = true
	}
	return m
}

func loadReuters(tb testing.TB, limit int) []string {
	tb.Helper()
	f, err := os.Open(shared.Path(tb, "corpus", "reuters21578", "reuters21578-part1.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() && (limit <= 0 || len(texts) < limit) {
		var rec struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, rec.Text)
	}
	return texts
}

func BenchmarkFingerprint(b *testing.B) {
	texts := loadReuters(b, 0)
	var n int64
	for _, t := range texts {
		n += int64(len(t))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			story.Fingerprint(t)
		}
	}
	b.ReportMetric(float64(len(texts)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

func FuzzFingerprint(f *testing.F) {
	f.Add(wire)
	f.Add(sameTopic)
	f.Add("ABC (X) - \n\n\n x")
	f.Add("\xff\xfe Ünïcödé words")
	f.Fuzz(func(t *testing.T, text string) {
		a := story.Fingerprint(text)
		if b := story.Fingerprint(text); a != b {
			t.Fatalf("Fingerprint not deterministic: %x vs %x", a, b)
		}
		if !story.Near(a, a) || story.Distance(a, 0) != story.Distance(0, a) {
			t.Fatal("Distance not symmetric or Near not reflexive")
		}
	})
}
