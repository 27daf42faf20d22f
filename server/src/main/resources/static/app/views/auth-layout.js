// The frame of the screens before signing in: a card beside a few words about fileshare.

import { h, icon } from '../dom.js';

export function layout(main, card) {
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

export function formError() {
  return h('div', { class: 'form-error', role: 'alert', hidden: true });
}

export function notice(text, kind = 'info') {
  return h('div', { class: `notice notice-${kind}`, role: 'status' }, icon(kind === 'info' ? 'check' : 'alert'), h('span', {}, text));
}
