import { LBRACE } from './char-codes.js';
import { collectTagDestinations } from './collect-tag-destinations.js';
import type { Constructs } from './constructs.js';
import { scanHtmlTag } from './scan-html-tag.js';
import { collectHideMarker, scanHtmlComment } from './scan-inline-html.js';
import { matchVariableAt, scanVariables } from './scan-variables.js';

// Elements whose content a browser never reads as markup or text to publish.
const RAW_TEXT = new Set(['script', 'style', 'textarea']);
const SPECIAL = /[<{]/g;

/**
 * Scans an HTML block, src[from, to): image tags, hide markers (comments) and variables in
 * text and attribute values; script, style and textarea contents are left alone.
 */
export function scanHtmlBlock(src: string, from: number, to: number, found: Constructs): void {
  const block = src.slice(from, to);
  let i = from;
  while (i < to) {
    SPECIAL.lastIndex = i - from;
    const special = SPECIAL.exec(block);
    if (!special) return;
    i = from + special.index;
    if (src.charCodeAt(i) === LBRACE) {
      const end = matchVariableAt(src, i, to, found.variables);
      i = end === -1 ? i + 1 : end;
      continue;
    }
    if (src.startsWith('<!--', i)) {
      const end = scanHtmlComment(src, i, to);
      if (end === -1) return;
      collectHideMarker(src, i, end, found.hideMarkers);
      i = end;
      continue;
    }
    const tag = scanHtmlTag(src, i, to);
    if (!tag) {
      i++;
      continue;
    }
    collectTagDestinations(src, tag, found.destinations);
    scanVariables(src, i, tag.end, found.variables);
    i = tag.end;
    if (RAW_TEXT.has(tag.name)) {
      const close = src.slice(i, to).toLowerCase().indexOf(`</${tag.name}`);
      i = close === -1 ? to : i + close;
    }
  }
}
