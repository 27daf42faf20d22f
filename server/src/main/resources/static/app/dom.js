// Small helpers to build the page from elements: text is always set as text, never parsed as HTML.

/** Creates an element: h('button', {class: 'primary', onclick: fn}, 'Save'). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value == null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

let ids = 0;

/** A unique id for pairing labels, hints and fields. */
export function uid(prefix = 'id') {
  ids += 1;
  return `${prefix}-${ids}`;
}

const ICONS = {
  upload: 'M12 16V4m0 0L7 9m5-5 5 5M5 15v3a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-3',
  download: 'M12 4v12m0 0-5-5m5 5 5-5M5 19h14',
  lock: 'M7 11V8a5 5 0 0 1 10 0v3M6 11h12v9H6z',
  users:
    'M16 19v-1a4 4 0 0 0-4-4H7a4 4 0 0 0-4 4v1M9.5 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6M21 19v-1a4 4 0 0 0-3-3.9M16 4.1a3 3 0 0 1 0 5.8',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
  search: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14m9 2-4-4',
  close: 'M6 6l12 12M18 6 6 18',
  check: 'M5 12.5 10 17l9-10',
  alert: 'M12 8v5m0 3.5h.01M10.3 3.9 2.6 17a2 2 0 0 0 1.7 3h15.4a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0',
  file: 'M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8zm0 0v5h5',
  pencil: 'M4 20h4L19 9l-4-4L4 16zM14 6l4 4',
  trash: 'M4 7h16M10 11v6m4-6v6M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3',
  replace: 'M4 12a8 8 0 0 1 14-5.3L20 9m0-5v5h-5M20 12a8 8 0 0 1-14 5.3L4 15m0 5v-5h5',
  eye: 'M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12zm10 3a3 3 0 1 0 0-6 3 3 0 0 0 0 6',
  eyeOff: 'M3 3l18 18M10.6 6.1A10 10 0 0 1 12 6c6.4 0 10 6 10 6a17 17 0 0 1-3.2 3.8M6.6 6.6C3.8 8.4 2 12 2 12s3.6 6 10 6a9.7 9.7 0 0 0 4.4-1.1M9.9 9.9a3 3 0 0 0 4.2 4.2',
  signOut: 'M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3M10 17l-5-5 5-5M5 12h11',
  user: 'M20 21v-1a5 5 0 0 0-5-5H9a5 5 0 0 0-5 5v1M12 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8',
  mail: 'M4 6h16v12H4zm0 0 8 7 8-7',
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  clock: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18m0-14v5l3 2',
  undo: 'M9 14 4 9l5-5M4 9h11a5 5 0 0 1 0 10h-3',
  history: 'M3 12a9 9 0 1 0 2.6-6.4L3 8m0-5v5h5M12 7v5l3 2',
  share: 'M18 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6M6 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6m12 7a3 3 0 1 0 0-6 3 3 0 0 0 0 6M8.6 13.5l6.8 4M15.4 6.5l-6.8 4',
};

/** A decorative icon (hidden from screen readers; the button or text next to it says what it is). */
export function icon(name, className = 'icon') {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', className);
  svg.setAttribute('data-icon', name);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}

/** Shows a short message that screen readers announce politely; errors are announced at once. */
export function toast(message, { kind = 'info', timeout = 5000 } = {}) {
  const region = document.getElementById('toasts');
  const item = h(
    'div',
    { class: `toast toast-${kind}` },
    icon(kind === 'error' ? 'alert' : 'check'),
    h('span', {}, message),
  );
  if (kind === 'error') {
    // The polite region may wait; an error is read out at once through the alert region.
    const alerts = document.getElementById('alerts');
    alerts.textContent = '';
    alerts.textContent = message;
    item.setAttribute('aria-hidden', 'true');
  }
  region.append(item);
  setTimeout(() => item.classList.add('leaving'), timeout);
  setTimeout(() => item.remove(), timeout + 400);
}

/** A labelled field with an optional hint, wired with for/id and aria-describedby. */
export function field({ label, hint, ...input }) {
  const id = input.id ?? uid('field');
  const hintId = hint ? `${id}-hint` : null;
  const control = h('input', { ...input, id, 'aria-describedby': hintId });
  const wrapper = h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    control,
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
  );
  return { wrapper, control };
}

/** A password field with a button that shows or hides what was typed. */
export function passwordField({ label, hint, hintNode, ...input }) {
  const id = input.id ?? uid('password');
  const hintId = hint || hintNode ? `${id}-hint` : null;
  const control = h('input', {
    type: 'password',
    spellcheck: 'false',
    autocapitalize: 'off',
    ...input,
    id,
    'aria-describedby': hintId,
  });
  const toggle = h(
    'button',
    { type: 'button', class: 'reveal', 'aria-pressed': 'false', 'aria-controls': id },
    icon('eye'),
    h('span', { class: 'visually-hidden' }, 'Show password'),
  );
  toggle.addEventListener('click', () => {
    const show = control.type === 'password';
    control.type = show ? 'text' : 'password';
    toggle.setAttribute('aria-pressed', String(show));
    toggle.replaceChildren(
      icon(show ? 'eyeOff' : 'eye'),
      h('span', { class: 'visually-hidden' }, 'Show password'),
    );
  });
  let hintElement = null;
  if (hintNode) {
    hintElement = hintNode;
    hintElement.id = hintId;
  } else if (hint) {
    hintElement = h('p', { class: 'hint', id: hintId }, hint);
  }
  const wrapper = h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    h('div', { class: 'password-wrap' }, control, toggle),
    hintElement,
  );
  return { wrapper, control };
}

/** Shows an error (or clears it with null) in a form's message area and marks the field. */
export function showFormError(area, message, control = null) {
  for (const invalid of area.closest('form')?.querySelectorAll('[aria-invalid]') ?? []) {
    invalid.removeAttribute('aria-invalid');
  }
  area.replaceChildren();
  area.hidden = !message;
  if (!message) return;
  append(area, [icon('alert'), message instanceof Node ? message : h('span', {}, message)]);
  if (control) {
    control.setAttribute('aria-invalid', 'true');
    control.focus();
  }
}

/** Marks a button busy while an action runs, so it cannot be pressed twice. */
export async function busy(button, label, action) {
  const original = [...button.childNodes];
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.replaceChildren(h('span', { class: 'spinner', 'aria-hidden': 'true' }), label);
  try {
    return await action();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.replaceChildren(...original);
  }
}
