// dyad's web UI: a small router over the URL fragment (#/search?…,
// #/dyad?a=&b=, #/event/ID, #/doc/ID, #/network?…). Each page renders into
// <main id="app"> with DOM calls only.
import { errorBox, h } from './js/dom.js';
import { renderSearch } from './js/search.js';
import { renderDyad } from './js/dyad.js';
import { renderEvent } from './js/event.js';
import { renderDocument } from './js/document.js';
import { renderNetwork } from './js/network.js';

const routes = {
  search: (main, p) => renderSearch(main, p),
  dyad: (main, p) => renderDyad(main, p),
  event: (main, p, id) => renderEvent(main, id),
  doc: (main, p, id) => renderDocument(main, id),
  network: (main, p) => renderNetwork(main, p),
};

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, qs] = raw.split('?', 2);
  const [name, ...rest] = path.split('/');
  return { name: name || 'search', id: decodeURIComponent(rest.join('/')), params: new URLSearchParams(qs || '') };
}

let generation = 0;

async function render() {
  const { name, id, params } = parseHash();
  const main = document.getElementById('app');
  const gen = ++generation;
  for (const a of document.querySelectorAll('header nav a')) {
    a.classList.toggle('active', a.dataset.route === name);
  }
  const page = routes[name];
  main.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
  if (!page) {
    main.replaceChildren(errorBox(`No page ${name}.`));
    return;
  }
  try {
    const node = h('div', { class: 'page page-' + name });
    await page(node, params, id);
    if (gen === generation) main.replaceChildren(node);
  } catch (err) {
    if (gen === generation) main.replaceChildren(errorBox(err));
  }
  document.body.dataset.page = name;
  document.body.dataset.ready = String(gen);
}

window.addEventListener('hashchange', render);
window.addEventListener('DOMContentLoaded', render);
if (document.readyState !== 'loading') render();
