// Builds elements from data without HTML parsing: nothing an event carries can become markup.

export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else {
      element.append(child instanceof Node ? child : String(child));
    }
  }
}

/**
 * Replaces an element's children. Pages refresh every few seconds: a control that had the focus
 * inside gets it back in the new content when it has an id, so a keyboard user does not lose it.
 */
export function clear(element, ...children) {
  const focused = document.activeElement;
  const refocus = focused && focused.id && element.contains(focused) ? focused.id : null;
  element.replaceChildren();
  append(element, children);
  if (refocus) {
    const again = document.getElementById(refocus);
    if (again) {
      again.focus();
    }
  }
  return element;
}

/** A table with a header row; `rows` are arrays of cells (text or elements). */
export function table(label, headers, rows, empty) {
  if (rows.length === 0) {
    return h('p', { class: 'empty' }, empty);
  }
  return h(
    'table',
    { 'aria-label': label },
    h('thead', {}, h('tr', {}, headers.map((title) => h('th', { scope: 'col' }, title)))),
    h('tbody', {}, rows.map((cells) => (cells instanceof Node ? cells : h('tr', {}, cells.map((c) => h('td', {}, c)))))),
  );
}

export function errorBox(error) {
  return h('div', { class: 'error', role: 'alert' }, h('strong', {}, error.title || 'Error'), ' ', error.detail || error.message || '');
}

export function number(value) {
  return value === null || value === undefined ? '—' : Number(value).toLocaleString('en');
}

export function time(value) {
  if (!value) {
    return '—';
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

/**
 * Asks before an action: a modal dialog naming what will happen. Resolves true on confirm; Escape
 * and Cancel resolve false.
 */
export function confirmAction(title, text, action) {
  return new Promise((resolve) => {
    const dialog = h(
      'dialog',
      { class: 'confirm', 'aria-labelledby': 'confirm-title' },
      h('h2', { id: 'confirm-title' }, title),
      h('p', {}, text),
    );
    const done = (answer) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    const cancel = h('button', { type: 'button', onclick: () => done(false) }, 'Cancel');
    const ok = h('button', { type: 'button', class: 'danger', onclick: () => done(true) }, action);
    dialog.append(h('div', { class: 'actions' }, cancel, ok));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      done(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
