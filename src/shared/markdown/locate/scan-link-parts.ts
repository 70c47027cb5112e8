import {
  BACKSLASH,
  CR,
  DQUOTE,
  GT,
  isEscapable,
  LF,
  LPAREN,
  LT,
  RPAREN,
  SQUOTE,
} from './char-codes.js';

// Parentheses nested deeper than this end a destination, as in the reference C implementation:
// without a limit, text full of `](` costs quadratic time.
const MAX_PAREN_DEPTH = 32;

/**
 * Reads a link destination at `i`: `<...>` (the span inside the brackets) or a bare run of
 * non-space characters with balanced parentheses. Returns [start, end, after] or null.
 */
export function scanDestination(
  src: string,
  i: number,
  to: number,
): [start: number, end: number, after: number] | null {
  if (src.charCodeAt(i) === LT) {
    let j = i + 1;
    while (j < to) {
      const c = src.charCodeAt(j);
      if (c === BACKSLASH && j + 1 < to && isEscapable(src.charCodeAt(j + 1))) j += 2;
      else if (c === GT) return [i + 1, j, j + 1];
      else if (c === LT || c === LF || c === CR) return null;
      else j++;
    }
    return null;
  }
  let depth = 0;
  let j = i;
  while (j < to) {
    const c = src.charCodeAt(j);
    if (c === BACKSLASH && j + 1 < to && isEscapable(src.charCodeAt(j + 1))) {
      j += 2;
      continue;
    }
    if (c <= 32 || c === 127) break;
    if (c === LPAREN) {
      if (++depth > MAX_PAREN_DEPTH) return null;
    } else if (c === RPAREN) {
      if (depth === 0) break;
      depth--;
    }
    j++;
  }
  return depth === 0 ? [i, j, j] : null;
}

/**
 * Reads a link title (`"..."`, `'...'` or `(...)`) at `i`. Returns the offset after its
 * closing delimiter, or -1.
 */
export function scanTitle(src: string, i: number, to: number): number {
  const open = src.charCodeAt(i);
  if (open !== DQUOTE && open !== SQUOTE && open !== LPAREN) return -1;
  const close = open === LPAREN ? RPAREN : open;
  for (let j = i + 1; j < to; j++) {
    const c = src.charCodeAt(j);
    if (c === BACKSLASH) j++;
    else if (c === close) return j + 1;
    else if (open === LPAREN && c === LPAREN) return -1;
  }
  return -1;
}
