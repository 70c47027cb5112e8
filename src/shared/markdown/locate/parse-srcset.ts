const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;

/**
 * Splits a `srcset` value, src[start, end), into the spans of its image URLs (the HTML
 * standard's candidate grammar: URL, optional descriptors, comma).
 */
export function parseSrcset(src: string, start: number, end: number): Array<[number, number]> {
  const urls: Array<[number, number]> = [];
  let i = start;
  while (i < end) {
    while (i < end && (isSpace(src.charCodeAt(i)) || src.charCodeAt(i) === 44)) i++;
    if (i >= end) break;
    const urlStart = i;
    while (i < end && !isSpace(src.charCodeAt(i))) i++;
    let urlEnd = i;
    if (src.charCodeAt(urlEnd - 1) === 44) {
      while (urlEnd > urlStart && src.charCodeAt(urlEnd - 1) === 44) urlEnd--;
      if (urlEnd > urlStart) urls.push([urlStart, urlEnd]);
      continue;
    }
    urls.push([urlStart, urlEnd]);
    let depth = 0;
    while (i < end) {
      const c = src.charCodeAt(i);
      if (c === 40) depth++;
      else if (c === 41 && depth > 0) depth--;
      else if (c === 44 && depth === 0) break;
      i++;
    }
  }
  return urls;
}
