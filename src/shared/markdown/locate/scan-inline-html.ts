import { BANG, indexWithin, QUESTION, SLASH } from './char-codes.js';
import { collectTagDestinations } from './collect-tag-destinations.js';
import type { Constructs, HideMarker } from './constructs.js';
import { scanHtmlTag } from './scan-html-tag.js';
import { scanVariables } from './scan-variables.js';

const AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\0- <>]*>/y;
const DOMAIN_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const EMAIL_AUTOLINK = new RegExp(
  `<[A-Za-z0-9.!#$%&'*+/=?^_\`{|}~-]+@${DOMAIN_LABEL}(?:\\.${DOMAIN_LABEL})*>`,
  'y',
);
const CLOSING_TAG = /<\/[A-Za-z][A-Za-z0-9-]*[ \t\r\n]*>/y;
const HIDE_MARKER = /^[ \t\r\n]*(end[ \t_-]*)?hide[ \t\r\n]*$/i;

/**
 * Reads an HTML comment at `pos` (`<!--`), CommonMark 0.31 style: `<!-->` and `<!--->` are
 * whole comments. Returns the offset after it, or -1 when it does not close before `to`.
 */
export function scanHtmlComment(src: string, pos: number, to: number): number {
  if (src.startsWith('>', pos + 4)) return pos + 5;
  if (src.startsWith('->', pos + 4)) return pos + 6;
  const close = indexWithin(src, '-->', pos + 4, to);
  return close === -1 ? -1 : close + 3;
}

/** Adds the comment src[start, end) to `out` when it is a hide or endhide marker. */
export function collectHideMarker(src: string, start: number, end: number, out: HideMarker[]) {
  const match = HIDE_MARKER.exec(src.slice(start + 4, end - 3));
  if (match) out.push({ start, end, closing: match[1] !== undefined });
}

const isAsciiLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;

const matchAt = (pattern: RegExp, src: string, pos: number, to: number) => {
  pattern.lastIndex = pos;
  const match = pattern.exec(src);
  return match && pos + match[0].length <= to ? pos + match[0].length : -1;
};

/**
 * Closers (`-->`, `?>`, `>`, `]]>`) already searched for in vain in the current block: once one
 * is missing after some point it is missing after every later one, so searching again would
 * make text full of openers quadratic.
 */
export type MissingClosers = string[];

/** Offset after `closer` searched from `from` in the block, or -1 (remembered in `missing`). */
function findCloser(
  src: string,
  closer: string,
  from: number,
  to: number,
  missing: MissingClosers,
): number {
  if (missing.includes(closer)) return -1;
  const found = indexWithin(src, closer, from, to);
  if (found === -1) missing.push(closer);
  return found === -1 ? -1 : found + closer.length;
}

/**
 * Reads inline raw HTML or an autolink at `pos` (a `<`) inside a paragraph or heading,
 * collecting image URLs, hide markers and variables. Returns where scanning goes on.
 */
export function scanInlineHtml(
  src: string,
  pos: number,
  to: number,
  found: Constructs,
  missing: MissingClosers,
): number {
  const next = src.charCodeAt(pos + 1);
  if (next === BANG) {
    if (src.startsWith('<!--', pos)) {
      const end = src.startsWith('>', pos + 4)
        ? pos + 5
        : src.startsWith('->', pos + 4)
          ? pos + 6
          : findCloser(src, '-->', pos + 4, to, missing);
      if (end === -1) return pos + 1;
      collectHideMarker(src, pos, end, found.hideMarkers);
      return end;
    }
    const cdata = src.startsWith('<![CDATA[', pos);
    if (!cdata && !isAsciiLetter(src.charCodeAt(pos + 2))) return pos + 1;
    const end = findCloser(src, cdata ? ']]>' : '>', pos + 2, to, missing);
    return end === -1 ? pos + 1 : end;
  }
  if (next === QUESTION) {
    const end = findCloser(src, '?>', pos + 2, to, missing);
    return end === -1 ? pos + 1 : end;
  }
  if (next === SLASH) {
    const end = matchAt(CLOSING_TAG, src, pos, to);
    return end === -1 ? pos + 1 : end;
  }
  const autolink = Math.max(matchAt(AUTOLINK, src, pos, to), matchAt(EMAIL_AUTOLINK, src, pos, to));
  if (autolink !== -1) return autolink;

  const tag = scanHtmlTag(src, pos, to);
  if (!tag) return pos + 1;
  collectTagDestinations(src, tag, found.destinations);
  scanVariables(src, pos, tag.end, found.variables);
  return tag.end;
}
