package query

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/dyad-project/dyad/dyad"
)

// Period is the width of a timeline's bins.
type Period string

// The periods a timeline may be binned by.
const (
	ByDay   Period = "day"
	ByWeek  Period = "week"
	ByMonth Period = "month"
	ByYear  Period = "year"
)

// ParsePeriod checks a --by value.
func ParsePeriod(s string) (Period, error) {
	switch p := Period(s); p {
	case ByDay, ByWeek, ByMonth, ByYear:
		return p, nil
	}
	return "", dyad.Errorf(dyad.EINVALID, "--by %q: want day, week, month or year", s)
}

// Start returns the first day of the period that contains t (weeks start on
// Monday, as ISO 8601 has them).
func (p Period) Start(t time.Time) time.Time {
	y, m, d := t.Date()
	switch p {
	case ByYear:
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	case ByMonth:
		return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	case ByWeek:
		day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		return day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
	}
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Label formats the period starting at t.
func (p Period) Label(t time.Time) string {
	switch p {
	case ByYear:
		return t.Format("2006")
	case ByMonth:
		return t.Format("2006-01")
	case ByWeek:
		y, w := t.ISOWeek()
		return fmt.Sprintf("%d-W%02d", y, w)
	}
	return t.Format("2006-01-02")
}

// Flow is what one side did to the other in one period.
type Flow struct {
	// Count holds the number of events per QuadClass: Count[1] verbal
	// cooperation … Count[4] material conflict; Count[0] is unused.
	Count         [5]int  `json:"-"`
	VerbalCoop    int     `json:"verbal_cooperation"`
	MaterialCoop  int     `json:"material_cooperation"`
	VerbalConf    int     `json:"verbal_conflict"`
	MaterialConf  int     `json:"material_conflict"`
	Events        int     `json:"events"`
	GoldsteinSum  float64 `json:"goldstein_sum"`
	GoldsteinMean float64 `json:"goldstein_mean"`
}

func (f *Flow) add(e *dyad.Event) {
	if e.QuadClass >= 1 && e.QuadClass <= 4 {
		f.Count[e.QuadClass]++
	}
	f.Events++
	f.GoldsteinSum += e.Goldstein
	f.VerbalCoop, f.MaterialCoop, f.VerbalConf, f.MaterialConf = f.Count[1], f.Count[2], f.Count[3], f.Count[4]
	f.GoldsteinMean = f.GoldsteinSum / float64(f.Events)
}

// A Bin is one period of a timeline: A's actions toward B and B's toward A.
type Bin struct {
	Period string    `json:"period"`
	Start  time.Time `json:"start"`
	AtoB   Flow      `json:"a_to_b"`
	BtoA   Flow      `json:"b_to_a"`
}

// Timeline is the history of a dyad, binned.
type Timeline struct {
	A, B    string `json:"-"`
	ALabel  string `json:"a"`
	BLabel  string `json:"b"`
	By      Period `json:"by"`
	Bins    []Bin  `json:"bins"`
	Undated int    `json:"undated"` // events of the dyad with no date, left out of the bins
}

// TimelineOf bins the events between a and b (either direction) that f
// also selects; f's Dyad is set from a and b. Empty periods between the
// first and last are included so that a chart's axis is even.
func TimelineOf(ctx context.Context, r dyad.EventReader, a, b dyad.ActorSelector, aLabel, bLabel string, by Period, f dyad.EventFilter) (*Timeline, error) {
	f.Dyad = [2]dyad.ActorSelector{a, b}
	f.Limit, f.After, f.WithMentions = 0, "", false
	evs, _, err := r.FindEvents(ctx, f)
	if err != nil {
		return nil, err
	}
	t := &Timeline{ALabel: aLabel, BLabel: bLabel, By: by, Bins: []Bin{}}
	bins := map[time.Time]*Bin{}
	for _, e := range evs {
		if !e.Date.Known() {
			t.Undated++
			continue
		}
		start := by.Start(e.Date.First())
		bin := bins[start]
		if bin == nil {
			bin = &Bin{Period: by.Label(start), Start: start}
			bins[start] = bin
		}
		if a.Matches(e.Source) && b.Matches(e.Target) {
			bin.AtoB.add(e)
		} else {
			bin.BtoA.add(e)
		}
	}
	if len(bins) == 0 {
		return t, nil
	}
	starts := make([]time.Time, 0, len(bins))
	for s := range bins {
		starts = append(starts, s)
	}
	slices.SortFunc(starts, time.Time.Compare)
	for s := starts[0]; !s.After(starts[len(starts)-1]); s = next(by, s) {
		if bin := bins[s]; bin != nil {
			t.Bins = append(t.Bins, *bin)
		} else {
			t.Bins = append(t.Bins, Bin{Period: by.Label(s), Start: s})
		}
		if len(t.Bins) > 100000 {
			return nil, dyad.Errorf(dyad.EINVALID, "timeline of more than 100000 %ss: choose a wider --by", by)
		}
	}
	return t, nil
}

func next(by Period, t time.Time) time.Time {
	switch by {
	case ByYear:
		return t.AddDate(1, 0, 0)
	case ByMonth:
		return t.AddDate(0, 1, 0)
	case ByWeek:
		return t.AddDate(0, 0, 7)
	}
	return t.AddDate(0, 0, 1)
}
