// The drop area and the list of uploads, each with its own progress, speed and time left.

import { h, icon } from '../dom.js';
import { bytes, speed, timeLeft } from '../format.js';
import { isFinished, uploads, uploadSettings } from '../upload/queue.js';

let visibilityChoice = null; // remembered while the tab is open

export function uploadPanel({ signal }) {
  const input = h('input', {
    type: 'file',
    id: 'file-input',
    class: 'visually-hidden',
    multiple: true,
    accept: 'application/pdf,.pdf',
    tabindex: '-1',
    'aria-hidden': 'true',
  });
  const choose = h('button', { type: 'button', class: 'button primary' }, icon('upload'), 'Choose files');
  const limit = h('span', { class: 'muted' }, 'PDF documents');
  const visibility = h(
    'select',
    { id: 'upload-visibility', name: 'visibility' },
    h('option', { value: 'users' }, 'All signed-in users'),
    h('option', { value: 'private' }, 'Only me'),
  );
  uploadSettings().then((settings) => {
    if (settings.max_upload_size) limit.textContent = `PDF documents up to ${bytes(settings.max_upload_size)} each`;
    visibility.value = visibilityChoice ?? settings.default_visibility ?? 'users';
  });
  visibility.addEventListener('change', () => (visibilityChoice = visibility.value));

  const zone = h(
    'section',
    { class: 'dropzone card', 'aria-labelledby': 'upload-title' },
    h('div', { class: 'dropzone-art', 'aria-hidden': 'true' }, icon('upload')),
    h(
      'div',
      { class: 'dropzone-text' },
      h('h2', { id: 'upload-title' }, 'Upload files'),
      h(
        'p',
        {},
        h('span', { class: 'drag-hint' }, 'Drag PDFs here, or choose them from your device. '),
        h('span', { class: 'tap-hint' }, 'Choose PDFs from your device. '),
        limit,
        '.',
      ),
    ),
    h(
      'div',
      { class: 'dropzone-controls' },
      choose,
      h('div', { class: 'inline-field' }, h('label', { for: 'upload-visibility' }, 'Visible to'), visibility),
    ),
    input,
  );
  choose.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    if (input.files.length) uploads.add([...input.files], { visibility: visibility.value });
    input.value = '';
  });

  let depth = 0;
  zone.addEventListener('dragenter', (event) => {
    if (!hasFiles(event)) return;
    depth += 1;
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) zone.classList.remove('dragging');
  });
  zone.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    depth = 0;
    zone.classList.remove('dragging');
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length) uploads.add(files, { visibility: visibility.value });
  });

  return { zone, list: uploadList({ signal }) };
}

function hasFiles(event) {
  return [...(event.dataTransfer?.types ?? [])].includes('Files');
}

function uploadList({ signal }) {
  const items = new Map();
  const list = h('ul', { class: 'upload-list' });
  const live = h('p', { class: 'visually-hidden', role: 'status' });
  const clear = h('button', { type: 'button', class: 'button small ghost' }, 'Clear finished');
  clear.addEventListener('click', () => uploads.clearFinished());
  const section = h(
    'section',
    { class: 'card uploads', 'aria-labelledby': 'uploads-title', hidden: true },
    h('div', { class: 'uploads-head' }, h('h2', { id: 'uploads-title' }, 'Uploads'), clear),
    list,
    live,
  );

  const redraw = () => {
    const wanted = new Set(uploads.tasks.map((task) => task.id));
    for (const [id, item] of items) {
      if (!wanted.has(id)) {
        item.element.remove();
        items.delete(id);
      }
    }
    for (const task of uploads.tasks) {
      if (!items.has(task.id)) {
        const item = uploadItem(task);
        items.set(task.id, item);
        list.append(item.element);
      }
      items.get(task.id).update(task);
    }
    section.hidden = uploads.tasks.length === 0;
    clear.hidden = !uploads.tasks.some(isFinished);
  };
  uploads.addEventListener('list', redraw, { signal });
  uploads.addEventListener(
    'task',
    ({ detail: task }) => {
      const item = items.get(task.id);
      const before = item?.state;
      item?.update(task);
      clear.hidden = !uploads.tasks.some(isFinished);
      if (before !== task.state) announce(live, task);
    },
    { signal },
  );
  redraw();
  return section;
}

function announce(live, task) {
  const text = {
    uploading: `Uploading ${task.name}.`,
    done: `${task.name} ${task.kind === 'replace' ? 'replaced' : 'uploaded'}.`,
    failed: `${task.name} could not be uploaded: ${task.error}`,
    cancelled: `Upload of ${task.name} cancelled.`,
  }[task.state];
  if (text) live.textContent = text;
}

function uploadItem(task) {
  const progress = h('progress', { max: '100', value: '0', 'aria-label': `Upload of ${task.name}` });
  const percent = h('span', { class: 'upload-percent' });
  const detail = h('span', { class: 'upload-detail' });
  const cancel = h('button', { type: 'button', class: 'button small ghost', 'aria-label': `Cancel upload of ${task.name}` }, 'Cancel');
  const retry = h('button', { type: 'button', class: 'button small secondary', 'aria-label': `Retry upload of ${task.name}` }, 'Retry');
  const dismiss = h('button', { type: 'button', class: 'button small icon-only ghost', 'aria-label': `Remove ${task.name} from the list`, title: 'Remove from the list' }, icon('close'));
  cancel.addEventListener('click', () => uploads.cancel(task));
  retry.addEventListener('click', () => uploads.retry(task));
  dismiss.addEventListener('click', () => uploads.dismiss(task));
  const status = h('span', { class: 'upload-status' });
  // A refusal over the storage quota says what is left and where to make room, in full.
  const refusalText = h('span', {});
  const refusal = h(
    'p',
    { class: 'notice notice-error upload-refusal', hidden: true },
    icon('alert'),
    h('span', {}, refusalText, ' ', h('a', { href: '#/trash' }, 'Open the trash')),
  );
  const element = h(
    'li',
    { class: 'upload', dataset: { uploadId: task.id } },
    h('span', { class: 'file-icon small', 'aria-hidden': 'true' }, 'PDF'),
    h(
      'div',
      { class: 'upload-body' },
      h(
        'div',
        { class: 'upload-line' },
        h('span', { class: 'upload-name', title: task.name }, task.kind === 'replace' ? `Replacing ${task.name}` : task.name),
        h('span', { class: 'upload-size' }, bytes(task.size)),
      ),
      progress,
      h('div', { class: 'upload-line small' }, status, percent, detail),
      refusal,
    ),
    h('div', { class: 'upload-actions' }, cancel, retry, dismiss),
  );
  const item = {
    element,
    state: null,
    update(t) {
      item.state = t.state;
      element.dataset.state = t.state;
      const fraction = t.state === 'done' || t.state === 'checking' ? 1 : t.total ? t.loaded / t.total : 0;
      const value = Math.floor(fraction * 100);
      progress.value = value;
      percent.textContent = t.state === 'uploading' || t.state === 'checking' || t.state === 'done' ? `${value}%` : '';
      status.textContent = {
        queued: 'Waiting',
        preparing: 'Starting',
        uploading: t.notice ?? 'Uploading',
        checking: 'Checking the file…',
        done: t.kind === 'replace' ? 'Replaced' : 'Uploaded',
        failed: t.quota ? 'Not enough storage' : t.error,
        cancelled: 'Cancelled',
      }[t.state];
      refusal.hidden = !(t.state === 'failed' && t.quota);
      refusalText.textContent = refusal.hidden ? '' : t.error;
      detail.textContent =
        t.state === 'uploading' && !t.notice && t.speed > 0 ? `${speed(t.speed)} · ${timeLeft(t.remaining)}` : '';
      const active = ['queued', 'preparing', 'uploading', 'checking'].includes(t.state);
      const focused = element.contains(document.activeElement) ? document.activeElement : null;
      cancel.hidden = !active || t.state === 'checking';
      retry.hidden = !(t.state === 'cancelled' || (t.state === 'failed' && t.retryable));
      dismiss.hidden = active;
      // A button that disappears under the keyboard hands focus to the one that takes its place.
      if (focused?.hidden) [retry, dismiss, cancel].find((button) => !button.hidden)?.focus();
    },
  };
  return item;
}
