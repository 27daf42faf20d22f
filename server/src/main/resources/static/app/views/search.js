// Search inside documents: the pages whose text matches, with the matched words highlighted; each
// hit opens the viewer at its page with the words highlighted there too.

import { api } from '../api.js';
import { h, icon } from '../dom.js';
import { plural } from '../format.js';
import { replaceParams } from '../router.js';
import { snippetNodes } from '../snippet.js';
import { thumbnail, viewerUrl } from '../preview.js';
import { activeContentBadge } from './document-details.js';

const MAX_QUERY = 200;

export function searchScreen(main, { params, signal }) {
  const input = h('input', {
    type: 'search',
    id: 'content-search',
    name: 'q',
    maxlength: MAX_QUERY,
    autocomplete: 'off',
    placeholder: 'Words, "a phrase", -excluded, this OR that',
    value: params.get('q') || null,
    'data-autofocus': true,
  });
  const form = h(
    'form',
    { class: 'search-form', role: 'search' },
    h('label', { for: 'content-search', class: 'visually-hidden' }, 'Search inside documents'),
    h('div', { class: 'search-box' }, icon('search'), input),
    h('button', { type: 'submit', class: 'button primary' }, 'Search'),
  );
  const status = h('p', { class: 'muted search-status', role: 'status' });
  const failure = h('div', { class: 'notice notice-error', role: 'alert', hidden: true });
  const results = h('ol', { class: 'search-results', 'aria-label': 'Results' });

  main.append(
    h(
      'div',
      { class: 'page' },
      h(
        'div',
        { class: 'page-head' },
        h('h1', {}, 'Search'),
        h('p', { class: 'muted' }, 'Find the page: search the text inside the documents you may see.'),
      ),
      form,
      status,
      failure,
      results,
    ),
  );

  let inflight = null;
  async function run(query) {
    inflight?.abort();
    results.replaceChildren();
    failure.hidden = true;
    replaceParams(new URLSearchParams(query ? { q: query } : {}));
    if (!query) {
      status.textContent = '';
      return;
    }
    const request = new AbortController();
    inflight = request;
    status.textContent = 'Searching…';
    try {
      const found = await api(`/api/search/?${new URLSearchParams({ q: query })}`, {
        signal: AbortSignal.any([signal, request.signal]),
      });
      results.replaceChildren(...found.map((result) => resultItem(result, query)));
      status.textContent = found.length
        ? `${plural(found.length, 'document')} found for “${query}”.`
        : `No document contains “${query}”.`;
    } catch (error) {
      if (error.name === 'AbortError' || error.sessionEnded) return;
      status.textContent = '';
      failure.replaceChildren(icon('alert'), h('span', {}, error.message));
      failure.hidden = false;
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run(input.value.trim());
  });

  run((params.get('q') ?? '').trim());
  return 'Search';
}

function resultItem({ file, hits = [] }, query) {
  return h(
    'li',
    { class: 'search-result', dataset: { fileId: file.id } },
    h('a', { class: 'thumb-link', href: viewerUrl(file, { query }), tabindex: '-1', 'aria-hidden': 'true' }, thumbnail(file)),
    h(
      'div',
      { class: 'search-result-body' },
      h(
        'h2',
        { class: 'search-result-name' },
        h('a', { href: viewerUrl(file, { page: hits[0]?.page ?? null, query }) }, file.name),
        activeContentBadge(file),
      ),
      h('p', { class: 'muted' }, file.owner),
      h(
        'ul',
        { class: 'search-hits' },
        hits.map((hit) =>
          h(
            'li',
            { class: 'search-hit' },
            h('a', { href: viewerUrl(file, { page: hit.page, query }), class: 'hit-page' }, `Page ${hit.page}`),
            h('span', { class: 'snippet' }, snippetNodes(hit.snippet)),
          ),
        ),
      ),
    ),
  );
}
