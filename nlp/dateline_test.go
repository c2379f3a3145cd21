package nlp

import (
	"testing"

	"github.com/dyad-project/dyad/dyad"
)

func TestDatelineLen(t *testing.T) {
	tests := []struct {
		in   string
		want string // the dateline, "" for none
	}{
		{"MOSCOW, May 27 (Global Wire) - Russia and the Taliban signed.", "MOSCOW, May 27 (Global Wire) - "},
		{"NEW YORK, Feb 26 - Stocks rose.", "NEW YORK, Feb 26 - "},
		{"KABUL (Reuters) — The Taliban said.", "KABUL (Reuters) — "},
		{"WASHINGTON, March 3, 2026 (AP) -- Talks began.", "WASHINGTON, March 3, 2026 (AP) -- "},
		{"U.S. officials said on Monday - nothing.", ""},
		{"NATO began exercises.", ""},
		{"Russia - the largest country - is big.", ""},
		{"THE END", ""},
	}
	for _, tt := range tests {
		n := datelineLen(tt.in)
		if got := tt.in[:n]; got != tt.want {
			t.Errorf("datelineLen(%q) gives %q, want %q", tt.in, got, tt.want)
		}
	}
	sents := Splitter{}.Split("MOSCOW, May 27 (Global Wire) - Russia and the Taliban signed a deal. It ends Friday.")
	if len(sents) != 3 || sents[0].Kind != dyad.KindDateline || sents[1].Text != "Russia and the Taliban signed a deal." {
		t.Errorf("Split with a dateline = %+v", sents)
	}
}

func TestStripCitations(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Talks began in May [2].", "Talks began in May."},
		{"Signed in Moscow.[1][2] Then left.[3, 4]", "Signed in Moscow. Then left."},
		{"No markers [here] or [0].", "No markers [here] or [0]."},
		{"", ""},
	}
	for _, tt := range tests {
		if got := StripCitations(tt.in); got != tt.want {
			t.Errorf("StripCitations(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
