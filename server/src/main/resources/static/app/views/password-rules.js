// The password rules, shown before the person submits and ticked off while they type.
// The server decides (it also refuses passwords that are easy to guess); these are the rules it
// applies that a browser can check.

import { h, icon } from '../dom.js';

const MIN = 12;

export function passwordRules() {
  const length = rule(`At least ${MIN} characters`);
  const personal = rule('Not your username or the first part of your email address');
  const element = h(
    'div',
    { class: 'rules' },
    h('ul', { class: 'rule-list' }, length.item, personal.item),
    h(
      'p',
      { class: 'hint' },
      'Hard to guess: a few unrelated words work well, like “maple orbit tundra lantern”.',
    ),
  );
  return {
    element,
    check(password, username, email) {
      length.set(password.length >= MIN);
      personal.set(password.length > 0 && !personalProblem(password, username, email));
    },
    firstProblem(password, username, email) {
      if (password.length < MIN) return `Choose a password of at least ${MIN} characters.`;
      return personalProblem(password, username, email);
    },
  };
}

function personalProblem(password, username, email) {
  const lower = password.toLowerCase();
  const local = (email.split('@')[0] || '').toLowerCase();
  const name = username.trim().toLowerCase();
  if ((name.length >= 3 && lower.includes(name)) || (local.length >= 3 && lower.includes(local))) {
    return 'Choose a password that does not contain your username or email address.';
  }
  return null;
}

function rule(text) {
  const state = h('span', { class: 'visually-hidden' }, 'Not yet: ');
  const item = h('li', { class: 'rule' }, icon('check'), state, text);
  return {
    item,
    set(ok) {
      item.classList.toggle('ok', ok);
      state.textContent = ok ? 'Done: ' : 'Not yet: ';
    },
  };
}
