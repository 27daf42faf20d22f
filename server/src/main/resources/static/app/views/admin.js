// The administrators' screen: the server's totals, the users (search by the start of a name or an
// address, disable and enable, set a quota, send a new verification mail, turn two-factor sign-in
// off for one who lost it, delete with their files
// or giving them to someone), and the audit log, newest first. Only administrators
// see the link to it; the server refuses everyone else.

import { api, apiPage } from '../api.js';
import { busy, field, h, icon, toast } from '../dom.js';
import { openDialog } from './dialogs.js';
import { bytes, fullDate, when } from '../format.js';
import { session } from '../session.js';

const PAGE = 20;
const GB = 1024 ** 3; // as the sizes on the page are written

export function adminScreen(main, { signal }) {
  const heading = h('h1', {}, 'Administration');
  main.append(
    h(
      'div',
      { class: 'page' },
      h('div', { class: 'page-head' }, heading, h('p', { class: 'muted' }, 'People, space and security events of this server.')),
      totalsCard(signal),
      usersCard(signal),
      auditCard(signal),
    ),
  );
  return 'Administration';
}

function totalsCard(signal) {
  const figures = h('dl', { class: 'admin-totals' });
  api('/api/admin/totals/', { signal })
    .then((totals) =>
      figures.replaceChildren(
        h('dt', {}, 'Users'), h('dd', {}, String(totals.users)),
        h('dt', {}, 'Files'), h('dd', {}, String(totals.files)),
        h('dt', {}, 'Stored'), h('dd', {}, bytes(totals.bytes)),
        ...totals.stores.flatMap((store) => [h('dt', {}, `In ${store.store}`), h('dd', {}, `${bytes(store.bytes)} in ${store.blobs} ${store.blobs === 1 ? 'blob' : 'blobs'}`)]),
      ),
    )
    .catch((failure) => {
      if (failure.name !== 'AbortError' && !failure.sessionEnded) figures.replaceChildren(h('dd', {}, failure.message));
    });
  return h('section', { class: 'card section-card', 'aria-labelledby': 'totals-title' }, h('h2', { id: 'totals-title' }, 'Totals'), figures);
}

function usersCard(signal) {
  const search = field({ label: 'Find users', type: 'search', placeholder: 'start of a username or address' });
  const list = h('ul', { class: 'admin-users' });
  const more = h('button', { type: 'button', class: 'button secondary', hidden: true }, 'More users');
  let next = null;
  // a search answered after a later one (or after the first list) must not show: each new search
  // is a generation, and an answer of an older one is dropped
  let generation = 0;
  const load = async (path, fresh) => {
    const mine = fresh ? ++generation : generation;
    try {
      const page = await apiPage(path, { signal });
      if (mine !== generation) return;
      if (fresh) list.replaceChildren();
      list.append(...page.results.map((user) => userRow(user)));
      if (!list.children.length) list.append(h('li', { class: 'muted' }, 'No users found.'));
      next = page.next;
      more.hidden = !next;
    } catch (failure) {
      if (mine === generation && failure.name !== 'AbortError' && !failure.sessionEnded) list.replaceChildren(h('li', { class: 'muted' }, failure.message));
    }
  };
  const first = () => {
    const text = search.control.value.trim();
    return `/api/admin/users/?limit=${PAGE}${text ? `&search=${encodeURIComponent(text)}` : ''}`;
  };
  let typing;
  search.control.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => load(first(), true), 250);
  });
  more.addEventListener('click', () => next && load(next, false));
  load(first(), true);
  return h(
    'section',
    { class: 'card section-card', 'aria-labelledby': 'users-title' },
    h('h2', { id: 'users-title' }, 'Users'),
    search.wrapper,
    list,
    more,
  );
}

function userRow(user) {
  const state = h('span', { class: 'admin-user-state' });
  const toggle = h('button', { type: 'button', class: 'button small secondary' });
  const quota = h('input', { type: 'number', min: '0', step: 'any', class: 'admin-quota', placeholder: 'GB', 'aria-label': `Quota of ${user.username} in GB (empty: no limit)` });
  const setQuota = h('button', { type: 'button', class: 'button small secondary', 'aria-label': `Set the quota of ${user.username}` }, 'Set quota');
  const usage = h('span', { class: 'muted' });
  const resend = h('button', { type: 'button', class: 'button small secondary', 'aria-label': `Send ${user.username} a new verification mail` }, 'Resend verification');
  const remove = h('button', { type: 'button', class: 'button small danger-outline', 'aria-label': `Delete ${user.username}` }, 'Delete…');
  const secondFactor = h('button', { type: 'button', class: 'button small secondary', 'aria-label': `Turn two-factor sign-in off for ${user.username}` }, 'Turn off two-factor…');
  const draw = (current) => {
    user = current;
    state.textContent = [user.admin ? 'administrator' : null, user.disabled ? 'disabled' : 'active', user.verified ? null : 'address not confirmed', user.two_factor ? 'two-factor sign-in' : null].filter(Boolean).join(' · ');
    secondFactor.hidden = !user.two_factor || user.id === session.user?.id;
    toggle.textContent = user.disabled ? 'Enable' : 'Disable';
    toggle.setAttribute('aria-label', `${user.disabled ? 'Enable' : 'Disable'} ${user.username}`);
    toggle.hidden = user.id === session.user?.id;
    remove.hidden = user.id === session.user?.id;
    resend.hidden = user.verified;
    const limit = user.usage.quota_bytes;
    usage.textContent = `${bytes(user.usage.bytes)} of ${limit == null ? 'no limit' : bytes(limit)} · last sign-in ${user.last_login ? when(user.last_login) : 'never'}`;
    quota.value = limit == null ? '' : String(Math.round((limit / GB) * 1000) / 1000);
  };
  toggle.addEventListener('click', async () => {
    toggle.disabled = true;
    try {
      draw(await api(`/api/admin/users/${user.id}/${user.disabled ? 'enable' : 'disable'}/`, { method: 'POST' }));
      toast(`${user.username} is ${user.disabled ? 'disabled' : 'enabled'}.`);
    } catch (failure) {
      if (!failure.sessionEnded) toast(failure.message, { kind: 'error' });
    } finally {
      toggle.disabled = false;
    }
  });
  setQuota.addEventListener('click', () =>
    busy(setQuota, 'Setting…', async () => {
      const text = quota.value.trim();
      const value = text === '' ? null : Math.round(Number(text) * GB);
      try {
        draw(await api(`/api/admin/users/${user.id}/quota/`, { method: 'PUT', json: { quota: value } }));
        toast(`The quota of ${user.username} is ${value == null ? 'no limit' : bytes(value)}.`);
      } catch (failure) {
        if (!failure.sessionEnded) toast(failure.message, { kind: 'error' });
      }
    }),
  );
  resend.addEventListener('click', () =>
    busy(resend, 'Sending…', async () => {
      try {
        await api(`/api/admin/users/${user.id}/resend-verification/`, { method: 'POST' });
        toast(`A new verification mail is on its way to ${user.email}.`);
      } catch (failure) {
        if (!failure.sessionEnded) toast(failure.message, { kind: 'error' });
      }
    }),
  );
  secondFactor.addEventListener('click', () =>
    openDialog({
      title: `Turn two-factor sign-in off for ${user.username}?`,
      danger: true,
      confirmLabel: 'Turn it off',
      busyLabel: 'Turning off…',
      body: [
        h('p', {}, `Do this only when ${user.username} has lost both the authenticator app and the recovery codes, and you know it is them who asks. They will sign in with the password alone until they set it up again, and get a mail saying you turned it off.`),
      ],
      onConfirm: async () => {
        draw(await api(`/api/admin/users/${user.id}/2fa/disable/`, { method: 'POST' }));
        toast(`Two-factor sign-in is off for ${user.username}.`);
      },
    }),
  );
  draw(user);
  const row = h(
    'li',
    { class: 'admin-user', dataset: { user: user.username } },
    h('div', {}, h('strong', {}, user.username), ' ', h('span', { class: 'muted' }, user.email)),
    h('div', {}, state, ' · ', usage),
    h('div', { class: 'admin-actions' }, toggle, quota, setQuota, resend, secondFactor, remove),
  );
  remove.addEventListener('click', () => deleteUser(user, row));
  return row;
}

/** Asks what becomes of the files, then deletes the account; the row goes when it is done. */
function deleteUser(user, row) {
  const choice = (value, label, checked) => {
    const input = h('input', { type: 'radio', name: 'files', value, checked });
    return { input, label: h('label', { class: 'choice' }, input, ' ', label) };
  };
  const drop = choice('delete', 'Delete the files for good, with their versions, shares and links', true);
  const give = choice('transfer', 'Give the files, their shares and links to another user', false);
  const heir = field({ label: 'Username to give them to', autocomplete: 'off', spellcheck: 'false' });
  heir.wrapper.hidden = true;
  for (const option of [drop, give]) option.input.addEventListener('change', () => (heir.wrapper.hidden = !give.input.checked));
  return openDialog({
    title: `Delete ${user.username}?`,
    danger: true,
    confirmLabel: 'Delete account',
    busyLabel: 'Deleting…',
    body: [
      h('p', {}, `${user.username} (${user.email}) will no longer be able to sign in, and the account cannot be brought back. They store ${bytes(user.usage.bytes)}.`),
      h('fieldset', { class: 'choices' }, h('legend', {}, 'Their files'), drop.label, give.label),
      heir.wrapper,
    ],
    onConfirm: async () => {
      const json = give.input.checked ? { files: 'transfer', to: heir.control.value.trim() } : { files: 'delete' };
      const done = await api(`/api/admin/users/${user.id}/delete/`, { method: 'POST', json });
      row.remove();
      const files = `${done.count} ${done.count === 1 ? 'file' : 'files'}`;
      toast(done.to ? `${done.username} is deleted; ${files} went to ${done.to}.` : `${done.username} is deleted, with ${files}.`);
    },
  });
}

function auditCard(signal) {
  const list = h('ol', { class: 'audit-list' });
  const more = h('button', { type: 'button', class: 'button secondary', hidden: true }, 'Older events');
  let next = `/api/admin/audit/?limit=${PAGE}`;
  const load = async () => {
    try {
      const page = await apiPage(next, { signal });
      list.append(...page.results.map(auditEntry));
      if (!list.children.length) list.append(h('li', { class: 'muted' }, 'Nothing recorded yet.'));
      next = page.next;
      more.hidden = !next;
    } catch (failure) {
      if (failure.name !== 'AbortError' && !failure.sessionEnded) list.replaceChildren(h('li', { class: 'muted' }, failure.message));
    }
  };
  more.addEventListener('click', load);
  load();
  return h(
    'section',
    { class: 'card section-card', 'aria-labelledby': 'audit-title' },
    h('h2', { id: 'audit-title' }, 'Audit log'),
    list,
    more,
  );
}

function auditEntry(entry) {
  const who = entry.actor_name ?? 'nobody signed in';
  const detail = Object.entries(entry.detail ?? {})
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ');
  return h(
    'li',
    { class: 'audit-entry', dataset: { action: entry.action } },
    h('span', { class: 'audit-action' }, icon('clock'), ` ${entry.action.replaceAll('_', ' ')}`),
    h('span', {}, ` by ${who}${entry.user != null && entry.user !== entry.actor ? ` (account ${entry.user})` : ''}`),
    detail ? h('span', { class: 'muted' }, ` — ${detail}`) : null,
    h('span', { class: 'muted' }, ` from ${entry.address ?? 'the server itself'}, `),
    h('time', { datetime: entry.at, title: fullDate(entry.at) }, when(entry.at)),
  );
}
