// Event types: channel and topics, schema versions and policy, one version's schema, and the
// difference between two versions.

import { api } from '../api.js';
import { canonical, diffLines } from '../diff.js';
import { clear, errorBox, h, table } from '../dom.js';

export default async function types(page, ctx) {
  const [list, schemas] = await Promise.all([api.get('/api/event-types'), api.get('/api/schemas')]);
  const policies = Object.fromEntries(schemas.map((s) => [s.type, s.policy]));
  const rows = list.map((t) => [
    h('a', { href: `#/types/${encodeURIComponent(t.type)}` }, t.type),
    h('code', {}, t.topic),
    h('code', {}, t.deadLetterTopic),
    t.versions.join(', '),
    policies[t.type] || '—',
  ]);
  page.append(table('Event types', ['Type', 'Topic', 'Dead-letter topic', 'Versions', 'Policy'], rows, 'No event types.'));
  const chosen = list.find((t) => t.type === ctx.args[0]);
  if (chosen) {
    page.append(await detail(chosen));
  }
}

async function detail(type) {
  const section = h('section', { 'aria-labelledby': 'type-title', id: 'type-detail' }, h('h2', { id: 'type-title' }, type.type));
  const versions = [...type.versions].sort((a, b) => a - b);
  const cache = new Map();
  const schema = (version) => {
    if (!cache.has(version)) {
      cache.set(version, api.get(`/api/schemas/${encodeURIComponent(type.type)}/versions/${version}`));
    }
    return cache.get(version);
  };
  const select = (id, label, value) =>
    h('label', { for: id }, label, ' ', h('select', { id }, versions.map((v) => h('option', { value: v, selected: v === value }, `v${v}`))));
  const from = select('diff-from', 'From', versions.length > 1 ? versions[versions.length - 2] : versions[0]);
  const to = select('diff-to', 'to', versions[versions.length - 1]);
  const output = h('div', { class: 'diff-output' });
  const show = async () => {
    const a = Number(from.querySelector('select').value);
    const b = Number(to.querySelector('select').value);
    try {
      const [before, after] = await Promise.all([schema(a), schema(b)]);
      if (a === b) {
        clear(output, h('pre', { class: 'schema', tabindex: 0, 'aria-label': `Schema version ${a}` }, canonical(before)));
        return;
      }
      const lines = diffLines(canonical(before), canonical(after));
      const changed = lines.filter((l) => l.kind !== 'same').length;
      clear(
        output,
        h('p', {}, changed === 0 ? `v${a} and v${b} are the same.` : `${changed} lines differ from v${a} to v${b} (− removed, + added).`),
        h(
          'pre',
          { class: 'diff', tabindex: 0, 'aria-label': `Difference from version ${a} to version ${b}` },
          lines.map((l) => h('span', { class: l.kind }, `${l.kind === 'added' ? '+' : l.kind === 'removed' ? '−' : ' '} ${l.text}\n`)),
        ),
      );
    } catch (error) {
      clear(output, errorBox(error));
    }
  };
  from.addEventListener('change', show);
  to.addEventListener('change', show);
  section.append(
    h('p', {}, `Channel `, h('code', {}, type.channel), `; latest version v${type.latestVersion}. Choose the same version twice to read it whole.`),
    h('div', { class: 'toolbar' }, from, to),
    output,
  );
  await show();
  return section;
}
