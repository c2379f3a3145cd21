package actor

import (
	"bufio"
	"bytes"
	"strings"
	"time"
)

// kind is the sort of block an entry of a dictionary file starts.
type kind uint8

const (
	kindCountry kind = iota + 1 // a state or territory; entity is its lower-case ISO code
	kindIGO                     // an international organization
	kindGroup                   // a non-state armed or political group
	kindPerson                  // a named official, with dated posts
	kindRole                    // role words of one sector
	kindWords                   // function words the matcher needs (titles, place nouns, ...)
)

var kindNames = map[string]kind{
	"country": kindCountry, "igo": kindIGO, "group": kindGroup,
	"person": kindPerson, "role": kindRole, "words": kindWords,
}

// field is the key of an attribute line.
type field uint8

const (
	fName     field = iota + 1 // names of the entity; the first is its display name
	fAlias                     // more names, matched like names
	fAdj                       // adjectives: an actor only before a role word or in a hyphenated compound
	fPeople                    // plural demonyms ("Afghans"), matched like names
	fCapital                   // the capital, a metonym for the government
	fMetonym                   // other names for the government ("the Kremlin")
	fSurname                   // a person's surname or other short form
	fCode                      // a dated code
	fWord                      // a role word of the block's sector
	fTitle                     // an honorific before a name (Mr, Mullah)
	fModifier                  // a word allowed between an actor and its role word (deputy)
	fPlace                     // a noun that makes a preceding capital a place ("region")
	fLead                      // a hyphen suffix that keeps an actor in charge ("led")
	fNotActor                  // a hyphen suffix that makes a name no actor ("era")
	fAgainst                   // a hyphen prefix that keeps the actor from compounding ("anti")
)

var fieldNames = map[string]field{
	"name": fName, "alias": fAlias, "adj": fAdj, "people": fPeople,
	"capital": fCapital, "metonym": fMetonym, "surname": fSurname, "code": fCode,
	"word": fWord, "title": fTitle, "modifier": fModifier, "place": fPlace,
	"lead": fLead, "notactor": fNotActor, "against": fAgainst,
}

// allowed lists the fields each kind of block may have.
var allowed = map[kind][]field{
	kindCountry: {fName, fAlias, fAdj, fPeople, fCapital, fMetonym, fCode},
	kindIGO:     {fName, fAlias, fAdj, fMetonym, fCode},
	kindGroup:   {fName, fAlias, fAdj, fPeople, fMetonym, fCode},
	kindPerson:  {fName, fAlias, fSurname, fCode},
	kindRole:    {fWord},
	kindWords:   {fTitle, fModifier, fPlace, fLead, fNotActor, fAgainst},
}

// A dated code is the code an entity has from From (inclusive) until To
// (exclusive); a zero bound is open.
type dated struct {
	Country, Role string
	From, To      time.Time
}

func (c dated) covers(t time.Time) bool {
	return (c.From.IsZero() || !t.Before(c.From)) && (c.To.IsZero() || t.Before(c.To))
}

// value is one name, word or code of an entry.
type value struct {
	Field field
	Text  string // as written, without any [CODE] suffix
	// Country and Role override the entity's code for this name
	// ("the Pentagon [MIL]"); Country empty means the entity's own.
	Country, Role string
	Line          int
}

// entry is one block of a dictionary file.
type entry struct {
	Kind   kind
	ID     string // "rus", "taliban", "sergei-shoigu", "GOV"
	File   string
	Line   int
	Name   string // the display name: the first name value
	Codes  []dated
	Values []value
}

// entity returns what goes into dyad.Actor.Entity for e.
func (e *entry) entity() string {
	if e.Kind == kindPerson {
		return "person:" + e.ID
	}
	return e.ID
}

// parse reads one dictionary file. It returns every well-formed entry and the
// problems found; a block with an error in its header is skipped whole, a bad
// attribute line alone is skipped.
func parse(file string, src []byte) ([]*entry, ErrorList) {
	var (
		errs    ErrorList
		out     []*entry
		cur     *entry
		skip    bool // inside a block whose header was rejected
		lineNum int
	)
	finish := func() {
		if cur == nil {
			return
		}
		if msg := validate(cur); msg != "" {
			errs.add(file, cur.Line, "%s %s: %s", kindString(cur.Kind), cur.ID, msg)
		} else {
			out = append(out, cur)
		}
		cur = nil
	}
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		lineNum++
		raw := sc.Text()
		line := stripComment(raw)
		if strings.TrimSpace(line) == "" {
			continue
		}
		if !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "\t") {
			finish()
			skip = false
			f := strings.Fields(line)
			k, ok := kindNames[f[0]]
			switch {
			case !ok:
				errs.add(file, lineNum, "unknown block kind %q (want country, igo, group, person, role or words)", f[0])
				skip = true
			case len(f) != 2:
				errs.add(file, lineNum, "block header wants a kind and one id, got %q", strings.TrimSpace(line))
				skip = true
			case !validID(k, f[1]):
				errs.add(file, lineNum, "bad %s id %q", f[0], f[1])
				skip = true
			default:
				cur = &entry{Kind: k, ID: f[1], File: file, Line: lineNum}
			}
			continue
		}
		if skip {
			continue
		}
		if cur == nil {
			errs.add(file, lineNum, "attribute line outside any block")
			continue
		}
		line = strings.TrimSpace(line)
		key, rest, _ := strings.Cut(line, " ")
		if i := strings.IndexByte(key, '\t'); i >= 0 {
			key, rest = key[:i], key[i+1:]+" "+rest
		}
		rest = strings.TrimSpace(rest)
		fld, ok := fieldNames[key]
		if !ok {
			errs.add(file, lineNum, "unknown field %q", key)
			continue
		}
		if !fieldAllowed(cur.Kind, fld) {
			errs.add(file, lineNum, "field %q is not allowed in a %s block", key, kindString(cur.Kind))
			continue
		}
		if rest == "" {
			errs.add(file, lineNum, "field %q has no value", key)
			continue
		}
		if fld == fCode {
			c, msg := parseCode(rest)
			if msg != "" {
				errs.add(file, lineNum, "%s", msg)
				continue
			}
			cur.Codes = append(cur.Codes, c)
			continue
		}
		emptyReported := false
		for part := range strings.SplitSeq(rest, ";") {
			part = strings.TrimSpace(part)
			if part == "" {
				if !emptyReported {
					errs.add(file, lineNum, "empty value in %q list", key)
					emptyReported = true
				}
				continue
			}
			v := value{Field: fld, Text: part, Line: lineNum}
			if i := strings.LastIndexByte(part, '['); i >= 0 && strings.HasSuffix(part, "]") {
				ctry, role, msg := parseCodeWord(part[i+1 : len(part)-1])
				if msg != "" {
					errs.add(file, lineNum, "%s", msg)
					continue
				}
				if cur.Kind != kindCountry && cur.Kind != kindIGO && cur.Kind != kindGroup {
					errs.add(file, lineNum, "a [CODE] override is only allowed in country, igo and group blocks")
					continue
				}
				v.Text, v.Country, v.Role = strings.TrimSpace(part[:i]), ctry, role
			}
			if fld == fSurname && v.Text == "-" {
				cur.Values = append(cur.Values, v) // "surname -": no short forms at all
				continue
			}
			if n := len(normalizeWords(v.Text)); n == 0 || n > maxPhrase {
				errs.add(file, lineNum, "value %q has %d words (want 1 to %d)", v.Text, n, maxPhrase)
				continue
			}
			if (fld == fName) && cur.Name == "" {
				cur.Name = v.Text
			}
			cur.Values = append(cur.Values, v)
		}
	}
	if err := sc.Err(); err != nil {
		errs.add(file, lineNum+1, "%v", err)
	}
	finish()
	return out, errs
}

// maxPhrase is the most words a name may have.
const maxPhrase = 12

func stripComment(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t') {
			return s[:i]
		}
	}
	return s
}

func kindString(k kind) string {
	for n, v := range kindNames {
		if v == k {
			return n
		}
	}
	return "?"
}

func fieldAllowed(k kind, f field) bool {
	for _, a := range allowed[k] {
		if a == f {
			return true
		}
	}
	return false
}

func validID(k kind, id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	if k == kindRole {
		return isCode(id, 2, 4)
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// isCode reports whether s is min to max upper-case ASCII letters.
func isCode(s string, min, max int) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// isOrgCode reports whether s can be a country or organization code: an
// upper-case letter followed by upper-case letters or digits (RUS, G20).
func isOrgCode(s string) bool {
	if len(s) < 2 || len(s) > 8 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !(s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9') {
			return false
		}
	}
	return true
}

// parseCodeWord parses "RUS", "RUS/GOV" or "GOV" (a role alone, written with
// a leading slash or as a known sector).
func parseCodeWord(s string) (country, role, msg string) {
	s = strings.TrimSpace(s)
	c, r, hasSlash := strings.Cut(s, "/")
	switch {
	case hasSlash && c == "" && isCode(r, 2, 4):
		return "", r, ""
	case hasSlash && isOrgCode(c) && isCode(r, 2, 4):
		return c, r, ""
	case !hasSlash && isOrgCode(c):
		if sectors[c] {
			return "", c, ""
		}
		return c, "", ""
	}
	return "", "", "bad code " + strings.TrimSpace(s) + " (want CTRY, CTRY/ROLE or /ROLE in upper case)"
}

// parseCode parses a code line's value: "AFG/REB ..2021-08-15".
func parseCode(s string) (dated, string) {
	f := strings.Fields(s)
	if len(f) > 2 {
		return dated{}, "code wants CTRY[/ROLE] and at most one FROM..TO interval"
	}
	c, r, msg := parseCodeWord(f[0])
	if msg != "" {
		return dated{}, msg
	}
	if c == "" {
		return dated{}, "a code line needs a country or organization code"
	}
	d := dated{Country: c, Role: r}
	if len(f) == 2 {
		from, to, ok := strings.Cut(f[1], "..")
		if !ok {
			return dated{}, "bad interval " + f[1] + " (want FROM..TO, FROM.. or ..TO)"
		}
		var err error
		if from != "" {
			if d.From, err = parseDate(from); err != nil {
				return dated{}, "bad date " + from + " (want YYYY, YYYY-MM or YYYY-MM-DD)"
			}
		}
		if to != "" {
			if d.To, err = parseDate(to); err != nil {
				return dated{}, "bad date " + to + " (want YYYY, YYYY-MM or YYYY-MM-DD)"
			}
		}
		if !d.From.IsZero() && !d.To.IsZero() && !d.From.Before(d.To) {
			return dated{}, "empty interval " + f[1] + " (FROM must be before TO)"
		}
	}
	return d, ""
}

func parseDate(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) == len(layout) {
			return time.Parse(layout, s)
		}
	}
	return time.Parse("2006-01-02", s)
}

// validate checks a finished block as a whole and returns a problem or "".
func validate(e *entry) string {
	switch e.Kind {
	case kindCountry, kindIGO, kindGroup, kindPerson:
		if e.Name == "" {
			return "has no name line"
		}
	case kindRole:
		if !sectors[e.ID] {
			// any upper-case code is a sector the user may invent
			if !isCode(e.ID, 2, 4) {
				return "bad sector"
			}
		}
	}
	if (e.Kind == kindIGO || e.Kind == kindGroup || e.Kind == kindPerson) && len(e.Codes) == 0 {
		return "has no code line"
	}
	if len(e.Codes) > 1 {
		for i, a := range e.Codes {
			for _, b := range e.Codes[i+1:] {
				if overlaps(a, b) {
					return "code intervals overlap"
				}
			}
		}
	}
	return ""
}

func overlaps(a, b dated) bool {
	aBeforeB := !a.To.IsZero() && !b.From.IsZero() && !a.To.After(b.From)
	bBeforeA := !b.To.IsZero() && !a.From.IsZero() && !b.To.After(a.From)
	return !aBeforeB && !bBeforeA
}

// sectors are the CAMEO role codes the built-in data uses; Lookup splits a
// code such as "RUSGOV" at them.
var sectors = map[string]bool{
	"GOV": true, "MIL": true, "JUD": true, "LEG": true, "POL": true, "REB": true,
	"OPP": true, "BUS": true, "MED": true, "CVL": true, "IGO": true, "COP": true,
	"SPY": true, "INS": true, "SEP": true, "UAF": true, "AGR": true, "CRM": true,
	"DEV": true, "EDU": true, "ELI": true, "ENV": true, "HLH": true, "HRI": true,
	"LAB": true, "REF": true, "MOD": true, "RAD": true, "NGO": true, "REL": true,
	"PTY": true, "SPK": true,
}
