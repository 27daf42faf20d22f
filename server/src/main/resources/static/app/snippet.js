// Search snippets: the server escapes the text and marks the matched words with <mark>…</mark>.
// They are turned into text nodes and <mark> elements only; nothing in them is parsed as HTML.

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of an escaped fragment, with its character references resolved. */
export function unescape(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The snippet as nodes: text, and <mark> elements around the matched words. */
export function snippetNodes(snippet) {
  const nodes = [];
  const parts = String(snippet ?? '').split(/(<mark>|<\/mark>)/i);
  let marked = false;
  for (const part of parts) {
    if (/^<mark>$/i.test(part)) marked = true;
    else if (/^<\/mark>$/i.test(part)) marked = false;
    else if (part) {
      const text = document.createTextNode(unescape(part));
      if (marked) {
        const mark = document.createElement('mark');
        mark.append(text);
        nodes.push(mark);
      } else nodes.push(text);
    }
  }
  return nodes;
}
