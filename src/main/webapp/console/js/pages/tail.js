// The live tail: events as the broker stores them, over the SSE stream (GET /api/stream).

import { api, url } from '../api.js';
import { clear, h, time } from '../dom.js';

const KEEP = 100;

export default async function tail(page) {
  const types = (await api.get('/api/event-types')).map((t) => t.type);
  const patterns = h('input', { id: 'tail-types', type: 'search', placeholder: 'every type, or e.g. chat.*' });
  const tenant = h('input', { id: 'tail-tenant', type: 'search', placeholder: 'every tenant' });
  const state = h('span', { id: 'tail-state', class: 'state', role: 'status' }, 'connecting');
  const count = h('span', { id: 'tail-count' }, '0 events');
  const list = h('ol', { id: 'tail-events', class: 'tail', 'aria-label': 'Events, newest first' });
  const pause = h('button', { type: 'button', 'aria-pressed': 'false' }, 'Pause');
  const form = h(
    'form',
    { class: 'filters', 'aria-label': 'What the tail shows' },
    h('label', { for: 'tail-types' }, 'Types', patterns),
    h('label', { for: 'tail-tenant' }, 'Tenant', tenant),
    h('button', { type: 'submit' }, 'Apply'),
    pause,
    h('button', { type: 'button', onclick: () => { list.replaceChildren(); seen = 0; counted(); } }, 'Clear'),
  );
  page.append(form, h('p', {}, state, ' · ', count, ' · the newest first, the last ', String(KEEP), ' kept'), list);

  let source = null;
  let paused = false;
  let seen = 0;
  const counted = () => clear(count, `${seen} event${seen === 1 ? '' : 's'}`);

  function connect() {
    if (source) {
      source.close();
    }
    const query = new URLSearchParams();
    if (patterns.value.trim()) {
      query.set('types', patterns.value.trim());
    }
    if (tenant.value.trim()) {
      query.set('tenant', tenant.value.trim());
    }
    source = new EventSource(url(`/api/stream${query.size ? `?${query}` : ''}`));
    setState('connecting', 'connecting');
    source.addEventListener('open', () => setState('live', 'up'));
    source.addEventListener('error', () => setState(source.readyState === EventSource.CLOSED ? 'closed: the server refused the stream (check the filter)' : 'reconnecting…', 'failed'));
    for (const type of types) {
      source.addEventListener(type, received);
    }
    source.addEventListener('reset', (event) => list.prepend(h('li', { class: 'reset' }, `Records deleted before they were read: ${event.data}`)));
  }

  function setState(text, kind) {
    clear(state, text);
    state.className = `state state-${kind}`;
  }

  function received(message) {
    seen++;
    counted();
    if (paused) {
      return;
    }
    let event;
    try {
      event = JSON.parse(message.data);
    } catch (e) {
      return;
    }
    const item = h(
      'li',
      { dataset: { id: event.id, type: event.type } },
      h('div', { class: 'meta' }, h('strong', {}, event.type), ' ', h('code', {}, event.id), ' · ', time(event.time), event.tenantid ? ` · tenant ${event.tenantid}` : '', ` · ${event.source}`),
      h('pre', { class: 'payload' }, JSON.stringify(event.data, null, 2)),
    );
    list.prepend(item);
    while (list.children.length > KEEP) {
      list.lastElementChild.remove();
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    connect();
  });
  pause.addEventListener('click', () => {
    paused = !paused;
    pause.setAttribute('aria-pressed', String(paused));
    clear(pause, paused ? 'Resume' : 'Pause');
  });
  connect();
  return () => source && source.close();
}
