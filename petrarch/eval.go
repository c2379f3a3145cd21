package petrarch

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// EvalOptions tunes Eval.
type EvalOptions struct {
	// Dictionaries, when set, is used instead of loading the files that the
	// record file's <Environment> names.
	Dictionaries *Dictionaries
}

// CategoryResult counts the records of one category and how many passed.
type CategoryResult struct {
	Records int `json:"records"`
	Passed  int `json:"passed"`
}

// A Failure is one record whose coding differs from the expected one.
type Failure struct {
	ID       string   `json:"id"`
	Category string   `json:"category"`
	Sentence bool     `json:"sentence"`
	Text     string   `json:"text"`
	Expected []string `json:"expected"`
	Got      []string `json:"got"`
	// ExpectedError and Rejected are set for records expected to be
	// rejected, and for sentences the coder rejected.
	ExpectedError string `json:"expected_error,omitempty"`
	Rejected      string `json:"rejected,omitempty"`
}

// Result is the outcome of Eval. Records and Passed count the records
// with sentence="true"; those marked sentence="false" (features the
// reference coder does not implement) are counted apart in Unimplemented.
type Result struct {
	File          string                     `json:"file"`
	Records       int                        `json:"records"`
	Passed        int                        `json:"passed"`
	PassRate      float64                    `json:"pass_rate"`
	Categories    map[string]*CategoryResult `json:"categories"`
	Unimplemented CategoryResult             `json:"sentence_false"`
	Failures      []Failure                  `json:"failures"`
	LoadErrors    int                        `json:"load_errors"`
}

// record is one <Sentence> of a validation file.
type record struct {
	id, category, date string
	valid              bool
	text               string
	events             []string
	noEvents           bool
	errorKind          string
}

// validation is a parsed record file: its environment and, in document
// order, records interleaved with configuration changes.
type validation struct {
	verbs, actors, agents, discards []string
	steps                           []step
}

type step struct {
	option, value string // a <Config>, when rec is nil
	rec           *record
}

func parseValidation(r io.Reader) (*validation, error) {
	dec := xml.NewDecoder(r)
	v := &validation{}
	var path []string
	var rec *record
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("parse validation records: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			path = append(path, t.Name.Local)
			attr := func(name string) string {
				for _, a := range t.Attr {
					if strings.EqualFold(a.Name.Local, name) {
						return strings.TrimSpace(a.Value)
					}
				}
				return ""
			}
			text.Reset()
			switch t.Name.Local {
			case "Config":
				v.steps = append(v.steps, step{option: attr("option"), value: attr("value")})
			case "Sentence":
				rec = &record{id: attr("id"), category: attr("category"), date: attr("date"),
					valid: !strings.EqualFold(attr("sentence"), "false")}
			case "EventCoding":
				if rec == nil {
					continue
				}
				switch {
				case attr("noevents") != "":
					rec.noEvents = true
				case attr("error") != "":
					rec.errorKind = attr("error")
				default:
					rec.events = append(rec.events, attr("sourcecode")+" "+attr("targetcode")+" "+attr("eventcode"))
				}
			}
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			body := strings.TrimSpace(text.String())
			switch t.Name.Local {
			case "Verbfile":
				v.verbs = append(v.verbs, body)
			case "Actorfile":
				v.actors = append(v.actors, strings.Fields(strings.ReplaceAll(body, ",", " "))...)
			case "Agentfile":
				v.agents = append(v.agents, body)
			case "Discardfile":
				v.discards = append(v.discards, body)
			case "Text":
				if rec != nil {
					rec.text = strings.Join(strings.Fields(body), " ")
				}
			case "Sentence":
				if rec != nil {
					v.steps = append(v.steps, step{rec: rec})
				}
				rec = nil
			}
			text.Reset()
			if len(path) > 0 {
				path = path[:len(path)-1]
			}
		}
	}
	return v, nil
}

// applyOption sets one <Config> option on cfg.
func applyOption(cfg *Config, option, value string) error {
	boolVal := func() (bool, error) { return strconv.ParseBool(strings.ToLower(value)) }
	intVal := func() (int, error) { return strconv.Atoi(value) }
	var err error
	switch strings.ToLower(option) {
	case "require_dyad":
		cfg.RequireDyad, err = boolVal()
	case "new_actor_length":
		cfg.NewActorLength, err = intVal()
	case "comma_min":
		cfg.CommaMin, err = intVal()
	case "comma_max":
		cfg.CommaMax, err = intVal()
	case "comma_bmin":
		cfg.CommaBMin, err = intVal()
	case "comma_bmax":
		cfg.CommaBMax, err = intVal()
	case "comma_emin":
		cfg.CommaEMin, err = intVal()
	case "comma_emax":
		cfg.CommaEMax, err = intVal()
	case "stop_on_error":
		_, err = boolVal()
	default:
		return fmt.Errorf("unknown option %q", option)
	}
	if err != nil {
		return fmt.Errorf("option %s=%q: %v", option, value, err)
	}
	return nil
}

// Eval runs a PETRARCH validation-record file the way PETRARCH's
// validation mode did: it loads the dictionaries named in <Environment>
// (bare names resolved against dictDir, by default "dictionaries" beside the
// file's folder), applies each <Config> in document order, codes each
// <Sentence> from its <Text> and compares the set of (source, target,
// eventcode) with the expected <EventCoding>s.
func Eval(path, dictDir string, opts EvalOptions) (Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return Result{}, fmt.Errorf("open validation records: %w", err)
	}
	defer f.Close()
	v, err := parseValidation(f)
	if err != nil {
		return Result{}, fmt.Errorf("%s: %w", path, err)
	}
	if dictDir == "" {
		dictDir = filepath.Join(filepath.Dir(path), "..", "dictionaries")
	}
	d := opts.Dictionaries
	if d == nil {
		d, err = LoadFiles(dictDir, Files{Verbs: v.verbs, Actors: v.actors, Agents: v.agents, Discards: v.discards})
		if err != nil {
			return Result{}, err
		}
	}
	return v.run(path, d)
}

// run codes v's records with d, applying its configuration changes in
// order, and compares them with the expected codings. Errors name path.
func (v *validation) run(path string, d *Dictionaries) (Result, error) {
	res := Result{File: filepath.Base(path), Categories: map[string]*CategoryResult{}, LoadErrors: len(d.Errors)}
	cfg := DefaultConfig()
	for _, st := range v.steps {
		if st.rec == nil {
			if err := applyOption(&cfg, st.option, st.value); err != nil {
				return Result{}, fmt.Errorf("%s: %w", path, err)
			}
			continue
		}
		r := st.rec
		date, err := time.Parse("20060102", r.date)
		if err != nil {
			return Result{}, fmt.Errorf("%s: record %s: date %q: want YYYYMMDD", path, r.id, r.date)
		}
		an := NewCoder(d).WithConfig(cfg).Analyze(r.text, date)
		var got []string
		for _, e := range an.Events {
			got = append(got, e.Key())
		}
		slices.Sort(got)
		got = slices.Compact(got)
		want := slices.Clone(r.events)
		slices.Sort(want)
		want = slices.Compact(want)
		var pass bool
		if r.errorKind != "" {
			pass = an.Rejected != "" && len(got) == 0
		} else {
			pass = slices.Equal(got, want)
		}
		if !r.valid {
			res.Unimplemented.Records++
			if pass {
				res.Unimplemented.Passed++
			}
		} else {
			res.Records++
			cr := res.Categories[r.category]
			if cr == nil {
				cr = &CategoryResult{}
				res.Categories[r.category] = cr
			}
			cr.Records++
			if pass {
				res.Passed++
				cr.Passed++
			}
		}
		if !pass {
			res.Failures = append(res.Failures, Failure{ID: r.id, Category: r.category, Sentence: r.valid, Text: r.text,
				Expected: want, Got: got, ExpectedError: r.errorKind, Rejected: an.Rejected})
		}
	}
	if res.Records > 0 {
		res.PassRate = float64(res.Passed) / float64(res.Records)
	}
	return res, nil
}
