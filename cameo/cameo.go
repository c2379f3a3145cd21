// Package cameo holds the CAMEO event ontology that dyad codes into: every
// CAMEO event code with its name, Goldstein score, QuadClass and PLOVER event
// type. The tables are embedded data (cameo.tsv), read once at start-up, so
// the coder, the stores and the exports agree on one set of facts without
// reading anything at run time.
//
// PLOVER types come from Schrodt's 2021 CAMEO-to-PLOVER table, resolved per
// code by trying the full code, then its three-digit base, then its root.
// Two decisions depart from that table, and both are written into cameo.tsv:
//
//   - 057 "Sign formal agreement" is AGREE, not the table's SUPPORT: SPEC.md's
//     event JSON gives 057 as AGREE, and signing an agreement is what PLOVER's
//     AGREE describes.
//   - Roots 01 (statements) and 02 (appeals) and their sub-codes have no
//     PLOVER equivalent in the manual's cue table; they keep the type
//     "dropped" rather than an invented mapping, so that a PLOVER consumer
//     can filter them out and nothing pretends to be PLOVER that is not.
//
// Root 08 is split in PLOVER (081–083 CONCEDE, 084–087 RETREAT); the bare
// root 08 and 080 are CONCEDE.
package cameo

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/dyad-project/dyad/dyad"
)

// The QuadClass values, as GDELT numbers them.
const (
	VerbalCooperation   = 1
	MaterialCooperation = 2
	VerbalConflict      = 3
	MaterialConflict    = 4
)

// Dropped is the PLOVER type of codes that PLOVER does not carry (roots 01
// and 02).
const Dropped = "dropped"

// Info is what dyad knows about one CAMEO event code.
type Info struct {
	Code       dyad.EventCode
	Name       string
	Goldstein  float64
	QuadClass  int
	Plover     string // PLOVER event type ("AGREE", "CONSULT"), or Dropped
	PloverMode string // PLOVER mode ("visit", "disarm"), often empty
}

//go:embed cameo.tsv
var table string

var (
	byCode map[dyad.EventCode]Info
	all    []Info
)

func init() {
	infos, err := parse(table)
	if err != nil {
		panic("cameo: embedded table: " + err.Error())
	}
	all = infos
	byCode = make(map[dyad.EventCode]Info, len(infos))
	for _, in := range infos {
		byCode[in.Code] = in
	}
}

// parse reads the embedded table: one code a line, tab-separated code,
// goldstein, plover, mode, name; '#' lines are comments.
func parse(s string) ([]Info, error) {
	var out []Info
	for n, line := range strings.Split(s, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("line %d: want 5 fields, got %d", n+1, len(f))
		}
		g, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return nil, fmt.Errorf("line %d: goldstein: %w", n+1, err)
		}
		code := dyad.EventCode(f[0])
		q := QuadClassOf(code)
		if q == 0 {
			return nil, fmt.Errorf("line %d: code %q has no root 01-20", n+1, f[0])
		}
		out = append(out, Info{Code: code, Name: f[4], Goldstein: g, QuadClass: q, Plover: f[2], PloverMode: f[3]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out, nil
}

// QuadClassOf returns the QuadClass of any code under roots 01–20 (01–05
// verbal cooperation, 06–09 material cooperation, 10–14 verbal conflict,
// 15–20 material conflict), or 0 for a code with no such root.
func QuadClassOf(code dyad.EventCode) int {
	if len(code) < 2 || len(code) > 4 {
		return 0
	}
	r, err := strconv.Atoi(code.Root())
	if err != nil {
		return 0
	}
	switch {
	case r >= 1 && r <= 5:
		return VerbalCooperation
	case r >= 6 && r <= 9:
		return MaterialCooperation
	case r >= 10 && r <= 14:
		return VerbalConflict
	case r >= 15 && r <= 20:
		return MaterialConflict
	}
	return 0
}

// Lookup returns what is known of code, and false when code is not a CAMEO
// event code.
func Lookup(code dyad.EventCode) (Info, bool) {
	in, ok := byCode[code]
	return in, ok
}

// Valid reports whether code is a CAMEO event code, so that dictionaries can
// be checked when they load.
func Valid(code dyad.EventCode) bool {
	_, ok := byCode[code]
	return ok
}

// All returns every code, sorted by code. The slice is a copy.
func All() []Info {
	return append([]Info(nil), all...)
}
