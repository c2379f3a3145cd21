// The timeline chart of a dyad: per period, stacked bars of events by
// QuadClass, A→B above the axis and B→A below it, the mean Goldstein score
// as a line on its own scale (−10…+10, right), and a brush: drag across the
// chart to pick a date range.
import { h, s, QUAD } from './dom.js';

const W = 720, H = 340, M = { top: 24, right: 44, bottom: 40, left: 44 };
const KEYS = ['verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict'];

// timelineChart returns the chart's element. onBrush(firstBin, lastBin) is
// called with the bins a drag covers, or (null, null) when it is cleared.
export function timelineChart(t, { onBrush, selected } = {}) {
  const bins = t.bins || [];
  const box = h('figure', { class: 'chart timeline-chart' });
  if (bins.length === 0) {
    box.append(h('p', { class: 'muted' }, t.undated ? `No dated events (${t.undated} undated).` : 'No events between these actors.'));
    return box;
  }
  const iw = W - M.left - M.right, ih = H - M.top - M.bottom;
  const maxUp = Math.max(1, ...bins.map((b) => b.a_to_b.events));
  const maxDown = Math.max(1, ...bins.map((b) => b.b_to_a.events));
  const total = maxUp + maxDown;
  const zero = M.top + ih * (maxUp / total);
  const unit = ih / total;
  const bw = iw / bins.length;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'timeline', role: 'img', 'aria-label': `Events between ${t.a} and ${t.b} by ${t.by}` });
  svg.append(s('title', null, `Events between ${t.a} and ${t.b} by ${t.by}`));

  // Bars.
  const bars = s('g', { class: 'bars' });
  bins.forEach((b, i) => {
    const x = M.left + i * bw + bw * 0.12, w = Math.max(1, bw * 0.76);
    let up = zero, down = zero;
    KEYS.forEach((k, q) => {
      const nUp = b.a_to_b[k], nDown = b.b_to_a[k];
      if (nUp > 0) {
        up -= nUp * unit;
        bars.append(s('rect', { x, y: up, width: w, height: nUp * unit, class: 'bar ' + QUAD[q + 1].cls },
          s('title', null, `${b.period}: ${nUp} ${QUAD[q + 1].name.toLowerCase()}, ${t.a} → ${t.b}`)));
      }
      if (nDown > 0) {
        bars.append(s('rect', { x, y: down, width: w, height: nDown * unit, class: 'bar down ' + QUAD[q + 1].cls },
          s('title', null, `${b.period}: ${nDown} ${QUAD[q + 1].name.toLowerCase()}, ${t.b} → ${t.a}`)));
        down += nDown * unit;
      }
    });
  });
  svg.append(bars);

  // Axes.
  svg.append(s('line', { x1: M.left, x2: W - M.right, y1: zero, y2: zero, class: 'axis' }));
  svg.append(s('text', { x: M.left - 6, y: M.top + 10, class: 'tick', 'text-anchor': 'end' }, String(maxUp)));
  svg.append(s('text', { x: M.left - 6, y: M.top + ih, class: 'tick', 'text-anchor': 'end' }, String(maxDown)));
  svg.append(s('text', { x: M.left + 4, y: M.top - 8, class: 'dir' }, `${t.a} → ${t.b}`));
  svg.append(s('text', { x: M.left + 4, y: H - 6, class: 'dir' }, `${t.b} → ${t.a}`));
  const every = Math.max(1, Math.ceil(bins.length / 8));
  bins.forEach((b, i) => {
    if (i % every === 0) {
      svg.append(s('text', { x: M.left + (i + 0.5) * bw, y: M.top + ih + 14, class: 'tick', 'text-anchor': 'middle' }, b.period));
    }
  });

  // Goldstein mean line, on −10…+10.
  const gy = (g) => M.top + ih * (1 - (g + 10) / 20);
  svg.append(s('text', { x: W - M.right + 6, y: gy(10) + 4, class: 'tick gold' }, '+10'));
  svg.append(s('text', { x: W - M.right + 6, y: gy(0) + 4, class: 'tick gold' }, '0'));
  svg.append(s('text', { x: W - M.right + 6, y: gy(-10), class: 'tick gold' }, '−10'));
  const pts = [];
  bins.forEach((b, i) => {
    const n = b.a_to_b.events + b.b_to_a.events;
    if (n > 0) pts.push([M.left + (i + 0.5) * bw, gy((b.a_to_b.goldstein_sum + b.b_to_a.goldstein_sum) / n), b, n]);
  });
  if (pts.length > 1) {
    svg.append(s('polyline', { points: pts.map((p) => p[0].toFixed(1) + ',' + p[1].toFixed(1)).join(' '), class: 'goldstein' }));
  }
  for (const [x, y, b, n] of pts) {
    svg.append(s('circle', { cx: x, cy: y, r: 3.5, class: 'goldstein-dot' },
      s('title', null, `${b.period}: mean Goldstein ${((b.a_to_b.goldstein_sum + b.b_to_a.goldstein_sum) / n).toFixed(1)} over ${n} event${n === 1 ? '' : 's'}`)));
  }

  // Brush.
  const sel = s('rect', { class: 'brush-sel', y: M.top, height: ih, x: 0, width: 0, visibility: 'hidden' });
  const overlay = s('rect', { class: 'brush', x: M.left, y: M.top, width: iw, height: ih });
  svg.append(sel, overlay);
  const binAt = (clientX) => {
    const r = svg.getBoundingClientRect();
    const x = (clientX - r.left) * (W / r.width);
    return Math.max(0, Math.min(bins.length - 1, Math.floor((x - M.left) / bw)));
  };
  const show = (i, j) => {
    const [a, b] = i <= j ? [i, j] : [j, i];
    sel.setAttribute('x', M.left + a * bw);
    sel.setAttribute('width', (b - a + 1) * bw);
    sel.setAttribute('visibility', 'visible');
  };
  if (selected) {
    const i = bins.findIndex((b) => b.period === selected[0]);
    const j = bins.findIndex((b) => b.period === selected[1]);
    if (i >= 0 && j >= 0) show(i, j);
  }
  let start = -1;
  overlay.addEventListener('pointerdown', (ev) => {
    start = binAt(ev.clientX);
    overlay.setPointerCapture(ev.pointerId);
    show(start, start);
  });
  overlay.addEventListener('pointermove', (ev) => { if (start >= 0) show(start, binAt(ev.clientX)); });
  overlay.addEventListener('pointerup', (ev) => {
    if (start < 0) return;
    const end = binAt(ev.clientX);
    const [a, b] = start <= end ? [start, end] : [end, start];
    start = -1;
    if (onBrush) onBrush(bins[a], bins[b]);
  });
  box.append(svg);

  const legend = h('figcaption', { class: 'legend' },
    [1, 2, 3, 4].map((q) => h('span', { class: 'key' }, h('i', { class: 'swatch ' + QUAD[q].cls }), QUAD[q].name)),
    h('span', { class: 'key' }, h('i', { class: 'swatch gold' }), 'Mean Goldstein (right scale)'),
    h('span', { class: 'muted' }, ' Drag across the chart to pick dates.'));
  box.append(legend);
  if (t.undated) box.append(h('p', { class: 'muted small' }, `${t.undated} undated event${t.undated === 1 ? '' : 's'} not shown.`));
  return box;
}

// binEnd returns the last day (YYYY-MM-DD) of a bin of a timeline by `by`.
export function binEnd(bin, by) {
  const d = new Date(bin.start);
  if (by === 'year') d.setUTCFullYear(d.getUTCFullYear() + 1);
  else if (by === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
  else if (by === 'week') d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCDate(d.getUTCDate() + 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function binStart(bin) {
  return new Date(bin.start).toISOString().slice(0, 10);
}
