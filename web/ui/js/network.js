// The network page: actors as nodes sized by their events, event flows as
// edges coloured by mean Goldstein score (red conflict, blue cooperation),
// laid out by a small force simulation; drag nodes, click one to search.
import { api } from './api.js';
import { h, route, s } from './dom.js';
import { actorInput } from './search.js';

const W = 900, H = 600, MAX_NODES = 120;

export async function renderNetwork(main, p) {
  const q = {};
  for (const k of ['actor', 'since', 'until', 'min_sources', 'code']) if (p.get(k)) q[k] = p.get(k);
  const form = h('form', { class: 'filters' },
    h('label', null, 'Actor', actorInput('actor', q.actor, 'any')),
    h('label', null, 'Since', h('input', { name: 'since', value: q.since || '', placeholder: 'YYYY-MM-DD', size: 10 })),
    h('label', null, 'Until', h('input', { name: 'until', value: q.until || '', placeholder: 'YYYY-MM-DD', size: 10 })),
    h('label', null, 'CAMEO', h('input', { name: 'code', value: q.code || '', placeholder: '05', size: 4 })),
    h('label', null, 'Min. sources', h('input', { name: 'min_sources', type: 'number', min: 0, value: q.min_sources || '', size: 3 })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Draw')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const fd = new FormData(form);
    const out = {};
    for (const [k, v] of fd.entries()) if (String(v).trim()) out[k] = String(v).trim();
    location.hash = route('network', out);
  });
  main.append(h('h1', null, 'Actor network'), form);
  const net = await api('/api/network', q);
  if (net.nodes.length === 0) {
    main.append(h('p', { class: 'muted' }, 'No events match.'));
    return;
  }
  const nodes = [...net.nodes].sort((a, b) => b.events - a.events).slice(0, MAX_NODES);
  const byCode = new Map(nodes.map((n, i) => [n.code, { ...n, i }]));
  const edges = net.edges.filter((e) => byCode.has(e.source) && byCode.has(e.target) && e.source !== e.target);
  layout([...byCode.values()], edges, byCode);
  main.append(h('p', { class: 'muted' }, `${net.nodes.length} actors, ${net.edges.length} flows${net.nodes.length > MAX_NODES ? ` (the ${MAX_NODES} most active shown)` : ''}. Node size: events; edge colour: mean Goldstein score; drag to move, click to search.`));
  main.append(h('figure', { class: 'chart network-chart' }, draw([...byCode.values()], edges, byCode), legend()));
}

// layout places nodes with a few hundred steps of a spring–charge model.
function layout(nodes, edges, byCode) {
  const n = nodes.length;
  nodes.forEach((nd, i) => {
    const a = (2 * Math.PI * i) / n;
    nd.x = W / 2 + (W / 3) * Math.cos(a);
    nd.y = H / 2 + (H / 3) * Math.sin(a);
  });
  const k = Math.sqrt((W * H) / Math.max(n, 1)) * 0.3;
  for (let step = 0; step < 300; step++) {
    const t = 8 * (1 - step / 300) + 0.5;
    for (const a of nodes) { a.dx = 0; a.dy = 0; }
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = nodes[i], b = nodes[j];
        let dx = a.x - b.x, dy = a.y - b.y;
        const d2 = Math.max(dx * dx + dy * dy, 1);
        const f = (k * k) / d2;
        a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
      }
    }
    for (const e of edges) {
      const a = byCode.get(e.source), b = byCode.get(e.target);
      const dx = a.x - b.x, dy = a.y - b.y;
      const d = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
      const f = d / k;
      a.dx -= dx * f; a.dy -= dy * f; b.dx += dx * f; b.dy += dy * f;
    }
    for (const a of nodes) {
      a.dx += (W / 2 - a.x) * 0.6; a.dy += (H / 2 - a.y) * 0.6;
      const d = Math.max(Math.sqrt(a.dx * a.dx + a.dy * a.dy), 1e-9);
      a.x = Math.max(40, Math.min(W - 40, a.x + (a.dx / d) * Math.min(d, t)));
      a.y = Math.max(30, Math.min(H - 30, a.y + (a.dy / d) * Math.min(d, t)));
    }
  }
}

function edgeColour(mean) {
  if (mean <= -5) return '#b91c1c';
  if (mean < 0) return '#ef8354';
  if (mean === 0) return '#999999';
  if (mean < 5) return '#6ba4d8';
  return '#1d4ed8';
}

function draw(nodes, edges, byCode) {
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'network', role: 'img', 'aria-label': 'Actor network' });
  const maxEv = Math.max(...nodes.map((n) => n.events));
  const maxCount = Math.max(1, ...edges.map((e) => e.count));
  const names = new Map();
  for (const nd of nodes) names.set(nd.name || nd.code, (names.get(nd.name || nd.code) || 0) + 1);
  const labelOf = (nd) => (names.get(nd.name || nd.code) > 1 ? `${nd.name} (${nd.code})` : nd.name || nd.code);
  const lines = [];
  const g = s('g', { class: 'edges' });
  for (const e of edges) {
    const mean = e.goldstein_sum / e.count;
    const line = s('line', { class: 'edge', stroke: edgeColour(mean), 'stroke-width': (1 + 5 * e.count / maxCount).toFixed(1) },
      s('title', null, `${e.source} → ${e.target}: ${e.count} event${e.count === 1 ? '' : 's'}, mean Goldstein ${mean.toFixed(1)}${e.latest ? `, latest ${e.latest}` : ''}`));
    lines.push({ e, line });
    g.append(line);
  }
  svg.append(g);
  const place = () => {
    for (const { e, line } of lines) {
      const a = byCode.get(e.source), b = byCode.get(e.target);
      line.setAttribute('x1', a.x.toFixed(1)); line.setAttribute('y1', a.y.toFixed(1));
      line.setAttribute('x2', b.x.toFixed(1)); line.setAttribute('y2', b.y.toFixed(1));
    }
  };
  place();
  for (const nd of nodes) {
    const r = 5 + 20 * Math.sqrt(nd.events / maxEv);
    const circle = s('circle', { r: r.toFixed(1), class: 'node' });
    const label = s('text', { class: 'node-label', 'text-anchor': 'middle', dy: (r + 12).toFixed(1) }, labelOf(nd));
    const node = s('g', { class: 'node-g', tabindex: 0, dataset: { code: nd.code } }, circle, label,
      s('title', null, `${nd.name || nd.code} (${nd.code}): ${nd.events} event${nd.events === 1 ? '' : 's'}`));
    const move = () => node.setAttribute('transform', `translate(${nd.x.toFixed(1)},${nd.y.toFixed(1)})`);
    move();
    let drag = null;
    node.addEventListener('pointerdown', (ev) => {
      drag = { x: ev.clientX, y: ev.clientY, moved: false };
      node.setPointerCapture(ev.pointerId);
    });
    node.addEventListener('pointermove', (ev) => {
      if (!drag) return;
      const rect = svg.getBoundingClientRect();
      const scale = W / rect.width;
      const dx = (ev.clientX - drag.x) * scale, dy = (ev.clientY - drag.y) * scale;
      if (Math.abs(dx) + Math.abs(dy) > 2) drag.moved = true;
      nd.x += dx; nd.y += dy; drag.x = ev.clientX; drag.y = ev.clientY;
      move(); place();
    });
    node.addEventListener('pointerup', () => {
      if (drag && !drag.moved) location.hash = route('search', { actor: nd.code });
      drag = null;
    });
    node.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') location.hash = route('search', { actor: nd.code }); });
    svg.append(node);
  }
  return svg;
}

function legend() {
  return h('figcaption', { class: 'legend' },
    [[-7, 'strong conflict'], [-2, 'conflict'], [2, 'cooperation'], [7, 'strong cooperation']].map(([m, name]) =>
      h('span', { class: 'key' }, h('i', { class: 'swatch', style: { background: edgeColour(m) } }), name)));
}
