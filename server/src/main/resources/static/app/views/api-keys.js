// The account screen's API keys: make one (shown once, with a copy button), list them, revoke one.

import { api } from '../api.js';
import { busy, field, h, showFormError, toast } from '../dom.js';
import { fullDate, when } from '../format.js';
import { openDialog } from './dialogs.js';
import { identityConfirmation } from './identity-confirmation.js';

const SCOPES = [
  ['files:read', 'Read and download files'],
  ['files:write', 'Upload, change and delete files'],
  ['shares', 'Shares, links and file requests'],
  ['account', 'Read my profile'],
];

export function apiKeysCard() {
  const list = h('ul', { class: 'api-key-list' });
  const shown = h('div', { class: 'status-area', role: 'status' });
  const name = field({ label: 'Name', type: 'text', required: true, maxlength: 100, placeholder: 'nightly backup' });
  const checks = SCOPES.map(([scope, label]) => {
    const control = h('input', { type: 'checkbox', id: `scope-${scope.replace(':', '-')}`, value: scope });
    return { control, wrapper: h('label', { class: 'check', for: control.id }, control, ` ${label} (${scope})`) };
  });
  const expires = field({ label: 'Expires (empty: never)', type: 'date' });
  const confirmation = identityConfirmation();
  const error = h('div', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button primary' }, 'Create key');
  const form = h(
    'form',
    { novalidate: true, class: 'stack api-key-form' },
    name.wrapper,
    h('fieldset', {}, h('legend', {}, 'What it may do'), ...checks.map((c) => c.wrapper)),
    expires.wrapper,
    confirmation.wrapper,
    error,
    h('div', {}, submit),
  );
  const load = async () => {
    try {
      const keys = await api('/api/keys/');
      list.replaceChildren(...keys.map((key) => row(key, load)));
      if (!keys.length) list.append(h('li', { class: 'muted' }, 'No API keys yet.'));
    } catch (failure) {
      if (!failure.sessionEnded) list.replaceChildren(h('li', { class: 'muted' }, failure.message));
    }
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    shown.replaceChildren();
    const scopes = checks.filter((c) => c.control.checked).map((c) => c.control.value);
    if (!name.control.value.trim()) return showFormError(error, 'Give the key a name.', name.control);
    if (!scopes.length) return showFormError(error, 'Choose what the key may do.', checks[0].control);
    showFormError(error, null);
    await busy(submit, 'Creating…', async () => {
      try {
        const day = expires.control.value;
        const created = await api('/api/keys/', {
          method: 'POST',
          json: {
            name: name.control.value.trim(),
            scopes,
            expires: day ? new Date(`${day}T23:59:59`).toISOString() : null,
            ...confirmation.values(),
          },
          messages: { 400: null, 403: null, 409: null },
        });
        form.reset();
        confirmation.reset();
        shown.replaceChildren(secret(created.key));
        await load();
      } catch (failure) {
        if (failure.sessionEnded) return;
        const asked = confirmation.askedBy(failure);
        const aboutConfirmation = asked || (!confirmation.wrapper.hidden && failure.status === 400);
        showFormError(error, asked ?? failure.message, aboutConfirmation ? confirmation.next() : null);
      }
    });
  });
  load();
  return h(
    'section',
    { class: 'card section-card', 'aria-labelledby': 'api-keys-title' },
    h('h2', { id: 'api-keys-title' }, 'API keys'),
    h('p', { class: 'muted' }, 'Scripts and the command line can use a key instead of your password: Authorization: Token <key>.'),
    form,
    shown,
    list,
  );
}

function secret(key) {
  const value = h('input', { type: 'text', readonly: true, value: key, class: 'api-key-value', 'aria-label': 'New API key' });
  const copy = h('button', { type: 'button', class: 'button' }, 'Copy');
  copy.addEventListener('click', () => navigator.clipboard.writeText(key).then(() => toast('Key copied.'), () => value.select()));
  return h('div', { class: 'notice notice-info' }, h('span', {}, 'Copy the key now: it is not shown again.'), value, copy);
}

function row(key, reload) {
  const revoke = h('button', { type: 'button', class: 'button danger-outline' }, 'Revoke');
  const onConfirm = async () => {
    await api(`/api/keys/${key.id}/`, { method: 'DELETE' });
    toast('Key revoked.');
    await reload();
  };
  const body = [h('p', {}, 'Scripts that use it stop working at once.')];
  revoke.addEventListener('click', () =>
    openDialog({ title: `Revoke the key “${key.name}”?`, body, confirmLabel: 'Revoke key', busyLabel: 'Revoking…', danger: true, onConfirm }),
  );
  const used = key.last_used ? `last used ${when(key.last_used)}` : 'never used';
  const until = key.expires ? ` · expires ${fullDate(key.expires)}` : '';
  return h(
    'li',
    { class: 'api-key' },
    h('div', {}, h('strong', {}, key.name), h('div', { class: 'muted' }, `${key.scopes.join(', ')} · ${used}${until}`)),
    revoke,
  );
}
