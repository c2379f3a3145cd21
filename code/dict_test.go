package code_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/cameo"
	"github.com/dyad-project/dyad/code"
)

func TestBuiltinActions_Coverage(t *testing.T) {
	a := code.BuiltinActions()
	roots := a.Roots()
	for _, in := range cameo.All() {
		if len(in.Code) == 2 && !roots[string(in.Code)] {
			t.Errorf("no rule yields root %s (%s)", in.Code, in.Name)
		}
	}
	codes := a.Codes()
	for _, c := range []string{"010", "020", "030", "036", "040", "041", "042", "043", "045", "046", "051", "054", "057",
		"061", "062", "072", "081", "0874", "090", "100", "111", "112", "120", "130", "141", "150", "161", "163", "164",
		"173", "174", "181", "190", "202"} {
		found := false
		for k := range codes {
			found = found || string(k) == c || strings.HasPrefix(string(k), c) && len(c) == 3
		}
		if !found {
			t.Errorf("no rule yields %s", c)
		}
	}
}

func TestActions_Lookup(t *testing.T) {
	a := code.BuiltinActions()
	tests := []struct {
		name, lemma, particle string
		noun                  bool
		wantDefault           string // the code of the last (default) rule
	}{
		{"verb", "sign", "", false, "057"},
		{"particle", "pull", "out", false, "0874"},
		{"noun", "withdrawal", "", true, "0874"},
		{"plural noun key", "talk", "", true, "040"},
		{"typo verb", "assasinate", "", false, "186"},
		{"typo noun", "sanctoin", "", true, "163"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rules []*code.Rule
			if tt.noun {
				rules = a.Noun(tt.lemma)
			} else {
				rules = a.Verb(tt.lemma, tt.particle)
			}
			if len(rules) == 0 {
				t.Fatalf("no rules for %q", tt.lemma)
			}
			if got := string(rules[len(rules)-1].Code); got != tt.wantDefault {
				t.Errorf("last rule %s, want %s", got, tt.wantDefault)
			}
		})
	}
	if r := a.Verb("weather", ""); r != nil {
		t.Errorf("rules for an unknown verb: %v", r)
	}
	if r := a.Verb("sgn", ""); r != nil {
		t.Errorf("typo tolerance on a short word: %v", r)
	}
}

func TestLoadActions_Override(t *testing.T) {
	dir := t.TempDir()
	src := "verb sign\n  0311 obj=memorandum\nverb frobnicate\n  190\n"
	if err := os.WriteFile(filepath.Join(dir, "mine.txt"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := code.LoadActions(dir)
	if err != nil {
		t.Fatal(err)
	}
	if r := a.Verb("sign", ""); len(r) != 1 || r[0].Code != "0311" {
		t.Errorf("sign not overridden: %+v", r)
	}
	if r := a.Verb("frobnicate", ""); len(r) != 1 || r[0].Code != "190" {
		t.Errorf("frobnicate not added: %+v", r)
	}
	if r := a.Verb("visit", ""); len(r) == 0 {
		t.Error("built-in visit lost")
	}
}

func TestCheckActions(t *testing.T) {
	dir := t.TempDir()
	src := "verb sign\n  999\n  057 obj=\n  057 zzz=deal\n01 stray\nverb Sign\n  057 bogus\n"
	if err := os.WriteFile(filepath.Join(dir, "bad.txt"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	err := code.CheckActions(dir)
	if err == nil {
		t.Fatal("CheckActions accepted a broken file")
	}
	for _, want := range []string{"bad.txt:2:", "bad.txt:3:", "bad.txt:4:", "bad.txt:6:", "bad.txt:7:", "not a CAMEO event code"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("errors lack %q:\n%v", want, err)
		}
	}
	if err := code.CheckActions(filepath.Join(dir, "missing")); err == nil {
		t.Error("CheckActions accepted a missing directory")
	}
	if _, err := code.LoadActions(dir); err == nil {
		t.Error("LoadActions accepted a broken file")
	}
}
