// The share dialog of a file: the people it is shared with, and the other ways of sharing it.

import { api } from '../api.js';
import { h, icon, showFormError, toast, uid } from '../dom.js';
import { linkSection } from './link-section.js';

const PERMISSIONS = [
  ['read', 'Can view'],
  ['edit', 'Can edit'],
];

const MESSAGES = {
  403: 'Only the owner of a file can share it.',
  404: 'This file no longer exists.',
};

/** Opens the dialog for a file the person owns; `changed()` is called after each change. */
export function shareDialog(file, { changed = () => {} } = {}) {
  const opener = document.activeElement;
  const titleId = uid('share-title');
  // Each section is a function (file, api, options) that returns an element.
  const sections = [peopleSection, linkSection];
  const done = h('button', { type: 'button', class: 'button primary' }, 'Done');
  const dialog = h(
    'dialog',
    { class: 'dialog share-dialog', 'aria-labelledby': titleId },
    h(
      'div',
      { class: 'dialog-form' },
      h('div', { class: 'dialog-head' }, h('h2', { id: titleId }, `Share “${file.name}”`)),
      h('div', { class: 'dialog-body share-sections' }, sections.map((section) => section(file, api, { changed }))),
      h('div', { class: 'dialog-actions' }, done),
    ),
  );
  document.body.append(dialog);
  done.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener?.isConnected) opener.focus();
  });
  dialog.showModal();
  dialog.querySelector('input')?.focus();
  return dialog;
}

/** People: add someone by username or address (usernames are suggested), change, revoke. */
export function peopleSection(file, call, { changed = () => {} } = {}) {
  const base = `/api/files/${file.id}/shares/`;
  const userId = uid('share-user');
  const permissionId = uid('share-permission');
  const suggestionsId = uid('share-suggestions');
  const user = h('input', {
    id: userId,
    list: suggestionsId,
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'Username or email address',
  });
  const suggestions = h('datalist', { id: suggestionsId });
  const permission = h(
    'select',
    { id: permissionId },
    PERMISSIONS.map(([value, label]) => h('option', { value }, label)),
  );
  const add = h('button', { type: 'submit', class: 'button secondary' }, 'Share');
  const error = h('div', { class: 'form-error', role: 'alert', hidden: true });
  const list = h('ul', { class: 'share-list', 'aria-label': 'People with access' });
  const form = h(
    'form',
    { class: 'share-add', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: userId }, 'Share with'), user, suggestions),
    h('div', { class: 'field' }, h('label', { for: permissionId }, 'Permission'), permission),
    add,
  );

  async function load() {
    try {
      draw(await call(base, { messages: MESSAGES }));
    } catch (failure) {
      if (!failure.sessionEnded) showFormError(error, failure.message);
    }
  }

  function draw(shares) {
    if (shares.length === 0) {
      list.replaceChildren(h('li', { class: 'muted' }, 'Not shared with anyone yet.'));
      return;
    }
    list.replaceChildren(...shares.map(row));
  }

  function row(share) {
    const who = share.user ?? share.email;
    const selectId = uid('share-row');
    const select = h(
      'select',
      { id: selectId },
      PERMISSIONS.map(([value, label]) => h('option', { value, selected: value === share.permission }, label)),
    );
    select.addEventListener('change', async () => {
      try {
        await call(`${base}${share.id}/`, { method: 'PATCH', json: { permission: select.value }, messages: MESSAGES });
        toast(`${who} ${select.value === 'edit' ? 'can edit' : 'can view'} “${file.name}”.`);
        changed();
      } catch (failure) {
        if (!failure.sessionEnded) showFormError(error, failure.message);
      }
    });
    const revoke = h(
      'button',
      { type: 'button', class: 'button small icon-only ghost', 'aria-label': `Stop sharing with ${who}`, title: 'Stop sharing' },
      icon('close'),
    );
    revoke.addEventListener('click', async () => {
      try {
        await call(`${base}${share.id}/`, { method: 'DELETE', messages: MESSAGES });
        toast(`“${file.name}” is no longer shared with ${who}.`);
        changed();
        await load();
      } catch (failure) {
        if (!failure.sessionEnded) showFormError(error, failure.message);
      }
    });
    return h(
      'li',
      { class: 'share-row', dataset: { shareId: share.id } },
      h('span', { class: 'share-who' }, icon(share.pending ? 'mail' : 'user'), h('span', { class: 'share-name' }, who)),
      share.pending ? h('span', { class: 'badge badge-private', title: 'Gets access after signing up with this address' }, 'Invited') : null,
      h('label', { for: selectId, class: 'visually-hidden' }, `Permission of ${who}`),
      select,
      revoke,
    );
  }

  let typing = null;
  let asked = null;
  user.addEventListener('input', () => {
    clearTimeout(typing);
    const text = user.value.trim();
    if (!text || text.includes('@')) return suggestions.replaceChildren();
    typing = setTimeout(async () => {
      asked?.abort();
      asked = new AbortController();
      try {
        const found = await call(`/api/users/?search=${encodeURIComponent(text)}`, { signal: asked.signal });
        suggestions.replaceChildren(...found.map((person) => h('option', { value: person.username })));
      } catch {
        // suggestions are a help only
      }
    }, 200);
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showFormError(error, null);
    const who = user.value.trim();
    if (!who) return showFormError(error, 'Enter a username or an email address.', user);
    add.disabled = true;
    try {
      const share = await call(base, { method: 'POST', json: { user: who, permission: permission.value }, messages: MESSAGES });
      toast(share.pending ? `${who} is invited to “${file.name}”.` : `“${file.name}” is shared with ${share.user}.`);
      user.value = '';
      suggestions.replaceChildren();
      changed();
      await load();
    } catch (failure) {
      if (!failure.sessionEnded) showFormError(error, failure.message, user);
    } finally {
      add.disabled = false;
    }
  });

  load();
  return h('section', { class: 'share-section' }, h('h3', {}, 'People'), form, error, list);
}
