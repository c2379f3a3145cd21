package place_test

import (
	"fmt"

	"github.com/dyad-project/dyad/place"
)

func ExampleGazetteer_Find() {
	g := place.Builtin()
	s := "Russian officials and Taliban leaders signed the agreement during a security forum in the Moscow region."
	p, span, ok := g.Find(s, []string{"RUS", "AFG"}, nil)
	fmt.Println(ok, p.Name, p.Country, p.Lat, p.Lon, p.Kind, s[span.Start:span.End])
	// Output: true Moscow Oblast RUS 55.5 37.5 region Moscow region
}

func ExampleGazetteer_Lookup() {
	g := place.Builtin()
	for _, q := range []struct{ name, country string }{{"Moscow", ""}, {"Moscow", "USA"}, {"Kiev", ""}} {
		p, _ := g.Lookup(q.name, q.country)
		fmt.Println(p.Name, p.Country)
	}
	// Output:
	// Moscow RUS
	// Moscow USA
	// Kyiv UKR
}
