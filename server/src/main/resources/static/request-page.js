// The page a file request's link opens (/r/<token>): what the owner asks for, the name and address
// fields the request needs, and a drop zone that sends PDFs through tus, so a dropped connection
// resumes. The visit lives in an HttpOnly cookie for this request's API only: the page never sees
// it, and the list below shows the files of this visit alone. A request restricted to named people
// asks for the uploader's address, then for the code mailed to it, before it takes files.

import { ApiError, problem } from './app/api.js';
import { h } from './app/dom.js';
import { bytes } from './app/format.js';
import { sendTus } from './app/upload/tus.js';

const main = document.getElementById('request');
const token = location.pathname.split('/').filter(Boolean)[1] ?? '';
const base = `/api/r/${token}/`;

/** A call to the request's API, with the visit's cookie; resolves with the JSON answer. */
async function call(path, { method = 'GET', json } = {}) {
  const headers = { Accept: 'application/json' };
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(base + path, {
      method,
      headers,
      body: json === undefined ? undefined : JSON.stringify(json),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError("Can't reach the server. Check your connection and try again.");
  }
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) throw problem(response.status, body, response.headers.get('Retry-After'));
  return body;
}

function show(title, ...content) {
  document.title = `${title} · fileshare`;
  main.replaceChildren(h('h1', {}, title), ...content);
}

function notWorking(error) {
  const titles = { 404: 'This link does not work', 409: 'This request is full', 410: 'This request takes no more files' };
  const text =
    error.status === 404
      ? 'The link is not right, or the person who sent it has deleted the request. Ask them for a new one.'
      : error.message;
  show(titles[error.status] ?? 'Something went wrong', h('p', {}, text));
}

async function start() {
  try {
    let request = await call('');
    const locked = request.has_password && !request.unlocked;
    if (locked && (!request.visiting || !request.restricted)) return askPassword();
    if (!request.visiting) {
      await call('visits/', { method: 'POST', json: {} });
      request = await call('');
    }
    return next(request);
  } catch (error) {
    notWorking(error);
  }
}

/** The upload form, once the visit may upload; a restricted request first asks for the address. */
function next(request) {
  if (request.restricted && !request.recipient) return askAddress();
  return uploadForm(request);
}

/** What the server said of a refused address or code: its `error` member names the case only. */
function said(failure) {
  return failure.status === 400 ? (failure.body?.detail ?? failure.message) : failure.message;
}

function message(text, role = 'alert') {
  return text ? h('p', { class: role === 'alert' ? 'error' : 'muted', role }, text) : null;
}

function askAddress(error = null) {
  const input = h('input', { id: 'address', name: 'address', type: 'email', autocomplete: 'email', required: true, maxlength: 254 });
  const form = h('form', {}, h('label', { for: 'address' }, 'Your email address'), input, message(error), h('button', { type: 'submit' }, 'Send me a code'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const address = input.value.trim();
    try {
      const asked = await call('code/', { method: 'POST', json: { address } });
      askCode(address, asked.message);
    } catch (failure) {
      if (failure.body?.error === 'password_required') askPassword();
      else if (failure.status === 400 || failure.status === 429) askAddress(said(failure));
      else notWorking(failure);
    }
  });
  show(
    'Confirm your email address',
    h('p', {}, 'Only people the owner named may send files here. Enter your email address: if it is one of them, a code is mailed to it.'),
    form,
  );
  input.focus();
}

function askCode(address, notice, error = null) {
  const input = h('input', { id: 'code', name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9 -]*', required: true, maxlength: 9 });
  const again = h('button', { type: 'button', class: 'link' }, 'Use another address or ask for a new code');
  again.addEventListener('click', () => askAddress());
  const form = h('form', {}, h('label', { for: 'code' }, 'Code'), input, message(error), h('button', { type: 'submit' }, 'Continue'), again);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      next(await call('verify/', { method: 'POST', json: { address, code: input.value } }));
    } catch (failure) {
      if (failure.body?.error === 'password_required') askPassword();
      else if (failure.status === 400 || failure.status === 429) askCode(address, notice, said(failure));
      else notWorking(failure);
    }
  });
  show('Enter the code', message(notice, 'status'), h('p', {}, `Enter the 6-digit code sent to ${address}.`), form);
  input.focus();
}

function askPassword(error = null) {
  const input = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'off', required: true });
  const form = h(
    'form',
    {},
    h('label', { for: 'password' }, 'Password'),
    input,
    error ? h('p', { class: 'error', role: 'alert' }, error) : null,
    h('button', { type: 'submit' }, 'Continue'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await call('visits/', { method: 'POST', json: { password: input.value } });
      next(await call(''));
    } catch (failure) {
      if (failure.status === 400 || failure.status === 429) askPassword(failure.message);
      else notWorking(failure);
    }
  });
  show('Enter the password', h('p', {}, 'This request is protected by a password. Enter the password you were given.'), form);
  input.focus();
}

function uploadForm(request) {
  const name = h('input', { id: 'uploader-name', type: 'text', autocomplete: 'name', required: request.require_name, maxlength: 200 });
  const proved = request.recipient;
  const email = h('input', { id: 'uploader-email', type: 'email', autocomplete: 'email', required: request.require_email && !proved, maxlength: 254 });
  const files = h('input', { id: 'files', type: 'file', accept: 'application/pdf,.pdf', multiple: true });
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const progress = h('ul', { class: 'uploads', 'aria-label': 'Uploads' });
  const sent = h('ul', { class: 'sent', 'aria-label': 'Your files' });
  const drop = h('label', { class: 'drop', for: 'files' }, h('strong', {}, 'Choose PDF files'), ' or drop them here');
  const limits = [`Up to ${bytes(request.max_file_size)} per file`];
  if (request.files_left != null) limits.push(`${request.files_left} more ${request.files_left === 1 ? 'file' : 'files'} accepted`);
  if (request.expires) limits.push(`open until ${new Date(request.expires).toLocaleString()}`);

  const send = (chosen) => {
    error.hidden = true;
    for (const needed of [name, email]) {
      if (!needed.reportValidity()) return;
    }
    for (const file of chosen) upload(file);
  };
  const upload = (file) => {
    const bar = h('progress', { max: 100, value: 0 });
    const status = h('span', { class: 'status' }, 'Waiting…');
    const item = h('li', {}, h('span', { class: 'name' }, file.name), bar, status);
    progress.append(item);
    const fields = { uploader_name: name.value.trim() || null, uploader_email: email.value.trim() || null };
    const { done } = sendTus({
      url: `${base}uploads/`,
      fileUrl: (id) => `${base}files/${id}/`,
      file,
      fields,
      onProgress: (loaded, total) => {
        bar.value = total ? Math.floor((loaded / total) * 100) : 0;
        status.textContent = `${bytes(loaded)} of ${bytes(total)}`;
      },
      onNotice: (text) => {
        if (text) status.textContent = text;
      },
    });
    done.then(
      () => {
        item.remove();
        refresh();
      },
      (failure) => {
        item.classList.add('failed');
        status.textContent = failure.message;
      },
    );
  };
  const refresh = async () => {
    try {
      const mine = await call('files/');
      sent.replaceChildren(...mine.map((file) => h('li', {}, h('span', { class: 'name' }, file.name), ` ${bytes(file.size)} — received`)));
    } catch (failure) {
      error.textContent = failure.message;
      error.hidden = false;
    }
  };

  files.addEventListener('change', () => {
    send([...files.files]);
    files.value = '';
  });
  for (const kind of ['dragenter', 'dragover']) {
    drop.addEventListener(kind, (event) => {
      event.preventDefault();
      drop.classList.add('over');
    });
  }
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    send([...event.dataTransfer.files]);
  });

  show(
    request.title,
    h('p', { class: 'muted' }, `${request.owner} asks you for files.`),
    request.instructions ? h('p', { class: 'instructions' }, request.instructions) : null,
    h('p', { class: 'muted' }, `${limits.join(' · ')}.`),
    h('div', { class: 'field' }, h('label', { for: 'uploader-name' }, request.require_name ? 'Your name' : 'Your name (optional)'), name),
    proved
      ? h('p', { class: 'muted' }, `Sending as ${proved}.`)
      : h('div', { class: 'field' }, h('label', { for: 'uploader-email' }, request.require_email ? 'Your email address' : 'Your email address (optional)'), email),
    files,
    drop,
    error,
    progress,
    h('h2', {}, 'Sent in this visit'),
    sent,
  );
  refresh();
}

start();
