// One entry of the activity feed in words: "You renamed “a.pdf” to “b.pdf”." The file's name is
// given as an element (a link, where the feed is not already one file's), never parsed as HTML.

const VISIBILITY = { private: 'private', users: 'visible to all signed-in users' };

/**
 * The sentence for an entry as a list of strings and nodes. `me` is the reader's username; `file`
 * is the node that names the file.
 */
export function describe(entry, me, file) {
  const who = entry.actor == null ? 'Someone' : entry.actor === me ? 'You' : entry.actor;
  const detail = entry.detail ?? '';
  switch (entry.action) {
    case 'uploaded':
      return [who, ' uploaded ', file, '.'];
    case 'received':
      return entry.actor == null
        ? [file, ' arrived through a file request.']
        : [who, ' uploaded ', file, ' through a file request.'];
    case 'replaced':
      return [who, ' replaced the content of ', file, '.'];
    case 'renamed':
      return detail ? [who, ' renamed “', detail, '” to ', file, '.'] : [who, ' renamed the file to ', file, '.'];
    case 'visibility_changed':
      return [who, ' made ', file, ` ${VISIBILITY[detail] ?? detail}.`];
    case 'deleted':
      return [who, ' moved ', file, ' to the trash.'];
    case 'restored':
      return [who, ' restored ', file, ' from the trash.'];
    case 'purged':
      return entry.actor == null
        ? [file, ' was removed from the trash for good.']
        : [who, ' deleted ', file, ' for good.'];
    case 'version_restored':
      return [who, ` restored version ${detail} of `, file, '.'];
    case 'version_deleted':
      return [who, ` deleted version ${detail} of `, file, '.'];
    case 'shared':
      return [who, ' shared ', file, detail ? ` with ${detail}.` : '.'];
    case 'unshared':
      return [who, ' stopped sharing ', file, detail ? ` with ${detail}.` : '.'];
    case 'link_created':
      return [who, ' made a link to ', file, '.'];
    case 'link_revoked':
      return [who, ' revoked a link to ', file, '.'];
    case 'link_downloaded':
      return detail.includes('@')
        ? [detail, ' downloaded ', file, ' through a link.']
        : ['Someone downloaded ', file, ' through a link.'];
    default:
      return [who, ` ${String(entry.action).replaceAll('_', ' ')} `, file, '.'];
  }
}

/** The icon of an entry's kind. */
export function iconOf(action) {
  if (action.startsWith('link_')) return 'link';
  if (action === 'deleted' || action === 'purged' || action === 'version_deleted') return 'trash';
  if (action === 'restored' || action === 'version_restored') return 'undo';
  if (action === 'shared' || action === 'unshared') return 'share';
  if (action === 'renamed') return 'pencil';
  if (action === 'replaced') return 'replace';
  if (action === 'visibility_changed') return 'users';
  return 'upload';
}
