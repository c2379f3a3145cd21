// The dyad page A–B: the timeline chart per QuadClass in both directions
// with the Goldstein line and a date brush, the cited brief beside it, and
// the events below, all for the dates picked.
import { api } from './api.js';
import { errorBox, h, route } from './dom.js';
import { actorInput } from './search.js';
import { binEnd, binStart, timelineChart } from './chart.js';
import { briefView } from './brief.js';
import { eventTable } from './events.js';

export async function renderDyad(main, p) {
  const a = p.get('a') || '', b = p.get('b') || '';
  const by = p.get('by') || 'month';
  const since = p.get('since') || '', until = p.get('until') || '';
  const sort = p.get('sort') || '';
  const go = (q) => { location.hash = route('dyad', { a, b, by, since, until, sort, ...q }); };

  const form = h('form', { class: 'filters dyad-form' },
    h('label', null, 'Actor A', actorInput('a', a, 'Russia')),
    h('label', null, 'Actor B', actorInput('b', b, 'Taliban')),
    h('label', null, 'By', h('select', { name: 'by' }, ['day', 'week', 'month', 'year'].map((x) => h('option', { value: x, selected: x === by }, x)))),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Show')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const fd = new FormData(form);
    location.hash = route('dyad', { a: fd.get('a').trim(), b: fd.get('b').trim(), by: fd.get('by') });
  });
  main.append(h('h1', null, a && b ? `${a} – ${b}` : 'Dyad'), form);
  if (!a || !b) {
    main.append(h('p', { class: 'muted' }, 'Name two actors to see their timeline, brief and events.'));
    return;
  }

  const [tl, brief] = await Promise.allSettled([
    api('/api/timeline', { a, b, by }),
    api('/api/brief', { a, b, since, until }),
  ]);
  if (tl.status === 'rejected') {
    main.append(errorBox(tl.reason));
    return;
  }
  const t = tl.value;
  let selected = null;
  if (since || until) {
    const bins = t.bins.filter((x) => (!until || binStart(x) <= until) && (!since || binEnd(x, by) >= since));
    if (bins.length) selected = [bins[0].period, bins[bins.length - 1].period];
  }
  const chart = timelineChart(t, {
    selected,
    onBrush: (first, last) => go({ since: binStart(first), until: binEnd(last, by) }),
  });
  const range = since || until
    ? h('p', { class: 'range' }, `Showing ${since || '…'} to ${until || '…'} `, h('button', { type: 'button', onclick: () => go({ since: '', until: '' }) }, 'Clear dates'))
    : h('p', { class: 'range muted' }, 'All dates.');
  const side = brief.status === 'fulfilled' ? briefView(brief.value) : errorBox(brief.reason);
  main.append(h('div', { class: 'dyad-grid' }, h('div', { class: 'dyad-chart' }, chart, range), h('aside', { class: 'dyad-brief' }, side)));
  main.append(h('h2', null, 'Events'));
  main.append(await eventTable({ dyad: `${a},${b}`, since, until }, {
    cursor: p.get('cursor') || '',
    sort,
    onPage: (next) => go({ cursor: next }),
    onSort: (order) => go({ sort: order }), // no cursor: a new order starts at its first page
  }));
}
