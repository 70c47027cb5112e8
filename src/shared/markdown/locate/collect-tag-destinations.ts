import type { Destination } from './constructs.js';
import { parseSrcset } from './parse-srcset.js';
import type { HtmlTag } from './scan-html-tag.js';

/** Adds the image URLs of an `<img>`, `<source>` or `<a>` tag to `out`. */
export function collectTagDestinations(src: string, tag: HtmlTag, out: Destination[]): void {
  if (tag.name !== 'img' && tag.name !== 'source' && tag.name !== 'a') return;
  for (const attribute of tag.attributes) {
    if (attribute.name === 'srcset' && tag.name !== 'a') {
      for (const [start, end] of parseSrcset(src, attribute.start, attribute.end)) {
        out.push({ kind: 'html-image', start, end });
      }
    } else if (attribute.name === 'src' && tag.name === 'img') {
      out.push({ kind: 'html-image', start: attribute.start, end: attribute.end });
    } else if (attribute.name === 'href' && tag.name === 'a') {
      out.push({ kind: 'html-link', start: attribute.start, end: attribute.end });
    }
  }
}
