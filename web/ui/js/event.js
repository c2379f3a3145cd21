// The event page: what happened, how sure and how well sourced it is,
// where the sources disagree, and every mention with its sentence
// highlighted in context, grouped by story (copies of one story together).
import { api } from './api.js';
import { actorLabel, certaintyBadge, conflictText, eventDate, extLink, h, highlighted, QUAD, route } from './dom.js';

export async function renderEvent(main, id) {
  const e = await api('/api/events/' + encodeURIComponent(id));
  const quad = QUAD[e.quad_class] || { name: '', cls: '' };
  main.append(
    h('p', { class: 'crumbs' }, h('a', { href: route('search') }, 'Search'), ' › ',
      h('a', { href: route('dyad', { a: e.source.name || e.source.code, b: e.target.name || e.target.code }) }, `${e.source.name || e.source.code} – ${e.target.name || e.target.code}`)),
    h('h1', { class: 'event-title' }, actorLabel(e.source), ' → ', actorLabel(e.target)),
    h('dl', { class: 'facts' },
      h('dt', null, 'Action'), h('dd', null, h('span', { class: 'code ' + quad.cls }, e.cameo), ` ${e.plover} · ${quad.name} · Goldstein ${(e.goldstein > 0 ? '+' : '') + e.goldstein.toFixed(1)}`),
      h('dt', null, 'Date'), h('dd', null, eventDate(e), e.date_precision !== 'unknown' ? h('span', { class: 'muted' }, ` (${e.date_precision})`) : null),
      h('dt', null, 'Certainty'), h('dd', null, certaintyBadge(e.certainty), e.attributed_to ? ` according to ${e.attributed_to.text}` : ''),
      e.location ? [h('dt', null, 'Place'), h('dd', null, `${e.location.name}, ${e.location.country}`)] : null,
      h('dt', null, 'Sourcing'), h('dd', { class: 'sourcing' }, `${e.num_mentions} mention${e.num_mentions === 1 ? '' : 's'} in ${e.num_documents} document${e.num_documents === 1 ? '' : 's'} from `,
        h('strong', null, `${e.num_sources} independent source${e.num_sources === 1 ? '' : 's'}`))),
  );
  if (e.conflicts.length) {
    main.append(h('section', { class: 'conflicts' }, h('h2', null, 'Where sources disagree'),
      h('ul', null, e.conflicts.map((c) => h('li', null, h('strong', null, c.field + ': '), conflictText(c))))));
  }

  // Group mentions by story, in order of first appearance.
  const stories = new Map();
  e.mentions.forEach((m, i) => {
    const c = e.contexts[i] || { story: m.doc, sentence: m.text, start: 0, end: 0 };
    if (!stories.has(c.story)) stories.set(c.story, []);
    stories.get(c.story).push({ m, c });
  });
  const list = h('section', { class: 'mentions' }, h('h2', null, `Mentions, by story (${stories.size} stor${stories.size === 1 ? 'y' : 'ies'})`));
  let n = 0;
  for (const [story, items] of stories) {
    const docs = new Set(items.map((x) => x.m.doc));
    const group = h('div', { class: 'story', dataset: { story } },
      h('h3', null, items[0].c.title || items[0].m.outlet || story,
        h('span', { class: 'muted small' }, ` · ${docs.size} document${docs.size === 1 ? '' : 's'}, ${items.length} mention${items.length === 1 ? '' : 's'}`)));
    for (const { m, c } of items) {
      n++;
      group.append(h('div', { class: 'mention' },
        h('div', { class: 'meta' },
          h('span', { class: 'n' }, `${n}.`), ' ',
          h('a', { href: route('doc/' + encodeURIComponent(m.doc)) }, m.outlet || c.outlet || m.doc), ' ',
          m.published ? h('span', { class: 'muted' }, m.published.slice(0, 10)) : null, ' ',
          certaintyBadge(m.certainty),
          m.attributed_to ? h('span', { class: 'attribution' }, ` according to ${m.attributed_to.text}`) : null,
          m.date ? h('span', { class: 'muted' }, ` · dated ${m.date}${m.date_end ? '–' + m.date_end : ''}`) : h('span', { class: 'muted' }, ' · undated'),
          m.citations && m.citations.length ? h('span', { class: 'muted' }, ` · cites ${m.citations.map((x) => `[${x}]`).join('')}`) : null,
          m.source ? h('span', { class: 'muted' }, ` · coded ${m.source.code} → ${m.target.code} ${m.cameo}`) : null),
        h('p', { class: 'context' },
          c.before ? h('span', { class: 'around' }, c.before + ' ') : null,
          h('span', { class: 'sentence' }, highlighted(c.sentence, c.start, c.end)),
          c.after ? h('span', { class: 'around' }, ' ' + c.after) : null),
        m.url ? h('div', { class: 'small' }, extLink(m.url)) : null));
    }
    list.append(group);
  }
  main.append(list);
}
