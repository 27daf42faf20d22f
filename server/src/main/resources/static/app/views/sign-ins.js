// The account screen's signed-in devices: each sign-in that still works (browser, address, when),
// ending one that is not yours, and signing out everywhere.

import { api, apiPage } from '../api.js';
import { busy, h, icon, showFormError, toast } from '../dom.js';
import { fullDate, when } from '../format.js';
import { session } from '../session.js';
import { openDialog } from './dialogs.js';

export function signInsCard() {
  const list = h('ul', { class: 'sign-in-list', 'aria-label': 'Where you are signed in' });
  const more = h('button', { type: 'button', class: 'button', hidden: true }, 'Show more');
  const everywhere = h('button', { type: 'button', class: 'button danger-outline' }, icon('signOut'), 'Sign out everywhere');
  const error = h('div', { class: 'form-error', role: 'alert', hidden: true });
  let next = null;

  const load = async (path = '/api/user/sign-ins/', append = false) => {
    try {
      const page = await apiPage(path);
      next = page.next;
      more.hidden = !next;
      const rows = page.results.map((signIn) => row(signIn, () => load()));
      if (append) list.append(...rows);
      else list.replaceChildren(...rows);
    } catch (failure) {
      if (!failure.sessionEnded) list.replaceChildren(h('li', { class: 'muted' }, failure.message));
    }
  };
  more.addEventListener('click', () => busy(more, 'Loading…', () => load(next, true)));
  everywhere.addEventListener('click', async () => {
    await busy(everywhere, 'Signing out…', async () => {
      try {
        await api('/api/user/logout-all/', { method: 'POST' });
        session.end('everywhere');
      } catch (failure) {
        if (!failure.sessionEnded) showFormError(error, failure.message);
      }
    });
  });
  load();
  return h(
    'section',
    { class: 'card section-card', 'aria-labelledby': 'sessions-title' },
    h('h2', { id: 'sessions-title' }, 'Signed-in devices'),
    h('p', { class: 'muted' }, 'Where your account is signed in now. Sign out one you do not know, and change your password. Lost a phone or used a shared computer? Sign out everywhere, including here.'),
    list,
    more,
    error,
    everywhere,
  );
}

function row(signIn, reload) {
  const details = [signIn.address ?? 'address unknown', `signed in ${when(signIn.signed_in)}`, `last used ${when(signIn.last_used)}`];
  const title = h('strong', { title: signIn.user_agent ?? '' }, signIn.browser);
  const head = signIn.current ? h('div', {}, title, ' ', h('span', { class: 'badge badge-ok' }, 'This browser')) : h('div', {}, title);
  const item = h(
    'li',
    { class: 'sign-in' },
    h('div', {}, head, h('div', { class: 'muted' }, details.join(' · ')), h('div', { class: 'muted' }, `ends ${fullDate(signIn.expires)} unless used`)),
  );
  if (!signIn.current) {
    const end = h('button', { type: 'button', class: 'button danger-outline', 'aria-label': `Sign out ${signIn.browser}` }, 'Sign out');
    const onConfirm = async () => {
      await api(`/api/user/sign-ins/${signIn.id}/`, { method: 'DELETE', messages: { 404: null } }).catch((failure) => {
        if (failure.status !== 404) throw failure; // already ended elsewhere: the list shows it gone
      });
      toast(`${signIn.browser} is signed out.`);
      await reload();
    };
    const body = [h('p', {}, `${signIn.browser} (${signIn.address ?? 'address unknown'}) will have to sign in again.`)];
    end.addEventListener('click', () =>
      openDialog({ title: 'Sign out this device?', body, confirmLabel: 'Sign it out', busyLabel: 'Signing out…', danger: true, onConfirm }),
    );
    item.append(end);
  }
  return item;
}
