// Dead letters: filter by type, reason, handler and time; read one with its headers and original
// payload; redrive one, the selected or every one the filter takes (a task); purge a type's.

import { api } from '../api.js';
import { clear, confirmAction, errorBox, h, number, table, time } from '../dom.js';
import { every } from '../poll.js';

export default async function deadLetters(page, ctx) {
  const types = (await api.get('/api/event-types')).map((t) => t.type);
  const field = (id, label, input) => h('label', { for: id }, label, input);
  const type = h('select', { id: 'dl-type', name: 'type' }, h('option', { value: '' }, 'every type'), types.map((t) => h('option', { value: t }, t)));
  const reason = h('input', { id: 'dl-reason', name: 'reason', type: 'search', placeholder: 'text in the reason' });
  const handler = h('input', { id: 'dl-handler', name: 'handler', type: 'search', placeholder: 'handler name' });
  const from = h('input', { id: 'dl-from', name: 'from', type: 'datetime-local', step: 1 });
  const to = h('input', { id: 'dl-to', name: 'to', type: 'datetime-local', step: 1 });
  const form = h(
    'form',
    { class: 'filters', 'aria-label': 'Filter dead letters' },
    field('dl-type', 'Type', type),
    field('dl-reason', 'Reason contains', reason),
    field('dl-handler', 'Failed in handler', handler),
    field('dl-from', 'From', from),
    field('dl-to', 'To', to),
    h('button', { type: 'submit' }, 'Filter'),
  );
  const actions = h('div', { class: 'toolbar', 'aria-label': 'Actions on dead letters' });
  const results = h('section', { 'aria-label': 'Dead letters found', id: 'dl-results' });
  const task = h('section', { 'aria-live': 'polite', id: 'dl-task' });
  const entry = h('section', { 'aria-live': 'polite', id: 'dl-entry' });
  page.append(form, actions, task, results, entry);
  let stopTask = null;
  let cursors = [];
  let loads = 0;

  const filter = () => {
    const value = { type: type.value, reason: reason.value.trim(), handler: handler.value.trim(), from: iso(from.value), to: iso(to.value) };
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v));
  };

  async function load(cursor) {
    const query = new URLSearchParams({ ...filter(), limit: '50' });
    if (cursor) {
      query.set('cursor', cursor);
    }
    const load = ++loads;
    clear(results, h('p', { class: 'loading' }, 'Loading…'));
    delete results.dataset.query;
    let result;
    try {
      result = await api.get(`/api/dead-letters?${query}`);
    } catch (error) {
      if (load === loads) {
        clear(results, errorBox(error));
      }
      return;
    }
    if (load !== loads) {
      return; // a newer filter or page was asked for meanwhile
    }
    results.dataset.query = query.toString();
    const rows = result.entries.map((e) =>
      h(
        'tr',
        { dataset: { id: e.id, event: e.eventId || '' } },
        ctx.canAct ? h('td', {}, h('input', { type: 'checkbox', class: 'pick', value: e.id, 'aria-label': `Select ${e.id}` })) : null,
        h('td', {}, time(e.deadLetteredAt)),
        h('td', {}, e.eventType || '—'),
        h('td', {}, h('code', {}, e.eventId || '—')),
        h('td', {}, e.failureKind || '—'),
        h('td', { class: 'why' }, e.reason || '—'),
        h('td', {}, (e.failedHandlers || []).join(', ') || '—'),
        h('td', {}, e.redriven ? `yes, ${time(e.redrive && e.redrive.at)}` : 'no'),
        h('td', {}, h('button', { type: 'button', class: 'show', onclick: () => show(e.id) }, 'Show')),
      ),
    );
    const headers = ['Dead-lettered', 'Type', 'Event id', 'Kind', 'Reason', 'Failed handlers', 'Redriven', ''];
    clear(
      results,
      table('Dead letters', ctx.canAct ? ['', ...headers] : headers, rows, Object.keys(filter()).length ? 'No dead letter matches this filter.' : 'Nothing is dead-lettered.'),
      h(
        'div',
        { class: 'toolbar' },
        cursors.length ? h('button', { type: 'button', onclick: () => load(cursors.pop() || undefined) }, 'First page') : null,
        result.next
          ? h('button', { type: 'button', onclick: () => { cursors.push(cursor || ''); load(result.next); } }, 'Next page')
          : null,
      ),
    );
  }

  async function show(id) {
    let e;
    try {
      e = await api.get(`/api/dead-letters/${encodeURIComponent(id)}`);
    } catch (error) {
      clear(entry, errorBox(error));
      return;
    }
    clear(
      entry,
      h('h2', {}, `Dead letter ${e.id}`),
      h(
        'dl',
        { class: 'data' },
        [
          ['Channel', e.channel],
          ['Original', e.original ? `${e.original.topic}-${e.original.partition}@${e.original.offset}, ${time(e.original.timestamp)}` : '—'],
          ['Key', e.key],
          ['Reason', e.reason],
          ['Attempts', e.attempts],
          ['First failure', time(e.firstFailure)],
          ['Last failure', time(e.lastFailure)],
          ['Redriven from', e.redrivenFrom],
        ].map(([k, v]) => [h('dt', {}, k), h('dd', {}, v === null || v === undefined ? '—' : String(v))]),
      ),
      h('h3', {}, 'Headers'),
      table('Headers', ['Header', 'Value'], (e.headers || []).map((x) => [h('code', {}, x.key), x.encoding === 'base64' ? `${x.value} (base64)` : x.value]), 'No headers.'),
      h('h3', {}, `Payload${e.encoding === 'base64' ? ' (base64: not UTF-8 text)' : ''}`),
      h('pre', { class: 'payload', tabindex: 0 }, pretty(e.value)),
      ctx.canAct
        ? h(
            'div',
            { class: 'toolbar' },
            h('button', { type: 'button', class: 'action', onclick: () => redrive([e.id], e.redriven) }, e.redriven ? 'Redrive again' : 'Redrive'),
          )
        : null,
    );
    entry.scrollIntoView({ block: 'nearest' });
  }

  async function redrive(ids, again) {
    const what = ids.length === 1 ? `dead letter ${ids[0]}` : `${ids.length} dead letters`;
    if (!(await confirmAction('Redrive', `Send ${what} back to ${ids.length === 1 ? 'its topic' : 'their topics'}, to be handled again?`, 'Redrive'))) {
      return;
    }
    let moved = 0;
    const failed = [];
    for (const id of ids) {
      try {
        await api.post(`/api/dead-letters/${encodeURIComponent(id)}/redrive${again ? '?force=true' : ''}`);
        moved++;
      } catch (error) {
        failed.push(`${id}: ${error.message}`);
      }
    }
    ctx.notify(failed.length ? `Redrove ${moved}; failed: ${failed.join('; ')}` : `Redrove ${number(moved)} dead letter${moved === 1 ? '' : 's'}`, failed.length ? 'bad' : 'ok');
    await load();
  }

  async function redriveAll() {
    const f = filter();
    if (!f.type) {
      ctx.notify('Choose a type first: a redrive task works on one type.', 'bad');
      return;
    }
    if (!(await confirmAction('Redrive every match', `Start a task that sends back every dead letter of ${f.type} this filter takes (those redriven before are skipped)?`, 'Start redrive'))) {
      return;
    }
    try {
      const started = await api.post('/api/dead-letters/redrive', f);
      follow(started.id);
    } catch (error) {
      ctx.notify(error.message, 'bad');
    }
  }

  function follow(id) {
    if (stopTask) {
      stopTask();
    }
    stopTask = every(1000, async () => {
      const t = await api.get(`/api/tasks/${encodeURIComponent(id)}`);
      clear(
        task,
        h('p', {}, `Redrive task ${t.id}: ${t.state}; ${number(t.moved)} sent back, ${number(t.skipped)} skipped, ${number(t.examined)} of ${number(t.total)} read.`, t.error ? ` ${t.error}` : ''),
        h('progress', { max: Math.max(t.total, 1), value: t.examined, 'aria-label': 'Redrive progress' }),
      );
      if (t.state !== 'running') {
        stopTask();
        stopTask = null;
        await load();
      }
    });
  }

  async function purge() {
    const f = filter();
    if (!f.type) {
      ctx.notify('Choose a type first: a purge works on one type.', 'bad');
      return;
    }
    const before = f.to || new Date().toISOString();
    if (!(await confirmAction('Purge', `Delete every dead letter of ${f.type} written before ${time(before)}? They cannot be redriven afterwards.`, 'Purge'))) {
      return;
    }
    try {
      const result = await api.post('/api/dead-letters/purge', { type: f.type, before });
      const deleted = (result.partitions || []).reduce((sum, p) => sum + p.deleted, 0);
      ctx.notify(`Purged ${number(deleted)} dead letters of ${f.type}`);
    } catch (error) {
      ctx.notify(error.message, 'bad');
    }
    await load();
  }

  if (ctx.canAct) {
    actions.append(
      h(
        'button',
        {
          type: 'button',
          class: 'action',
          id: 'dl-redrive-selected',
          onclick: () => {
            const ids = [...results.querySelectorAll('input.pick:checked')].map((c) => c.value);
            if (ids.length === 0) {
              ctx.notify('Select dead letters first.', 'bad');
              return;
            }
            redrive(ids, false);
          },
        },
        'Redrive selected',
      ),
      h('button', { type: 'button', class: 'action', onclick: redriveAll }, 'Redrive every match…'),
      h('button', { type: 'button', class: 'action danger', onclick: purge }, 'Purge…'),
    );
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    cursors = [];
    load();
  });
  await load();
  return () => stopTask && stopTask();
}

function iso(local) {
  return local ? new Date(local).toISOString() : '';
}

function pretty(value) {
  if (value === null || value === undefined) {
    return '(no payload)';
  }
  try {
    return JSON.stringify(JSON.parse(value), null, 2);
  } catch (e) {
    return value;
  }
}
