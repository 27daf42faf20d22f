// Reads a PDF in the browser with Mozilla PDF.js, one page at a time: /viewer.html?file=<id> for a
// file the signed-in person may see, /viewer.html?link=<token> for a link's file. The address's
// fragment names the page and the words to highlight: #page=3&q=invoice. The document's own
// scripts never run: PDF.js is built without them here (no scripting, no eval, no annotation
// layer with actions), and the page's policy allows scripts from this server only.
// A view-only link never gives out the document: its pages come as pictures the server draws
// (/s/<token>/pages/<n>?width=), shown one at a time with the same controls.

import * as pdfjs from '/webjars/pdfjs-dist/build/pdf.min.mjs';

pdfjs.GlobalWorkerOptions.workerSrc = '/webjars/pdfjs-dist/build/pdf.worker.min.mjs';

const TOKEN_KEY = 'fileshare.token';
const $ = (id) => document.getElementById(id);
const status = $('viewer-status');
const notice = $('viewer-notice');
const stage = $('viewer-stage');
const pageBox = $('viewer-page');
const canvas = $('viewer-canvas');
const textLayer = $('viewer-text');
const picture = $('viewer-picture');
const number = $('page-number');
const previous = $('page-previous');
const next = $('page-next');

const query = new URLSearchParams(location.search);
let documentProxy = null;
let pictures = null; // a view-only link: { base, count }
let current = 0;
let rendering = null;
let writing = null;

function fragment() {
  const hash = new URLSearchParams(location.hash.slice(1));
  const page = Number.parseInt(hash.get('page') ?? '1', 10);
  return { page: Number.isFinite(page) && page > 0 ? page : 1, words: terms(hash.get('q') ?? '') };
}

/** The words of a search to highlight: no operators, no excluded words, no quotes. */
function terms(text) {
  return text
    .replace(/["“”]/g, ' ')
    .split(/\s+/)
    .filter((word) => word && word !== 'OR' && !word.startsWith('-'))
    .map((word) => fold(word).text.replace(/[^\p{L}\p{N}]+/gu, ''))
    .filter((word) => word.length > 0);
}

/** Lower case without accents, with where each folded character came from. */
function fold(text) {
  let folded = '';
  const from = [];
  for (let i = 0; i < text.length; i += 1) {
    const plain = text[i].normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (let j = 0; j < plain.length; j += 1) from.push(i);
    folded += plain;
  }
  return { text: folded, from };
}

function token() {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** Where the bytes come from, how to ask for them, and where "Back" goes. */
function source() {
  const file = query.get('file');
  const link = query.get('link');
  if (file && /^[0-9]{1,18}$/.test(file)) {
    const auth = token();
    if (!auth) return { error: 'Sign in to read this document.', back: '/#/signin' };
    const headers = { Authorization: `Token ${auth}` };
    return {
      download: `/api/download/${file}/`,
      info: `/api/files/${file}/`,
      headers,
      credentials: 'omit',
      back: '/#/files',
      backInHistory: true,
    };
  }
  if (link && /^[A-Za-z0-9_-]{1,200}$/.test(link)) {
    // the page's download: it carries the access the link's page keeps in a cookie after a password
    return {
      download: `/s/${link}/download`,
      pages: `/s/${link}/pages`,
      info: `/api/s/${link}/`,
      headers: {},
      credentials: 'same-origin',
      back: `/s/${link}`,
    };
  }
  return { error: 'This address does not name a document.', back: '/' };
}

function fail(message) {
  status.textContent = '';
  notice.textContent = message;
  notice.hidden = false;
}

/** The name the download gives, when the file's description did not (a link with a password). */
function named(disposition) {
  if (!disposition || $('viewer-title').dataset.named) return;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(disposition);
  let name = null;
  try {
    name = encoded ? decodeURIComponent(encoded[1]) : plain?.[1] ?? null;
  } catch {
    name = plain?.[1] ?? null;
  }
  if (name) title(name);
}

function title(name) {
  $('viewer-title').textContent = name;
  $('viewer-title').dataset.named = 'true';
  document.title = `${name} · fileshare`;
}

/** Why a document could not be read, by the status of the answer. */
function refusal(status) {
  return status === 404 || status === 410
    ? 'This document no longer exists, or it is not shared with you.'
    : status === 401 || status === 403
      ? 'You may not read this document. Open its link or sign in again.'
      : status === 429
        ? 'Too many pages were read through this link in the last minute. Wait a moment and try again.'
        : 'The document could not be opened. Please try again.';
}

/** What the server says of the document; for a link, whether it is for reading only. */
async function describe(where) {
  try {
    const response = await fetch(where.info, { headers: { ...where.headers, Accept: 'application/json' }, credentials: where.credentials, cache: 'no-store' });
    if (!response.ok) return null;
    const info = await response.json();
    if (info?.name) title(info.name);
    if (info?.document?.flagged) {
      notice.textContent =
        'This document contains active content (such as scripts or actions). It does not run here; take care if you open it in another program.';
      notice.classList.add('warning');
      notice.hidden = false;
    }
    return info;
  } catch {
    return null; // the title is only a nicety
  }
}

/** A view-only link: the page count, then each page as the server's picture. */
async function openPictures(where) {
  let response;
  try {
    response = await fetch(where.pages, { credentials: 'same-origin', cache: 'no-store' });
  } catch {
    return fail("Can't reach the server. Check your connection and try again.");
  }
  if (!response.ok) return fail(response.status === 422 ? 'This document could not be read.' : refusal(response.status));
  const { pages, name } = await response.json();
  if (name && !$('viewer-title').dataset.named) title(name);
  pictures = { base: where.pages, count: pages };
  $('page-count').textContent = `of ${pages}`;
  number.max = String(pages);
  number.disabled = false;
  canvas.hidden = true;
  textLayer.hidden = true;
  picture.hidden = false;
  show(fragment().page);
}

function showPicture(target) {
  // widths in steps, so that pictures already fetched are used again from the cache
  const wanted = Math.min(stage.clientWidth - 32, 1000) * (window.devicePixelRatio || 1);
  const width = Math.min(2048, Math.max(256, Math.ceil(wanted / 256) * 256));
  const source = `${pictures.base}/${target}?width=${width}`;
  picture.alt = `Page ${target} of ${pictures.count}`;
  picture.style.width = `${Math.min(stage.clientWidth - 32, 1000)}px`;
  picture.onload = () => {
    if (current !== target) return;
    pageBox.hidden = false;
    pageBox.dataset.page = String(target);
    status.textContent = `Page ${target} of ${pictures.count}`;
  };
  picture.onerror = async () => {
    if (current !== target) return;
    try {
      const answer = await fetch(source, { credentials: 'same-origin' });
      fail(refusal(answer.status));
    } catch {
      fail("Can't reach the server. Check your connection and try again.");
    }
  };
  picture.src = source;
}

async function open() {
  const where = source();
  const back = $('viewer-back');
  back.href = where.back;
  if (where.backInHistory && history.length > 1) {
    // back to the list or the search it was opened from, as it was
    back.addEventListener('click', (event) => {
      event.preventDefault();
      history.back();
    });
  }
  if (where.error) return fail(where.error);
  const described = describe(where);
  if (where.pages && (await described)?.mode === 'view') return openPictures(where);
  let response;
  try {
    response = await fetch(where.download, { headers: where.headers, credentials: where.credentials, cache: 'no-store' });
  } catch {
    return fail("Can't reach the server. Check your connection and try again.");
  }
  if (!response.ok) {
    return fail(response.status === 429 ? 'Too many attempts. Wait a moment and try again.' : refusal(response.status));
  }
  named(response.headers.get('Content-Disposition'));
  const data = new Uint8Array(await response.arrayBuffer());
  try {
    documentProxy = await pdfjs.getDocument({
      data,
      isEvalSupported: false,
      enableXfa: false,
      cMapUrl: '/webjars/pdfjs-dist/cmaps/',
      cMapPacked: true,
      standardFontDataUrl: '/webjars/pdfjs-dist/standard_fonts/',
    }).promise;
  } catch (error) {
    return fail(error?.name === 'PasswordException' ? 'This document needs a password, which the viewer cannot ask for. Download it instead.' : 'This document could not be read.');
  }
  $('page-count').textContent = `of ${documentProxy.numPages}`;
  number.max = String(documentProxy.numPages);
  number.disabled = false;
  show(fragment().page);
}

/** How many pages the open document has; 0 while none is open. */
function pageCount() {
  return documentProxy?.numPages ?? pictures?.count ?? 0;
}

async function show(page) {
  if (!pageCount()) return;
  const target = Math.min(Math.max(1, page), pageCount());
  current = target;
  number.value = String(target);
  previous.disabled = target <= 1;
  next.disabled = target >= pageCount();
  if (pictures) return showPicture(target);
  rendering?.cancel();
  const pdfPage = await documentProxy.getPage(target);
  if (current !== target) return;
  const base = pdfPage.getViewport({ scale: 1 });
  const width = Math.min(stage.clientWidth - 32, 1000);
  const viewport = pdfPage.getViewport({ scale: Math.max(0.25, width / base.width) });
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${Math.floor(viewport.width)}px`;
  canvas.style.height = `${Math.floor(viewport.height)}px`;
  pageBox.style.setProperty('--scale-factor', String(viewport.scale));
  pageBox.style.width = `${Math.floor(viewport.width)}px`;
  pageBox.hidden = false;
  rendering = pdfPage.render({
    canvasContext: canvas.getContext('2d'),
    viewport,
    transform: ratio === 1 ? null : [ratio, 0, 0, ratio, 0, 0],
  });
  try {
    await rendering.promise;
  } catch (error) {
    if (error?.name === 'RenderingCancelledException') return;
    return fail('This page could not be drawn.');
  }
  if (current !== target) return;
  writing?.cancel();
  textLayer.replaceChildren();
  const layer = new pdfjs.TextLayer({ textContentSource: pdfPage.streamTextContent(), container: textLayer, viewport });
  writing = layer;
  try {
    await layer.render();
  } catch {
    return; // another page (or size) took its place
  }
  if (current !== target || writing !== layer) return;
  const found = highlight(layer.textDivs, fragment().words);
  pageBox.dataset.page = String(target);
  status.textContent =
    `Page ${target} of ${documentProxy.numPages}` + (found ? `, ${found === 1 ? '1 match' : `${found} matches`} highlighted` : '');
  textLayer.querySelector('mark')?.scrollIntoView({ block: 'center' });
}

/** Wraps the words (and the rest of words that begin with them) in <mark>; the count marked. */
function highlight(divs, words) {
  if (!words.length) return 0;
  let count = 0;
  for (const div of divs) {
    const original = div.textContent;
    const { text, from } = fold(original);
    const ranges = [];
    for (const word of words) {
      let at = text.indexOf(word);
      while (at !== -1) {
        const startsWord = at === 0 || !/[\p{L}\p{N}]/u.test(text[at - 1]);
        if (startsWord) {
          let end = at + word.length;
          while (end < text.length && /[\p{L}\p{N}]/u.test(text[end])) end += 1;
          ranges.push([from[at], from[end - 1] + 1]);
        }
        at = text.indexOf(word, at + word.length);
      }
    }
    if (!ranges.length) continue;
    ranges.sort((a, b) => a[0] - b[0]);
    const nodes = [];
    let position = 0;
    for (const [start, end] of ranges) {
      if (start < position) continue;
      if (start > position) nodes.push(document.createTextNode(original.slice(position, start)));
      const mark = document.createElement('mark');
      mark.textContent = original.slice(start, end);
      nodes.push(mark);
      position = end;
      count += 1;
    }
    if (position < original.length) nodes.push(document.createTextNode(original.slice(position)));
    div.replaceChildren(...nodes);
  }
  return count;
}

previous.addEventListener('click', () => go(current - 1));
next.addEventListener('click', () => go(current + 1));
number.addEventListener('change', () => go(Number.parseInt(number.value, 10) || 1));
addEventListener('keydown', (event) => {
  if (event.target === number || event.altKey || event.ctrlKey || event.metaKey) return;
  if (event.key === 'ArrowRight' || event.key === 'PageDown') go(current + 1);
  else if (event.key === 'ArrowLeft' || event.key === 'PageUp') go(current - 1);
});
addEventListener('hashchange', () => show(fragment().page));
let resized = null;
addEventListener('resize', () => {
  clearTimeout(resized);
  resized = setTimeout(() => show(current), 200);
});

/** Moves to the page, keeping the highlighted words in the address. */
function go(page) {
  if (!pageCount()) return;
  const target = Math.min(Math.max(1, page), pageCount());
  const hash = new URLSearchParams(location.hash.slice(1));
  hash.set('page', String(target));
  history.replaceState(null, '', `#${hash}`);
  show(target);
}

open();
