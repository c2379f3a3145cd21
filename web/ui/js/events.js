// The event table shared by the search and dyad pages: the Date, Goldstein
// and Sources headers ask the server for that order (sort=), so that the
// whole listing, not only the page shown, is sorted; a new order starts
// again at the first page, since a cursor continues only its own order.
import { api } from './api.js';
import { actorLabel, certaintyBadge, errorBox, eventDate, h, QUAD, route } from './dom.js';

// orders lists, for a column the server can sort by, its orders as the
// API names them, the first one what a first click asks for; a second
// click on the same header takes the next.
const COLUMNS = [
  { key: 'date', label: 'Date', cell: (e) => eventDate(e), orders: ['date', '-date'] },
  { key: 'source', label: 'Source', cell: (e) => actorLabel(e.source) },
  { key: 'target', label: 'Target', cell: (e) => actorLabel(e.target) },
  { key: 'cameo', label: 'CAMEO', cell: (e) => h('span', { class: 'code ' + (QUAD[e.quad_class] || {}).cls }, e.cameo) },
  { key: 'plover', label: 'PLOVER', cell: (e) => e.plover },
  { key: 'goldstein', label: 'Goldstein', cell: (e) => (e.goldstein > 0 ? '+' : '') + e.goldstein.toFixed(1), num: true, orders: ['goldstein', '-goldstein'] },
  { key: 'certainty', label: 'Certainty', cell: (e) => certaintyBadge(e.certainty) },
  { key: 'num_sources', label: 'Sources', cell: (e) => e.num_sources, num: true, orders: ['sources'] },
  { key: 'num_mentions', label: 'Mentions', cell: (e) => e.num_mentions, num: true },
];

// ASCENDING are the orders whose values rise down the table (aria-sort).
const ASCENDING = new Set(['-date', 'goldstein']);

// eventTable fetches a page of events for params in the order sort (''
// is the server's default, newest first) and returns the table with its
// pager. onPage(cursor) is called to move to another page, onSort(order)
// to list in another order from the first page; without onSort the
// headers do not sort.
export async function eventTable(params, { cursor = '', sort = '', limit = 25, onPage, onSort } = {}) {
  const box = h('section', { class: 'events' });
  let page;
  try {
    page = await api('/api/events', { ...params, limit, cursor, sort });
  } catch (err) {
    box.append(errorBox(err));
    return box;
  }
  const first = cursor === '';
  box.append(h('p', { class: 'count' }, page.total === 0 ? 'No events match.' :
    `${page.total} event${page.total === 1 ? '' : 's'}${page.total > page.events.length || !first ? `, ${page.events.length} on this page` : ''}`));
  if (page.events.length === 0) return box;

  const current = sort || 'date';
  const tbody = h('tbody');
  const heads = COLUMNS.map((c) => {
    const sortable = onSort && c.orders;
    const th = h('th', {
      scope: 'col', class: [c.num ? 'num' : '', sortable ? 'sortable' : ''].join(' ').trim() || null,
      tabindex: sortable ? 0 : null, dataset: { key: c.key },
      onclick: sortable ? () => sortBy(c) : null,
      onkeydown: sortable ? (ev) => { if (ev.key === 'Enter') sortBy(c); } : null,
    }, c.label);
    if (c.orders && c.orders.includes(current)) th.setAttribute('aria-sort', ASCENDING.has(current) ? 'ascending' : 'descending');
    return th;
  });
  function sortBy(c) {
    const i = c.orders.indexOf(current);
    const next = c.orders[(i + 1) % c.orders.length];
    if (next !== current || i < 0) onSort(next === 'date' ? '' : next);
  }
  function draw() {
    tbody.replaceChildren(...page.events.map((e) => {
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
