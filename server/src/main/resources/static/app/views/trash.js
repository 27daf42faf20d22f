// The trash: files I deleted, until they are removed for good. Each can be restored (under the same
// id, with its links and shares) or deleted for good at once; the whole trash can be emptied.

import { api, apiPage } from '../api.js';
import { busy, h, icon, toast } from '../dom.js';
import { bytes, fullDate, plural, when } from '../format.js';
import { openDialog } from './dialogs.js';
import { refreshUsage } from './usage-bar.js';

const PAGE = 50;
const MESSAGES = { 404: 'This file is no longer in the trash.' };

export function trashScreen(main, { signal }) {
  const list = h('ul', { class: 'trash-list', 'aria-labelledby': 'trash-title' });
  const emptyAll = h('button', { type: 'button', class: 'button danger-outline', hidden: true }, icon('trash'), 'Empty trash…');
  const empty = h(
    'div',
    { class: 'empty', hidden: true },
    h('div', { class: 'empty-art', 'aria-hidden': 'true' }, icon('trash')),
    h('p', { class: 'empty-title' }, 'The trash is empty.'),
    h('p', { class: 'muted' }, 'Files you delete wait here for a while before they are removed for good.'),
  );
  const failure = h('p', { class: 'notice notice-error', role: 'alert', hidden: true });
  const more = h('button', { type: 'button', class: 'button secondary', hidden: true }, 'Show more');
  const card = h('section', { class: 'card trash-card', 'aria-labelledby': 'trash-title', 'aria-busy': 'true' }, list, empty, failure, h('div', { class: 'activity-more' }, more));
  let next = null;

  async function load({ reset = false } = {}) {
    if (reset) {
      list.replaceChildren();
      next = `/api/trash/?limit=${PAGE}`;
    }
    if (!next) return;
    card.setAttribute('aria-busy', 'true');
    try {
      const page = await apiPage(next, { signal, messages: MESSAGES });
      const first = list.children.length;
      list.append(...page.results.map(row));
      next = page.next;
      if (first > 0) list.children[first]?.querySelector('button')?.focus();
      failure.hidden = true;
    } catch (error) {
      if (error.name === 'AbortError' || error.sessionEnded) return;
      failure.replaceChildren(icon('alert'), h('span', {}, `The trash could not be loaded. ${error.message}`));
      failure.hidden = false;
    } finally {
      card.removeAttribute('aria-busy');
      drawState();
    }
  }

  function drawState() {
    const count = list.children.length;
    more.hidden = !next;
    empty.hidden = count > 0 || !failure.hidden;
    emptyAll.hidden = count === 0;
  }

  function row(file) {
    const restore = h('button', { type: 'button', class: 'button small secondary', 'aria-label': `Restore ${file.name}` }, icon('undo'), h('span', { class: 'label' }, 'Restore'));
    const purge = h('button', { type: 'button', class: 'button small ghost danger-text', 'aria-label': `Delete ${file.name} for good` }, icon('trash'), h('span', { class: 'label' }, 'Delete for good…'));
    const versions = file.versions ? ` with ${plural(file.versions, 'older version')}, ${bytes(file.stored)} in all` : '';
    const item = h(
      'li',
      { class: 'trash-row', dataset: { fileId: file.id } },
      h('span', { class: 'file-icon', 'aria-hidden': 'true' }, 'PDF'),
      h(
        'div',
        { class: 'trash-body' },
        h('span', { class: 'file-name', title: file.name }, file.name),
        h(
          'span',
          { class: 'muted trash-meta' },
          `${bytes(file.size)}${versions} · deleted `,
          h('time', { datetime: file.deleted, title: fullDate(file.deleted) }, when(file.deleted)),
          file.purge_at ? ` · removed for good on ${fullDate(file.purge_at)}` : '',
        ),
      ),
      h('div', { class: 'trash-actions' }, restore, purge),
    );
    restore.addEventListener('click', () =>
      busy(restore, 'Restoring…', async () => {
        try {
          await api(`/api/trash/${file.id}/restore/`, { method: 'POST', messages: MESSAGES });
          toast(`Restored “${file.name}” to your files.`);
          removed(item);
        } catch (error) {
          if (!error.sessionEnded) toast(error.message, { kind: 'error' });
        }
      }),
    );
    purge.addEventListener('click', async () => {
      const done = await openDialog({
        title: `Delete “${file.name}” for good?`,
        body: [h('p', {}, file.versions ? `The file and its ${plural(file.versions, 'older version')} are removed at once. This cannot be undone.` : 'The file is removed at once. This cannot be undone.')],
        confirmLabel: 'Delete for good',
        busyLabel: 'Deleting…',
        danger: true,
        onConfirm: () => api(`/api/trash/${file.id}/`, { method: 'DELETE', messages: MESSAGES }),
      });
      if (done) {
        toast(`Deleted “${file.name}” for good.`);
        removed(item);
        refreshUsage();
      }
    });
    return item;
  }

  /** Takes a row away and hands focus to its neighbour (or the heading when none is left). */
  function removed(item) {
    const neighbour = item.nextElementSibling ?? item.previousElementSibling;
    item.remove();
    drawState();
    if (list.children.length === 0 && next) return load();
    (neighbour?.querySelector('button') ?? document.getElementById('trash-title')).focus();
  }

  emptyAll.addEventListener('click', async () => {
    const done = await openDialog({
      title: 'Empty the trash?',
      body: [h('p', {}, 'Every file in the trash, with its older versions, is removed for good. This cannot be undone.')],
      confirmLabel: 'Empty trash',
      busyLabel: 'Emptying…',
      danger: true,
      onConfirm: () => api('/api/trash/', { method: 'DELETE' }),
    });
    if (done) {
      toast('The trash is empty.');
      refreshUsage();
      await load({ reset: true });
      document.getElementById('trash-title').focus();
    }
  });
  more.addEventListener('click', () => load());

  main.append(
    h(
      'div',
      { class: 'page' },
      h(
        'div',
        { class: 'trash-head' },
        h('div', { class: 'page-head' }, h('h1', { id: 'trash-title', tabindex: '-1' }, 'Trash'), h('p', { class: 'muted' }, 'Deleted files, until they are removed for good. Restoring one brings back its links and shares.')),
        emptyAll,
      ),
      card,
    ),
  );
  load({ reset: true });
  return 'Trash';
}
