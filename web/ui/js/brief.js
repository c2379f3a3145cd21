// A cited brief rendered from /api/brief's JSON: each line with its
// citation numbers, which link to the numbered source list.
import { certaintyBadge, extLink, h, route } from './dom.js';

const SECTIONS = [
  ['snapshot', 'Snapshot'],
  ['confirmed', 'Confirmed by independent sources'],
  ['reported', 'Reported'],
  ['hedged', 'Hedged or planned'],
  ['denied', 'Denied'],
  ['disagreements', 'Where sources disagree'],
];

export function briefView(b, idPrefix = 'src') {
  const box = h('article', { class: 'brief' }, h('h2', null, b.title), h('p', { class: 'muted' }, `${b.period} · ${b.events} event${b.events === 1 ? '' : 's'}`));
  if (b.events === 0) {
    box.append(h('p', null, 'No events in this period.'));
    return box;
  }
  for (const [key, name] of SECTIONS) {
    const lines = b[key] || [];
    if (lines.length === 0) continue;
    box.append(h('h3', null, name), h('ul', { class: 'lines' }, lines.map((l) => h('li', null,
      h('a', { href: route('event/' + encodeURIComponent(l.event)), class: 'line' }, l.text), ' ',
      l.cites.map((n) => h('a', { href: '#' + idPrefix + '-' + n, class: 'cite', onclick: (ev) => {
        ev.preventDefault();
        const el = document.getElementById(idPrefix + '-' + n);
        if (el) { el.scrollIntoView({ block: 'nearest' }); el.classList.add('flash'); setTimeout(() => el.classList.remove('flash'), 1200); }
      } }, `[${n}]`)),
      key === 'snapshot' ? null : [' ', certaintyBadge(l.certainty)],
      l.quote ? h('blockquote', null, l.quote) : null))));
  }
  if ((b.sources || []).length) {
    box.append(h('h3', null, 'Sources'), h('ol', { class: 'sources' }, b.sources.map((src) => h('li', { id: idPrefix + '-' + src.n, value: src.n },
      src.doc ? h('a', { href: route('doc/' + encodeURIComponent(src.doc)) }, src.title || src.doc) : (src.title || ''),
      src.outlet ? ` — ${src.outlet}` : '', src.date ? `, ${src.date}` : '', ' ',
      src.url ? extLink(src.url) : null,
      src.copies && src.copies.length ? h('div', { class: 'muted small' }, `Same story: ${src.copies.join('; ')}`) : null))));
  }
  return box;
}
