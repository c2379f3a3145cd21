package main

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/dyad-project/dyad/actor"
	"github.com/dyad-project/dyad/code"
	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/petrarch"
	"github.com/dyad-project/dyad/place"
	"github.com/dyad-project/dyad/timex"
)

// coderFlags choose the dictionaries a command codes with.
type coderFlags struct {
	dict         string
	petrarch     string
	petrarchMode string
}

func (cf *coderFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&cf.dict, "dict", "", "extend or override the built-in dictionaries with DIR/actors/*.txt and DIR/actions/*.txt")
	fs.StringVar(&cf.petrarch, "dict-petrarch", "", "also code with the TABARI/PETRARCH dictionaries in DIR (see --petrarch-mode)")
	fs.StringVar(&cf.petrarchMode, "petrarch-mode", "on-top", "with --dict-petrarch: 'instead' codes with those dictionaries only; 'on-top' adds their events to the built-in coder's")
}

// timexDates dates events from the date expressions of their sentence.
func timexDates(text string, span dyad.Span, published time.Time) (dyad.Date, bool) {
	ex, ok := timex.Nearest(timex.Find(text, published), span, text)
	if !ok {
		return dyad.Date{}, false
	}
	return ex.Date, true
}

var builtinCoder = sync.OnceValue(func() *code.Coder {
	d := actor.Builtin()
	return code.New(code.Options{Actors: d, Places: place.Builtin(), Dates: code.DateFunc(timexDates), Demonym: d.Demonym})
})

// coder returns the coder the flags describe.
func (cf *coderFlags) coder(e *env) (dyad.Coder, error) {
	var c dyad.Coder = builtinCoder()
	if cf.dict != "" {
		actors := actor.Builtin()
		var actions *code.Actions
		adir, vdir := filepath.Join(cf.dict, "actors"), filepath.Join(cf.dict, "actions")
		_, aerr := os.Stat(adir)
		_, verr := os.Stat(vdir)
		if aerr != nil && verr != nil {
			return nil, usageErr("--dict %s: want a folder with actors/ and/or actions/ subfolders of *.txt files", cf.dict)
		}
		if aerr == nil {
			user, err := actor.Load(adir)
			if err != nil {
				return nil, err
			}
			actors = actors.Merge(user)
		}
		if verr == nil {
			var err error
			if actions, err = code.LoadActions(vdir); err != nil {
				return nil, err
			}
		}
		c = code.New(code.Options{Actors: actors, Places: place.Builtin(), Dates: code.DateFunc(timexDates), Demonym: actors.Demonym, Actions: actions})
	}
	if cf.petrarch == "" {
		return c, nil
	}
	// A folder with PETRARCH2's production files is read as its
	// configuration reads it; any other folder whole.
	d, err := petrarch.LoadFiles(cf.petrarch, petrarch.PhoenixFiles)
	if err != nil {
		if d, err = petrarch.Load(cf.petrarch); err != nil {
			return nil, err
		}
	}
	pc := petrarch.NewCoder(d)
	switch cf.petrarchMode {
	case "instead":
		return pc, nil
	case "on-top":
		return multiCoder{c, pc}, nil
	}
	return nil, usageErr("--petrarch-mode %q: want instead or on-top", cf.petrarchMode)
}

// multiCoder codes with several coders and keeps the first mention of each
// (sentence, source, target, code).
type multiCoder []dyad.Coder

func (m multiCoder) Code(ctx context.Context, doc *dyad.Document) ([]*dyad.Mention, error) {
	var out []*dyad.Mention
	seen := map[string]bool{}
	for _, c := range m {
		ms, err := c.Code(ctx, doc)
		if err != nil {
			return nil, err
		}
		for _, x := range ms {
			k := strconv.Itoa(x.Sentence) + "|" + string(x.Source.Code) + "|" + string(x.Target.Code) + "|" + string(x.Code)
			if !seen[k] {
				seen[k] = true
				out = append(out, x)
			}
		}
	}
	return out, nil
}
