// Signing in and signing up.

import { api } from '../api.js';
import { busy, field, h, passwordField, showFormError } from '../dom.js';
import { navigate } from '../router.js';
import { session } from '../session.js';
import { formError, layout, notice } from './auth-layout.js';
import { rememberEmail } from './email-forms.js';
import { passwordRules } from './password-rules.js';

const NOTICES = {
  expired: 'Your session has ended. Please sign in again.',
  'signed-out': 'You are signed out.',
  everywhere: 'You are signed out on every device.',
  invited: 'Your account is ready: your invitation confirmed your email address. Sign in.',
};

// Why a single sign-on did not sign anyone in, as the server says it: /#sso_error=<reason>.
const SSO_ERRORS = {
  provider: 'The sign-in service did not sign you in. Try again, or sign in with your password.',
  expired: 'That sign-in took too long or was started in another browser. Please try again.',
  unverified_email:
    'The sign-in service has not confirmed your email address, so it cannot be matched to an account here.',
  unconfirmed_account:
    'An account here has your email address but never confirmed it. Open the link in the email we sent you, then sign in again.',
  no_account: 'There is no account here for your email address. Ask an administrator of this server for one.',
  domain: 'Accounts on this server are only for addresses of certain domains, and yours is not one of them.',
  disabled: 'This account is disabled. Ask an administrator of this server to enable it.',
  awaiting_approval: 'This account awaits approval by an administrator of this server.',
  failed: 'Signing in did not work this time. Please try again.',
};

/**
 * Finishes a single sign-on when the server sent the browser back here: /#sso=<code> is exchanged
 * for a token at once (the code works once, for a minute) and leaves the address first, so that it
 * stays out of the history; /#sso_error=<reason> becomes the sign-in screen with that message.
 */
export async function finishSingleSignOn() {
  const hash = location.hash;
  if (hash.startsWith('#sso_error=')) {
    const reason = encodeURIComponent(hash.slice('#sso_error='.length));
    history.replaceState(history.state, '', `#/signin?sso_error=${reason}`);
    return;
  }
  if (!hash.startsWith('#sso=')) return;
  const code = hash.slice('#sso='.length);
  history.replaceState(history.state, '', '#/signin');
  try {
    const answer = await api('/api/user/login/sso/', {
      method: 'POST',
      auth: false,
      json: { code },
      messages: { 400: null, 403: null },
    });
    session.start(answer.token);
    history.replaceState(history.state, '', '#/files');
  } catch (failure) {
    const reason = failure.status === 403 ? 'disabled' : 'expired';
    history.replaceState(history.state, '', `#/signin?sso_error=${reason}`);
  }
}

/** The buttons for the configured identity providers; nothing when there are none. */
function providerButtons() {
  const list = h('div', { class: 'stack sso-providers', hidden: true });
  api('/api/auth/providers/', { auth: false })
    .then((providers) => {
      if (!providers?.length) return;
      list.append(
        ...providers.map((provider) =>
          h('a', { class: 'button wide', href: provider.url }, `Sign in with ${provider.name}`),
        ),
        h('p', { class: 'separator' }, 'or with your username'),
      );
      list.hidden = false;
    })
    .catch(() => {});
  return list;
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
  const ssoError = params.has('sso_error') ? SSO_ERRORS[params.get('sso_error')] ?? SSO_ERRORS.failed : null;
  layout(main, [
    h('h1', {}, 'Sign in'),
    h('p', { class: 'lead' }, 'Welcome back. Sign in to see and share your files.'),
    note ? notice(note) : null,
    ssoError ? notice(ssoError, 'error') : null,
    providerButtons(),
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
        if (answer.two_factor_required) {
          form.replaceWith(codeStep(answer.challenge));
          return;
        }
        await signedIn(answer.token);
      } catch (failure) {
        if (failure.body?.error === 'two_factor_setup_required') {
          showFormError(error, 'This server requires two-factor sign-in. Set it up with the API (POST /api/user/login/2fa/setup/).');
        } else if (failure.status === 403 && !/not verified/i.test(failure.body?.error ?? '')) {
          // disabled, or waiting for an administrator's approval: the server says which
          showFormError(error, failure.message);
        } else if (failure.status === 403) {
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

async function signedIn(token) {
  session.start(token);
  session.user = await api('/api/user/me/').catch(() => null);
  navigate('/files');
}

/** The second step for an account with two-factor sign-in: the code for the challenge. */
function codeStep(challenge) {
  const code = field({
    label: 'Code from your authenticator app (or a recovery code)',
    name: 'code',
    inputmode: 'numeric',
    autocomplete: 'one-time-code',
    required: true,
  });
  const error = formError();
  const submit = h('button', { type: 'submit', class: 'button primary wide' }, 'Verify');
  const form = h('form', { novalidate: true, class: 'stack two-factor-step' }, code.wrapper, error, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!code.control.value.trim()) return showFormError(error, 'Enter the code.', code.control);
    showFormError(error, null);
    await busy(submit, 'Verifying…', async () => {
      try {
        const answer = await api('/api/user/login/2fa/', {
          method: 'POST',
          auth: false,
          json: { challenge, code: code.control.value.trim() },
          messages: { 400: null },
        });
        await signedIn(answer.token);
      } catch (failure) {
        showFormError(error, failure.message, code.control);
      }
    });
  });
  queueMicrotask(() => code.control.focus());
  return form;
}

export function signUpScreen(main, { params }) {
  // an invitation link: #/signup?invitation=<token>&email=<address>; the address is the invited one
  const invitation = params?.get('invitation') || null;
  const invitedEmail = invitation ? params.get('email') || '' : '';
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
    value: invitedEmail || null,
    readonly: invitation && invitedEmail ? true : null,
    hint: invitation && invitedEmail
      ? 'The address you were invited with. We will send you a link to confirm it.'
      : "We'll send you a link to confirm it.",
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
  // who may register: the same sentence a refusal would answer, shown before anyone types
  const policy = h('div', { class: 'registration-policy' });
  if (!invitation) {
    api('/app/settings.json', { auth: false })
      .then((settings) => {
        const rules = settings?.registration;
        if (!rules?.notice) return;
        policy.replaceChildren(notice(rules.notice));
        if (rules.policy === 'closed' || rules.policy === 'invite') form.hidden = true;
      })
      .catch(() => {});
  }
  layout(main, [
    h('h1', {}, 'Create your account'),
    h(
      'p',
      { class: 'lead' },
      invitation
        ? 'You were invited. It takes a minute: you will confirm your email address next.'
        : 'It takes a minute. You will confirm your email address next.',
    ),
    policy,
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
          json: invitation
            ? { username: name, email: address, password: password.control.value, invitation }
            : { username: name, email: address, password: password.control.value },
        });
        rememberEmail(address);
        // an invitation's link proved the address: no confirmation mail comes
        navigate(invitation ? '/signin?notice=invited' : '/check-email');
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
