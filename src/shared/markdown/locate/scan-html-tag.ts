import { indexWithin } from './char-codes.js';

/** An attribute value as written: raw[start, end), inside the quotes when quoted. */
export interface HtmlAttribute {
  name: string;
  start: number;
  end: number;
}

/** An HTML open tag in the source. */
export interface HtmlTag {
  /** Lower-cased tag name. */
  name: string;
  /** Offset just after the closing `>`. */
  end: number;
  attributes: HtmlAttribute[];
}

const TAG_NAME = /[A-Za-z][A-Za-z0-9-]*/y;
const ATTRIBUTE_NAME = /[A-Za-z_:][A-Za-z0-9_.:-]*/y;
const UNQUOTED_VALUE = /[^ \t\r\n"'=<>`]+/y;

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;

/**
 * Reads an HTML open tag (CommonMark's grammar) starting at `pos` (a `<`) and ending before
 * `to`. Returns null when the text there is not an open tag.
 */
export function scanHtmlTag(src: string, pos: number, to: number): HtmlTag | null {
  TAG_NAME.lastIndex = pos + 1;
  const tagName = TAG_NAME.exec(src);
  if (!tagName) return null;
  const attributes: HtmlAttribute[] = [];
  let i = pos + 1 + tagName[0].length;

  for (;;) {
    const spaceStart = i;
    while (i < to && isSpace(src.charCodeAt(i))) i++;
    if (i >= to) return null;
    const c = src.charCodeAt(i);
    if (c === 62 /* > */) return { name: tagName[0].toLowerCase(), end: i + 1, attributes };
    if (c === 47 /* / */) {
      return src.charCodeAt(i + 1) === 62 && i + 1 < to
        ? { name: tagName[0].toLowerCase(), end: i + 2, attributes }
        : null;
    }
    if (i === spaceStart) return null;

    ATTRIBUTE_NAME.lastIndex = i;
    const attributeName = ATTRIBUTE_NAME.exec(src);
    if (!attributeName) return null;
    i += attributeName[0].length;

    let j = i;
    while (j < to && isSpace(src.charCodeAt(j))) j++;
    if (src.charCodeAt(j) !== 61 /* = */ || j >= to) continue;
    j++;
    while (j < to && isSpace(src.charCodeAt(j))) j++;
    const quote = src.charCodeAt(j);
    if (quote === 34 || quote === 39) {
      const close = indexWithin(src, quote === 34 ? '"' : "'", j + 1, to);
      if (close === -1) return null;
      attributes.push({ name: attributeName[0].toLowerCase(), start: j + 1, end: close });
      i = close + 1;
    } else {
      UNQUOTED_VALUE.lastIndex = j;
      const value = UNQUOTED_VALUE.exec(src);
      if (!value || j + value[0].length > to) return null;
      attributes.push({ name: attributeName[0].toLowerCase(), start: j, end: j + value[0].length });
      i = j + value[0].length;
    }
  }
}
