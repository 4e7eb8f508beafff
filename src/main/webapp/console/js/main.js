// The console's shell: who is logged in, which page the address names, and one page at a time.

import { api } from './api.js';
import { clear, errorBox, h } from './dom.js';
import overview from './pages/overview.js';
import types from './pages/types.js';
import handlers from './pages/handlers.js';
import deadLetters from './pages/dead-letters.js';
import replays from './pages/replays.js';
import webhooks from './pages/webhooks.js';
import tail from './pages/tail.js';

const PAGES = {
  overview: { title: 'Overview', render: overview },
  types: { title: 'Event types', render: types },
  handlers: { title: 'Handlers', render: handlers },
  'dead-letters': { title: 'Dead letters', render: deadLetters },
  replays: { title: 'Replays', render: replays },
  webhooks: { title: 'Webhooks', render: webhooks },
  tail: { title: 'Live tail', render: tail },
};

const view = document.getElementById('view');
let session = null;
let stopPage = null;

/** Shows a short message at the foot of the screen, e.g. what an action did. */
export function notify(text, kind = 'ok') {
  const notice = document.getElementById('notice');
  const message = h('span', { class: kind }, text);
  clear(notice, message);
  setTimeout(() => message.remove(), 10000);
}

function route() {
  const [name, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  const page = PAGES[name] ? name : 'overview';
  return { page, args: rest.map(decodeURIComponent) };
}

async function show() {
  if (stopPage) {
    stopPage();
    stopPage = null;
  }
  const { page, args } = route();
  for (const link of document.querySelectorAll('nav a')) {
    if (link.dataset.page === page) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  document.title = `${PAGES[page].title} · Herald console`;
  clear(view, h('h1', {}, PAGES[page].title));
  const body = h('div', { class: 'page', id: `page-${page}` });
  view.append(body);
  try {
    stopPage = (await PAGES[page].render(body, { ...session, args, notify })) || null;
  } catch (error) {
    body.append(errorBox(error));
  }
}

async function start() {
  try {
    const me = await api.get('/api/me');
    const canAct = me.roles.includes('operator') || me.roles.includes('admin');
    session = { me, canAct };
    document.body.classList.toggle('can-act', canAct);
    clear(document.getElementById('who'), `${me.user} · ${me.roles.join(', ')}`);
  } catch (error) {
    clear(view, h('h1', {}, 'Herald console'), errorBox(error));
    return;
  }
  window.addEventListener('hashchange', () => {
    show();
    view.focus();
  });
  await show();
}

start();
