package eval

import (
	"github.com/dyad-project/dyad/cameo"
	"github.com/dyad-project/dyad/dyad"
)

// ValidCode reports whether c is a CAMEO event code: a root 01–20 or one of
// the codebook's three- and four-digit codes, as package cameo has them.
func ValidCode(c string) bool { return cameo.Valid(dyad.EventCode(c)) }
