package petrarch

import (
	"fmt"
	"strings"
)

// A Synset is a named set of words or phrases ("&CURRENCY") that a verb
// pattern can name in place of one literal word.
type Synset struct {
	Name string `json:"name"`
	// Raw holds the members as written ("+AUSTRIAN FLORIN", "+&TIETYPES").
	Raw []string `json:"members"`
	// NoPlural is set by a trailing '_' on the name: members match exactly.
	NoPlural bool   `json:"-"`
	File     string `json:"file"`
	Line     int    `json:"line"`
}

// A VerbBlock is one "--- NAME [code] ---" block: verbs that share the
// block's patterns and its default code.
type VerbBlock struct {
	Name     string     `json:"name"`
	Code     string     `json:"code"`
	Verbs    []*Verb    `json:"verbs"`
	Patterns []*Pattern `json:"patterns"`
	File     string     `json:"file"`
	Line     int        `json:"line"`

	sorted []*Pattern // Patterns, most elements first (set by index)
}

// A Verb is one verb line of a block: the phrase, its own code when it
// overrides the block's, and the word forms that find it in text.
type Verb struct {
	Block  *VerbBlock `json:"-"`
	Phrase string     `json:"phrase"`
	Code   string     `json:"code,omitempty"`
	// Forms are the inflected phrases; each names its head (the word that
	// inflects) and the particles that must stand right before and after it.
	Forms []VerbForm `json:"-"`
	File  string     `json:"file"`
	Line  int        `json:"line"`
}

// A VerbForm is one way a verb appears in text: Head with the words Pre
// directly before it and Post directly after it.
type VerbForm struct {
	Verb *Verb
	Pre  []string
	Head string
	Post []string
}

// ElemKind says what one element of a verb pattern matches.
type ElemKind uint8

// The kinds of pattern element.
const (
	ElemWord     ElemKind = iota // a literal word
	ElemSynset                   // any member of a synset
	ElemVerb                     // '*': the verb itself
	ElemTarget                   // '+': the target actor stands here
	ElemSource                   // '$': the source actor stands here
	ElemCompound                 // '%': a compound actor acting with itself
	ElemSkip                     // '^': skip one word or phrase
)

// An Elem is one element of a verb pattern. Join is set when the element
// is written joined to the one before it with '_' ("IN_*"), so the two must
// be adjacent in the text; otherwise words may intervene.
type Elem struct {
	Kind ElemKind
	Word string // the word, or the synset name
	Join bool
}

// A Pattern is one "- ... * ... [code]" line of a verb block.
type Pattern struct {
	Block *VerbBlock
	Text  string
	Elems []Elem
	Star  int    // index of the '*' element in Elems
	Code  string // active-voice code; "---" means code nothing
	// Code2 is the second code of "[A:B]": the code of the reverse event.
	Code2 string
	File  string
	Line  int

	need string // a literal word the sentence must contain (set by index)
}

// A Transform is one "~" event-transformation rule, kept as written: the
// rule's left side (events nested in a speech event) and its result.
type Transform struct {
	Left, Right string
	File        string
	Line        int
}

// parseEventCode reads "[042]", "[042:043]", "[:110]" and "[---]".
func parseEventCode(s string) (code, code2 string, err error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	code, code2, _ = strings.Cut(s, ":")
	code, code2 = strings.TrimSpace(code), strings.TrimSpace(code2)
	if code == "" && code2 == "" {
		return "", "", fmt.Errorf("empty event code")
	}
	for _, c := range []string{code, code2} {
		if strings.ContainsAny(c, " []{}~") {
			return "", "", fmt.Errorf("malformed event code [%s]", s)
		}
	}
	return code, code2, nil
}

// parsePattern reads the part of a pattern line between "- " and "[".
func parsePattern(s string) ([]Elem, int, error) {
	var elems []Elem
	star := -1
	join := false
	i := 0
	for i < len(s) {
		c := s[i]
		switch c {
		case ' ', '\t', '{', '}', '(', ')':
			i++
			continue
		case '_':
			join = true
			i++
			continue
		}
		j := i
		for j < len(s) && !strings.ContainsRune(" \t{}()_", rune(s[j])) {
			j++
		}
		tok := strings.ToUpper(s[i:j])
		i = j
		e := Elem{Join: join && len(elems) > 0}
		join = false
		switch {
		case tok == "*":
			if star >= 0 {
				return nil, 0, fmt.Errorf("pattern has two '*'")
			}
			e.Kind, star = ElemVerb, len(elems)
		case tok == "+":
			e.Kind = ElemTarget
		case tok == "$":
			e.Kind = ElemSource
		case tok == "%":
			e.Kind = ElemCompound
		case tok == "^":
			e.Kind = ElemSkip
		case tok[0] == '&':
			if len(tok) == 1 {
				return nil, 0, fmt.Errorf("'&' with no synset name")
			}
			e.Kind, e.Word = ElemSynset, tok[1:]
		case strings.ContainsAny(tok, "*$%^&"):
			return nil, 0, fmt.Errorf("marker inside word %q", tok)
		default:
			e.Kind, e.Word = ElemWord, tok
		}
		elems = append(elems, e)
	}
	if star < 0 {
		return nil, 0, fmt.Errorf("pattern has no '*'")
	}
	return elems, star, nil
}

// parseVerbPhrase reads "WIRE_+TAP", "+BREAK_DOWN", "LASH OUT", "HURRY":
// the word marked '+' (else the first) is the head.
func parseVerbPhrase(s string) (pre []string, head string, post []string, err error) {
	words, _ := splitPhrase(s)
	if len(words) == 0 {
		return nil, "", nil, fmt.Errorf("empty verb phrase")
	}
	h := 0
	for i, w := range words {
		if strings.HasPrefix(w, "+") {
			h = i
			words[i] = w[1:]
		}
	}
	for _, w := range words {
		if w == "" || strings.ContainsAny(w, "+[]{}*$%^&") {
			return nil, "", nil, fmt.Errorf("malformed verb phrase %q", s)
		}
	}
	return words[:h], words[h], words[h+1:], nil
}

// parseVerbLine reads one verb line of a block.
func parseVerbLine(t string) (*Verb, error) {
	v := &Verb{}
	if i := strings.IndexByte(t, '['); i >= 0 {
		j := strings.IndexByte(t, ']')
		if j < i {
			return nil, fmt.Errorf("unclosed '[' in %q", t)
		}
		code, code2, err := parseEventCode(t[i+1 : j])
		if err != nil {
			return nil, err
		}
		v.Code = code
		if code2 != "" {
			v.Code = code + ":" + code2
		}
		t = t[:i] + t[j+1:]
	}
	var irregular []string
	noForms := false
	if i := strings.IndexByte(t, '{'); i >= 0 {
		j := strings.IndexByte(t, '}')
		if j < i {
			return nil, fmt.Errorf("unclosed '{' in %q", t)
		}
		irregular = strings.Fields(t[i+1 : j])
		noForms = len(irregular) == 0
		t = t[:i] + t[j+1:]
	}
	v.Phrase = strings.TrimSpace(t)
	pre, head, post, err := parseVerbPhrase(v.Phrase)
	if err != nil {
		return nil, err
	}
	v.Forms = append(v.Forms, VerbForm{Verb: v, Pre: pre, Head: head, Post: post})
	if !noForms {
		for _, f := range verbForms(head) {
			v.Forms = append(v.Forms, VerbForm{Verb: v, Pre: pre, Head: f, Post: post})
		}
	}
	for _, x := range irregular {
		p2, h2, q2, err := parseVerbPhrase(x)
		if err != nil {
			return nil, err
		}
		if len(p2) == 0 && len(q2) == 0 && (len(pre) > 0 || len(post) > 0) {
			p2, q2 = pre, post // a bare irregular form of a multi-word verb
		}
		v.Forms = append(v.Forms, VerbForm{Verb: v, Pre: p2, Head: h2, Post: q2})
	}
	v.Forms = dedupForms(v.Forms)
	return v, nil
}

func dedupForms(fs []VerbForm) []VerbForm {
	seen := map[string]bool{}
	out := fs[:0]
	for _, f := range fs {
		k := strings.Join(f.Pre, " ") + "|" + f.Head + "|" + strings.Join(f.Post, " ")
		if !seen[k] {
			seen[k] = true
			out = append(out, f)
		}
	}
	return out
}

// verbFile is what one verb dictionary file holds.
type verbFile struct {
	synsets    []*Synset
	blocks     []*VerbBlock
	transforms []*Transform
}

// readVerbs reads a PETRARCH verb dictionary: synsets ("&NAME" and "+member"
// lines), verb blocks ("--- NAME [code] ---", verb lines, "- pattern [code]"
// lines) and "~" transformation rules. Unlike PETRARCH2, it keeps reading
// patterns after "<!" comment lines.
func readVerbs(file string, lines []string, errs *ErrorList) (verbFile, FileStats) {
	st := FileStats{File: file, Kind: "verbs"}
	kinds := make([]LineKind, len(lines))
	var vf verbFile
	var block *VerbBlock
	var syn *Synset
	for i, raw := range lines {
		n := i + 1
		t, kind, empty := stripComment(raw)
		kinds[i] = kind
		if empty {
			continue
		}
		fail := func(format string, args ...any) {
			errs.add(file, n, format, args...)
			kinds[i] = LineError
		}
		switch {
		case strings.HasPrefix(t, "---"):
			syn = nil
			inner := strings.TrimSpace(strings.TrimLeft(t, "-"))
			if k := strings.LastIndexByte(inner, ']'); k >= 0 && strings.Trim(inner[k+1:], "- \t") == "" {
				inner = inner[:k+1] // "--- NAME [110]---  ---"
			} else {
				inner = strings.TrimSpace(strings.TrimRight(inner, "-"))
			}
			name, blocks, err := splitCodes(inner)
			if err != nil || name == "" || len(blocks) == 0 {
				block = nil
				fail("malformed verb block header %q", t)
				continue
			}
			code, code2, err := parseEventCode(blocks[0])
			if err != nil {
				block = nil
				fail("verb block %s: %v", name, err)
				continue
			}
			if code2 != "" {
				code += ":" + code2
			}
			block = &VerbBlock{Name: strings.ToUpper(name), Code: code, File: file, Line: n}
			vf.blocks = append(vf.blocks, block)
			st.VerbBlocks++
			kinds[i] = LineStructure
		case t[0] == '&':
			name := strings.ToUpper(strings.TrimSpace(t[1:]))
			s := &Synset{Name: strings.TrimSuffix(name, "_"), NoPlural: strings.HasSuffix(name, "_"), File: file, Line: n}
			if s.Name == "" || strings.ContainsAny(s.Name, " []{}") {
				syn = nil
				fail("malformed synset name %q", t)
				continue
			}
			syn = s
			vf.synsets = append(vf.synsets, s)
			st.Synsets++
			kinds[i] = LineStructure
		case t[0] == '+' && syn != nil:
			m := strings.TrimSpace(t[1:])
			if m == "" {
				fail("empty synset member")
				continue
			}
			syn.Raw = append(syn.Raw, m)
			st.SynsetMembers++
		case t[0] == '~':
			left, right, ok := strings.Cut(strings.TrimSpace(t[1:]), "=")
			if !ok || strings.TrimSpace(left) == "" || strings.TrimSpace(right) == "" {
				fail("transformation %q: want '~ LEFT = RIGHT'", t)
				continue
			}
			vf.transforms = append(vf.transforms, &Transform{Left: strings.TrimSpace(left), Right: strings.TrimSpace(right), File: file, Line: n})
			st.Transformations++
		case t[0] == '-':
			syn = nil
			if block == nil {
				fail("pattern outside a verb block")
				continue
			}
			body := strings.TrimSpace(t[1:])
			k := strings.LastIndexByte(body, '[')
			e := strings.LastIndexByte(body, ']')
			if k < 0 || e < k {
				fail("pattern %q has no [code]", body)
				continue
			}
			if strings.TrimSpace(body[e+1:]) != "" {
				fail("unexpected %q after pattern code", strings.TrimSpace(body[e+1:]))
				continue
			}
			code, code2, err := parseEventCode(body[k+1 : e])
			if err != nil {
				fail("pattern %q: %v", body, err)
				continue
			}
			elems, star, err := parsePattern(body[:k])
			if err != nil {
				fail("pattern %q: %v", body, err)
				continue
			}
			block.Patterns = append(block.Patterns, &Pattern{Block: block, Text: strings.TrimSpace(body[:k]), Elems: elems, Star: star, Code: code, Code2: code2, File: file, Line: n})
			st.Patterns++
		default:
			syn = nil
			if block == nil {
				fail("verb %q outside a verb block", t)
				continue
			}
			// "+BREAK_DOWN": a leading '+' marks the head, as inside phrases.
			v, err := parseVerbLine(t)
			if err != nil {
				fail("verb %q: %v", t, err)
				continue
			}
			v.Block, v.File, v.Line = block, file, n
			for i := range v.Forms {
				v.Forms[i].Verb = v
			}
			block.Verbs = append(block.Verbs, v)
			st.Verbs++
			st.VerbForms += len(v.Forms)
		}
	}
	st.count(kinds)
	return vf, st
}
