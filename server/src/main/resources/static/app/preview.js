// Pictures of a document's first page. The preview address needs the sign-in token in a header,
// which an <img> cannot send: the picture is fetched when it scrolls into view and shown as a data:
// URL (the page's policy allows data: images and nothing else that is not this server). The
// address names the content's version, so the browser keeps the answer for good.

import { h } from './dom.js';
import { session } from './session.js';

const observer =
  'IntersectionObserver' in window
    ? new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            if (!entry.isIntersecting) continue;
            observer.unobserve(entry.target);
            fill(entry.target);
          }
        },
        { rootMargin: '200px' },
      )
    : null;

/** The address of the file's preview `width` pixels wide, for this content; null when none. */
export function previewUrl(file, width) {
  if (!file.preview?.url) return null;
  const url = new URL(file.preview.url, location.href);
  const widths = file.preview.widths ?? [];
  const chosen = widths.find((w) => w >= width) ?? widths[widths.length - 1] ?? width;
  url.searchParams.set('width', chosen);
  if (file.sha256) url.searchParams.set('v', file.sha256.slice(0, 12));
  return `${url.pathname}${url.search}`;
}

/**
 * The file's first page as a picture about `width` pixels wide (loaded when it comes into view), or
 * the PDF placeholder when there is no preview (yet). Decorative: the file's name says what it is.
 */
export function thumbnail(file, { width = 160, className = 'file-thumb' } = {}) {
  const placeholder = h('span', { class: 'file-icon', 'aria-hidden': 'true' }, 'PDF');
  const url = previewUrl(file, width);
  if (!url) return placeholder;
  const image = h('img', { class: className, alt: '', decoding: 'async', dataset: { src: url } });
  image.addEventListener('error', () => image.replaceWith(placeholder), { once: true });
  if (observer) observer.observe(image);
  else fill(image);
  return image;
}

async function fill(image) {
  const url = image.dataset.src;
  try {
    const headers = session.token ? { Authorization: `Token ${session.token}` } : {};
    const response = await fetch(url, { headers, credentials: 'omit' });
    if (!response.ok) throw new Error(String(response.status));
    image.src = await dataUrl(await response.blob());
    image.classList.add('loaded');
  } catch {
    image.dispatchEvent(new Event('error'));
  }
}

function dataUrl(blob) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** Where the viewer shows the file, at `page` with `query`'s words highlighted when given. */
export function viewerUrl(file, { page = null, query = null } = {}) {
  const hash = new URLSearchParams();
  if (page) hash.set('page', page);
  if (query) hash.set('q', query);
  const fragment = hash.toString();
  return `/viewer.html?file=${encodeURIComponent(file.id)}${fragment ? `#${fragment}` : ''}`;
}
