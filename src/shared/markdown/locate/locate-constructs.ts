import type { LineIndex } from '../line-index.js';
import { LBRACKET } from './char-codes.js';
import { type Constructs, emptyConstructs } from './constructs.js';
import { parseBlocks } from './parse-blocks.js';
import { scanHtmlBlock } from './scan-html-block.js';
import { scanInline } from './scan-inline.js';
import { scanReferenceDefinitions } from './scan-reference-definitions.js';

/**
 * Finds, in one parse of the Markdown body raw[bodyStart...], every construct a cleaning step
 * may change. Offsets and lines refer to the raw text (`lines` indexes it); nothing inside
 * fenced or indented code is reported.
 */
export function locateConstructs(raw: string, bodyStart: number, lines: LineIndex): Constructs {
  const found = emptyConstructs();
  if (bodyStart >= raw.length) return found;
  const lineShift = lines.lineOf(bodyStart) - 1;
  // The body may start inside the first line (after a byte order mark).
  const lineStart = (line: number) => Math.max(lines.start(line), bodyStart);
  // Inline text is scanned once every definition is known: `![a][b]` is an image only when
  // `[b]` is defined, wherever in the document that is.
  const inlineRanges: number[] = [];

  for (const block of parseBlocks(raw.slice(bodyStart))) {
    const firstLine = block.firstLine + lineShift;
    const lastLine = block.lastLine + lineShift;
    const start = lineStart(firstLine) + block.column - 1;
    const end = lines.contentEnd(lastLine);

    if (block.kind === 'html') {
      scanHtmlBlock(raw, lineStart(firstLine), end, found);
    } else if (block.kind === 'paragraph') {
      const from =
        raw.charCodeAt(start) === LBRACKET
          ? scanReferenceDefinitions(raw, start, end, found)
          : lineStart(firstLine);
      inlineRanges.push(from, end);
    } else {
      // A setext heading's position also covers reference definitions written above its text.
      const setext = lastLine > firstLine;
      const contentLines = setext ? block.content.split('\n').length : 1;
      const headingLine = setext ? lastLine - contentLines : firstLine;
      if (headingLine > firstLine) {
        scanReferenceDefinitions(raw, start, lineStart(headingLine), found);
      }
      found.headings.push({
        level: block.level,
        topLevel: block.topLevel,
        firstLine: headingLine,
        lastLine,
        content: block.content,
      });
      inlineRanges.push(lineStart(headingLine), setext ? lines.contentEnd(lastLine - 1) : end);
    }
  }

  const defined = new Set<string>();
  for (const destination of found.destinations) {
    if (destination.label !== undefined) defined.add(destination.label);
  }
  for (let i = 0; i < inlineRanges.length; i += 2) {
    scanInline(raw, inlineRanges[i], inlineRanges[i + 1], found, defined);
  }
  return found;
}
