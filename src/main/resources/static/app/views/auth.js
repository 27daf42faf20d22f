// The screens before signing in: sign in, sign up, confirm the address, forgotten password.

import { api } from '../api.js';
import { busy, field, h, icon, passwordField, showFormError } from '../dom.js';
import { navigate } from '../router.js';
import { session } from '../session.js';
import { passwordRules } from './password-rules.js';

const NOTICES = {
  expired: 'Your session has ended. Please sign in again.',
  'signed-out': 'You are signed out.',
  everywhere: 'You are signed out on every device.',
};

// The address just signed up with, so that "send it again" needs no typing.
let pendingEmail = '';

function layout(main, card) {
  main.append(
    h(
      'div',
      { class: 'auth-layout' },
      h('div', { class: 'card auth-card' }, card),
      h(
        'aside',
        { class: 'auth-intro', 'aria-label': 'About fileshare' },
        h('p', { class: 'tagline' }, 'Share documents with your team, safely.'),
        h(
          'ul',
          { class: 'benefits' },
          benefit('users', 'Shared or private', 'Share a PDF with everyone signed in, or keep it to yourself.'),
          benefit('check', 'Checked on arrival', 'Every upload is verified to be a real, readable PDF.'),
          benefit('lock', 'Nothing public', 'Every file needs a signed-in account to be seen or downloaded.'),
        ),
      ),
    ),
  );
}

function benefit(name, title, text) {
  return h(
    'li',
    {},
    h('span', { class: 'benefit-icon' }, icon(name)),
    h('span', {}, h('strong', {}, title), h('span', { class: 'muted' }, text)),
  );
}

function formError() {
  return h('div', { class: 'form-error', role: 'alert', hidden: true });
}

function notice(text, kind = 'info') {
  return h('div', { class: `notice notice-${kind}`, role: 'status' }, icon(kind === 'info' ? 'check' : 'alert'), h('span', {}, text));
}

export function signInScreen(main, { params }) {
  const username = field({
    label: 'Username',
    name: 'username',
    autocomplete: 'username',
    autocapitalize: 'off',
    spellcheck: 'false',
    required: true,
    'data-autofocus': true,
  });
  const password = passwordField({
    label: 'Password',
    name: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const error = formError();
  const submit = h('button', { type: 'submit', class: 'button primary wide' }, 'Sign in');
  const form = h(
    'form',
    { novalidate: true, class: 'stack' },
    username.wrapper,
    password.wrapper,
    h('p', { class: 'field-link' }, h('a', { href: '#/forgot' }, 'Forgot your password?')),
    error,
    submit,
  );
  const note = NOTICES[params.get('notice')];
  layout(main, [
    h('h1', {}, 'Sign in'),
    h('p', { class: 'lead' }, 'Welcome back. Sign in to see and share your files.'),
    note ? notice(note) : null,
    form,
    h(
      'div',
      { class: 'card-footer' },
      h('p', {}, 'New here? ', h('a', { href: '#/signup' }, 'Create an account')),
      h('p', {}, "Didn't get the confirmation email? ", h('a', { href: '#/resend' }, 'Send it again')),
    ),
  ]);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = username.control.value.trim();
    if (!name) return showFormError(error, 'Enter your username.', username.control);
    if (!password.control.value) return showFormError(error, 'Enter your password.', password.control);
    showFormError(error, null);
    await busy(submit, 'Signing in…', async () => {
      try {
        const answer = await api('/api/user/login/', {
          method: 'POST',
          auth: false,
          json: { username: name, password: password.control.value },
          messages: {
            400: 'The username or password is not right. Check them and try again.',
            403: null,
          },
        });
        session.start(answer.token);
        session.user = await api('/api/user/me/').catch(() => null);
        navigate('/files');
      } catch (failure) {
        if (failure.status === 403) {
          showFormError(
            error,
            h(
              'span',
              {},
              'Your email address is not confirmed yet. Open the link in the email we sent you, or ',
              h('a', { href: '#/resend' }, 'get a new link'),
              '.',
            ),
          );
        } else {
          showFormError(error, failure.message, failure.status === 400 ? password.control : null);
        }
      }
    });
  });
  return 'Sign in';
}

export function signUpScreen(main) {
  const username = field({
    label: 'Username',
    name: 'username',
    autocomplete: 'username',
    autocapitalize: 'off',
    spellcheck: 'false',
    maxlength: 150,
    required: true,
    'data-autofocus': true,
    hint: 'Letters, digits and @ . + - _ only. People you share files with see it.',
  });
  const email = field({
    label: 'Email address',
    name: 'email',
    type: 'email',
    autocomplete: 'email',
    required: true,
    hint: "We'll send you a link to confirm it.",
  });
  const rules = passwordRules();
  const password = passwordField({
    label: 'Password',
    name: 'password',
    autocomplete: 'new-password',
    required: true,
    hintNode: rules.element,
  });
  const update = () => rules.check(password.control.value, username.control.value, email.control.value);
  for (const control of [username.control, email.control, password.control]) {
    control.addEventListener('input', update);
  }
  const error = formError();
  const submit = h('button', { type: 'submit', class: 'button primary wide' }, 'Create account');
  const form = h('form', { novalidate: true, class: 'stack' }, username.wrapper, email.wrapper, password.wrapper, error, submit);
  layout(main, [
    h('h1', {}, 'Create your account'),
    h('p', { class: 'lead' }, 'It takes a minute. You will confirm your email address next.'),
    form,
    h('div', { class: 'card-footer' }, h('p', {}, 'Already have an account? ', h('a', { href: '#/signin' }, 'Sign in'))),
  ]);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = username.control.value.trim();
    const address = email.control.value.trim();
    if (!name) return showFormError(error, 'Choose a username.', username.control);
    if (!/^[\p{L}\p{N}_.@+-]{1,150}$/u.test(name)) {
      return showFormError(error, 'A username may only have letters, digits and @ . + - _ in it.', username.control);
    }
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) {
      return showFormError(error, 'Enter an email address such as name@example.com.', email.control);
    }
    const problem = rules.firstProblem(password.control.value, name, address);
    if (problem) return showFormError(error, problem, password.control);
    showFormError(error, null);
    await busy(submit, 'Creating your account…', async () => {
      try {
        await api('/api/user/register/', {
          method: 'POST',
          auth: false,
          json: { username: name, email: address, password: password.control.value },
        });
        pendingEmail = address;
        navigate('/check-email');
      } catch (failure) {
        const text = failure.message;
        const control = /username/i.test(text)
          ? username.control
          : /email/i.test(text) && !/password/i.test(text)
            ? email.control
            : /password/i.test(text)
              ? password.control
              : null;
        showFormError(error, text, control);
      }
    });
  });
  return 'Create your account';
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
