// Package export writes events in the formats that the field's existing
// tools read: GDELT 2.0's event table and PLOVER-style JSON Lines.
package export

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-project/dyad/cameo"
	"github.com/dyad-project/dyad/dyad"
)

// GDELTColumns names the 61 columns of a GDELT 2.0 event row, in order.
var GDELTColumns = []string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// GlobalEventID maps a dyad event ID to the positive 63-bit integer that
// GDELT's GLOBALEVENTID column holds; the same event always gets the same one.
func GlobalEventID(id dyad.EventID) int64 {
	sum := sha256.Sum256([]byte(id))
	return int64(binary.BigEndian.Uint64(sum[:8]) >> 1)
}

// GDELTRow returns the 61 fields of e's row. What dyad does not know (tone,
// ethnic and religion codes, ADM codes, FIPS geo country codes, feature
// IDs) is left empty; the actors' geography is not separate from the
// action's in dyad, so only ActionGeo is filled.
func GDELTRow(e *dyad.Event) []string {
	row := make([]string, len(GDELTColumns))
	row[0] = strconv.FormatInt(GlobalEventID(e.ID), 10)
	if e.Date.Known() {
		d := e.Date.First()
		row[1] = d.Format("20060102")
		row[2] = d.Format("200601")
		row[3] = d.Format("2006")
		// GDELT's FractionDate counts 30-day months: ((month-1)*30+day)/365,
		// which stays below 1 on 31 December (the day of the year over 365
		// gave 2026.0000 for 2025-12-31).
		row[4] = strconv.FormatFloat(float64(d.Year())+float64((int(d.Month())-1)*30+d.Day())/365, 'f', 4, 64)
	}
	actor := func(at int, a dyad.Actor) {
		row[at] = string(a.Code)
		row[at+1] = strings.ToUpper(a.Name)
		if len(a.Country) == 3 {
			row[at+2] = a.Country
		}
		row[at+7] = a.Role
	}
	actor(5, e.Source)
	actor(15, e.Target)
	row[25] = "1"
	row[26] = string(e.Code)
	row[27] = string(e.Code)[:min(3, len(e.Code))]
	row[28] = e.Code.Root()
	row[29] = strconv.Itoa(e.QuadClass)
	row[30] = strconv.FormatFloat(e.Goldstein, 'f', 1, 64)
	row[31] = strconv.Itoa(e.NumMentions)
	row[32] = strconv.Itoa(e.NumSources)
	row[33] = strconv.Itoa(e.NumDocuments)
	if p := e.Location; p != nil {
		row[51] = strconv.Itoa(geoType(p))
		row[52] = p.Name
		row[56] = strconv.FormatFloat(p.Lat, 'f', 4, 64)
		row[57] = strconv.FormatFloat(p.Lon, 'f', 4, 64)
	}
	var added time.Time
	for _, m := range e.Mentions {
		if !m.Published.IsZero() && (added.IsZero() || m.Published.Before(added)) {
			added = m.Published
		}
	}
	if !added.IsZero() {
		row[59] = added.UTC().Format("20060102150405")
	}
	row[60] = firstURL(e)
	for i, f := range row {
		row[i] = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(f)
	}
	return row
}

// geoType gives GDELT's geographic resolution: 1 country, 2 US state,
// 3 US city, 4 world city, 5 world state.
func geoType(p *dyad.Place) int {
	switch p.Kind {
	case "country":
		return 1
	case "region":
		if p.Country == "USA" {
			return 2
		}
		return 5
	}
	if p.Country == "USA" {
		return 3
	}
	return 4
}

// firstURL returns the URL of the earliest-published mention that has one:
// the first independent source to report the event.
func firstURL(e *dyad.Event) string {
	var best *dyad.Mention
	for _, m := range e.Mentions {
		if m.URL == "" {
			continue
		}
		if best == nil || m.Published.Before(best.Published) || (m.Published.Equal(best.Published) && m.ID < best.ID) {
			best = m
		}
	}
	if best == nil {
		return ""
	}
	return best.URL
}

// WriteGDELT writes events as GDELT 2.0 event rows: 61 tab-separated
// fields, no header, as GDELT publishes them.
func WriteGDELT(w io.Writer, evs []*dyad.Event) error {
	bw := bufio.NewWriter(w)
	for _, e := range evs {
		bw.WriteString(strings.Join(GDELTRow(e), "\t"))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// ploverEvent is one event in PLOVER's JSON shape.
type ploverEvent struct {
	ID            string        `json:"id"`
	Date          string        `json:"date"`
	DatePrecision string        `json:"date_precision"`
	EventType     string        `json:"event_type"`
	Mode          string        `json:"mode"`
	Context       []string      `json:"context"`
	SourceActor   string        `json:"source_actor"`
	SourceAgent   string        `json:"source_agent"`
	TargetActor   string        `json:"target_actor"`
	TargetAgent   string        `json:"target_agent"`
	EventText     string        `json:"event_text"`
	Cameo         string        `json:"cameo"`
	Certainty     string        `json:"certainty"`
	Location      *ploverPlace  `json:"location,omitempty"`
	NumSources    int           `json:"num_sources"`
	Sources       []ploverCited `json:"sources"`
}

type ploverPlace struct {
	Name    string  `json:"name"`
	Country string  `json:"country"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
}

type ploverCited struct {
	Doc    string `json:"doc"`
	Outlet string `json:"outlet"`
	URL    string `json:"url"`
}

// WritePLOVER writes events as PLOVER-style JSON Lines: event type and mode
// from the CAMEO-to-PLOVER mapping, actors as country codes with their
// sector as the agent.
func WritePLOVER(w io.Writer, evs []*dyad.Event) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, e := range evs {
		p := ploverEvent{ID: string(e.ID), Date: e.Date.String(), DatePrecision: string(e.Date.PrecisionOrUnknown()),
			EventType: e.Plover, Context: []string{}, SourceActor: e.Source.Country, SourceAgent: e.Source.Role,
			TargetActor: e.Target.Country, TargetAgent: e.Target.Role, Cameo: string(e.Code), Certainty: string(e.Certainty),
			NumSources: e.NumSources, Sources: []ploverCited{}}
		if info, ok := cameo.Lookup(e.Code); ok {
			p.Mode = info.PloverMode
			if p.EventType == "" {
				p.EventType = info.Plover
			}
		}
		if e.Location != nil {
			p.Location = &ploverPlace{e.Location.Name, e.Location.Country, e.Location.Lat, e.Location.Lon}
		}
		if len(e.Mentions) > 0 {
			p.EventText = e.Mentions[0].Text
		}
		for _, m := range e.Mentions {
			p.Sources = append(p.Sources, ploverCited{string(m.Doc), m.Outlet, m.URL})
		}
		if err := enc.Encode(p); err != nil {
			return fmt.Errorf("write plover: %w", err)
		}
	}
	return nil
}
