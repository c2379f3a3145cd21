package query

import (
	"fmt"
	"html"
	"io"
	"strings"
)

// Colors of the QuadClasses in charts: greens for cooperation, reds for
// conflict, the verbal kind lighter than the material one.
var quadColors = [5]string{"", "#8fd19e", "#2e9e4f", "#f2a0a0", "#c8322f"}

var quadNames = [5]string{"", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}

// WriteSVG draws the timeline as a bar chart: for each period one bar per
// direction, cooperation stacked above the axis and conflict below it, so
// the shape of a relationship reads at a glance. Each bar segment is a
// rect of class "bar" carrying data-period, data-direction and
// data-quadclass attributes.
func (t *Timeline) WriteSVG(w io.Writer) error {
	const (
		width, height = 900, 420
		left, right   = 56, 16
		top, bottom   = 40, 70
	)
	plotW, plotH := float64(width-left-right), float64(height-top-bottom)
	maxUp, maxDown := 1, 1
	for _, b := range t.Bins {
		for _, f := range []Flow{b.AtoB, b.BtoA} {
			maxUp = max(maxUp, f.Count[1]+f.Count[2])
			maxDown = max(maxDown, f.Count[3]+f.Count[4])
		}
	}
	scale := plotH / float64(maxUp+maxDown)
	axisY := float64(top) + float64(maxUp)*scale
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="11">`+"\n", width, height, width, height)
	fmt.Fprintf(&sb, `<title>%s</title>`+"\n", html.EscapeString(fmt.Sprintf("Events between %s and %s by %s", t.ALabel, t.BLabel, t.By)))
	fmt.Fprintf(&sb, `<text x="%d" y="20" font-size="14" font-weight="bold">%s</text>`+"\n", left, html.EscapeString(fmt.Sprintf("%s ⇄ %s, events by %s (left bar %s→%s, right bar %s→%s)", t.ALabel, t.BLabel, t.By, t.ALabel, t.BLabel, t.BLabel, t.ALabel)))
	n := max(len(t.Bins), 1)
	slot := plotW / float64(n)
	barW := max(slot*0.4, 1)
	every := max(1, n/15) // label at most ~15 periods
	for i, b := range t.Bins {
		x0 := float64(left) + float64(i)*slot + slot*0.1
		for d, f := range []Flow{b.AtoB, b.BtoA} {
			x := x0 + float64(d)*barW
			dir := t.ALabel + "→" + t.BLabel
			if d == 1 {
				dir = t.BLabel + "→" + t.ALabel
			}
			y := axisY
			for _, q := range []int{2, 1} { // material cooperation nearest the axis
				if c := f.Count[q]; c > 0 {
					h := float64(c) * scale
					y -= h
					bar(&sb, x, y, barW, h, q, b.Period, dir, c)
				}
			}
			y = axisY
			for _, q := range []int{4, 3} {
				if c := f.Count[q]; c > 0 {
					h := float64(c) * scale
					bar(&sb, x, y, barW, h, q, b.Period, dir, c)
					y += h
				}
			}
		}
		if i%every == 0 {
			fmt.Fprintf(&sb, `<text x="%.1f" y="%d" text-anchor="end" transform="rotate(-45 %.1f %d)">%s</text>`+"\n",
				x0+barW, height-bottom+14, x0+barW, height-bottom+14, html.EscapeString(b.Period))
		}
	}
	fmt.Fprintf(&sb, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#333"/>`+"\n", left, axisY, width-right, axisY)
	fmt.Fprintf(&sb, `<text x="%d" y="%d" text-anchor="end">+%d</text><text x="%d" y="%.1f" text-anchor="end">0</text><text x="%d" y="%d" text-anchor="end">−%d</text>`+"\n",
		left-6, top+4, maxUp, left-6, axisY+4, left-6, height-bottom, maxDown)
	for q := 1; q <= 4; q++ {
		x := left + (q-1)*190
		fmt.Fprintf(&sb, `<rect x="%d" y="%d" width="10" height="10" fill="%s"/><text x="%d" y="%d">%s</text>`+"\n", x, height-14, quadColors[q], x+14, height-5, quadNames[q])
	}
	if len(t.Bins) == 0 {
		fmt.Fprintf(&sb, `<text x="%d" y="%.1f" fill="#666">no dated events</text>`+"\n", left+10, axisY-10)
	}
	sb.WriteString("</svg>\n")
	_, err := io.WriteString(w, sb.String())
	return err
}

func bar(sb *strings.Builder, x, y, w, h float64, q int, period, dir string, count int) {
	fmt.Fprintf(sb, `<rect class="bar" x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s" data-period="%s" data-direction="%s" data-quadclass="%d"><title>%s</title></rect>`+"\n",
		x, y, w, h, quadColors[q], html.EscapeString(period), html.EscapeString(dir), q, html.EscapeString(fmt.Sprintf("%s %s: %d %s", period, dir, count, quadNames[q])))
}
