// Screens are addressed by the part of the address after '#', so the server serves one page.

import { session } from './session.js';

const routes = new Map();
let current = null;
let first = true;

/**
 * Registers a screen. `render(main, context)` fills the main element and returns its title;
 * `context.params` holds the query, `context.signal` ends when the screen is left.
 */
export function route(path, render, { signedIn = false, guest = false } = {}) {
  routes.set(path, { render, signedIn, guest });
}

export function navigate(path) {
  if (location.hash === `#${path}`) show();
  else location.hash = path;
}

/** Rewrites the address for the current screen without showing it again (filters, pages). */
export function replaceParams(params) {
  const query = params.toString();
  const { path } = parse();
  history.replaceState(history.state, '', `#${path}${query ? `?${query}` : ''}`);
}

export function start() {
  addEventListener('hashchange', show);
  show();
}

function parse() {
  const raw = location.hash.slice(1);
  if (raw && !raw.startsWith('/')) return current ? null : { path: '/', params: new URLSearchParams() };
  const [path, query = ''] = (raw || '/').split('?');
  return { path, params: new URLSearchParams(query) };
}

async function show() {
  const target = parse();
  if (!target) return;
  const definition = routes.get(target.path);
  const signedIn = session.token != null;
  if (!definition) return navigate(signedIn ? '/files' : '/signin');
  if (definition.signedIn && !signedIn) return navigate('/signin');
  if (definition.guest && signedIn) return navigate('/files');

  current?.abort();
  const screen = new AbortController();
  current = screen;
  const main = document.getElementById('main');
  main.replaceChildren();
  main.removeAttribute('aria-busy');
  const title = await definition.render(main, { params: target.params, signal: screen.signal });
  if (screen.signal.aborted) return;
  document.title = title ? `${title} · fileshare` : 'fileshare';
  // On arrival the first field is ready to type in; after that, focus goes to the new heading so
  // that screen readers announce the screen change.
  const autofocus = main.querySelector('[data-autofocus]');
  const heading = main.querySelector('h1');
  if (first && autofocus) autofocus.focus();
  else if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: false });
  }
  first = false;
  scrollTo(0, 0);
}
