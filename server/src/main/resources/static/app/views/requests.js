// The owner's file requests: make one (a link through which anyone uploads PDFs to them), see how
// many files each received, copy its link, change, close, reopen or delete it.

import { api } from '../api.js';
import { h, icon, toast } from '../dom.js';
import { bytes, when } from '../format.js';
import { openDialog } from './dialogs.js';

export function requestsScreen(main, { signal }) {
  const list = h('ul', { class: 'request-list', 'aria-label': 'Your requests' });
  const empty = h('p', { class: 'muted', hidden: true }, 'No requests yet. Make one to collect files from anyone with the link.');
  const failure = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const newButton = h('button', { type: 'button', class: 'button primary', 'data-autofocus': true }, icon('upload'), 'New request…');

  async function load() {
    try {
      const requests = await api('/api/requests/?limit=200', { signal });
      empty.hidden = requests.length > 0;
      list.replaceChildren(...requests.map(row));
      failure.hidden = true;
    } catch (error) {
      if (error.name === 'AbortError' || error.sessionEnded) return;
      failure.textContent = `Your requests could not be loaded. ${error.message}`;
      failure.hidden = false;
    }
  }

  function row(request) {
    const expired = request.expires && new Date(request.expires) <= new Date();
    const state = request.closed ? 'Closed' : expired ? 'Expired' : 'Open';
    const limit = request.max_files == null ? '' : ` of ${request.max_files}`;
    const count = `${request.file_count}${limit} ${request.file_count === 1 && !limit ? 'file' : 'files'}`;
    const act = (label, action) => h('button', { type: 'button', class: 'button ghost small', onclick: action }, label);
    return h(
      'li',
      { class: 'request', dataset: { id: request.id } },
      h('div', { class: 'request-head' }, h('strong', { class: 'title' }, request.title), h('span', { class: `badge ${state.toLowerCase()}` }, state)),
      h(
        'p',
        { class: 'muted' },
        h('a', { href: `#/files?request=${request.id}`, class: 'count' }, count),
        request.expires ? ` · until ${when(request.expires)}` : '',
        request.max_file_size ? ` · up to ${bytes(request.max_file_size)} each` : '',
        request.has_password ? ' · password' : '',
        request.recipients?.length ? ` · only ${request.recipients.join(', ')}` : '',
      ),
      h(
        'div',
        { class: 'request-actions' },
        act('Copy link', async () => {
          await navigator.clipboard.writeText(request.url);
          toast('Link copied.');
        }),
        act('Edit…', () => edit(request)),
        act(request.closed ? 'Reopen' : 'Close', () => change(request, { closed: !request.closed }, request.closed ? 'Request reopened.' : 'Request closed: it takes no more files.')),
        act('Delete…', () => remove(request)),
      ),
    );
  }

  async function change(request, json, message) {
    try {
      await api(`/api/requests/${request.id}/`, { method: 'PATCH', json });
      toast(message);
      load();
    } catch (error) {
      toast(error.message, { kind: 'error' });
    }
  }

  async function remove(request) {
    const done = await openDialog({
      title: `Delete "${request.title}"?`,
      body: [h('p', {}, 'The link stops working at once. The files it received stay among your files.')],
      confirmLabel: 'Delete',
      danger: true,
      onConfirm: () => api(`/api/requests/${request.id}/`, { method: 'DELETE' }),
    });
    if (done) {
      toast('Request deleted.');
      load();
    }
  }

  async function edit(request) {
    const form = requestForm(request);
    const done = await openDialog({
      title: request ? 'Change the request' : 'New request',
      body: form.fields,
      confirmLabel: request ? 'Save' : 'Create',
      onConfirm: async () => {
        const json = form.json();
        const saved = request
          ? await api(`/api/requests/${request.id}/`, { method: 'PATCH', json })
          : await api('/api/requests/', { method: 'POST', json });
        if (!request) {
          try {
            await navigator.clipboard.writeText(saved.url);
          } catch {
            // the Copy link button is there too
          }
        }
      },
    });
    if (done) {
      toast(request ? 'Request changed.' : 'Request made; its link is copied.');
      load();
    }
  }

  newButton.addEventListener('click', () => edit(null));
  main.append(
    h('div', { class: 'screen-head' }, h('h1', {}, 'Requests'), newButton),
    h('p', { class: 'muted' }, 'Anyone with a request’s link can upload PDFs to you. They see only their own uploads.'),
    failure,
    empty,
    list,
  );
  load();
  return 'Requests';
}

/** The fields of a request, filled from one when it is changed; json() answers what changed. */
function requestForm(request) {
  const input = (id, label, attributes) => {
    const control = h('input', { id, ...attributes });
    return { control, wrapper: h('div', { class: 'field' }, h('label', { for: id }, label), control) };
  };
  const check = (id, label, checked) => {
    const control = h('input', { id, type: 'checkbox', checked });
    return { control, wrapper: h('label', { class: 'check', for: id }, control, ` ${label}`) };
  };
  const title = input('request-title', 'Title', { type: 'text', required: true, maxlength: 200, value: request?.title ?? '' });
  const instructions = h('textarea', { id: 'request-instructions', rows: 3, maxlength: 4000 }, request?.instructions ?? '');
  const maxFiles = input('request-max-files', 'Most files (empty: no limit)', { type: 'number', min: 1, value: request?.max_files ?? '' });
  const maxSize = input('request-max-size', 'Largest file in MB (empty: the server’s limit)', {
    type: 'number',
    min: 1,
    value: request?.max_file_size ? Math.floor(request.max_file_size / 1048576) : '',
  });
  const expires = input('request-expires', 'Open until (empty: until you close it)', { type: 'date', value: request?.expires?.slice(0, 10) ?? '' });
  const password = input('request-password', request?.has_password ? 'New password (empty: keep it)' : 'Password (optional)', { type: 'password', autocomplete: 'new-password' });
  const name = check('request-name', 'Uploaders must give their name', request?.require_name ?? false);
  const email = check('request-email', 'Uploaders must give their email address', request?.require_email ?? false);
  const notify = check('request-notify', 'Mail me about new uploads', request?.notify ?? true);
  const people = input('request-recipients', 'Only these people (addresses or *@domain; empty: anyone with the link)', {
    type: 'text',
    value: (request?.recipients ?? []).join(', '),
    autocomplete: 'off',
  });
  const number = (control, scale = 1) => (control.value ? Number(control.value) * scale : null);
  return {
    fields: [
      title.wrapper,
      h('div', { class: 'field' }, h('label', { for: 'request-instructions' }, 'Instructions for uploaders'), instructions),
      maxFiles.wrapper,
      maxSize.wrapper,
      expires.wrapper,
      password.wrapper,
      people.wrapper,
      name.wrapper,
      email.wrapper,
      notify.wrapper,
    ],
    json: () => {
      const json = {
        title: title.control.value,
        instructions: instructions.value,
        max_files: number(maxFiles.control),
        max_file_size: number(maxSize.control, 1048576),
        expires: expires.control.value ? new Date(`${expires.control.value}T23:59:59`).toISOString() : null,
        require_name: name.control.checked,
        require_email: email.control.checked,
        notify: notify.control.checked,
      };
      if (password.control.value) json.password = password.control.value;
      const recipients = people.control.value.split(/[\s,;]+/).filter(Boolean);
      if (recipients.length) json.recipients = recipients;
      else if (request?.recipients?.length) json.recipients = null;
      return json;
    },
  };
}
