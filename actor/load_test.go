package actor

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestLoadErrors(t *testing.T) {
	dir := filepath.Join("testdata", "bad")
	d, err := Load(dir)
	if err == nil {
		t.Fatal("Load(testdata/bad) returned no error")
	}
	list, ok := err.(ErrorList)
	if !ok {
		t.Fatalf("Load error is %T, want ErrorList", err)
	}
	var gotPos []string
	for _, e := range list {
		gotPos = append(gotPos, filepath.Base(e.File)+":"+strconv.Itoa(e.Line))
		if !strings.HasPrefix(e.Error(), filepath.Join(dir, filepath.Base(e.File))+":") {
			t.Errorf("error %q does not start with its file", e.Error())
		}
	}
	want := []string{
		"entries.txt:3", "entries.txt:7", "entries.txt:8", "entries.txt:9", "entries.txt:14",
		"entries.txt:16", "entries.txt:22", "entries.txt:23", "entries.txt:25", "entries.txt:26",
		"entries.txt:29", "entries.txt:30", "more.txt:1", "more.txt:5",
	}
	if !slices.Equal(gotPos, want) {
		t.Errorf("error positions\n got  %v\n want %v\nerrors:\n%v", gotPos, want, list)
	}
	// Good entries survive.
	for _, name := range []string{"Zedland", "Good Group", "Bad Code", "Ok Name"} {
		if _, ok := d.Lookup(name, time.Time{}); !ok {
			t.Errorf("Lookup(%q) failed: good entries must load despite errors", name)
		}
	}
	if got := Check(dir); len(got) != len(list) {
		t.Errorf("Check found %d errors, Load %d", len(got), len(list))
	}
}

func TestLoadMissingDir(t *testing.T) {
	d, err := Load(filepath.Join("testdata", "no-such-dir"))
	if err == nil || d == nil {
		t.Fatalf("Load(missing) = %v, %v; want an empty dictionary and an error", d, err)
	}
	if !strings.Contains(err.Error(), "no-such-dir") {
		t.Errorf("error %q does not name the directory", err)
	}
}

func TestCheckGood(t *testing.T) {
	if errs := Check(filepath.Join("testdata", "user")); len(errs) != 0 {
		t.Errorf("Check(testdata/user) = %v, want no errors", errs)
	}
}

func TestMerge(t *testing.T) {
	user, err := Load(filepath.Join("testdata", "user"))
	if err != nil {
		t.Fatal(err)
	}
	b := Builtin()
	d := b.Merge(user)
	on := day("2024-01-01")
	tests := []struct{ name, in, want string }{
		{"new group", "the ZLF and the Zedland Liberation Front attacked", "AFGREB:the ZLF | AFGREB:the Zedland Liberation Front"},
		{"override metonym", "Zedpalace said", "AFGGOV:Zedpalace"},
		{"override drops old alias", "the Islamic Republic of Afghanistan", "AFG:Afghanistan"},
		{"added role word", "Russian bloggers", "RUSMED:Russian bloggers"},
		{"old role words kept", "Russian journalists", "RUSMED:Russian journalists"},
		{"other entries kept", "the Kremlin", "RUSGOV:the Kremlin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if g := got(d.Match(tt.in, on)); g != tt.want {
				t.Errorf("Match(%q)\n got  %s\n want %s", tt.in, g, tt.want)
			}
		})
	}
	if g := got(b.Match("the ZLF attacked", on)); g != "" {
		t.Errorf("Merge changed the built-in dictionary: %s", g)
	}
	if s, u, m := b.Stats(), user.Stats(), d.Stats(); m.Groups != s.Groups+u.Groups || m.Countries != s.Countries {
		t.Errorf("merged stats %+v from %+v and %+v", m, s, u)
	}
}

func TestLookup(t *testing.T) {
	d := Builtin()
	tests := []struct {
		name, in, on string
		want         string // "CODE COUNTRY ROLE NAME ENTITY", "" for not found
	}{
		{"country name", "Russia", "", "RUS RUS  Russia rus"},
		{"country code", "RUS", "", "RUS RUS  Russia rus"},
		{"lower-case code", "rus", "", "RUS RUS  Russia rus"},
		{"code with role", "RUSGOV", "", "RUSGOV RUS GOV Russia rus"},
		{"igo", "NATO", "", "NATO NATO IGO NATO nato"},
		{"igo name", "United Nations", "", "UNO UNO IGO United Nations un"},
		{"group before", "Taliban", "2020-01-01", "AFGREB AFG REB Taliban taliban"},
		{"group after", "Taliban", "2022-01-01", "AFGGOV AFG GOV Taliban taliban"},
		{"metonym", "the Kremlin", "", "RUSGOV RUS GOV Russia rus"},
		{"person", "Putin", "2024-01-01", "RUSGOV RUS GOV Vladimir Putin person:vladimir-putin"},
		{"adjective", "Afghan", "", "AFG AFG  Afghanistan afg"},
		{"role alone", "government", "", ""},
		{"nothing", "weather", "", ""},
		{"empty", " ", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var on time.Time
			if tt.on != "" {
				on = day(tt.on)
			}
			a, ok := d.Lookup(tt.in, on)
			g := ""
			if ok {
				g = strings.Join([]string{string(a.Code), a.Country, a.Role, a.Name, a.Entity}, " ")
			}
			if g != tt.want {
				t.Errorf("Lookup(%q) = %q, want %q", tt.in, g, tt.want)
			}
		})
	}
}

func TestDemonym(t *testing.T) {
	d := Builtin()
	tests := []struct{ in, want string }{
		{"Afghan", "AFG"}, {"Afghans", "AFG"}, {"afghan", "AFG"}, {"Russian", "RUS"},
		{"North Korean", "PRK"}, {"Ivorian", "CIV"}, {"Taliban", ""}, {"border", ""},
	}
	for _, tt := range tests {
		if g, _ := d.Demonym(tt.in); g != tt.want {
			t.Errorf("Demonym(%q) = %q, want %q", tt.in, g, tt.want)
		}
	}
}
