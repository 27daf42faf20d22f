// What is inside a document: its first page, its metadata, and a warning when it carries active
// content (scripts, actions that launch programs or run on opening, embedded files), which the
// viewer never runs.

import { h, icon, uid } from '../dom.js';
import { bytes, fullDate } from '../format.js';
import { thumbnail, viewerUrl } from '../preview.js';

const ACTIVE = {
  javascript: 'JavaScript',
  launch_action: 'an action that launches a program',
  embedded_file: 'an embedded file',
  auto_action: 'an action that runs when it is opened',
};

const TEXT = {
  pending: 'Being read…',
  indexed: 'Searchable',
  none: 'No text (a scanned document?)',
  failed: 'Could not be read',
};

/** The warning shown for a flagged document, or null. */
export function activeContentWarning(file) {
  const facts = file.document;
  if (!facts?.flagged) return null;
  const found = (facts.active_content ?? []).map((name) => ACTIVE[name] ?? name.replaceAll('_', ' '));
  return h(
    'div',
    { class: 'notice notice-warning active-warning', role: 'note' },
    icon('alert'),
    h(
      'span',
      {},
      `This document contains ${list(found.length ? found : ['active content'])}. `,
      'The viewer here never runs it; take care if you open it in another program.',
    ),
  );
}

/** A small badge for the file list when the document is flagged. */
export function activeContentBadge(file) {
  if (!file.document?.flagged) return null;
  return h('span', { class: 'badge badge-warning', title: 'This document contains active content' }, icon('alert'), 'Active content');
}

/** Opens the details of a file in a dialog. */
export function documentDetails(file) {
  const opener = document.activeElement;
  const titleId = uid('details-title');
  const facts = file.document ?? null;
  const rows = [
    ['Size', bytes(file.size)],
    ['Pages', facts?.pages],
    ['Title', facts?.title],
    ['Author', facts?.author],
    ['Subject', facts?.subject],
    ['Keywords', facts?.keywords],
    ['Created with', facts?.creator],
    ['Produced by', facts?.producer],
    ['Created', facts?.created ? fullDate(facts.created) : null],
    ['Modified', facts?.modified ? fullDate(facts.modified) : null],
    ['PDF version', facts?.pdf_version],
    ['Encrypted', yesNo(facts?.encrypted)],
    ['Forms', yesNo(facts?.forms)],
    ['Signatures', yesNo(facts?.signatures)],
    ['Attachments', yesNo(facts?.attachments)],
    ['Text', facts?.text ? TEXT[facts.text] ?? facts.text : null],
  ].filter(([, value]) => value != null && value !== '');
  const close = h('button', { type: 'button', class: 'button ghost' }, 'Close');
  const dialog = h(
    'dialog',
    { class: 'dialog details-dialog', 'aria-labelledby': titleId },
    h(
      'div',
      { class: 'dialog-form' },
      h('div', { class: 'dialog-head' }, h('h2', { id: titleId }, file.name)),
      h(
        'div',
        { class: 'dialog-body details-body' },
        h('a', { class: 'details-preview', href: viewerUrl(file), 'aria-label': `Read ${file.name}` }, thumbnail(file, { width: 320 })),
        h(
          'div',
          { class: 'details-facts' },
          activeContentWarning(file),
          facts ? null : h('p', { class: 'muted' }, 'Nothing is known yet about what is inside this document.'),
          h('dl', { class: 'facts' }, rows.map(([term, value]) => [h('dt', {}, term), h('dd', {}, String(value))])),
        ),
      ),
      h('div', { class: 'dialog-actions' }, close, h('a', { class: 'button primary', href: viewerUrl(file) }, icon('eye'), 'Read')),
    ),
  );
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener?.isConnected) opener.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
}

function yesNo(value) {
  return value == null ? null : value ? 'Yes' : 'No';
}

function list(items) {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
