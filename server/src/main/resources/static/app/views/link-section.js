// The "Links" section of a file's share dialog: links for people without an account. Make one
// (label, expiry, password, download limit, only these people), copy it, change it, revoke it, and
// read who opened and downloaded it. The password is sent once and never shown again.

import { h, icon, field, passwordField, showFormError, busy, toast } from '../dom.js';
import { fullDate, plural, bytes } from '../format.js';

const KINDS = {
  visit: 'Opened the page',
  password_failed: 'Wrong password',
  code_failed: 'Wrong code',
  recipient_verified: 'Address proved',
  download_started: 'Download started',
  download_completed: 'Download completed',
  download_interrupted: 'Download interrupted',
  page_viewed: 'Page read',
};

/** The section for one file; `api` is the app's API call. Returns its element. */
export function linkSection(file, api) {
  const list = h('ul', { class: 'link-list', 'aria-live': 'polite' });
  const section = h(
    'section',
    { class: 'share-section links', 'aria-labelledby': `links-${file.id}` },
    h('h3', { id: `links-${file.id}` }, 'Links'),
    h('p', { class: 'muted' }, 'Anyone with a link can download this file, without an account.'),
    createForm(file, api, () => load()),
    list,
  );

  async function load() {
    try {
      const links = await api(`/api/files/${file.id}/links/`);
      list.replaceChildren(
        ...(links.length ? links.map((link) => linkItem(link, api, load)) : [h('li', { class: 'muted' }, 'No links yet.')]),
      );
    } catch (error) {
      list.replaceChildren(h('li', { class: 'form-error', role: 'alert' }, error.message));
    }
  }
  load();
  return section;
}

/** The fields of a link, for making one or changing one. */
function linkFields(link = null) {
  const label = field({ label: 'Label', name: 'label', maxlength: 200, value: link?.label ?? '' });
  const expires = field({
    label: 'Expires',
    name: 'expires',
    type: 'datetime-local',
    value: link?.expires ? localValue(link.expires) : '',
    hint: link ? 'Empty: never expires.' : 'Empty: the server’s default.',
  });
  const password = passwordField({
    label: link?.has_password ? 'New password' : 'Password',
    name: 'password',
    autocomplete: 'new-password',
    hint: link?.has_password ? 'Empty: keep the password.' : 'Optional.',
  });
  const limit = field({
    label: 'Download limit',
    name: 'max_downloads',
    type: 'number',
    min: 1,
    step: 1,
    inputmode: 'numeric',
    value: link?.max_downloads ?? '',
    hint: 'Empty: no limit.',
  });
  const people = field({
    label: 'Only these people',
    name: 'recipients',
    autocomplete: 'off',
    spellcheck: 'false',
    autocapitalize: 'off',
    placeholder: 'ann@example.org, *@partner.example',
    value: (link?.recipients ?? []).join(', '),
    hint: 'Addresses or whole domains, separated by commas. They prove their address with a code sent by mail. Empty: anyone with the link.',
  });
  const notifyId = `notify-${Math.random().toString(36).slice(2)}`;
  const notify = h('input', { type: 'checkbox', id: notifyId, checked: link?.notify_first_download ?? false });
  const viewId = `view-${Math.random().toString(36).slice(2)}`;
  const viewOnly = h('input', { type: 'checkbox', id: viewId, name: 'view_only', checked: link?.mode === 'view' });
  const stampId = `stamp-${Math.random().toString(36).slice(2)}`;
  const stamp = h('input', { type: 'checkbox', id: stampId, name: 'watermark', checked: link?.watermark ?? false });
  const removeId = `nopass-${Math.random().toString(36).slice(2)}`;
  const removePassword = h('input', { type: 'checkbox', id: removeId });
  const wrapper = h(
    'div',
    { class: 'link-fields' },
    label.wrapper,
    expires.wrapper,
    password.wrapper,
    link?.has_password ? h('div', { class: 'check' }, removePassword, h('label', { for: removeId }, 'Remove the password')) : null,
    limit.wrapper,
    people.wrapper,
    h('div', { class: 'check' }, viewOnly, h('label', { for: viewId }, 'Reading only: pages in the browser, never the file')),
    h('div', { class: 'check' }, stamp, h('label', { for: stampId }, 'Stamp every page with the recipient (or the label) and the time')),
    h('div', { class: 'check' }, notify, h('label', { for: notifyId }, 'Mail me at the first download')),
  );
  /** The request body: only what was given or changed. */
  function body() {
    const json = {
      label: label.control.value,
      notify_first_download: notify.checked,
      mode: viewOnly.checked ? 'view' : 'download',
      watermark: stamp.checked,
    };
    if (expires.control.value) json.expires = new Date(expires.control.value).toISOString();
    else if (link) json.expires = null;
    if (removePassword.checked) json.password = null;
    else if (password.control.value) json.password = password.control.value;
    if (limit.control.value) json.max_downloads = Number(limit.control.value);
    else if (link) json.max_downloads = null;
    const recipients = people.control.value.split(/[\s,;]+/).filter(Boolean);
    if (recipients.length) json.recipients = recipients;
    else if (link?.recipients?.length) json.recipients = null;
    return json;
  }
  return { wrapper, body };
}

function createForm(file, api, done) {
  const fields = linkFields();
  const error = h('div', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button primary' }, 'Create link');
  const cancel = h('button', { type: 'button', class: 'button ghost' }, 'Cancel');
  const form = h(
    'form',
    { class: 'link-create', novalidate: true, hidden: true },
    fields.wrapper,
    error,
    h('div', { class: 'link-actions' }, submit, cancel),
  );
  const open = h('button', { type: 'button', class: 'button secondary' }, icon('link'), 'New link…');
  const show = (visible) => {
    form.hidden = !visible;
    open.hidden = visible;
    if (visible) form.querySelector('input')?.focus();
    else open.focus();
  };
  open.addEventListener('click', () => show(true));
  cancel.addEventListener('click', () => {
    form.reset();
    show(false);
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showFormError(error, null);
    await busy(submit, 'Creating…', async () => {
      try {
        const link = await api(`/api/files/${file.id}/links/`, { method: 'POST', json: fields.body() });
        form.reset();
        show(false);
        await copy(link.url);
        done();
      } catch (failure) {
        showFormError(error, failure.message);
      }
    });
  });
  return h('div', { class: 'link-new' }, open, form);
}

function linkItem(link, api, reload) {
  const log = h('div', { class: 'link-log', hidden: true });
  const edit = h('div', { class: 'link-edit', hidden: true });
  const limit = link.max_downloads == null ? plural(link.downloads, 'download') : `${link.downloads} of ${plural(link.max_downloads, 'download')}`;
  const facts = [
    limit,
    link.expires ? `expires ${fullDate(link.expires)}` : 'never expires',
    link.has_password ? 'password' : null,
    link.recipients?.length ? `only ${link.recipients.join(', ')}` : null,
    link.mode === 'view' ? 'reading only' : null,
    link.watermark ? 'stamped' : null,
  ].filter(Boolean);
  const name = link.label || 'Link';
  return h(
    'li',
    { class: 'link-item' },
    h('div', { class: 'link-head' }, link.has_password ? icon('lock') : null, h('strong', {}, name), h('span', { class: 'muted link-facts' }, facts.join(' · '))),
    h('input', { class: 'link-url', readonly: true, value: link.url, 'aria-label': `Address of ${name}` }),
    h(
      'div',
      { class: 'link-actions' },
      h('button', { type: 'button', class: 'button secondary', onclick: () => copy(link.url) }, 'Copy link'),
      h('button', { type: 'button', class: 'button ghost', onclick: () => toggle(edit, () => editForm(link, api, reload)) }, 'Edit'),
      h('button', { type: 'button', class: 'button ghost', onclick: () => toggle(log, () => accessLog(link, api)) }, 'Access log'),
      h('button', { type: 'button', class: 'button danger', onclick: (event) => revoke(event.currentTarget, link, api, reload) }, 'Revoke'),
    ),
    edit,
    log,
  );
}

function toggle(area, render) {
  area.hidden = !area.hidden;
  if (!area.hidden) area.replaceChildren(render());
}

function editForm(link, api, reload) {
  const fields = linkFields(link);
  const error = h('div', { class: 'form-error', role: 'alert', hidden: true });
  const save = h('button', { type: 'submit', class: 'button primary' }, 'Save changes');
  const form = h('form', { novalidate: true }, fields.wrapper, error, save);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showFormError(error, null);
    await busy(save, 'Saving…', async () => {
      try {
        await api(`/api/links/${link.id}/`, { method: 'PATCH', json: fields.body() });
        toast('Link changed.');
        reload();
      } catch (failure) {
        showFormError(error, failure.message);
      }
    });
  });
  return form;
}

async function revoke(button, link, api, reload) {
  await busy(button, 'Revoking…', async () => {
    try {
      await api(`/api/links/${link.id}/`, { method: 'DELETE' });
      toast('Link revoked: it no longer works.');
      reload();
    } catch (failure) {
      toast(failure.message, { kind: 'error' });
    }
  });
}

function accessLog(link, api) {
  const entries = h('ol', { class: 'log-entries' });
  const more = h('button', { type: 'button', class: 'button ghost', hidden: true }, 'Older entries');
  let next = `/api/links/${link.id}/log/`;
  async function page() {
    try {
      const answer = await api(next.replace(/^https?:\/\/[^/]+/, ''));
      if (!answer.results.length && !entries.children.length) entries.append(h('li', { class: 'muted' }, 'Nobody has opened this link yet.'));
      for (const event of answer.results) {
        const stamped = event.stamp ? `copy stamped “${event.stamp}”` : null;
        const detail = [event.recipient, stamped, event.address, event.user_agent, event.bytes != null ? bytes(event.bytes) : null].filter(Boolean).join(' · ');
        entries.append(h('li', {}, h('time', { datetime: event.at }, fullDate(event.at)), ' ', h('strong', {}, KINDS[event.kind] ?? event.kind), detail ? h('span', { class: 'muted' }, ` — ${detail}`) : null));
      }
      next = answer.next;
      more.hidden = !next;
    } catch (error) {
      entries.append(h('li', { class: 'form-error', role: 'alert' }, error.message));
    }
  }
  more.addEventListener('click', page);
  page();
  return h('div', {}, entries, more);
}

async function copy(url) {
  try {
    await navigator.clipboard.writeText(url);
    toast('Link copied.');
  } catch {
    toast(`Link: ${url}`, { timeout: 15000 });
  }
}

/** An ISO instant as the value of a datetime-local input, in the browser's time zone. */
function localValue(iso) {
  const date = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
