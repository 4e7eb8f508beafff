// Handlers: calls that succeeded and failed, their rates, mean time and last error.

import { api } from '../api.js';
import { clear, errorBox, h, number, table, time } from '../dom.js';
import { Rates, every, rate } from '../poll.js';

export default function handlers(page) {
  const rates = new Rates();
  async function refresh() {
    let stats;
    try {
      stats = await api.get('/api/stats');
    } catch (error) {
      clear(page, errorBox(error));
      return;
    }
    const counts = {};
    for (const [name, totals] of Object.entries(stats.handlers)) {
      counts[`${name}:ok`] = totals.successes;
      counts[`${name}:failed`] = totals.failures;
    }
    const perSecond = rates.next(counts);
    const rows = Object.entries(stats.handlers).map(([name, t]) => {
      const calls = t.successes + t.failures;
      return h(
        'tr',
        { dataset: { handler: name } },
        h('td', {}, h('code', {}, name)),
        h('td', { class: 'num', dataset: { successes: t.successes } }, number(t.successes)),
        h('td', { class: 'num' }, number(t.failures)),
        h('td', { class: 'num' }, calls === 0 ? '—' : `${((100 * t.failures) / calls).toFixed(1)} %`),
        h('td', { class: 'num' }, rate(perSecond[`${name}:ok`])),
        h('td', { class: 'num' }, rate(perSecond[`${name}:failed`])),
        h('td', { class: 'num' }, calls === 0 ? '—' : `${t.meanMillis.toFixed(2)} ms`),
        h('td', {}, t.lastError ? [h('div', { class: 'why' }, t.lastError.error), h('small', {}, `${time(t.lastError.at)}, event ${t.lastError.eventId}`)] : '—'),
      );
    });
    clear(
      page,
      h('p', {}, 'Since this server started. Rates are over the last few seconds.'),
      table(
        'Handlers',
        ['Handler', 'Succeeded', 'Failed', 'Failure ratio', 'Success rate', 'Failure rate', 'Mean time', 'Last error'],
        rows,
        'No handler has been called since this server started.',
      ),
    );
  }
  return every(3000, refresh);
}
