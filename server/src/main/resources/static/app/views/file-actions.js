// What the owner of a file can do to it: rename, share or keep private, replace, delete (to the
// trash).

import { api } from '../api.js';
import { h, toast } from '../dom.js';
import { uploads } from '../upload/queue.js';
import { openDialog } from './dialogs.js';

export function rename(file, done) {
  const input = h('input', { id: 'rename-input', value: file.name, maxlength: 255, autocomplete: 'off', spellcheck: 'false' });
  const dialog = openDialog({
    title: 'Rename file',
    body: [h('div', { class: 'field' }, h('label', { for: 'rename-input' }, 'Name'), input)],
    confirmLabel: 'Rename',
    busyLabel: 'Renaming…',
    onConfirm: async () => {
      const name = input.value.trim();
      if (!name) throw new Error('Enter a name for the file.');
      const changed = await api(`/api/files/${file.id}/`, { method: 'PATCH', json: { name }, messages: MESSAGES });
      toast(`Renamed to “${changed.name}”.`);
      done(changed);
    },
  });
  const dot = file.name.lastIndexOf('.');
  input.setSelectionRange(0, dot > 0 ? dot : file.name.length);
  return dialog;
}

export async function switchVisibility(file, done) {
  const visibility = file.visibility === 'users' ? 'private' : 'users';
  try {
    const changed = await api(`/api/files/${file.id}/`, { method: 'PATCH', json: { visibility }, messages: MESSAGES });
    toast(visibility === 'private' ? `“${file.name}” is now private.` : `“${file.name}” is now shared with all users.`);
    done(changed);
  } catch (error) {
    if (!error.sessionEnded) toast(error.message, { kind: 'error' });
  }
}

/** One file input for replacements; the file whose content it replaces is set when it opens. */
export function replacementPicker() {
  let target = null;
  const input = h('input', {
    type: 'file',
    id: 'replace-input',
    accept: 'application/pdf,.pdf',
    class: 'visually-hidden',
    'aria-hidden': 'true',
    tabindex: '-1',
  });
  input.addEventListener('change', () => {
    if (input.files.length && target) uploads.replace(target, input.files[0]);
    input.value = '';
  });
  return {
    input,
    pick(file) {
      target = file;
      input.click();
    },
  };
}

/** Deleting moves the file to the owner's trash, from where it can be restored for a while. */
export function remove(file, done) {
  return openDialog({
    title: `Delete “${file.name}”?`,
    body: [
      h('p', {}, file.visibility === 'users'
        ? 'The file moves to your trash and disappears for everyone it is shared with, and its links stop working. You can restore it from the trash for a while.'
        : 'The file moves to your trash and its links stop working. You can restore it from the trash for a while.'),
    ],
    confirmLabel: 'Delete',
    busyLabel: 'Deleting…',
    danger: true,
    onConfirm: async () => {
      await api(`/api/files/${file.id}/`, { method: 'DELETE', messages: MESSAGES });
      toast(`Moved “${file.name}” to the trash.`);
      done();
    },
  });
}

/** Someone a file was shared with takes it off their own list; the owner keeps it. */
export function leave(file, done) {
  return openDialog({
    title: `Remove “${file.name}” from your list?`,
    body: [h('p', {}, `${file.shared_by ?? 'Its owner'} keeps the file. To see it again, ask them to share it with you again.`)],
    confirmLabel: 'Remove',
    busyLabel: 'Removing…',
    danger: true,
    onConfirm: async () => {
      await api(`/api/files/${file.id}/shares/mine/`, { method: 'DELETE', messages: MESSAGES });
      toast(`Removed “${file.name}” from your list.`);
      done();
    },
  });
}

const MESSAGES = {
  403: 'Only the owner of a file can change or delete it.',
  404: 'This file no longer exists, or it is no longer shared with you.',
};
