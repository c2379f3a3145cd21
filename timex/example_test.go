package timex_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/dyad-project/dyad/dyad"

	"github.com/dyad-project/dyad/timex"
)

func ExampleFind() {
	published := time.Date(2026, 5, 29, 0, 0, 0, 0, time.UTC) // a Friday
	text := "By January 2026 Moscow had accepted an ambassador; on Wednesday the ministers met, " +
		"after years of talks over the past decade. Russia may sign more deals."
	for _, e := range timex.Find(text, published) {
		fmt.Printf("%-16q %-22s %-5s relative=%v\n", e.Text, e.Date, e.Date.Precision, e.Relative)
	}
	// Output:
	// "January 2026"   2026-01                month relative=false
	// "Wednesday"      2026-05-27             day   relative=true
	// "the past decade" 2016-05-29/2026-05-29  range relative=true
}

// spanOf returns the span of word in text.
func spanOf(text, word string) dyad.Span {
	i := strings.Index(text, word)
	return dyad.Span{Start: i, End: i + len(word)}
}

func ExampleNearest() {
	published := time.Date(2026, 5, 29, 0, 0, 0, 0, time.UTC)
	text := "Russia signed the deal on Friday, two days after the Taliban visited Moscow on Wednesday."
	exprs := timex.Find(text, published)
	for _, verb := range []string{"signed", "visited"} {
		e, _ := timex.Nearest(exprs, spanOf(text, verb), text)
		fmt.Println(verb, e.Date)
	}
	// Output:
	// signed 2026-05-29
	// visited 2026-05-27
}

func ExampleInferPublished() {
	d, ok := timex.InferPublished("Holders of record as of April 1, 1987 will be paid on March 30, 1987.")
	fmt.Println(d.Format("2006-01-02"), ok)
	// Output: 1987-04-01 true
}
