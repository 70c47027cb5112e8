import { type Node, Parser } from 'commonmark';

const parser = new Parser();

/**
 * The plain text of a heading's inline content as a reader sees it: emphasis marks, link
 * destinations, escapes and images gone, code kept as its text, line breaks as spaces.
 */
export function headingText(content: string): string {
  let text = '';
  let image: Node | null = null;
  const walker = parser.parse(content).walker();
  for (let event = walker.next(); event; event = walker.next()) {
    const { node, entering } = event;
    if (node.type === 'image') image = entering ? node : null;
    else if (!entering || image) continue;
    else if (node.type === 'text' || node.type === 'code') text += node.literal ?? '';
    else if (node.type === 'softbreak' || node.type === 'linebreak') text += ' ';
  }
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Whether two titles say the same, ignoring case, punctuation and spacing (titles made only
 * of symbols are compared as written).
 */
export function sameTitle(a: string, b: string): boolean {
  const left = normalizeTitle(a);
  const right = normalizeTitle(b);
  return left === '' && right === '' ? a.trim() === b.trim() : left === right;
}

function normalizeTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\s]+/gu, '');
}
