package actor

import (
	"os"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestCommonWordsAreNoActors guards the typo tolerance: ordinary words,
// however close to a name, must not become actors.
func TestCommonWordsAreNoActors(t *testing.T) {
	words := `about above Russell Roland child chain sprain sedan benign tiger Nigel grease
	Frances franc francs Chinese Polish polish Turkey turkey china Jordan jordan Chad Georgia
	states member states about Ukrainian-born Soviet-era Chilean-style Iranian-made
	maybe Male male Victoria Stanley Hamilton Salvador diet Diet let us who WHO's is it am an
	Spam spine Perus Irani Irans Iranians Parish Medina Marion filed Kenyan-born minister government
	forces officials leaders president the defence minister court police rebels`
	d := Builtin()
	for _, w := range strings.Fields(words) {
		for _, m := range d.Match(w, time.Time{}) {
			switch w {
			case "Turkey", "Chad", "Georgia", "Jordan", "Iranians", "china", "Chinese", "turkey", "jordan", "WHO's":
				continue // real names, matched as written
			}
			t.Errorf("Match(%q) = %s %q, want no actor", w, m.Code, m.Text)
		}
	}
}

// TestFuzzyCorrections lists, with DYAD_ACTOR_FUZZ_REPORT=1, every typo
// correction made over a sample of the Reuters corpus, for review.
func TestFuzzyCorrections(t *testing.T) {
	if os.Getenv("DYAD_ACTOR_FUZZ_REPORT") == "" {
		t.Skip("set DYAD_ACTOR_FUZZ_REPORT=1 to list corrections over the Reuters sample")
	}
	d := Builtin()
	seen := map[string]int{}
	for _, s := range reutersSentences(t, 20000) {
		toks, buf := scan(s, nil, nil)
		for _, tk := range toks {
			key := buf[tk.k0:tk.k1]
			if _, ok := d.vocab[string(key)]; ok || !tk.has(tASCII) || len(key) < fuzzyMin {
				continue
			}
			if id := d.fuzzy(key, tk.has(tUpper), make([]byte, 0, 96)); id >= 0 {
				seen[s[tk.start:tk.end]+" → "+d.words[id].key]++
			}
		}
	}
	var keys []string
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("%5d  %s", seen[k], k)
	}
}
