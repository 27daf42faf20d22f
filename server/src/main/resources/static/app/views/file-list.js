// One row per file: name, owner, size, date, who can see it, and what the person may do with it.

import { h, icon, uid } from '../dom.js';
import { bytes, fullDate, when } from '../format.js';
import { thumbnail, viewerUrl } from '../preview.js';
import { activeContentBadge, documentDetails } from './document-details.js';

/**
 * Builds a row. `actions` has download(file, button), share(file), rename(file), visibility(file),
 * replace(file), versions(file), activity(file), remove(file), leave(file); the owner gets all but
 * leave, someone the file is shared with gets leave (and rename, replace and versions when they may
 * edit), everyone else a download.
 */
export function fileRow(file, { me, actions, grid = false }) {
  const mine = me != null && file.owner === me;
  const shared = file.visibility === 'users';
  const editor = !mine && file.permission === 'edit';
  const download = h(
    'button',
    { type: 'button', class: 'button small secondary', 'aria-label': `Download ${file.name}` },
    icon('download'),
    h('span', { class: 'label' }, 'Download'),
  );
  download.addEventListener('click', () => actions.download(file, download));
  const row = h(
    'li',
    { class: 'file-row', dataset: { fileId: file.id } },
    h('a', { class: 'thumb-link', href: viewerUrl(file), tabindex: '-1', 'aria-hidden': 'true' }, thumbnail(file, { width: grid ? 320 : 160 })),
    h(
      'div',
      { class: 'cell-name' },
      h(
        'button',
        { type: 'button', class: 'name-button', title: `Details of ${file.name}`, onclick: () => documentDetails(file) },
        h('span', { class: 'file-name' }, file.name),
      ),
      activeContentBadge(file),
    ),
    h(
      'div',
      { class: 'cell-meta' },
      cell('cell-owner', 'Owner', mine ? 'You' : file.owner),
      cell('cell-size', 'Size', bytes(file.size)),
      cell('cell-date', 'Added', h('time', { datetime: file.created, title: fullDate(file.created) }, when(file.created))),
      cell(
        'cell-visibility',
        'Visible to',
        file.permission
          ? h(
              'span',
              { class: 'badge badge-shared', title: `Shared with you by ${file.shared_by}` },
              icon('user'),
              file.permission === 'edit' ? 'You, can edit' : 'You, can view',
            )
          : h(
              'span',
              { class: `badge ${shared ? 'badge-shared' : 'badge-private'}` },
              icon(shared ? 'users' : 'lock'),
              shared ? 'All users' : mine ? 'Only you' : 'Its owner',
            ),
      ),
    ),
    h(
      'div',
      { class: 'cell-actions' },
      h('a', { class: 'button small icon-only ghost', href: viewerUrl(file), 'aria-label': `Read ${file.name}`, title: 'Read' }, icon('eye')),
      download,
      mine || file.permission ? moreMenu(file, actions, !mine, editor) : h('span', { class: 'menu-spacer', 'aria-hidden': 'true' }),
    ),
  );
  return row;
}

function cell(className, label, value) {
  return h('div', { class: `cell ${className}` }, h('span', { class: 'visually-hidden' }, `${label}: `), value);
}

/** A button that opens a short list of actions; Escape or a click elsewhere closes it. */
function moreMenu(file, actions, recipient, editor) {
  const menuId = uid('menu');
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'button small icon-only ghost',
      'aria-expanded': 'false',
      'aria-controls': menuId,
      'aria-label': `More actions for ${file.name}`,
      title: 'More actions',
    },
    icon('more'),
  );
  const item = (name, label, action) =>
    h('li', {}, h('button', { type: 'button', class: `menu-item${name === 'trash' ? ' danger-text' : ''}`, onclick: () => { close(); action(file); } }, icon(name), label));
  const shared = file.visibility === 'users';
  const menu = h(
    'ul',
    { class: 'menu', id: menuId, hidden: true },
    recipient ? null : item('share', 'Share…', actions.share),
    recipient && !editor ? null : item('pencil', 'Rename…', actions.rename),
    recipient ? null : item(shared ? 'lock' : 'users', shared ? 'Make private' : 'Share with all users', actions.visibility),
    recipient && !editor ? null : item('replace', 'Replace content…', actions.replace),
    recipient && !editor ? null : item('history', 'Versions…', actions.versions),
    recipient ? null : item('clock', 'Show activity', actions.activity),
    recipient ? item('trash', 'Remove from my list…', actions.leave) : item('trash', 'Delete…', actions.remove),
  );
  const wrapper = h('div', { class: 'menu-wrap' }, toggle, menu);

  const outside = (event) => {
    if (!wrapper.contains(event.target)) close(false);
  };
  function open() {
    menu.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    document.addEventListener('pointerdown', outside);
    menu.querySelector('button').focus();
  }
  function close(returnFocus = true) {
    if (menu.hidden) return;
    menu.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', outside);
    if (returnFocus) toggle.focus();
  }
  toggle.addEventListener('click', () => (menu.hidden ? open() : close()));
  wrapper.addEventListener('keydown', (event) => {
    if (menu.hidden) return;
    const items = [...menu.querySelectorAll('button')];
    const index = items.indexOf(document.activeElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(index + step + items.length) % items.length].focus();
    }
  });
  wrapper.addEventListener('focusout', (event) => {
    if (event.relatedTarget && !wrapper.contains(event.relatedTarget)) close(false);
  });
  return wrapper;
}
