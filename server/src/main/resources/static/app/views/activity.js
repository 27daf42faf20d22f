// The activity feed: what happened to my files and links, newest first, a page at a time ("Show
// more"); opened from a file's menu, only that file's.

import { apiPage } from '../api.js';
import { h, icon } from '../dom.js';
import { fullDate, when } from '../format.js';
import { session } from '../session.js';
import { describe, iconOf } from './activity-text.js';

const PAGE = 20;

export function activityScreen(main, { params, signal }) {
  const file = /^[1-9][0-9]{0,17}$/.test(params.get('file') ?? '') ? params.get('file') : null;
  let name = params.get('name');
  const heading = h('h1', { id: 'activity-title' }, file ? fileTitle(name) : 'Activity');
  const list = h('ol', { class: 'activity-list', 'aria-labelledby': 'activity-title' });
  const empty = h('p', { class: 'empty-title', hidden: true }, file ? 'Nothing has happened to this file lately.' : 'Nothing has happened to your files lately.');
  const failure = h('p', { class: 'notice notice-error', role: 'alert', hidden: true });
  const more = h('button', { type: 'button', class: 'button secondary', hidden: true }, 'Show more');
  const card = h('section', { class: 'card activity-card', 'aria-labelledby': 'activity-title', 'aria-busy': 'true' }, list, empty, failure, h('div', { class: 'activity-more' }, more));
  let next = `/api/activity/?limit=${PAGE}${file ? `&file=${file}` : ''}`;

  async function load() {
    if (!next) return;
    card.setAttribute('aria-busy', 'true');
    try {
      const page = await apiPage(next, { signal });
      const first = list.children.length;
      if (file && !name && page.results.length) {
        name = page.results[0].file_name;
        heading.textContent = fileTitle(name);
      }
      list.append(...page.results.map((item) => entry(item, !file)));
      next = page.next;
      more.hidden = !next;
      empty.hidden = list.children.length > 0;
      failure.hidden = true;
      // After "Show more", focus goes to the first new entry, where reading goes on.
      if (first > 0) (list.children[first] ?? heading).focus();
    } catch (error) {
      if (error.name === 'AbortError' || error.sessionEnded) return;
      failure.replaceChildren(icon('alert'), h('span', {}, `The activity could not be loaded. ${error.message}`));
      failure.hidden = false;
    } finally {
      card.removeAttribute('aria-busy');
    }
  }
  more.addEventListener('click', load);

  main.append(
    h(
      'div',
      { class: 'page narrow-page' },
      h(
        'div',
        { class: 'page-head' },
        heading,
        h('p', { class: 'muted' }, 'What happened to your files and their links, newest first.'),
        file ? h('p', {}, h('a', { href: '#/activity' }, 'Show all activity')) : null,
      ),
      card,
    ),
  );
  load();
  return file ? 'File activity' : 'Activity';
}

function fileTitle(name) {
  return name ? `Activity of “${name}”` : 'Activity of a file';
}

function entry(item, linkFiles) {
  const quoted = `“${item.file_name}”`;
  const file =
    linkFiles && item.file != null
      ? h('a', { href: `#/activity?${new URLSearchParams({ file: item.file, name: item.file_name })}` }, quoted)
      : h('strong', {}, quoted);
  return h(
    'li',
    { class: 'activity', tabindex: '-1', dataset: { action: item.action } },
    h('span', { class: 'activity-icon', 'aria-hidden': 'true' }, icon(iconOf(item.action))),
    h('p', { class: 'activity-text' }, describe(item, session.user?.username ?? null, file)),
    h('time', { class: 'activity-time muted', datetime: item.created, title: fullDate(item.created) }, when(item.created)),
  );
}
