package actor_test

import (
	"fmt"
	"time"

	"github.com/dyad-project/dyad/actor"
)

func ExampleDictionary_Match() {
	d := actor.Builtin()
	on := time.Date(2026, 5, 29, 0, 0, 0, 0, time.UTC)
	for _, m := range d.Match("Taliban defence Minsiter Mullah Yqoob is in moscow.", on) {
		fmt.Printf("%s %q %d-%d %s\n", m.Code, m.Text, m.Span.Start, m.Span.End, m.Entity)
	}
	// Output:
	// AFGMIL "Taliban defence Minsiter Mullah Yqoob" 0-37 person:mohammad-yaqoob
	// RUSGOV "moscow" 44-50 rus
}

func ExampleDictionary_Lookup() {
	d := actor.Builtin()
	for _, on := range []string{"2020-01-01", "2022-01-01"} {
		t, _ := time.Parse("2006-01-02", on)
		a, _ := d.Lookup("Taliban", t)
		fmt.Println(on, a.Code, a.Entity)
	}
	// Output:
	// 2020-01-01 AFGREB taliban
	// 2022-01-01 AFGGOV taliban
}
