import {
  COLON,
  endOfLineAfterSpaces,
  GT,
  LBRACKET,
  SPACE,
  skipLinkWhitespace,
  TAB,
} from './char-codes.js';
import { type Constructs, normalizeLabel } from './constructs.js';
import { scanLabelEnd } from './scan-inline.js';
import { scanDestination, scanTitle } from './scan-link-parts.js';
import { scanVariables } from './scan-variables.js';

const isPrefix = (c: number) => c === SPACE || c === TAB || c === GT;

/**
 * Reads the link reference definitions (`[label]: destination "title"`) that open a
 * paragraph, src[from, to). Returns the offset where the paragraph's inline text starts.
 */
export function scanReferenceDefinitions(
  src: string,
  from: number,
  to: number,
  found: Constructs,
): number {
  let i = from;
  while (i < to && src.charCodeAt(i) === LBRACKET) {
    const definition = scanDefinition(src, i, to);
    if (!definition) break;
    found.destinations.push({
      kind: 'definition',
      start: definition.start,
      end: definition.end,
      label: normalizeLabel(definition.label),
    });
    scanVariables(src, i, definition.after, found.variables);
    i = definition.after;
    // Continuation lines inside a list or quote start with its indentation or `>` marks.
    while (i < to && isPrefix(src.charCodeAt(i))) i++;
  }
  return i;
}

function scanDefinition(src: string, open: number, to: number) {
  const close = scanLabelEnd(src, open, to);
  if (close === -1 || src.charCodeAt(close + 1) !== COLON) return null;
  const label = src.slice(open + 1, close);
  if (label.trim() === '') return null;

  const destinationStart = skipLinkWhitespace(src, close + 2, to);
  const destination = scanDestination(src, destinationStart, to);
  if (!destination) return null;
  const [start, end, afterDestination] = destination;
  if (afterDestination === destinationStart) return null;

  const lineEnd = endOfLineAfterSpaces(src, afterDestination, to);
  const titleStart = skipLinkWhitespace(src, afterDestination, to);
  if (titleStart > afterDestination) {
    const afterTitle = scanTitle(src, titleStart, to);
    const titleLineEnd = afterTitle === -1 ? -1 : endOfLineAfterSpaces(src, afterTitle, to);
    if (titleLineEnd !== -1) return { label, start, end, after: titleLineEnd };
  }
  return lineEnd === -1 ? null : { label, start, end, after: lineEnd };
}
