// The event table shared by the search, dyad and network pages: sortable by
// any column (within the page shown), paged with the API's cursor.
import { api } from './api.js';
import { actorLabel, certaintyBadge, errorBox, eventDate, h, QUAD, route } from './dom.js';

const COLUMNS = [
  { key: 'date', label: 'Date', value: (e) => e.date || '', cell: (e) => eventDate(e) },
  { key: 'source', label: 'Source', value: (e) => actorLabel(e.source), cell: (e) => actorLabel(e.source) },
  { key: 'target', label: 'Target', value: (e) => actorLabel(e.target), cell: (e) => actorLabel(e.target) },
  { key: 'cameo', label: 'CAMEO', value: (e) => e.cameo, cell: (e) => h('span', { class: 'code ' + (QUAD[e.quad_class] || {}).cls }, e.cameo) },
  { key: 'plover', label: 'PLOVER', value: (e) => e.plover, cell: (e) => e.plover },
  { key: 'goldstein', label: 'Goldstein', value: (e) => e.goldstein, cell: (e) => (e.goldstein > 0 ? '+' : '') + e.goldstein.toFixed(1), num: true },
  { key: 'certainty', label: 'Certainty', value: (e) => e.certainty, cell: (e) => certaintyBadge(e.certainty) },
  { key: 'num_sources', label: 'Sources', value: (e) => e.num_sources, cell: (e) => e.num_sources, num: true },
  { key: 'num_mentions', label: 'Mentions', value: (e) => e.num_mentions, cell: (e) => e.num_mentions, num: true },
];

// eventTable fetches a page of events for params and returns the table
// with its pager. onPage(cursor) is called to move to another page.
export async function eventTable(params, { cursor = '', limit = 25, onPage } = {}) {
  const box = h('section', { class: 'events' });
  let page;
  try {
    page = await api('/api/events', { ...params, limit, cursor });
  } catch (err) {
    box.append(errorBox(err));
    return box;
  }
  const first = cursor === '';
  box.append(h('p', { class: 'count' }, page.total === 0 ? 'No events match.' :
    `${page.total} event${page.total === 1 ? '' : 's'}${page.total > page.events.length || !first ? `, ${page.events.length} on this page` : ''}`));
  if (page.events.length === 0) return box;

  let sortKey = 'date';
  let sortDir = -1;
  const tbody = h('tbody');
  const heads = COLUMNS.map((c) => h('th', {
    scope: 'col', class: c.num ? 'num sortable' : 'sortable', tabindex: 0, dataset: { key: c.key },
    onclick: () => sortBy(c.key), onkeydown: (ev) => { if (ev.key === 'Enter') sortBy(c.key); },
  }, c.label));
  function sortBy(key) {
    sortDir = key === sortKey ? -sortDir : (key === 'date' || COLUMNS.find((c) => c.key === key).num ? -1 : 1);
    sortKey = key;
    draw();
  }
  function draw() {
    const col = COLUMNS.find((c) => c.key === sortKey);
    const rows = [...page.events].sort((a, b) => {
      const x = col.value(a), y = col.value(b);
      return (x < y ? -1 : x > y ? 1 : 0) * sortDir;
    });
    for (const th of heads) {
      th.removeAttribute('aria-sort');
      if (th.dataset.key === sortKey) th.setAttribute('aria-sort', sortDir > 0 ? 'ascending' : 'descending');
    }
    tbody.replaceChildren(...rows.map((e) => {
      const tr = h('tr', { class: 'event-row', dataset: { id: e.id } },
        COLUMNS.map((c) => h('td', { class: c.num ? 'num' : null }, c.cell(e))),
        h('td', null, h('a', { href: route('event/' + encodeURIComponent(e.id)), class: 'open' }, 'open'), ' ',
          h('a', { href: route('dyad', { a: e.source.name || e.source.code, b: e.target.name || e.target.code }), class: 'dyadlink' }, 'dyad')));
      tr.addEventListener('click', (ev) => {
        if (ev.target.closest('a')) return;
        location.hash = route('event/' + encodeURIComponent(e.id));
      });
      return tr;
    }));
  }
  draw();
  box.append(h('table', { class: 'grid' }, h('thead', null, h('tr', null, heads, h('th', null, ''))), tbody));
  const pager = h('div', { class: 'pager' });
  if (!first) pager.append(h('button', { type: 'button', onclick: () => history.back() }, '← Previous'));
  if (page.next && onPage) pager.append(h('button', { type: 'button', class: 'next', onclick: () => onPage(page.next) }, 'Next page →'));
  box.append(pager);
  return box;
}
