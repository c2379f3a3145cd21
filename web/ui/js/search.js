// The search page: events filtered by actors (with autocompletion), CAMEO
// code or PLOVER type, dates, certainty, minimum independent sources and
// words of the evidence.
import { api } from './api.js';
import { h, route } from './dom.js';
import { eventTable } from './events.js';

export const PLOVER = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
const CERTAINTIES = ['asserted', 'reported', 'future', 'hedged', 'negated'];
const FIELDS = ['actor', 'with', 'code', 'plover', 'since', 'until', 'certainty', 'min_sources', 'text'];

let datalistSeq = 0;

// actorInput is a text input that suggests actor names from /api/actors.
export function actorInput(name, value, placeholder) {
  const id = 'actors-' + (++datalistSeq);
  const list = h('datalist', { id });
  const input = h('input', { type: 'search', name, value: value || '', placeholder, list: id, autocomplete: 'off', spellcheck: 'false' });
  let timer = 0;
  let last = '';
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      if (q === last) return;
      last = q;
      try {
        const out = await api('/api/actors', { q, limit: 12 });
        list.replaceChildren(...out.actors.map((a) => h('option', { value: a.name },
          `${a.code}${a.events ? ` · ${a.events} event${a.events === 1 ? '' : 's'}` : ''}`)));
      } catch { /* suggestions are optional */ }
    }, 120);
  });
  return h('span', { class: 'actor-input' }, input, list);
}

// apiParams turns the page's parameters into /api/events filters.
export function apiParams(p) {
  const out = {};
  for (const k of ['actor', 'code', 'plover', 'since', 'until', 'certainty', 'min_sources', 'text']) {
    if (p.get(k)) out[k] = p.get(k);
  }
  if (p.get('with')) {
    if (p.get('actor')) {
      out.dyad = `${p.get('actor')},${p.get('with')}`;
      delete out.actor;
    } else {
      out.actor = p.get('with');
    }
  }
  return out;
}

export async function renderSearch(main, p) {
  const certs = new Set((p.get('certainty') || '').split(',').filter(Boolean));
  const form = h('form', { class: 'filters', role: 'search' },
    h('label', null, 'Actor', actorInput('actor', p.get('actor'), 'Russia, Taliban, RUSGOV…')),
    h('label', null, 'with', actorInput('with', p.get('with'), 'optional second actor')),
    h('label', null, 'CAMEO', h('input', { name: 'code', value: p.get('code') || '', placeholder: '05, 057', size: 5, inputmode: 'numeric', pattern: '[0-9]{2,4}' })),
    h('label', null, 'PLOVER', h('select', { name: 'plover' }, h('option', { value: '' }, 'any'),
      PLOVER.map((t) => h('option', { value: t, selected: p.get('plover') === t }, t)))),
    h('label', null, 'Since', h('input', { name: 'since', value: p.get('since') || '', placeholder: 'YYYY-MM-DD', size: 10 })),
    h('label', null, 'Until', h('input', { name: 'until', value: p.get('until') || '', placeholder: 'YYYY-MM-DD', size: 10 })),
    h('label', null, 'Min. sources', h('input', { name: 'min_sources', type: 'number', min: 0, value: p.get('min_sources') || '', size: 3 })),
    h('label', { class: 'wide' }, 'Evidence words', h('input', { name: 'text', type: 'search', value: p.get('text') || '', placeholder: 'signed agreement' })),
    h('fieldset', { class: 'certainty' }, h('legend', null, 'Certainty'),
      CERTAINTIES.map((c) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'cert', value: c, checked: certs.has(c) }), c))),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Search'), ' ',
      h('a', { href: route('search') }, 'Clear')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const fd = new FormData(form);
    const q = {};
    for (const k of FIELDS) {
      const v = (fd.get(k) || '').toString().trim();
      if (v) q[k] = v;
    }
    const cs = fd.getAll('cert');
    if (cs.length) q.certainty = cs.join(',');
    if (p.get('sort')) q.sort = p.get('sort'); // a new search keeps the order, from its first page
    location.hash = route('search', q);
  });
  main.append(h('h1', null, 'Search events'), form);
  const params = apiParams(p);
  if (p.get('actor') && p.get('with')) {
    main.append(h('p', { class: 'hint' }, h('a', { href: route('dyad', { a: p.get('actor'), b: p.get('with') }) }, `Timeline and brief for ${p.get('actor')} – ${p.get('with')} →`)));
  }
  main.append(await eventTable(params, {
    cursor: p.get('cursor') || '',
    sort: p.get('sort') || '',
    onPage: (next) => {
      const q = Object.fromEntries(p.entries());
      q.cursor = next;
      location.hash = route('search', q);
    },
    onSort: (sort) => {
      // A new order starts at its first page: the cursor belongs to the old one.
      const q = Object.fromEntries(p.entries());
      delete q.cursor;
      q.sort = sort;
      location.hash = route('search', q);
    },
  }));
}
