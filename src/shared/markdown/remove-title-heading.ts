import type { Edit } from './clean-types.js';
import { headingText, sameTitle } from './heading-text.js';
import type { LineIndex } from './line-index.js';
import type { HeadingBlock } from './locate/constructs.js';

/**
 * Removes the document's first visible heading when it is a top-level H1 that repeats
 * `title` (ignoring case, punctuation and spacing), with the blank lines after it. Without a
 * title, that H1 becomes the title and is removed. `bodyStart` keeps what precedes the body
 * (a byte order mark) out of the removal.
 */
export function removeTitleHeading(
  headings: HeadingBlock[],
  removed: Edit[],
  lines: LineIndex,
  title: string | null,
  bodyStart = 0,
): { edit: Edit | null; title: string | null } {
  const known = title?.trim() ? title : null;
  const first = headings.find((h) => !isInside(lines.start(h.firstLine), removed));
  if (first?.level !== 1 || !first.topLevel) return { edit: null, title: known };

  const text = headingText(first.content);
  if (text === '') return { edit: null, title: known };
  if (known !== null && !sameTitle(text, known)) {
    return { edit: null, title: known };
  }

  let lastLine = first.lastLine;
  while (lastLine < lines.count && lines.isBlank(lastLine + 1)) lastLine++;
  const start = Math.max(lines.start(first.firstLine), bodyStart);
  const edit = { start, end: lines.next(lastLine), text: '' };
  return { edit, title: known ?? text };
}

/** Whether `offset` falls inside one of the `edits`' spans. */
export function isInside(offset: number, edits: Edit[]): boolean {
  return edits.some((edit) => offset >= edit.start && offset < edit.end);
}
