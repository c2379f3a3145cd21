package petrarch

import (
	"fmt"
	"strings"
)

// An Agent is one entry of an agent dictionary: a role phrase ("POLICE")
// and the code it adds to an actor. Suffix codes ("[~COP]") go after the
// actor's code, prefix codes ("[NGO~]") before it.
type Agent struct {
	Phrase string `json:"phrase"`
	Code   string `json:"code"`
	Prefix bool   `json:"prefix,omitempty"`
	// Forms are the phrases that match the agent: the phrase itself, its
	// plurals (generated or given in {}), and substitution-set expansions.
	Forms [][]string `json:"-"`
	File  string     `json:"file"`
	Line  int        `json:"line"`
}

// parseAgentLine reads "PHRASE {PLURALS} [CODE]" with the substitution
// sets defined so far. It returns the agent with its forms.
func parseAgentLine(t string, subs map[string][]string) (*Agent, error) {
	i := strings.IndexByte(t, '[')
	j := strings.LastIndexByte(t, ']')
	if i < 0 || j < i {
		return nil, fmt.Errorf("agent %q has no [code]", t)
	}
	code := strings.ToUpper(strings.TrimSpace(t[i+1 : j]))
	if strings.TrimSpace(t[j+1:]) != "" {
		return nil, fmt.Errorf("unexpected %q after the code", strings.TrimSpace(t[j+1:]))
	}
	head := t[:i]
	a := &Agent{}
	switch {
	case strings.HasPrefix(code, "~") && len(code) > 1 && !strings.Contains(code[1:], "~"):
		a.Code = strings.TrimSpace(code[1:])
	case strings.HasSuffix(code, "~") && len(code) > 1 && !strings.Contains(code[:len(code)-1], "~"):
		a.Code, a.Prefix = strings.TrimSpace(code[:len(code)-1]), true
	default:
		return nil, fmt.Errorf("agent code [%s]: want [~CODE] or [CODE~]", code)
	}
	if a.Code == "" || strings.ContainsAny(a.Code, " []{}") {
		return nil, fmt.Errorf("agent code [%s] is malformed", code)
	}
	var plurals []string
	noPlural := false
	if k := strings.IndexByte(head, '{'); k >= 0 {
		e := strings.IndexByte(head, '}')
		if e < k {
			return nil, fmt.Errorf("unclosed '{' in %q", head)
		}
		inside := strings.TrimSpace(head[k+1 : e])
		if inside == "" {
			noPlural = true
		} else {
			plurals = strings.Fields(inside)
		}
		head = head[:k] + head[e+1:]
	} else if strings.IndexByte(head, '}') >= 0 {
		return nil, fmt.Errorf("'}' without '{' in %q", head)
	}
	head = strings.TrimSpace(head)
	if head == "" {
		return nil, fmt.Errorf("agent code [%s] with no phrase", code)
	}
	a.Phrase = head
	bases, err := expandSubs(head, subs)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	addForm := func(words []string) {
		if len(words) == 0 {
			return
		}
		k := strings.Join(words, " ")
		if !seen[k] {
			seen[k] = true
			a.Forms = append(a.Forms, words)
		}
	}
	for _, b := range bases {
		words, exact := splitPhrase(b)
		addForm(words)
		if noPlural || exact || len(plurals) > 0 || strings.Contains(head, "!") {
			continue
		}
		// Regular plural of the head noun: the last word, or the word
		// before OF in "MINISTER OF X".
		p := append([]string(nil), words...)
		p[len(p)-1] = plural(p[len(p)-1])
		addForm(p)
		for i := 1; i < len(words)-1; i++ {
			if words[i] == "OF" {
				q := append([]string(nil), words...)
				q[i-1] = plural(q[i-1])
				addForm(q)
				break
			}
		}
	}
	for _, p := range plurals {
		ps, err := expandSubs(p, subs)
		if err != nil {
			return nil, err
		}
		for _, x := range ps {
			words, _ := splitPhrase(x)
			addForm(words)
		}
	}
	return a, nil
}

// expandSubs replaces each !SET! in s by every member of the set.
func expandSubs(s string, subs map[string][]string) ([]string, error) {
	i := strings.IndexByte(s, '!')
	if i < 0 {
		return []string{s}, nil
	}
	j := strings.IndexByte(s[i+1:], '!')
	if j < 0 {
		return nil, fmt.Errorf("unclosed substitution marker in %q", s)
	}
	name := strings.ToUpper(s[i+1 : i+1+j])
	members, ok := subs[name]
	if !ok {
		return nil, fmt.Errorf("unknown substitution set !%s!", name)
	}
	var out []string
	for _, m := range members {
		rest, err := expandSubs(s[i+2+j:], subs)
		if err != nil {
			return nil, err
		}
		for _, r := range rest {
			out = append(out, s[:i]+m+r)
		}
	}
	return out, nil
}

// readAgents reads an agent dictionary: substitution sets
// ("!PERSON! = MAN, MEN") and agent lines.
func readAgents(file string, lines []string, errs *ErrorList) ([]*Agent, FileStats) {
	st := FileStats{File: file, Kind: "agents"}
	kinds := make([]LineKind, len(lines))
	subs := map[string][]string{}
	var out []*Agent
	for i, raw := range lines {
		n := i + 1
		t, kind, empty := stripComment(raw)
		kinds[i] = kind
		if empty {
			continue
		}
		if t[0] == '!' && strings.Contains(t, "=") && !strings.Contains(t, "[") {
			name, list, _ := strings.Cut(t, "=")
			name = strings.Trim(strings.TrimSpace(name), "!")
			var members []string
			for _, m := range strings.Split(list, ",") {
				if m = strings.TrimSpace(m); m != "" {
					members = append(members, m)
				}
			}
			if name == "" || len(members) == 0 {
				errs.add(file, n, "malformed substitution set %q", t)
				kinds[i] = LineError
				continue
			}
			subs[strings.ToUpper(name)] = members
			kinds[i] = LineStructure
			continue
		}
		a, err := parseAgentLine(t, subs)
		if err != nil {
			errs.add(file, n, "%v", err)
			kinds[i] = LineError
			continue
		}
		a.File, a.Line = file, n
		out = append(out, a)
		st.Agents++
		st.AgentPhrases += len(a.Forms)
	}
	st.count(kinds)
	return out, st
}
