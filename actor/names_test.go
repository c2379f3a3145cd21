package actor

import "testing"

func TestDictionary_Names(t *testing.T) {
	names := Builtin().Names()
	if len(names) < 300 {
		t.Fatalf("Names() lists %d actors, want the countries, organizations, groups and people", len(names))
	}
	found := map[string]string{}
	for _, a := range names {
		found[a.Name] = string(a.Code)
	}
	if names[0].Name != "Afghanistan" {
		t.Errorf("first name = %q, want the states first, by name", names[0].Name)
	}
	for name, code := range map[string]string{"Russia": "RUS", "Taliban": "AFGGOV"} {
		if found[name] != code {
			t.Errorf("Names() gives %s as %q, want %q", name, found[name], code)
		}
	}
}
