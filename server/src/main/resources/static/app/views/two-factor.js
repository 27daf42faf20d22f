// The account screen's two-factor sign-in: set it up (the QR code, the otpauth link or the secret
// for the app), confirm it with a first code (the recovery codes are shown once), or turn it off.

import { api } from '../api.js';
import { busy, field, h, passwordField, showFormError } from '../dom.js';
import { identityConfirmation } from './identity-confirmation.js';

export function twoFactorCard(me) {
  const body = h('div', { class: 'stack' });
  const card = h(
    'section',
    { class: 'card section-card', 'aria-labelledby': 'two-factor-title' },
    h('h2', { id: 'two-factor-title' }, 'Two-factor sign-in'),
    h('p', { class: 'muted' }, 'Ask for a code from an authenticator app after your password.'),
    body,
  );
  if (me?.two_factor) body.replaceChildren(...disableParts(body));
  else body.replaceChildren(...startParts(body));
  return card;
}

function codeField() {
  return field({ label: 'Code from the app', name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', required: true });
}

function startParts(body) {
  const start = h('button', { type: 'button', class: 'button primary' }, 'Set up two-factor sign-in');
  const error = h('div', { class: 'form-error', role: 'alert', hidden: true });
  start.addEventListener('click', () =>
    busy(start, 'Setting up…', async () => {
      try {
        const setup = await api('/api/user/2fa/setup/', { method: 'POST', messages: { 400: null } });
        body.replaceChildren(...confirmParts(body, setup));
      } catch (failure) {
        if (!failure.sessionEnded) showFormError(error, failure.message);
      }
    }),
  );
  return [h('p', {}, 'Two-factor sign-in is off.'), error, h('div', {}, start)];
}

function confirmParts(body, setup) {
  const code = codeField();
  const confirmation = identityConfirmation();
  const error = h('div', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button primary' }, 'Turn on');
  const form = h('form', { novalidate: true, class: 'stack two-factor-confirm' }, code.wrapper, confirmation.wrapper, error, h('div', {}, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!code.control.value.trim()) return showFormError(error, 'Enter the code the app shows.', code.control);
    await busy(submit, 'Checking…', async () => {
      try {
        const answer = await api('/api/user/2fa/confirm/', {
          method: 'POST',
          json: { code: code.control.value.trim(), ...confirmation.values() },
          messages: { 400: null, 403: null },
        });
        body.replaceChildren(...recoveryParts(body, answer.recovery_codes));
      } catch (failure) {
        if (failure.sessionEnded) return;
        const asked = confirmation.askedBy(failure);
        const wrongPassword = !confirmation.wrapper.hidden && /password/i.test(failure.message);
        showFormError(error, asked ?? failure.message, asked || wrongPassword ? confirmation.next() : code.control);
      }
    });
  });
  return [
    h('p', {}, 'Scan the QR code with your authenticator app (or open the link, or type the secret), then enter the code it shows.'),
    h('img', { src: setup.qr, class: 'two-factor-qr', alt: 'QR code for the authenticator app', width: 200, height: 200 }),
    h('p', {}, h('a', { href: setup.otpauth_uri, class: 'two-factor-uri' }, 'Open in the authenticator app')),
    h('p', {}, 'Secret: ', h('code', { class: 'two-factor-secret' }, setup.secret)),
    form,
  ];
}

function recoveryParts(body, codes) {
  const done = h('button', { type: 'button', class: 'button' }, 'I have saved them');
  done.addEventListener('click', () => body.replaceChildren(...disableParts(body)));
  return [
    h('p', { class: 'notice notice-info', role: 'status' }, 'Two-factor sign-in is on. Save these recovery codes: each signs you in once if you lose the app. They are not shown again.'),
    h('ul', { class: 'recovery-codes' }, ...codes.map((c) => h('li', {}, h('code', {}, c)))),
    h('div', {}, done),
  ];
}

function disableParts(body) {
  const password = passwordField({ label: 'Password', name: 'password', autocomplete: 'current-password', required: true });
  const code = field({ label: 'Code from the app or a recovery code', name: 'disable-code', autocomplete: 'one-time-code', required: true });
  const error = h('div', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button danger-outline' }, 'Turn off');
  const form = h('form', { novalidate: true, class: 'stack two-factor-disable' }, password.wrapper, code.wrapper, error, h('div', {}, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await busy(submit, 'Turning off…', async () => {
      try {
        await api('/api/user/2fa/disable/', {
          method: 'POST',
          json: { password: password.control.value, code: code.control.value.trim() },
          messages: { 400: null },
        });
        body.replaceChildren(...startParts(body));
      } catch (failure) {
        if (!failure.sessionEnded) showFormError(error, failure.message);
      }
    });
  });
  return [h('p', {}, 'Two-factor sign-in is on.'), form];
}
