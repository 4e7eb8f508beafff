// A line diff (longest common subsequence) of two texts, for comparing schema versions.

/** Answers [{ kind: 'same' | 'added' | 'removed', text }] turning `before` into `after`. */
export function diffLines(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  const common = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i][j] = a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const lines = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      lines.push({ kind: 'same', text: a[i] });
      i++;
      j++;
    } else if (common[i + 1][j] >= common[i][j + 1]) {
      lines.push({ kind: 'removed', text: a[i++] });
    } else {
      lines.push({ kind: 'added', text: b[j++] });
    }
  }
  while (i < a.length) {
    lines.push({ kind: 'removed', text: a[i++] });
  }
  while (j < b.length) {
    lines.push({ kind: 'added', text: b[j++] });
  }
  return lines;
}

/** JSON with sorted keys, so that a diff shows changes and not a new order. */
export function canonical(value) {
  return JSON.stringify(sorted(value), null, 2);
}

function sorted(value) {
  if (Array.isArray(value)) {
    return value.map(sorted);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sorted(value[key])]));
  }
  return value;
}
