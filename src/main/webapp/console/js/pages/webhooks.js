// Webhooks: the endpoints, each one's delivery log, a failed delivery sent again, the secret
// rotated.

import { api } from '../api.js';
import { clear, confirmAction, errorBox, h, table, time } from '../dom.js';
import { every } from '../poll.js';

export default function webhooks(page, ctx) {
  const endpoints = h('section', { 'aria-labelledby': 'endpoints-title' });
  const log = h('section', { 'aria-live': 'polite', id: 'webhook-log' });
  const secret = h('section', { 'aria-live': 'polite', id: 'webhook-secret' });
  page.append(endpoints, secret, log);
  let chosen = ctx.args[0] || null;

  async function refresh() {
    let list;
    try {
      list = await api.get('/api/webhooks');
    } catch (error) {
      clear(endpoints, h('h2', { id: 'endpoints-title' }, 'Endpoints'), errorBox(error));
      return;
    }
    const rows = list.map((w) =>
      h(
        'tr',
        { dataset: { webhook: w.id } },
        h('td', {}, h('a', { href: `#/webhooks/${encodeURIComponent(w.id)}`, id: `endpoint-${w.id}` }, w.id)),
        h('td', {}, h('code', {}, w.url)),
        h('td', {}, w.types.join(', ')),
        h('td', {}, w.tenantid || 'every tenant'),
        h('td', {}, w.enabled ? 'enabled' : h('span', { class: 'state state-failed' }, `disabled${w.disabledReason ? `: ${w.disabledReason}` : ''}`)),
        h('td', {}, w.failingSince ? h('span', { class: 'state state-failed' }, `failing since ${time(w.failingSince)}`) : 'delivering'),
        h('td', {}, ctx.canAct ? h('button', { type: 'button', class: 'action', id: `rotate-${w.id}`, onclick: () => rotate(w.id) }, 'Rotate secret') : null),
      ),
    );
    clear(
      endpoints,
      h('h2', { id: 'endpoints-title' }, 'Endpoints'),
      table('Webhook endpoints', ['Endpoint', 'URL', 'Types', 'Tenant', 'Enabled', 'Deliveries', ''], rows, 'No webhook endpoint is registered (POST /api/webhooks registers one).'),
    );
    if (chosen) {
      await deliveries(chosen);
    }
  }

  async function deliveries(id) {
    let list;
    try {
      list = await api.get(`/api/webhooks/${encodeURIComponent(id)}/deliveries`);
    } catch (error) {
      clear(log, errorBox(error));
      return;
    }
    const rows = list.map((d) => [
      time(d.at),
      h('code', {}, d.eventId),
      d.type,
      String(d.attempt),
      h('span', { class: `state ${d.outcome === 'SUCCEEDED' ? 'state-up' : 'state-failed'}` }, d.outcome.toLowerCase().replace('_', ' ')),
      d.status === 0 ? 'no answer' : String(d.status),
      `${d.latencyMs} ms`,
      h('span', { class: 'why' }, d.response || ''),
      d.nextAttemptAt ? time(d.nextAttemptAt) : '—',
      ctx.canAct && d.outcome !== 'SUCCEEDED' && !d.nextAttemptAt
        ? h('button', { type: 'button', class: 'action', id: `retry-${id}-${d.eventId}`, onclick: () => retry(id, d.eventId) }, 'Send again')
        : '',
    ]);
    clear(
      log,
      h('h2', {}, `Deliveries to ${id}`),
      table('Deliveries', ['At', 'Event', 'Type', 'Attempt', 'Outcome', 'Status', 'Time', 'Answer', 'Next attempt', ''], rows, 'Nothing delivered to this endpoint yet.'),
    );
  }

  async function retry(id, eventId) {
    try {
      await api.post(`/api/webhooks/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(eventId)}/retry`);
      ctx.notify(`Event ${eventId} will be sent to ${id} again`);
    } catch (error) {
      ctx.notify(error.message, 'bad');
    }
    await refresh();
  }

  async function rotate(id) {
    if (!(await confirmAction('Rotate secret', `Make a new signing secret for ${id}? The current one keeps signing beside it for the overlap the server is configured with.`, 'Rotate'))) {
      return;
    }
    try {
      const rotated = await api.post(`/api/webhooks/${encodeURIComponent(id)}/rotate-secret`);
      clear(
        secret,
        h('h2', {}, `New secret of ${id}`),
        h('p', {}, 'Shown once: give it to the receiver now. The previous one signs until ', time(rotated.previousSecretUntil), '.'),
        h('pre', { class: 'payload', tabindex: 0 }, rotated.secret),
      );
    } catch (error) {
      ctx.notify(error.message, 'bad');
    }
  }

  return every(3000, refresh);
}
