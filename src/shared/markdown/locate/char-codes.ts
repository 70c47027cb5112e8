// Character codes the scanners compare against.
export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const BANG = 33;
export const DQUOTE = 34;
export const SQUOTE = 39;
export const LPAREN = 40;
export const RPAREN = 41;
export const SLASH = 47;
export const COLON = 58;
export const LT = 60;
export const GT = 62;
export const QUESTION = 63;
export const LBRACKET = 91;
export const BACKSLASH = 92;
export const RBRACKET = 93;
export const BACKTICK = 96;
export const LBRACE = 123;

const ESCAPABLE = new Uint8Array(128);
for (const c of '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~') ESCAPABLE[c.charCodeAt(0)] = 1;

/** Whether a backslash before `c` escapes it (ASCII punctuation, per CommonMark). */
export const isEscapable = (c: number) => c < 128 && ESCAPABLE[c] === 1;

/**
 * Offset of `needle` in src[from, to), or -1. Searching a slice keeps a failed search from
 * reading the rest of the document, which would make many failed searches quadratic.
 */
export function indexWithin(src: string, needle: string, from: number, to: number): number {
  const found = src.slice(from, to).indexOf(needle);
  return found === -1 ? -1 : from + found;
}

/** Space, tab or a line break. */
export const isWhitespace = (c: number) => c === SPACE || c === TAB || c === LF || c === CR;

/**
 * Skips spaces and tabs and at most one line break (with the spaces after it): the whitespace
 * CommonMark allows inside a link between its parts.
 */
export function skipLinkWhitespace(src: string, i: number, to: number): number {
  let lineBreaks = 0;
  while (i < to) {
    const c = src.charCodeAt(i);
    if (c === SPACE || c === TAB) i++;
    else if (c === LF || c === CR) {
      if (++lineBreaks > 1) break;
      i += c === CR && src.charCodeAt(i + 1) === LF ? 2 : 1;
    } else break;
  }
  return i;
}

/**
 * After spaces and tabs from `i`: the offset past the line break when the line ends there (or
 * `to` at the end of the block), else -1.
 */
export function endOfLineAfterSpaces(src: string, i: number, to: number): number {
  while (i < to && (src.charCodeAt(i) === SPACE || src.charCodeAt(i) === TAB)) i++;
  if (i >= to) return to;
  const c = src.charCodeAt(i);
  if (c === CR) return src.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  return c === LF ? i + 1 : -1;
}
