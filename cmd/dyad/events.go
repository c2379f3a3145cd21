package main

import (
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/dyad-project/dyad/cameo"
	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/query"
)

func init() {
	register(command{name: "events", summary: "list events matching filters", run: runEvents})
}

// eventWriters are the event formats beyond table, json, jsonl and csv,
// registered by the files that implement them (gdelt, plover).
var eventWriters = map[string]func(w io.Writer, evs []*dyad.Event) error{}

// filterFlags are the filters of `dyad events`, shared by the commands
// that take them; query.FilterArgs parses them as the API does.
type filterFlags struct{ query.FilterArgs }

func (ff *filterFlags) register(fs *flag.FlagSet, defaultLimit int) {
	a := &ff.FilterArgs
	fs.StringVar(&a.Actor, "actor", "", "actor on either side: a code (RUS, RUSGOV) or a name (Russia, Taliban)")
	fs.StringVar(&a.Source, "source", "", "source actor: a code or a name")
	fs.StringVar(&a.Target, "target", "", "target actor: a code or a name")
	fs.StringVar(&a.Dyad, "dyad", "", "a pair of actors X,Y in either direction")
	fs.StringVar(&a.Code, "code", "", "CAMEO code prefix (05, 057)")
	fs.StringVar(&a.Plover, "plover", "", "PLOVER event type (AGREE, ASSAULT, ...)")
	fs.StringVar(&a.Since, "since", "", "events on or after this date (YYYY, YYYY-MM, YYYY-MM-DD)")
	fs.StringVar(&a.Until, "until", "", "events on or before this date (YYYY, YYYY-MM, YYYY-MM-DD)")
	fs.StringVar(&a.Certainty, "certainty", "", "comma-separated certainties (asserted,reported,future,hedged,negated)")
	fs.IntVar(&a.MinSources, "min-sources", 0, "at least this many independent sources")
	fs.StringVar(&a.Text, "text", "", "full-text query over the evidence")
	fs.IntVar(&a.Limit, "limit", defaultLimit, "at most this many events (0: all)")
}

// filter builds the EventFilter the flags describe.
func (ff *filterFlags) filter() (dyad.EventFilter, error) {
	ff.PloverTypes = ploverTypes()
	return ff.FilterArgs.Filter(actorSelector, func(field string) string { return "--" + field })
}

// ploverTypes returns the PLOVER types the CAMEO ontology maps to, sorted,
// so that --plover rejects a misspelt type instead of finding nothing.
func ploverTypes() []string {
	var types []string
	for _, in := range cameo.All() {
		if in.Plover != "" && !slices.Contains(types, in.Plover) {
			types = append(types, in.Plover)
		}
	}
	slices.Sort(types)
	return types
}

func runEvents(ctx context.Context, e *env, args []string) int {
	var c Config
	fs := newFlags(e, "events", "[filters]", &c)
	var ff filterFlags
	ff.register(fs, 100)
	fs.StringVar(&ff.Sort, "sort", "", "order: date (newest first, the default), -date (oldest first), sources (most independent sources first), goldstein (most conflictual first) or -goldstein (most cooperative first)")
	fs.StringVar(&c.Format, "format", "table", "table, json, jsonl, csv, gdelt or plover")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return fail(e, "events", err)
	}
	if r := noArgs(e, fs, pos); r >= 0 {
		return r
	}
	formats := []string{"table", "json", "jsonl", "csv"}
	for name := range eventWriters {
		formats = append(formats, name)
	}
	if err := checkFormat(c.Format, formats...); err != nil {
		return fail(e, "events", err)
	}
	f, err := ff.filter()
	if err != nil {
		return fail(e, "events", err)
	}
	f.WithMentions = c.Format != "table" && c.Format != "csv"
	store, err := openExisting(ctx, c.DB)
	if err != nil {
		return fail(e, "events", err)
	}
	defer store.Close()
	evs, total, err := store.FindEvents(ctx, f)
	if err != nil {
		return fail(e, "events", err)
	}
	if err := writeEvents(e.stdout, c.Format, evs); err != nil {
		return fail(e, "events", err)
	}
	if c.Format == "table" && total > len(evs) {
		of := fmt.Sprint(total)
		if total > dyad.CountCap {
			of = fmt.Sprintf("more than %d", dyad.CountCap)
		}
		fmt.Fprintf(e.stderr, "(%d of %s events; --limit 0 lists all)\n", len(evs), of)
	}
	return exitOK
}

func writeEvents(w io.Writer, format string, evs []*dyad.Event) error {
	if evs == nil {
		evs = []*dyad.Event{}
	}
	switch format {
	case "json":
		return writeJSON(w, evs)
	case "jsonl":
		for _, ev := range evs {
			if err := writeJSONL(w, ev); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		return writeEventsCSV(w, evs)
	case "table":
		return writeEventsTable(w, evs)
	}
	return eventWriters[format](w, evs)
}

func dateOrUnknown(d dyad.Date) string {
	if s := d.String(); s != "" {
		return s
	}
	return "unknown"
}

func writeEventsTable(w io.Writer, evs []*dyad.Event) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tSOURCE\tTARGET\tCAMEO\tPLOVER\tCERTAINTY\tMENT\tDOCS\tSRCS\tPLACE")
	for _, ev := range evs {
		place := ""
		if ev.Location != nil {
			place = ev.Location.Name
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%d\t%s\n", ev.ID, dateOrUnknown(ev.Date), ev.Source.Code, ev.Target.Code,
			ev.Code, ev.Plover, ev.Certainty, ev.NumMentions, ev.NumDocuments, ev.NumSources, place)
	}
	return tw.Flush()
}

func writeEventsCSV(w io.Writer, evs []*dyad.Event) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "date", "date_end", "date_precision", "source_code", "source_country", "source_role", "source_name",
		"target_code", "target_country", "target_role", "target_name", "cameo", "root", "plover", "quad_class", "goldstein",
		"certainty", "location", "location_country", "lat", "lon", "num_mentions", "num_documents", "num_sources", "conflicts"})
	for _, ev := range evs {
		var loc, locCountry, lat, lon string
		if ev.Location != nil {
			loc, locCountry = ev.Location.Name, ev.Location.Country
			lat, lon = strconv.FormatFloat(ev.Location.Lat, 'f', 4, 64), strconv.FormatFloat(ev.Location.Lon, 'f', 4, 64)
		}
		start, end := ev.Date.String(), ""
		if ev.Date.Precision == dyad.PrecisionRange {
			start, end = ev.Date.Start.Format("2006-01-02"), ev.Date.End.Format("2006-01-02")
		}
		var conflicts []string
		for _, c := range ev.Conflicts {
			conflicts = append(conflicts, c.Field)
		}
		cw.Write([]string{string(ev.ID), start, end, string(ev.Date.PrecisionOrUnknown()),
			string(ev.Source.Code), ev.Source.Country, ev.Source.Role, ev.Source.Name,
			string(ev.Target.Code), ev.Target.Country, ev.Target.Role, ev.Target.Name,
			string(ev.Code), ev.Code.Root(), ev.Plover, strconv.Itoa(ev.QuadClass), strconv.FormatFloat(ev.Goldstein, 'f', 1, 64),
			string(ev.Certainty), loc, locCountry, lat, lon,
			strconv.Itoa(ev.NumMentions), strconv.Itoa(ev.NumDocuments), strconv.Itoa(ev.NumSources), strings.Join(conflicts, " ")})
	}
	cw.Flush()
	return cw.Error()
}
