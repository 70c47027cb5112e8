import { indexWithin } from './char-codes.js';
import type { VariableUse } from './constructs.js';

/** What a content variable's name may be: a letter or `_`, then letters, digits, `_ . -`. */
export const VARIABLE_NAME = /^[A-Za-z_][\w.-]*$/;

// `{% name %}` or `{% name:fallback %}` on one line; other `{% ... %}` tags (Liquid, Jinja)
// do not match and stay as written.
const VARIABLE = new RegExp(
  `\\{%[ \\t]*(${VARIABLE_NAME.source.slice(1, -1)})[ \\t]*` +
    '(?::[ \\t]*((?:(?!%\\})[^\\r\\n])*?)[ \\t]*)?%\\}',
  'y',
);

/**
 * Reads a variable starting exactly at `pos` (a `{`), ending at or before `to`. Returns the
 * offset after it, or -1 when there is none.
 */
export function matchVariableAt(src: string, pos: number, to: number, out: VariableUse[]): number {
  VARIABLE.lastIndex = pos;
  const match = VARIABLE.exec(src);
  if (!match) return -1;
  const end = pos + match[0].length;
  if (end > to) return -1;
  out.push({ start: pos, end, name: match[1], fallback: match[2] ?? null });
  return end;
}

/** Finds every variable in src[from, to), where no code can hide one (a tag, a destination). */
export function scanVariables(src: string, from: number, to: number, out: VariableUse[]): void {
  for (let pos = indexWithin(src, '{%', from, to); pos !== -1; ) {
    const end = matchVariableAt(src, pos, to, out);
    pos = indexWithin(src, '{%', end === -1 ? pos + 2 : end, to);
  }
}
