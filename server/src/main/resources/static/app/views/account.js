// The account screen: who I am, what I store, a new password, API keys, signing out everywhere.

import { api } from '../api.js';
import { busy, h, icon, passwordField, showFormError } from '../dom.js';
import { fullDate } from '../format.js';
import { session } from '../session.js';
import { apiKeysCard } from './api-keys.js';
import { passwordRules } from './password-rules.js';
import { signInsCard } from './sign-ins.js';
import { twoFactorCard } from './two-factor.js';
import { usageCard } from './usage-bar.js';

export async function accountScreen(main, { signal }) {
  main.setAttribute('aria-busy', 'true');
  let me = session.user;
  try {
    me = await api('/api/user/me/', { signal });
    session.user = me;
  } catch (failure) {
    if (failure.name === 'AbortError' || failure.sessionEnded) return 'Account';
  }
  main.removeAttribute('aria-busy');
  main.append(
    h(
      'div',
      { class: 'page narrow-page' },
      h('div', { class: 'page-head' }, h('h1', {}, 'Account')),
      profileCard(me),
      usageCard(me?.usage),
      passwordCard(me),
      twoFactorCard(me),
      apiKeysCard(),
      signInsCard(),
    ),
  );
  return 'Account';
}

function profileCard(me) {
  const row = (term, value) => h('div', { class: 'profile-row' }, h('dt', {}, term), h('dd', {}, value));
  return h(
    'section',
    { class: 'card section-card', 'aria-labelledby': 'profile-title' },
    h('h2', { id: 'profile-title' }, 'Profile'),
    me
      ? h(
          'dl',
          { class: 'profile' },
          row('Username', me.username),
          row(
            'Email address',
            h(
              'span',
              { class: 'email-line' },
              me.email,
              me.verified
                ? h('span', { class: 'badge badge-ok' }, icon('check'), 'Confirmed')
                : h('span', { class: 'badge badge-private' }, 'Not confirmed'),
            ),
          ),
          row('Member since', h('time', { datetime: me.joined }, fullDate(me.joined))),
        )
      : h('p', { class: 'muted' }, 'Your profile could not be loaded. Try again in a moment.'),
  );
}

function passwordCard(me) {
  const current = passwordField({ label: 'Current password', autocomplete: 'current-password', required: true });
  const rules = passwordRules();
  const next = passwordField({
    label: 'New password',
    autocomplete: 'new-password',
    required: true,
    hintNode: rules.element,
  });
  const username = me?.username ?? '';
  const email = me?.email ?? '';
  next.control.addEventListener('input', () => rules.check(next.control.value, username, email));
  const error = h('div', { class: 'form-error', role: 'alert', hidden: true });
  const status = h('div', { class: 'status-area', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'button primary' }, 'Change password');
  const form = h('form', { novalidate: true, class: 'stack' }, current.wrapper, next.wrapper, error, h('div', {}, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.replaceChildren();
    if (!current.control.value) return showFormError(error, 'Enter your current password.', current.control);
    const problem = rules.firstProblem(next.control.value, username, email);
    if (problem) return showFormError(error, problem, next.control);
    showFormError(error, null);
    await busy(submit, 'Changing…', async () => {
      try {
        await api('/api/user/password/', {
          method: 'POST',
          json: { old_password: current.control.value, new_password: next.control.value },
          messages: { 400: null },
        });
        form.reset();
        rules.check('', username, email);
        status.replaceChildren(
          h('div', { class: 'notice notice-info' }, icon('check'), h('span', {}, 'Your password is changed. Every other sign-in of your account has ended.')),
        );
      } catch (failure) {
        if (failure.sessionEnded) return;
        const control = /current/i.test(failure.message) ? current.control : next.control;
        showFormError(error, failure.message, control);
      }
    });
  });
  return h(
    'section',
    { class: 'card section-card', 'aria-labelledby': 'password-title' },
    h('h2', { id: 'password-title' }, 'Change password'),
    h('p', { class: 'muted' }, 'Changing your password signs you out on every other device.'),
    form,
    status,
  );
}
