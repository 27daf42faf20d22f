// The files screen: upload, then find, sort, page through and act on the files I may see.

import { api } from '../api.js';
import { busy, h, icon, toast } from '../dom.js';
import { download } from '../download.js';
import { plural } from '../format.js';
import { navigate, replaceParams } from '../router.js';
import { session } from '../session.js';
import { uploads } from '../upload/queue.js';
import { leave, remove, rename, replacementPicker, switchVisibility } from './file-actions.js';
import { fileRow } from './file-list.js';
import { shareDialog } from './share-dialog.js';
import { uploadPanel } from './upload-panel.js';
import { versionsDialog } from './versions-dialog.js';

const PAGE = 20;
const ORDERS = [
  ['-created', 'Newest first'],
  ['created', 'Oldest first'],
  ['name', 'Name, A to Z'],
  ['-name', 'Name, Z to A'],
  ['-size', 'Largest first'],
  ['size', 'Smallest first'],
];

export function filesScreen(main, { params, signal }) {
  const state = {
    scope: params.get('owner') === 'me' ? 'mine' : params.get('shared') === 'with-me' ? 'with-me' : 'all',
    search: params.get('search') ?? '',
    request: /^[1-9][0-9]{0,17}$/.test(params.get('request') ?? '') ? params.get('request') : null,
    ordering: ORDERS.some(([value]) => value === params.get('ordering')) ? params.get('ordering') : '-created',
    page: Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1),
  };

  const { zone, list: uploadList } = uploadPanel({ signal });
  const replacement = replacementPicker();
  const scope = segmented(state, () => {
    state.page = 1;
    load();
  });
  const search = h('input', {
    type: 'search',
    id: 'file-search',
    placeholder: 'Search by name',
    autocomplete: 'off',
    value: state.search || null,
  });
  const ordering = h(
    'select',
    { id: 'file-ordering' },
    ORDERS.map(([value, label]) => h('option', { value, selected: value === state.ordering }, label)),
  );
  const layout = layoutSwitch(() => {
    if (lastPage) draw(lastPage);
  });
  const toolbar = h(
    'div',
    { class: 'toolbar' },
    scope,
    h(
      'div',
      { class: 'search-box' },
      h('label', { for: 'file-search', class: 'visually-hidden' }, 'Search files by name'),
      icon('search'),
      search,
    ),
    h('div', { class: 'inline-field' }, h('label', { for: 'file-ordering' }, 'Sort'), ordering),
    layout.element,
  );
  const rows = h('ul', { class: 'file-rows', 'aria-labelledby': 'files-title' });
  const heading = h(
    'div',
    { class: 'file-head', 'aria-hidden': 'true' },
    h('span', {}),
    h('span', {}, 'Name'),
    h('span', {}, 'Owner'),
    h('span', {}, 'Size'),
    h('span', {}, 'Added'),
    h('span', {}, 'Visible to'),
    h('span', {}),
  );
  const empty = h('div', { class: 'empty', hidden: true });
  const failure = h('div', { class: 'notice notice-error', role: 'alert', hidden: true });
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages', hidden: true });
  const found = h('p', { class: 'visually-hidden', role: 'status' });
  const listCard = h('section', { class: 'card list-card', 'aria-labelledby': 'files-title', 'aria-busy': 'true' }, heading, rows, empty, failure, pager);

  main.append(
    h(
      'div',
      { class: 'page' },
      h(
        'div',
        { class: 'page-head' },
        h('h1', { id: 'files-title' }, 'Files'),
        h('p', { class: 'muted' }, 'Your PDFs, the ones others share with all users, and the ones shared with you.'),
      ),
      zone,
      uploadList,
      toolbar,
      listCard,
      found,
      replacement.input,
    ),
  );

  // The page that Next led to, as the server's "next" names it: the offset and the last file of the
  // page before as a cursor, which the server finds through its indexes however deep the page is
  // (an offset alone reads every file before it). Used while the list, its filters and its page
  // number are still the ones Next led to; any other page is asked for by its offset.
  let followed = null;
  const listQuery = () => {
    const query = new URLSearchParams({ limit: PAGE, offset: (state.page - 1) * PAGE, ordering: state.ordering });
    if (state.scope === 'mine') query.set('owner', 'me');
    if (state.scope === 'with-me') query.set('shared', 'with-me');
    if (state.search.trim()) query.set('search', state.search.trim());
    if (state.request) query.set('request', state.request);
    return query;
  };

  let inflight = null;
  async function load({ quiet = false } = {}) {
    if (signal.aborted) return;
    inflight?.abort();
    const request = new AbortController();
    inflight = request;
    const query = listQuery();
    if (followed && followed.query === query.toString()) query.set('cursor', followed.cursor);
    else followed = null;
    replaceParams(shareable(state));
    const slow = quiet ? null : setTimeout(() => listCard.setAttribute('aria-busy', 'true'), 250);
    try {
      const page = await api(`/api/files/?${query}`, { signal: AbortSignal.any([signal, request.signal]) });
      if (page.results.length === 0 && state.page > 1 && page.count > 0) {
        state.page = Math.ceil(page.count / PAGE);
        return load({ quiet });
      }
      draw(page);
      failure.hidden = true;
    } catch (error) {
      if (error.name === 'AbortError' || error.sessionEnded) return;
      failure.replaceChildren(icon('alert'), h('span', {}, `Your files could not be loaded. ${error.message}`));
      failure.hidden = false;
    } finally {
      clearTimeout(slow);
      if (inflight === request) listCard.removeAttribute('aria-busy');
    }
  }

  const me = () => session.user?.username ?? null;
  const actions = {
    download: (file, button) =>
      busy(button, h('span', { class: 'label' }, 'Starting…'), async () => {
        try {
          await download(file);
        } catch (error) {
          if (!error.sessionEnded) toast(error.message, { kind: 'error' });
        }
      }),
    share: (file) => shareDialog(file),
    rename: (file) => rename(file, refreshRow),
    visibility: (file) => switchVisibility(file, refreshRow),
    replace: (file) => replacement.pick(file),
    versions: (file) => versionsDialog(file, { me: me(), changed: (changedFile) => refreshRow(changedFile, { focus: false }) }),
    activity: (file) => navigate(`/activity?${new URLSearchParams({ file: file.id, name: file.name })}`),
    leave: (file) => leave(file, () => load({ quiet: true })),
    remove: (file) =>
      remove(file, async () => {
        await load({ quiet: true });
        const title = document.getElementById('files-title');
        title.setAttribute('tabindex', '-1');
        title.focus();
      }),
  };

  function refreshRow(file, { focus = true } = {}) {
    const old = rows.querySelector(`[data-file-id="${file.id}"]`);
    if (!old) return load({ quiet: true });
    const row = fileRow(file, { me: me(), actions, grid: layout.grid() });
    old.replaceWith(row);
    if (focus) row.querySelector('.menu-wrap > button')?.focus();
  }

  let lastPage = null;
  function draw(page) {
    lastPage = page;
    const grid = layout.grid();
    rows.classList.toggle('grid', grid);
    rows.replaceChildren(...page.results.map((file) => fileRow(file, { me: me(), actions, grid })));
    heading.hidden = page.results.length === 0 || grid;
    empty.hidden = page.results.length > 0;
    if (page.results.length === 0) empty.replaceChildren(...emptyState(state, () => {
      search.value = '';
      state.search = '';
      state.page = 1;
      load();
      search.focus();
    }));
    drawPager(page);
    found.textContent = state.search.trim()
      ? `${plural(page.count, 'file')} found for “${state.search.trim()}”.`
      : `${plural(page.count, 'file')}.`;
  }

  function drawPager(page) {
    const pages = Math.ceil(page.count / PAGE);
    pager.hidden = pages <= 1;
    if (pages <= 1) return pager.replaceChildren();
    const from = (state.page - 1) * PAGE + 1;
    const to = from + page.results.length - 1;
    const go = (delta) => () => {
      const next = delta === 1 && page.next ? new URL(page.next, location.href).searchParams.get('cursor') : null;
      state.page += delta;
      followed = next ? { query: listQuery().toString(), cursor: next } : null;
      load();
      document.getElementById('files-title').scrollIntoView({ block: 'start' });
    };
    pager.replaceChildren(
      h('span', { class: 'muted' }, `${from}–${to} of ${page.count}`),
      h('div', { class: 'pager-buttons' },
        h('button', { type: 'button', class: 'button small secondary', disabled: state.page <= 1, onclick: go(-1) }, 'Previous'),
        h('button', { type: 'button', class: 'button small secondary', disabled: state.page >= pages, onclick: go(1) }, 'Next'),
      ),
    );
  }

  let typing = null;
  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      state.search = search.value;
      state.page = 1;
      load();
    }, 250);
  });
  ordering.addEventListener('change', () => {
    state.ordering = ordering.value;
    state.page = 1;
    load();
  });

  let refresh = null;
  uploads.addEventListener(
    'uploaded',
    () => {
      clearTimeout(refresh);
      refresh = setTimeout(() => load({ quiet: true }), 150);
    },
    { signal },
  );

  load();
  return 'Files';
}

function shareable(state) {
  const params = new URLSearchParams();
  if (state.scope === 'mine') params.set('owner', 'me');
  if (state.scope === 'with-me') params.set('shared', 'with-me');
  if (state.search.trim()) params.set('search', state.search.trim());
  if (state.request) params.set('request', state.request);
  if (state.ordering !== '-created') params.set('ordering', state.ordering);
  if (state.page > 1) params.set('page', state.page);
  return params;
}

/** List or grid: two buttons, one pressed; the choice is kept in this browser. */
function layoutSwitch(changed) {
  const KEY = 'fileshare.layout';
  let current = 'list';
  try {
    current = localStorage.getItem(KEY) === 'grid' ? 'grid' : 'list';
  } catch {
    // storage may be off; the list it is
  }
  const button = (value, label) =>
    h('button', { type: 'button', class: 'layout-button', 'aria-pressed': String(value === current), dataset: { layout: value } }, label);
  const list = button('list', 'List');
  const grid = button('grid', 'Grid');
  const element = h('div', { class: 'layout-switch', role: 'group', 'aria-label': 'Show files as' }, list, grid);
  for (const choice of [list, grid]) {
    choice.addEventListener('click', () => {
      current = choice.dataset.layout;
      list.setAttribute('aria-pressed', String(current === 'list'));
      grid.setAttribute('aria-pressed', String(current === 'grid'));
      try {
        localStorage.setItem(KEY, current);
      } catch {
        // not kept then
      }
      changed();
    });
  }
  return { element, grid: () => current === 'grid' };
}

/** "All files", "My files" and "Shared with me" as radio buttons that look like one switch. */
function segmented(state, changed) {
  const option = (value, label) => {
    const input = h('input', { type: 'radio', name: 'scope', value, id: `scope-${value}`, checked: value === state.scope });
    input.addEventListener('change', () => {
      state.scope = value;
      changed();
    });
    return h('span', { class: 'segment' }, input, h('label', { for: `scope-${value}` }, label));
  };
  return h(
    'fieldset',
    { class: 'segmented' },
    h('legend', { class: 'visually-hidden' }, 'Show'),
    option('all', 'All files'),
    option('mine', 'My files'),
    option('with-me', 'Shared with me'),
  );
}

const EMPTY = {
  all: 'No files yet.',
  mine: 'You have not uploaded any files yet.',
  'with-me': 'Nobody has shared a file with you yet.',
};

function emptyState(state, clearSearch) {
  if (state.search.trim()) {
    return [
      h('p', { class: 'empty-title' }, `No files match “${state.search.trim()}”.`),
      h('button', { type: 'button', class: 'button small secondary', onclick: clearSearch }, 'Clear search'),
    ];
  }
  return [
    h('div', { class: 'empty-art', 'aria-hidden': 'true' }, icon('file')),
    h('p', { class: 'empty-title' }, EMPTY[state.scope]),
    h('p', { class: 'muted' }, state.scope === 'with-me'
      ? 'Files others share with you by name appear here.'
      : 'Upload a PDF to share it with everyone signed in, with particular people, or keep it to yourself.'),
  ];
}
