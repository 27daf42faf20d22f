// Screens that ask for an address and send a mail: confirm it again, reset a password.

import { api } from '../api.js';
import { busy, field, h, icon, showFormError } from '../dom.js';
import { navigate } from '../router.js';
import { session } from '../session.js';
import { formError, layout, notice } from './auth-layout.js';

// The address just signed up with, so that "send it again" needs no typing.
let pendingEmail = '';

export function rememberEmail(address) {
  pendingEmail = address;
}

export function checkEmailScreen(main) {
  if (!pendingEmail) {
    navigate('/resend');
    return '';
  }
  const status = h('div', { class: 'status-area', role: 'status' });
  const again = h('button', { type: 'button', class: 'button secondary' }, 'Send the email again');
  again.addEventListener('click', () => resend(pendingEmail, again, status));
  layout(main, [
    h('div', { class: 'big-icon' }, icon('mail')),
    h('h1', {}, 'Check your inbox'),
    h(
      'p',
      { class: 'lead' },
      'We sent a link to ',
      h('strong', {}, pendingEmail),
      '. Open it and press the button on the page to confirm your address, then sign in.',
    ),
    h('p', { class: 'muted' }, 'The link works for 24 hours. Nothing there? Look in your spam folder.'),
    h('div', { class: 'actions' }, again, h('a', { href: '#/signin', class: 'button ghost' }, 'Go to sign in')),
    status,
  ]);
  return 'Check your inbox';
}

async function resend(address, button, status) {
  await busy(button, 'Sending…', async () => {
    try {
      const answer = await api('/api/user/resend-verification/', {
        method: 'POST',
        auth: false,
        json: { email: address },
      });
      status.replaceChildren(notice(answer.message));
    } catch (failure) {
      status.replaceChildren(notice(failure.message, 'error'));
    }
  });
}

/** A one-field form that asks for an address and shows the server's answer. */
function emailForm(main, { title, lead, button, path, pending }) {
  const email = field({
    label: 'Email address',
    name: 'email',
    type: 'email',
    autocomplete: 'email',
    required: true,
    value: pending || null,
    'data-autofocus': true,
  });
  const error = formError();
  const status = h('div', { class: 'status-area', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'button primary wide' }, button);
  const form = h('form', { novalidate: true, class: 'stack' }, email.wrapper, error, submit);
  layout(main, [
    h('h1', {}, title),
    h('p', { class: 'lead' }, lead),
    status,
    form,
    h('div', { class: 'card-footer' }, h('p', {}, h('a', { href: session.token ? '#/files' : '#/signin' }, session.token ? 'Back to your files' : 'Back to sign in'))),
  ]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const address = email.control.value.trim();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) {
      return showFormError(error, 'Enter an email address such as name@example.com.', email.control);
    }
    showFormError(error, null);
    await busy(submit, 'Sending…', async () => {
      try {
        const answer = await api(path, { method: 'POST', auth: false, json: { email: address } });
        status.replaceChildren(notice(answer.message));
      } catch (failure) {
        showFormError(error, failure.message);
      }
    });
  });
  return title;
}

export function resendScreen(main) {
  return emailForm(main, {
    title: 'Confirm your email address',
    lead: 'Enter the address you signed up with and we will send you a new confirmation link.',
    button: 'Send confirmation link',
    path: '/api/user/resend-verification/',
    pending: pendingEmail,
  });
}

export function forgotScreen(main) {
  return emailForm(main, {
    title: 'Reset your password',
    lead: 'Enter the address of your account and we will email you a link to choose a new password.',
    button: 'Send reset link',
    path: '/api/user/password-reset/',
  });
}
