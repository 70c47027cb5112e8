import type { Edit, LocatedFinding } from './clean-types.js';
import type { LineIndex } from './line-index.js';
import type { HideMarker } from './locate/constructs.js';

/**
 * Removes each `<!-- hide -->` ... `<!-- endhide -->` block (nested pairs go with their outer
 * one). Markers alone on their lines take their whole lines, and one blank line after the
 * block when a blank line or the start of the body precedes it, so no double gap is left. An
 * unpaired marker is an error at its own position.
 */
export function removeHiddenBlocks(
  raw: string,
  markers: HideMarker[],
  lines: LineIndex,
  bodyStart: number,
): { edits: Edit[]; findings: LocatedFinding[] } {
  const edits: Edit[] = [];
  const findings: LocatedFinding[] = [];
  const open: HideMarker[] = [];

  for (const marker of markers) {
    if (!marker.closing) open.push(marker);
    else if (open.length === 0) {
      findings.push(unpaired('unpaired <!-- endhide -->: no <!-- hide --> opens it', marker));
    } else {
      const opening = open.pop()!;
      if (open.length === 0) edits.push(removal(raw, opening, marker, lines, bodyStart));
    }
  }
  for (const marker of open) {
    findings.push(unpaired('unpaired <!-- hide -->: no <!-- endhide --> closes it', marker));
  }
  return { edits, findings };
}

function unpaired(message: string, marker: HideMarker): LocatedFinding {
  return { severity: 'error', rule: 'hide-unpaired', message, offset: marker.start };
}

function removal(
  raw: string,
  opening: HideMarker,
  closing: HideMarker,
  lines: LineIndex,
  bodyStart: number,
): Edit {
  const firstLine = lines.lineOf(opening.start);
  const lastLine = lines.lineOf(closing.end - 1);
  const start = Math.max(lines.start(firstLine), bodyStart);
  const wholeLines =
    isSpaceOnly(raw, start, opening.start) &&
    isSpaceOnly(raw, closing.end, lines.contentEnd(lastLine));
  if (!wholeLines) return { start: opening.start, end: closing.end, text: '' };

  const gapBefore = start <= bodyStart || lines.isBlank(firstLine - 1);
  const gapAfter = lastLine < lines.count && lines.isBlank(lastLine + 1);
  const end = lines.next(gapBefore && gapAfter ? lastLine + 1 : lastLine);
  return { start, end, text: '' };
}

function isSpaceOnly(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}
