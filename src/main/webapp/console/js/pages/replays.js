// Replays: a form that starts one (a type, a time range, the handlers), and every replay of this
// server with its progress.

import { api } from '../api.js';
import { clear, confirmAction, errorBox, h, number, table, time } from '../dom.js';
import { every } from '../poll.js';

export default async function replays(page, ctx) {
  const types = (await api.get('/api/event-types')).map((t) => t.type);
  const list = h('section', { 'aria-labelledby': 'replays-title', id: 'replay-list' });
  if (ctx.canAct) {
    page.append(form());
  }
  page.append(list);

  function form() {
    const type = h('select', { id: 'replay-type', required: true }, types.map((t) => h('option', { value: t }, t)));
    const from = h('input', { id: 'replay-from', type: 'datetime-local', step: 1, required: true });
    const to = h('input', { id: 'replay-to', type: 'datetime-local', step: 1 });
    const handlers = h('input', { id: 'replay-handlers', type: 'text', placeholder: 'every handler', 'aria-describedby': 'replay-handlers-help' });
    const hour = new Date(Date.now() - 3600_000);
    from.value = local(hour);
    const element = h(
      'form',
      { class: 'filters', 'aria-label': 'Start a replay', id: 'replay-form' },
      h('label', { for: 'replay-type' }, 'Type', type),
      h('label', { for: 'replay-from' }, 'From', from),
      h('label', { for: 'replay-to' }, 'To (empty: up to now)', to),
      h('label', { for: 'replay-handlers' }, 'Handlers', handlers, h('small', { id: 'replay-handlers-help' }, 'names, comma-separated')),
      h('button', { type: 'submit', class: 'action' }, 'Start replay'),
    );
    element.addEventListener('submit', async (event) => {
      event.preventDefault();
      const body = { type: type.value, from: new Date(from.value).toISOString() };
      if (to.value) {
        body.to = new Date(to.value).toISOString();
      }
      const names = handlers.value.split(',').map((n) => n.trim()).filter(Boolean);
      if (names.length) {
        body.handlers = names;
      }
      const whom = names.length ? names.join(', ') : 'every handler';
      if (!(await confirmAction('Replay', `Hand the events of ${body.type} stored from ${time(body.from)}${body.to ? ` to ${time(body.to)}` : ''} to ${whom} again?`, 'Start replay'))) {
        return;
      }
      try {
        const started = await api.post('/api/replays', body);
        ctx.notify(`Replay ${started.id} started`);
        await refresh();
      } catch (error) {
        ctx.notify(error.message, 'bad');
      }
    });
    return element;
  }

  async function refresh() {
    let all;
    try {
      all = await api.get('/api/replays');
    } catch (error) {
      clear(list, h('h2', { id: 'replays-title' }, 'Replays'), errorBox(error));
      return;
    }
    const rows = all.map((r) => {
      const total = r.partitions.reduce((sum, p) => sum + (p.end - p.start), 0);
      const done = r.partitions.reduce((sum, p) => sum + (p.position - p.start), 0);
      return h(
        'tr',
        { dataset: { replay: r.id, state: r.state } },
        h('td', {}, h('code', {}, r.id)),
        h('td', {}, r.type),
        h('td', {}, r.handlers.join(', ')),
        h('td', {}, h('span', { class: `state state-${r.state}` }, r.state), r.error ? h('div', { class: 'why' }, r.error) : null),
        h('td', {}, h('progress', { max: Math.max(total, 1), value: r.state === 'completed' ? Math.max(total, 1) : done, 'aria-label': `Progress of ${r.id}` }), ` ${number(done)} of ${number(total)}`),
        h('td', { class: 'num' }, `${number(r.counts.handled)} handled, ${number(r.counts.failed)} failed, ${number(r.counts.notAccepted)} not accepted`),
        h('td', {}, time(r.startedAt)),
        h('td', {}, r.lastError ? h('span', { class: 'why' }, r.lastError) : '—'),
        h('td', {}, ctx.canAct && r.state === 'running' ? h('button', { type: 'button', class: 'action', id: `cancel-${r.id}`, onclick: () => cancel(r.id) }, 'Cancel') : null),
      );
    });
    clear(
      list,
      h('h2', { id: 'replays-title' }, 'Replays'),
      table('Replays', ['Replay', 'Type', 'Handlers', 'State', 'Progress', 'Counts', 'Started', 'Last error', ''], rows, 'No replay has run since this server started.'),
    );
  }

  async function cancel(id) {
    if (!(await confirmAction('Cancel replay', `Stop replay ${id} where it is?`, 'Cancel replay'))) {
      return;
    }
    try {
      await api.del(`/api/replays/${encodeURIComponent(id)}`);
      ctx.notify(`Replay ${id} cancelled`);
    } catch (error) {
      ctx.notify(error.message, 'bad');
    }
    await refresh();
  }

  return every(1500, refresh);
}

function local(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
