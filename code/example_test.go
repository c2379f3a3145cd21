package code_test

import (
	"fmt"
	"time"

	"github.com/dyad-project/dyad/code"
)

// A coder with a toy actor matcher codes who did what to whom, and how sure
// the sentence is of it.
func ExampleCoder_CodeSentence() {
	c := code.New(code.Options{Actors: fakeActors{}})
	pub := time.Date(2026, 5, 29, 0, 0, 0, 0, time.UTC)
	for _, s := range []string{
		"Russia and China signed a treaty.",
		"Moscow could impose sanctions on Iran.",
		"Officials say the Taliban did not attack Russia.",
	} {
		for _, m := range c.CodeSentence(s, pub) {
			fmt.Println(m.Code, m.Source.Code, m.Target.Code, m.Plover, m.Certainty)
		}
	}
	// Output:
	// 057 RUS CHN AGREE asserted
	// 163 RUSGOV IRN COERCE hedged
	// 190 AFGGOV RUS ASSAULT negated
}
