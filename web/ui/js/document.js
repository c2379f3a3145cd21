// The document page: its text with the coded spans highlighted (each links
// to its event), and its own sourcing audit: which claims cite which
// listed sources, which sources repeat each other, which claims cite none.
import { api } from './api.js';
import { cut, extLink, h, humanDate, route, utf8 } from './dom.js';

export async function renderDocument(main, id) {
  const d = await api('/api/documents/' + encodeURIComponent(id));
  main.append(
    h('p', { class: 'crumbs' }, h('a', { href: route('search') }, 'Search'), ' › document'),
    h('h1', { class: 'doc-title' }, d.title || '(untitled)'),
    h('p', { class: 'muted doc-meta' }, d.outlet || 'unknown outlet', ' · ',
      d.published ? humanDate(d.published.slice(0, 10)) + (d.published_inferred ? ' (inferred from the text)' : '') : 'date unknown',
      d.url ? [' · ', extLink(d.url)] : null,
      d.story && d.story !== d.id ? [' · ', h('a', { href: route('doc/' + encodeURIComponent(d.story)) }, 'first copy of this story')] : null));

  main.append(h('div', { class: 'doc-grid' },
    h('section', { class: 'doc-text-box' }, h('h2', null, `Text · ${d.mentions.length} coded span${d.mentions.length === 1 ? '' : 's'}`), docText(d)),
    h('aside', { class: 'audit' }, audit(d))));
}

// docText cuts the text at every mention boundary and marks the pieces
// that some mention covers.
function docText(d) {
  const bytes = utf8(d.text);
  const cuts = new Set([0, bytes.length]);
  for (const m of d.mentions) {
    if (m.start >= 0 && m.end <= bytes.length && m.start < m.end) { cuts.add(m.start); cuts.add(m.end); }
  }
  const points = [...cuts].sort((x, y) => x - y);
  const box = h('div', { class: 'doc-text' });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const text = cut(bytes, a, b);
    const covering = d.mentions.filter((m) => m.start <= a && m.end >= b && m.start < m.end);
    if (covering.length === 0) {
      box.append(text);
      continue;
    }
    const m = covering[0];
    const label = covering.map((x) => `${x.source.code} → ${x.target.code} ${x.cameo} ${x.plover} (${x.certainty})`).join('\n');
    const mark = h('mark', { class: 'span q' + m.quad_class, title: label, tabindex: 0, dataset: { event: m.event || '' } }, text);
    if (m.event) {
      const open = () => { location.hash = route('event/' + encodeURIComponent(m.event)); };
      mark.addEventListener('click', open);
      mark.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') open(); });
    }
    box.append(mark);
  }
  return box;
}

function audit(d) {
  const a = d.audit;
  const box = h('div', null, h('h2', null, 'Sourcing audit'));
  const listed = a.sources.length;
  box.append(h('p', { class: 'audit-summary' }, listed === 0
    ? 'The document lists no sources.'
    : `${listed} listed source${listed === 1 ? '' : 's'}, ${a.independent} independent stor${a.independent === 1 ? 'y' : 'ies'}.`));
  if (listed) {
    box.append(h('h3', null, 'Sources'), h('ol', { class: 'sources' }, a.sources.map((s) => h('li', { value: s.n },
      s.title || '(no title)', s.outlet ? ` — ${s.outlet}` : '', ' ', s.url ? extLink(s.url) : null,
      h('span', { class: 'muted small' }, ` · cited by ${s.cited_by} sentence${s.cited_by === 1 ? '' : 's'}`),
      s.same_as ? h('span', { class: 'badge dup' }, ` same story as [${s.same_as}]`) : null))));
  }
  if (a.groups && a.groups.length) {
    box.append(h('h3', null, 'Duplicate sources'), h('ul', null, a.groups.map((g) => h('li', null,
      `${g.map((n) => `[${n}]`).join(', ')} tell the same story`))));
  }
  if (a.cited_not_listed && a.cited_not_listed.length) {
    box.append(h('p', { class: 'warn' }, `Cited but not listed: ${a.cited_not_listed.map((n) => `[${n}]`).join(' ')}`));
  }
  if (a.listed_not_cited && a.listed_not_cited.length) {
    box.append(h('p', { class: 'muted' }, `Listed but never cited: ${a.listed_not_cited.map((n) => `[${n}]`).join(' ')}`));
  }
  const cited = a.claims.filter((c) => c.citations && c.citations.length);
  if (cited.length) {
    box.append(h('h3', null, 'Cited claims'), h('ul', { class: 'claims' }, cited.map((c) => h('li', null, c.text, ' ',
      h('span', { class: 'cite' }, c.citations.map((n) => `[${n}]`).join('')),
      h('span', { class: 'muted small' }, ` · ${c.independent} independent`)))));
  }
  box.append(h('h3', null, `Uncited claims (${a.uncited.length})`));
  box.append(a.uncited.length
    ? h('ul', { class: 'claims uncited' }, a.uncited.map((c) => h('li', null, c.text)))
    : h('p', { class: 'muted' }, 'Every claim cites a source.'));
  return box;
}
