// The versions of a file: its current content and the contents it had before, newest first. An
// earlier one can be downloaded or restored (it becomes the current content, and the current one
// becomes a version); the owner can also delete one.

import { api } from '../api.js';
import { busy, h, icon, showFormError, toast, uid } from '../dom.js';
import { download } from '../download.js';
import { bytes, fullDate, when } from '../format.js';
import { openDialog } from './dialogs.js';
import { refreshUsage } from './usage-bar.js';

const MESSAGES = {
  403: 'Only the owner, and people it is shared with for editing, can see its versions.',
  404: 'This file or version no longer exists.',
};

/** Opens the dialog; `changed(file)` is called with the file's new JSON after a restore. */
export function versionsDialog(file, { me, changed = () => {} } = {}) {
  const opener = document.activeElement;
  const titleId = uid('versions-title');
  const owner = me != null && file.owner === me;
  const current = h('div', { class: 'version-current' });
  const list = h('ol', { class: 'version-list', 'aria-label': 'Earlier versions' });
  const none = h('p', { class: 'muted', hidden: true }, 'No earlier versions. Replacing the content keeps the one it replaces here.');
  const error = h('div', { class: 'form-error', role: 'alert', hidden: true });
  const done = h('button', { type: 'button', class: 'button primary' }, 'Done');
  const dialog = h(
    'dialog',
    { class: 'dialog versions-dialog', 'aria-labelledby': titleId },
    h(
      'div',
      { class: 'dialog-form' },
      h('div', { class: 'dialog-head' }, h('h2', { id: titleId }, `Versions of “${file.name}”`)),
      h('div', { class: 'dialog-body' }, current, error, h('h3', { class: 'version-heading' }, 'Earlier versions'), list, none),
      h('div', { class: 'dialog-actions' }, done),
    ),
  );

  function drawCurrent() {
    current.replaceChildren(
      h('p', { class: 'version-title' }, file.version != null ? `Current: version ${file.version}` : 'Current content'),
      h(
        'p',
        { class: 'muted version-meta' },
        `${bytes(file.size)} · changed `,
        h('time', { datetime: file.updated, title: fullDate(file.updated) }, when(file.updated)),
        ' · ',
        sha(file.sha256),
      ),
    );
  }

  async function load() {
    try {
      const versions = await api(`/api/files/${file.id}/versions/`, { messages: MESSAGES });
      list.replaceChildren(...versions.map(row));
      none.hidden = versions.length > 0;
      showFormError(error, null);
    } catch (failure) {
      if (!failure.sessionEnded) showFormError(error, failure.message);
    }
  }

  function row(version) {
    const n = version.number;
    const act = (name, label, aria, extra = '') =>
      h('button', { type: 'button', class: `button small ${extra || 'secondary'}`, 'aria-label': aria }, icon(name), h('span', { class: 'label' }, label));
    const get = act('download', 'Download', `Download version ${n}`);
    const restore = act('undo', 'Restore', `Restore version ${n}`);
    const remove = owner ? act('trash', 'Delete…', `Delete version ${n}`, 'ghost danger-text') : null;
    get.addEventListener('click', () =>
      busy(get, 'Starting…', async () => {
        try {
          await download(file, { url: `/api/files/${file.id}/versions/${n}/download/` });
        } catch (failure) {
          if (!failure.sessionEnded) showFormError(error, failure.message);
        }
      }),
    );
    restore.addEventListener('click', () =>
      busy(restore, 'Restoring…', async () => {
        try {
          file = await api(`/api/files/${file.id}/versions/${n}/restore/`, { method: 'POST', messages: MESSAGES });
          toast(`Version ${n} of “${file.name}” is the current content again.`);
          drawCurrent();
          changed(file);
          await load();
          current.querySelector('.version-title').setAttribute('tabindex', '-1');
          current.querySelector('.version-title').focus();
        } catch (failure) {
          if (!failure.sessionEnded) showFormError(error, failure.message);
        }
      }),
    );
    remove?.addEventListener('click', async () => {
      const removed = await openDialog({
        title: `Delete version ${n}?`,
        body: [h('p', {}, 'This content of the file is removed for good. This cannot be undone.')],
        confirmLabel: 'Delete version',
        busyLabel: 'Deleting…',
        danger: true,
        onConfirm: () => api(`/api/files/${file.id}/versions/${n}/`, { method: 'DELETE', messages: MESSAGES }),
      });
      if (removed) {
        toast(`Version ${n} deleted.`);
        refreshUsage();
        await load();
        done.focus();
      }
    });
    const who = (name) => (name == null ? '' : name === me ? ' by you' : ` by ${name}`);
    return h(
      'li',
      { class: 'version', dataset: { version: n } },
      h(
        'div',
        { class: 'version-body' },
        h('p', { class: 'version-title' }, `Version ${n}`),
        h(
          'p',
          { class: 'muted version-meta' },
          `${bytes(version.size)} · uploaded `,
          h('time', { datetime: version.created, title: fullDate(version.created) }, when(version.created)),
          who(version.uploaded_by),
          ' · replaced ',
          h('time', { datetime: version.replaced, title: fullDate(version.replaced) }, when(version.replaced)),
          who(version.replaced_by),
          ' · ',
          sha(version.sha256),
        ),
      ),
      h('div', { class: 'version-actions' }, get, restore, remove),
    );
  }

  document.body.append(dialog);
  done.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    dialog.remove();
    // The row it was opened from may have been drawn again after a restore.
    const back = opener?.isConnected ? opener : document.querySelector(`[data-file-id="${file.id}"] .menu-wrap > button`);
    back?.focus();
  });
  drawCurrent();
  dialog.showModal();
  done.focus();
  load();
  return dialog;
}

/** The first characters of a SHA-256, with all of it on hover. */
function sha(hex) {
  if (!hex) return '';
  return h('span', { class: 'version-sha', title: `SHA-256 ${hex}` }, `SHA-256 ${hex.slice(0, 12)}…`);
}
