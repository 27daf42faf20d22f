// What the signed-in person stores, of their quota: a small bar in the header, a card on the
// account screen. Without a quota there is no bar, only the figure.

import { api } from '../api.js';
import { h } from '../dom.js';
import { bytes, plural } from '../format.js';
import { session } from '../session.js';

/** The bytes that count against the quota: stored content, versions, trash and unfinished uploads. */
function used(usage) {
  return (usage.bytes ?? 0) + (usage.reserved ?? 0);
}

/** "1.2 MB of 10 GB used", or "1.2 MB used" without a quota. */
export function usageText(usage) {
  return usage.quota_bytes != null
    ? `${bytes(used(usage))} of ${bytes(usage.quota_bytes)} used`
    : `${bytes(used(usage))} used`;
}

/**
 * The figure and, under a quota, a meter that turns to the warning colour near the end. Nothing
 * when the server tells no usage. `compact` is the header's version.
 */
export function usageBar(usage, { compact = false } = {}) {
  if (!usage) return null;
  const quota = usage.quota_bytes;
  const meter =
    quota != null
      ? h('meter', {
          class: 'usage-meter',
          min: 0,
          max: Math.max(quota, 1),
          value: Math.min(used(usage), quota),
          low: quota * 0.75,
          high: quota * 0.9,
          optimum: 0,
          'aria-label': 'Storage used',
        })
      : null;
  return h(
    'div',
    { class: compact ? 'usage usage-compact' : 'usage', title: compact ? 'Storage' : null },
    h('span', { class: 'usage-text' }, compact ? h('span', { class: 'visually-hidden' }, 'Storage: ') : null, usageText(usage)),
    meter,
  );
}

/** The account screen's card: the bar, the files, and what counts. */
export function usageCard(usage) {
  if (!usage) return null;
  const files = usage.quota_files != null ? `${usage.files} of ${plural(usage.quota_files, 'file')}` : plural(usage.files, 'file');
  return h(
    'section',
    { class: 'card section-card', 'aria-labelledby': 'usage-title' },
    h('h2', { id: 'usage-title' }, 'Storage'),
    usageBar(usage),
    h('p', { class: 'muted' }, `${files}. Old versions, the trash and unfinished uploads count too. `, h('a', { href: '#/trash' }, 'Open the trash')),
  );
}

// The header's figure lives in one element that is drawn again on its own, so that a new figure
// never rebuilds the navigation around it.
const slot = h('div', { class: 'usage-slot' });

function drawHeader(usage) {
  const bar = usageBar(usage, { compact: true });
  slot.replaceChildren(...(bar ? [bar] : []));
}

/** The header's figure, as the signed-in user's profile last told it. */
export function headerUsage() {
  drawHeader(session.user?.usage);
  return slot;
}

let pending = null;

/** Reads the usage again a moment after something changed it (uploads, trash, versions). */
export function refreshUsage() {
  clearTimeout(pending);
  pending = setTimeout(async () => {
    if (!session.token) return;
    try {
      const me = await api('/api/user/me/');
      if (session.user) session.user.usage = me.usage;
      drawHeader(me.usage);
    } catch {
      // the last figure stays until the next change
    }
  }, 300);
}
