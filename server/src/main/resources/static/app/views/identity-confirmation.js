// The password (and two-factor code) that making an API key or turning two-factor sign-in on asks
// for again when the sign-in is more than a few minutes old (a 403 "confirmation_required").

import { field, h, passwordField } from '../dom.js';

/** Fields hidden until the server asks for them; their values go into the request's body. */
export function identityConfirmation() {
  const password = passwordField({ label: 'Your password', name: 'confirm-password', autocomplete: 'current-password' });
  const code = field({ label: 'Code from the app or a recovery code', name: 'confirm-code', autocomplete: 'one-time-code' });
  const wrapper = h(
    'fieldset',
    { class: 'stack identity-confirmation', hidden: true },
    h('legend', {}, 'Confirm it is you'),
    h('p', { class: 'muted' }, 'You signed in a while ago. Signed in with single sign-on? Sign out and in again instead.'),
    password.wrapper,
    code.wrapper,
  );
  code.wrapper.hidden = true;
  return {
    wrapper,
    /** The members to add to the body: none until the server has asked for them. */
    values() {
      if (wrapper.hidden) return {};
      const given = { password: password.control.value };
      if (!code.wrapper.hidden) given.code = code.control.value.trim();
      return given;
    },
    /**
     * Shows the fields when the failure asks for them (its detail says what to give), or says
     * nothing: null when the failure is about something else.
     */
    askedBy(failure) {
      if (failure.status !== 403 || failure.body?.error !== 'confirmation_required') return null;
      wrapper.hidden = false;
      code.wrapper.hidden = !failure.body.confirm?.includes('code');
      return failure.body.detail;
    },
    /** The field to put the cursor in after the server's answer. */
    next() {
      return password.control.value && !code.wrapper.hidden ? code.control : password.control;
    },
    reset() {
      wrapper.hidden = true;
      code.wrapper.hidden = true;
      password.control.value = '';
      code.control.value = '';
    },
  };
}
