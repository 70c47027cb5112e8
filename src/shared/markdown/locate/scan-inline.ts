import {
  BACKSLASH,
  BACKTICK,
  BANG,
  indexWithin,
  isEscapable,
  LBRACE,
  LBRACKET,
  LPAREN,
  LT,
  RBRACKET,
  RPAREN,
  skipLinkWhitespace,
} from './char-codes.js';
import { type Constructs, normalizeLabel } from './constructs.js';
import { type MissingClosers, scanInlineHtml } from './scan-inline-html.js';
import { scanDestination, scanTitle } from './scan-link-parts.js';
import { matchVariableAt, scanVariables } from './scan-variables.js';

// The characters that can start something to collect or skip. A regular expression over the
// block's own slice finds them several times faster than a character loop, and never reads
// past the block.
const SPECIAL = /[\\`<![\]{]/g;

interface Opener {
  pos: number;
  image: boolean;
  active: boolean;
  /** Another bracket opened after this one (then its text cannot be a shortcut label). */
  bracketAfter: boolean;
}

/**
 * Scans the inline content of one paragraph or heading, src[from, to), left to right with
 * CommonMark's precedence: backslash escapes, code spans, raw HTML and autolinks first, then
 * link and image brackets. Code spans are skipped whole, so nothing inside them is collected.
 * `defined` holds the normalised labels of the document's reference definitions.
 */
export function scanInline(
  src: string,
  from: number,
  to: number,
  found: Constructs,
  defined: ReadonlySet<string>,
): void {
  const openers: Opener[] = [];
  const unclosedRuns: boolean[] = [];
  const missingClosers: MissingClosers = [];
  const block = src.slice(from, to);
  let i = from;
  while (i < to) {
    SPECIAL.lastIndex = i - from;
    const special = SPECIAL.exec(block);
    if (!special) break;
    i = from + special.index;
    switch (src.charCodeAt(i)) {
      case BACKSLASH:
        i += i + 1 < to && isEscapable(src.charCodeAt(i + 1)) ? 2 : 1;
        break;
      case BACKTICK:
        i = skipCodeSpan(src, i, to, unclosedRuns);
        break;
      case LT:
        i = scanInlineHtml(src, i, to, found, missingClosers);
        break;
      case BANG:
        if (i + 1 < to && src.charCodeAt(i + 1) === LBRACKET) {
          open(openers, i, true);
          i += 2;
        } else i++;
        break;
      case LBRACKET:
        open(openers, i, false);
        i++;
        break;
      case RBRACKET:
        i = closeBracket(src, i, to, openers, found, defined);
        break;
      case LBRACE: {
        const end = matchVariableAt(src, i, to, found.variables);
        i = end === -1 ? i + 1 : end;
        break;
      }
    }
  }
}

// Module-level rather than a closure in scanInline: it runs once per bracket.
function open(openers: Opener[], pos: number, image: boolean): void {
  if (openers.length > 0) openers[openers.length - 1].bracketAfter = true;
  openers.push({ pos, image, active: true, bracketAfter: false });
}

// A run of n backticks opens a code span only if a run of exactly n follows; once a search for
// n failed, every later run of n fails too, which keeps the scan linear.
function skipCodeSpan(src: string, i: number, to: number, unclosedRuns: boolean[]): number {
  let j = i;
  while (j < to && src.charCodeAt(j) === BACKTICK) j++;
  const length = j - i;
  if (unclosedRuns[length]) return j;
  let k = j;
  for (;;) {
    const next = indexWithin(src, '`', k, to);
    if (next === -1) {
      unclosedRuns[length] = true;
      return j;
    }
    let end = next;
    while (end < to && src.charCodeAt(end) === BACKTICK) end++;
    if (end - next === length) return end;
    k = end;
  }
}

function closeBracket(
  src: string,
  i: number,
  to: number,
  openers: Opener[],
  found: Constructs,
  defined: ReadonlySet<string>,
): number {
  const opener = openers.pop();
  if (!opener?.active) return i + 1;
  const after = i + 1;
  let end = -1;

  if (after < to && src.charCodeAt(after) === LPAREN) {
    const tail = scanLinkTail(src, after, to);
    if (tail) {
      const kind = opener.image ? 'image' : 'link';
      if (tail.end > tail.start)
        found.destinations.push({ kind, start: tail.start, end: tail.end });
      scanVariables(src, after, tail.after, found.variables);
      end = tail.after;
    }
  }

  if (end === -1) {
    // A reference: `[text][label]`, `[text][]` or `[text]`, only when the label is defined.
    const close =
      after < to && src.charCodeAt(after) === LBRACKET ? scanLabelEnd(src, after, to) : -1;
    let label: string | null = null;
    if (close > after + 1) label = src.slice(after + 1, close);
    else if (!opener.bracketAfter) label = src.slice(opener.pos + (opener.image ? 2 : 1), i);
    const normalized = label === null ? '' : normalizeLabel(label);
    if (normalized === '' || !defined.has(normalized)) return after;
    (opener.image ? found.imageLabels : found.linkLabels).add(normalized);
    end = close === -1 ? after : close + 1;
  }

  // Links cannot contain links: brackets opened before this link no longer make one.
  if (!opener.image) for (const earlier of openers) if (!earlier.image) earlier.active = false;
  return end;
}

/** Reads `( destination "title" )` from the `(` at `paren`. */
function scanLinkTail(src: string, paren: number, to: number) {
  let i = skipLinkWhitespace(src, paren + 1, to);
  if (i >= to) return null;
  if (src.charCodeAt(i) === RPAREN) return { start: i, end: i, after: i + 1 };
  const destination = scanDestination(src, i, to);
  if (!destination) return null;
  const [start, end] = destination;
  i = destination[2];
  const beforeTitle = i;
  i = skipLinkWhitespace(src, i, to);
  if (i > beforeTitle) {
    const afterTitle = scanTitle(src, i, to);
    if (afterTitle !== -1) i = skipLinkWhitespace(src, afterTitle, to);
  }
  if (i >= to || src.charCodeAt(i) !== RPAREN) return null;
  return { start, end, after: i + 1 };
}

/** The offset of the `]` closing a link label opened at `open`, or -1. */
export function scanLabelEnd(src: string, open: number, to: number): number {
  const limit = Math.min(to, open + 1001);
  for (let j = open + 1; j < limit; j++) {
    const c = src.charCodeAt(j);
    if (c === BACKSLASH) j++;
    else if (c === LBRACKET) return -1;
    else if (c === RBRACKET) return j;
  }
  return -1;
}
