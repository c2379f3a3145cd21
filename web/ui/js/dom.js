// DOM helpers. Every piece of data reaches the page as a text node or an
// attribute value: nothing here parses HTML, so text from documents (which
// may hold "<script>" or "<img onerror>") can only ever show as text.

const SVGNS = 'http://www.w3.org/2000/svg';

function build(el, attrs, children) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.setAttribute('class', v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'style') Object.assign(el.style, v); // CSSOM, allowed by the CSP
    else if (k === 'value' && 'value' in el) el.value = v;
    else if (k === 'checked' && 'checked' in el) el.checked = !!v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  add(el, children);
  return el;
}

// add appends children: nodes as they are, anything else as text.
export function add(el, ...children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// h builds an HTML element.
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

// s builds an SVG element.
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVGNS, tag), attrs, children);
}

// safeURL returns u when it is an http(s) URL, else null, so that a
// document's "javascript:" URL never becomes a link.
export function safeURL(u) {
  try {
    const url = new URL(u);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

// extLink is a link to an outside URL, or plain text when it is not http(s).
export function extLink(u, text) {
  const href = safeURL(u);
  if (!href) return h('span', { class: 'url' }, text || u || '');
  return h('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank', class: 'url' }, text || u);
}

// route builds an in-app link: #/name?params.
export function route(name, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const qs = q.toString();
  return '#/' + name + (qs ? '?' + qs : '');
}

// Byte offsets from the server count UTF-8 bytes; JavaScript strings count
// UTF-16 units. utf8 turns a string into bytes once, so spans can be cut.
const enc = new TextEncoder();
const dec = new TextDecoder();
export function utf8(str) { return enc.encode(str); }
export function cut(bytes, start, end) {
  start = Math.max(0, Math.min(start, bytes.length));
  end = Math.max(start, Math.min(end, bytes.length));
  return dec.decode(bytes.subarray(start, end));
}

// highlighted returns nodes for text with the byte range [start, end)
// wrapped in <mark>.
export function highlighted(text, start, end) {
  const b = utf8(text);
  return [cut(b, 0, start), h('mark', null, cut(b, start, end)), cut(b, end, b.length)];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// humanDate writes "2026-05-27" as "27 May 2026", "2026-05" as "May 2026";
// anything else (a year, a range, "") as given or "date unknown".
export function humanDate(d) {
  if (!d) return 'date unknown';
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (m) return `${+m[3]} ${MONTHS[+m[2] - 1]} ${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(d);
  if (m) return `${MONTHS[+m[2] - 1]} ${m[1]}`;
  return d;
}

export function eventDate(e) {
  if (e.date_end) return `${humanDate(e.date)} – ${humanDate(e.date_end)}`;
  return humanDate(e.date);
}

// conflictText writes a conflict as a person reads it:
// "3 sources say 27 May 2026; 1 says 31 May 2026".
export function conflictText(c) {
  return c.values.map((v, i) => {
    const value = c.field === 'date' ? humanDate(v.value) : v.value;
    const verb = i === 0 ? (v.sources === 1 ? 'source says' : 'sources say') : (v.sources === 1 ? 'says' : 'say');
    return `${v.sources} ${verb} ${value}`;
  }).join('; ');
}

export const QUAD = {
  1: { name: 'Verbal cooperation', cls: 'q1' },
  2: { name: 'Material cooperation', cls: 'q2' },
  3: { name: 'Verbal conflict', cls: 'q3' },
  4: { name: 'Material conflict', cls: 'q4' },
};

export function actorLabel(a) {
  if (!a) return '';
  const name = a.name || a.code || '';
  return a.code && a.code !== name ? `${name} (${a.code})` : name;
}

export function certaintyBadge(c) {
  return h('span', { class: 'badge cert-' + (c || 'unknown') }, c || 'unknown');
}

export function errorBox(err) {
  return h('p', { class: 'error', role: 'alert' }, String(err && err.message ? err.message : err));
}
