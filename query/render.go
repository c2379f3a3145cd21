package query

import (
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

// WriteMarkdown writes the brief as Markdown.
func (b *Brief) WriteMarkdown(w io.Writer) error {
	var sb strings.Builder
	fmt.Fprintf(&sb, "# %s\n\n_%s · %d events · generated from stored reports; every line cites them_\n", mdEscape(b.Title), b.Period, b.Events)
	section := func(title, empty string, lines []Line) {
		fmt.Fprintf(&sb, "\n## %s\n\n", title)
		if len(lines) == 0 {
			fmt.Fprintf(&sb, "_%s_\n", empty)
			return
		}
		for _, l := range lines {
			fmt.Fprintf(&sb, "- %s — “%s” %s\n", mdEscape(l.Text), mdEscape(clip(l.Quote, 240)), cites(l.Cites))
		}
	}
	section("Snapshot", "No events.", b.Snapshot)
	section("Confirmed by independent sources", "Nothing is asserted by two or more independent sources.", b.Confirmed)
	section("Reported or single-source", "None.", b.Reported)
	section("Hedged or planned", "None.", b.Hedged)
	section("Denied", "None.", b.Denied)
	section("Where sources disagree", "No disagreements among the sources.", b.Disagreements)
	sb.WriteString("\n## Sources\n\n")
	if len(b.Sources) == 0 {
		sb.WriteString("_None._\n")
	}
	for _, s := range b.Sources {
		fmt.Fprintf(&sb, "%d. %s\n", s.N, mdLabel(sourceLabel(s)))
		for _, c := range s.Copies {
			fmt.Fprintf(&sb, "   - same story: %s\n", mdLabel(c))
		}
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

func sourceLabel(s SourceEntry) string {
	l := s.Title
	if l == "" {
		l = "(untitled)"
	}
	if s.Outlet != "" {
		l += " – " + s.Outlet
	}
	if s.Date != "" {
		l += ", " + s.Date
	}
	if s.URL != "" {
		l += " <" + s.URL + ">"
	}
	return l
}

func cites(ns []int) string {
	var sb strings.Builder
	for _, n := range ns {
		fmt.Fprintf(&sb, "[%d]", n)
	}
	return sb.String()
}

// mdEscape keeps text from being read as Markdown markup.
func mdEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;", "#", `\#`)
	return r.Replace(s)
}

// mdLabel escapes a source label for Markdown but keeps its trailing
// " <URL>" an autolink, so that the URL reads and clicks as itself rather
// than as "&lt;https://…&gt;".
func mdLabel(s string) string {
	if strings.HasSuffix(s, ">") {
		if i := strings.LastIndex(s, " <"); i >= 0 {
			u := s[i+2 : len(s)-1]
			if (strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://")) && !strings.ContainsAny(u, " <>\t\n") {
				return mdEscape(s[:i]) + " <" + u + ">"
			}
		}
	}
	return mdEscape(s)
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

var briefHTML = template.Must(template.New("brief").Funcs(template.FuncMap{"cites": cites, "label": sourceLabel, "clip": clip}).Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{.Title}}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:1.8rem;border-bottom:1px solid #ddd}q{color:#444}.cite{color:#06c;font-size:.9em}.meta{color:#666}</style>
</head><body>
<h1>{{.Title}}</h1>
<p class="meta">{{.Period}} · {{.Events}} events · generated from stored reports; every line cites them</p>
{{define "section"}}<h2>{{.Name}}</h2>{{if .Lines}}<ul>{{range .Lines}}<li>{{.Text}} — <q>{{clip .Quote 240}}</q> <span class="cite">{{cites .Cites}}</span></li>{{end}}</ul>{{else}}<p class="meta">{{.Empty}}</p>{{end}}{{end}}
{{range .Sections}}{{template "section" .}}{{end}}
<h2>Sources</h2>
<ol>{{range .Sources}}<li value="{{.N}}">{{label .}}{{if .Copies}}<ul>{{range .Copies}}<li>same story: {{.}}</li>{{end}}</ul>{{end}}</li>{{end}}</ol>
</body></html>
`))

type htmlSection struct {
	Name, Empty string
	Lines       []Line
}

// WriteHTML writes the brief as a standalone HTML page; every piece of text
// from the store is escaped.
func (b *Brief) WriteHTML(w io.Writer) error {
	return briefHTML.Execute(w, struct {
		*Brief
		Sections []htmlSection
	}{b, []htmlSection{
		{"Snapshot", "No events.", b.Snapshot},
		{"Confirmed by independent sources", "Nothing is asserted by two or more independent sources.", b.Confirmed},
		{"Reported or single-source", "None.", b.Reported},
		{"Hedged or planned", "None.", b.Hedged},
		{"Denied", "None.", b.Denied},
		{"Where sources disagree", "No disagreements among the sources.", b.Disagreements},
	}})
}

// WriteTable writes the timeline as an aligned table, for a person to
// read: rows only for the periods and directions that have events (the
// other formats keep every period, so that charts have an even axis).
func (t *Timeline) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "PERIOD\tDIRECTION\tVERB COOP\tMAT COOP\tVERB CONF\tMAT CONF\tEVENTS\tGOLDSTEIN SUM\tMEAN\t\n")
	for _, b := range t.Bins {
		for _, d := range []struct {
			dir string
			f   Flow
		}{{t.ALabel + "→" + t.BLabel, b.AtoB}, {t.BLabel + "→" + t.ALabel, b.BtoA}} {
			if d.f.Events == 0 {
				continue
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%.1f\t%.2f\t\n", b.Period, d.dir, d.f.Count[1], d.f.Count[2], d.f.Count[3], d.f.Count[4], d.f.Events, d.f.GoldsteinSum, d.f.GoldsteinMean)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if t.Undated > 0 {
		_, err := fmt.Fprintf(w, "(%d undated events not shown)\n", t.Undated)
		return err
	}
	return nil
}

// WriteCSV writes the timeline as CSV, one row per period and direction.
func (t *Timeline) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"period", "start", "source", "target", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict", "events", "goldstein_sum", "goldstein_mean"})
	for _, b := range t.Bins {
		for _, d := range []struct {
			s, t string
			f    Flow
		}{{t.ALabel, t.BLabel, b.AtoB}, {t.BLabel, t.ALabel, b.BtoA}} {
			cw.Write([]string{b.Period, b.Start.Format("2006-01-02"), d.s, d.t, strconv.Itoa(d.f.Count[1]), strconv.Itoa(d.f.Count[2]),
				strconv.Itoa(d.f.Count[3]), strconv.Itoa(d.f.Count[4]), strconv.Itoa(d.f.Events),
				strconv.FormatFloat(d.f.GoldsteinSum, 'f', 1, 64), strconv.FormatFloat(d.f.GoldsteinMean, 'f', 3, 64)})
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteDOT writes the network in Graphviz's DOT language.
func (n *Network) WriteDOT(w io.Writer) error {
	var sb strings.Builder
	sb.WriteString("digraph dyad {\n  rankdir=LR;\n  node [shape=box, style=rounded];\n")
	for _, nd := range n.Nodes {
		fmt.Fprintf(&sb, "  %s [label=%s, events=%d];\n", strconv.Quote(string(nd.Code)), strconv.Quote(nodeLabel(nd)), nd.Events)
	}
	for _, e := range n.Edges {
		color := "gray40"
		switch {
		case e.GoldsteinSum > 0:
			color = "forestgreen"
		case e.GoldsteinSum < 0:
			color = "firebrick"
		}
		fmt.Fprintf(&sb, "  %s -> %s [weight=%d, label=%s, goldstein=%.1f, latest=%s, color=%s];\n", strconv.Quote(string(e.Source)), strconv.Quote(string(e.Target)),
			e.Count, strconv.Quote(strconv.Itoa(e.Count)), e.GoldsteinSum, strconv.Quote(e.Latest), color)
	}
	sb.WriteString("}\n")
	_, err := io.WriteString(w, sb.String())
	return err
}

func nodeLabel(n Node) string {
	if n.Name != "" && n.Name != string(n.Code) {
		return n.Name + " (" + string(n.Code) + ")"
	}
	return string(n.Code)
}

// WriteGraphML writes the network as GraphML.
func (n *Network) WriteGraphML(w io.Writer) error {
	type data struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}
	type node struct {
		ID   string `xml:"id,attr"`
		Data []data `xml:"data"`
	}
	type edge struct {
		Source string `xml:"source,attr"`
		Target string `xml:"target,attr"`
		Data   []data `xml:"data"`
	}
	type key struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	}
	type graph struct {
		ID      string `xml:"id,attr"`
		Default string `xml:"edgedefault,attr"`
		Nodes   []node `xml:"node"`
		Edges   []edge `xml:"edge"`
	}
	type graphml struct {
		XMLName xml.Name `xml:"graphml"`
		NS      string   `xml:"xmlns,attr"`
		Keys    []key    `xml:"key"`
		Graph   graph    `xml:"graph"`
	}
	g := graphml{NS: "http://graphml.graphdrawing.org/xmlns", Keys: []key{
		{"name", "node", "name", "string"}, {"country", "node", "country", "string"}, {"role", "node", "role", "string"}, {"events", "node", "events", "int"},
		{"count", "edge", "count", "int"}, {"goldstein", "edge", "goldstein_sum", "double"}, {"latest", "edge", "latest", "string"},
	}, Graph: graph{ID: "dyad", Default: "directed"}}
	for _, nd := range n.Nodes {
		g.Graph.Nodes = append(g.Graph.Nodes, node{ID: string(nd.Code), Data: []data{{"name", nd.Name}, {"country", nd.Country}, {"role", nd.Role}, {"events", strconv.Itoa(nd.Events)}}})
	}
	for _, e := range n.Edges {
		g.Graph.Edges = append(g.Graph.Edges, edge{Source: string(e.Source), Target: string(e.Target),
			Data: []data{{"count", strconv.Itoa(e.Count)}, {"goldstein", strconv.FormatFloat(e.GoldsteinSum, 'f', 1, 64)}, {"latest", e.Latest}}})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(g); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
