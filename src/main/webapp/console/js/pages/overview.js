// The server's readiness, and the channels with their state, rate, lag and dead letters.

import { api, readiness } from '../api.js';
import { clear, errorBox, h, number, table, time } from '../dom.js';
import { Rates, every, rate } from '../poll.js';

export default function overview(page, ctx) {
  const ready = h('section', { 'aria-labelledby': 'ready-title' });
  const channels = h('section', { 'aria-labelledby': 'channels-title' });
  page.append(ready, channels);
  const rates = new Rates();
  let showChecks = false;

  async function refresh() {
    const [health, list, stats] = await Promise.all([
      readiness(),
      api.get('/api/channels').catch((e) => e),
      api.get('/api/stats').catch((e) => null),
    ]);
    const totals = (stats && stats.types) || {};
    const consumed = {};
    for (const [type, counts] of Object.entries(totals)) {
      consumed[type] = counts.consumed;
    }
    const perSecond = rates.next(consumed);
    renderChannels(list, perSecond, totals);
    renderReadiness(health);
  }

  function renderChannels(list, perSecond, totals) {
    clear(channels, h('h2', { id: 'channels-title' }, 'Channels'));
    if (list instanceof Error) {
      channels.append(errorBox(list));
      return;
    }
    const rows = list.map((c) =>
      h(
        'tr',
        { dataset: { channel: c.channel } },
        h('td', {}, h('code', {}, c.channel)),
        h('td', {}, c.type),
        h('td', {}, h('span', { class: `state state-${c.state}` }, c.state), c.failure ? h('div', { class: 'why' }, c.failure) : null),
        h('td', { class: 'num' }, rate(perSecond[c.type])),
        h('td', { class: 'num', dataset: { lag: c.lag === null ? '' : c.lag } }, number(c.lag)),
        h('td', { class: 'num' }, totals[c.type] ? number(totals[c.type].deadLettered) : '—'),
        h('td', {}, time(c.lastHandled)),
        h('td', {}, ctx.canAct ? switchButton(c) : null),
      ),
    );
    channels.append(
      table('Channels', ['Channel', 'Event type', 'State', 'Consumed', 'Lag', 'Dead-lettered', 'Last handled', ''], rows, 'This server has no channels.'),
    );
  }

  function switchButton(channel) {
    const pause = channel.state !== 'paused';
    return h(
      'button',
      {
        type: 'button',
        class: 'action',
        id: `switch-${channel.channel}`,
        onclick: async (event) => {
          event.target.disabled = true;
          try {
            await api.post(`/api/channels/${encodeURIComponent(channel.channel)}/${pause ? 'pause' : 'resume'}`);
            ctx.notify(`Channel ${channel.channel} ${pause ? 'paused' : 'resumed'}`);
          } catch (error) {
            ctx.notify(error.message, 'bad');
          }
          await refresh();
        },
      },
      pause ? 'Pause' : 'Resume',
    );
  }

  function renderReadiness(health) {
    clear(
      ready,
      h('h2', { id: 'ready-title' }, 'Readiness ', h('span', { class: `state state-${String(health.status).toLowerCase()}`, id: 'readiness' }, health.status)),
    );
    if (health.error) {
      ready.append(h('p', { class: 'error', role: 'alert' }, health.error));
    }
    const checks = health.checks || [];
    const down = checks.filter((check) => check.status !== 'UP');
    if (down.length) {
      ready.append(h('p', { class: 'why' }, `Down: ${down.map((check) => check.name).join(', ')}`));
    }
    const rows = checks.map((check) => [
      h('code', {}, check.name),
      h('span', { class: `state state-${String(check.status).toLowerCase()}` }, check.status),
      details(check.data),
    ]);
    ready.append(
      h(
        'details',
        { open: showChecks || down.length > 0, ontoggle: (event) => (showChecks = event.target.open) },
        h('summary', { id: 'checks-summary' }, `${checks.length} checks`),
        table('Readiness checks', ['Check', 'Status', 'Data'], rows, 'No readiness checks answered.'),
      ),
    );
  }

  return every(3000, refresh);
}

function details(data) {
  if (!data) {
    return '';
  }
  return h(
    'dl',
    { class: 'data' },
    Object.entries(data).map(([key, value]) => [h('dt', {}, key), h('dd', {}, typeof value === 'object' ? JSON.stringify(value) : String(value))]),
  );
}
