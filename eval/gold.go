package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Gold is one event that an analyst codes from a document, as a line of a
// gold file gives it. See ../shared/eval/README.md for the meaning of each
// field.
type Gold struct {
	Doc         string `json:"doc"`
	SourceActor string `json:"source_actor"`
	SourceRole  string `json:"source_role"`
	TargetActor string `json:"target_actor"`
	TargetRole  string `json:"target_role"`
	CameoRoot   string `json:"cameo_root"`
	Cameo       string `json:"cameo"`
	Date        string `json:"date"`
	Hedged      bool   `json:"hedged"`
	Negated     bool   `json:"negated"`
	Evidence    string `json:"evidence"`
}

// MaxEvidence is the longest evidence, in characters, that a gold line may
// quote: a clause, not a paragraph.
const MaxEvidence = 200

// maxActor bounds an actor's name or code, so that a stray sentence in the
// actor field is caught.
const maxActor = 64

// roles are the sectors a gold line may give: the README's list, CAMEO's
// actor types, and POL, which SPEC uses for parties.
var roles = func() map[string]bool {
	m := make(map[string]bool)
	for _, r := range strings.Fields(`
		GOV MIL COP JUD LEG SPY REB OPP PTY POL CVL MED BUS NGO CRM UAF IGO
		INS SEP AGR DEV EDU ELI ENV HLH HRI LAB REF MOD RAD AMN IRC GRP UNO
		PKO UIS IMG INT MNC NGM SET`) {
		m[r] = true
	}
	return m
}()

// ValidRole reports whether r is a sector a gold line may give; the empty
// role is valid.
func ValidRole(r string) bool { return r == "" || roles[r] }

// ReadGold reads a gold file from r. Blank lines are skipped; every other
// line must be one valid gold event. Errors name the line as
// "name:line: reason"; ReadGold reports every bad line, joined, and returns
// the events of the good lines with them.
func ReadGold(r io.Reader, name string) ([]Gold, error) {
	var (
		out  []Gold
		errs []error
	)
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 {
			if g, ok, lerr := parseGoldLine(line); lerr != nil {
				errs = append(errs, fmt.Errorf("%s:%d: %w", name, n, lerr))
			} else if ok {
				out = append(out, g)
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: read: %w", name, n, err))
			break
		}
	}
	return out, errors.Join(errs...)
}

// parseGoldLine decodes and validates one line; ok is false for a blank line.
func parseGoldLine(line []byte) (g Gold, ok bool, err error) {
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return Gold{}, false, nil
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&g); err != nil {
		return Gold{}, false, fmt.Errorf("bad JSON: %v", err)
	}
	if dec.More() {
		return Gold{}, false, errors.New("more than one JSON value on the line")
	}
	if err := g.Validate(); err != nil {
		return Gold{}, false, err
	}
	return g, true, nil
}

// Validate reports the first thing wrong with g: a missing document or
// source, an unknown role, a root that is not 01–20, a code that is not a
// CAMEO code or not under the root, a malformed date, or evidence longer
// than MaxEvidence characters.
func (g Gold) Validate() error {
	if strings.TrimSpace(g.Doc) == "" {
		return errors.New("doc is empty")
	}
	if err := checkActor("source_actor", g.SourceActor, true); err != nil {
		return err
	}
	if err := checkActor("target_actor", g.TargetActor, false); err != nil {
		return err
	}
	if !ValidRole(g.SourceRole) {
		return fmt.Errorf("source_role %q is not a known sector", g.SourceRole)
	}
	if !ValidRole(g.TargetRole) {
		return fmt.Errorf("target_role %q is not a known sector", g.TargetRole)
	}
	if g.TargetActor == "" && g.TargetRole != "" {
		return errors.New("target_role given without target_actor")
	}
	if len(g.CameoRoot) != 2 || !ValidCode(g.CameoRoot) {
		return fmt.Errorf("cameo_root %q: want a two-digit root 01–20", g.CameoRoot)
	}
	if !ValidCode(g.Cameo) {
		return fmt.Errorf("cameo %q is not a CAMEO event code", g.Cameo)
	}
	if !strings.HasPrefix(g.Cameo, g.CameoRoot) {
		return fmt.Errorf("cameo %q is not under cameo_root %q", g.Cameo, g.CameoRoot)
	}
	if err := checkGoldDate(g.Date); err != nil {
		return err
	}
	if n := utf8.RuneCountInString(g.Evidence); n > MaxEvidence {
		return fmt.Errorf("evidence has %d characters, more than %d", n, MaxEvidence)
	}
	return nil
}

// checkActor checks an actor field: required when must, short, one line.
func checkActor(field, s string, must bool) error {
	switch {
	case s == "" && must:
		return fmt.Errorf("%s is empty", field)
	case s != strings.TrimSpace(s):
		return fmt.Errorf("%s %q has surrounding space", field, s)
	case utf8.RuneCountInString(s) > maxActor:
		return fmt.Errorf("%s is longer than %d characters", field, maxActor)
	case strings.IndexFunc(s, unicode.IsControl) >= 0:
		return fmt.Errorf("%s %q has a control character", field, s)
	}
	return nil
}

// checkGoldDate accepts "", YYYY, YYYY-MM and YYYY-MM-DD with a real
// calendar day.
func checkGoldDate(s string) error {
	if s == "" {
		return nil
	}
	layout := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[len(s)]
	if layout == "" {
		return fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	t, err := time.Parse(layout, s)
	if err != nil || t.Format(layout) != s {
		return fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	return nil
}
