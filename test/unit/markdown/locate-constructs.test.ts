import { Parser } from 'commonmark';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLineIndex } from '../../../src/shared/markdown/line-index.js';
import { locateConstructs } from '../../../src/shared/markdown/locate/locate-constructs.js';

const reference = new Parser();

// Autolinks are absolute and never rewritten, so the scanner skips them: leave http links out
// on both sides.
const withoutHttp = (links: Set<string>) => [...links].filter((u) => !u.startsWith('http')).sort();

/** Image and link URLs as commonmark.js's full parser (inline pass included) sees them. */
function parsedUrls(raw: string) {
  const images = new Set<string>();
  const links = new Set<string>();
  const walker = reference.parse(raw).walker();
  for (let event = walker.next(); event; event = walker.next()) {
    const { node, entering } = event;
    if (!entering || !node.destination) continue;
    if (node.type === 'image') images.add(node.destination);
    if (node.type === 'link') links.add(node.destination);
  }
  return { images: [...images].sort(), links: withoutHttp(links) };
}

/** A URL as written, unescaped and percent-encoded the way commonmark.js normalises one. */
const normalizeUrl = (url: string) =>
  url
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/[^A-Za-z0-9;/?:@&=+$,\-_.!~*'()#%]/g, (c) => encodeURIComponent(c));

/** The same, from the located constructs: inline destinations and the definitions used. */
function locatedUrls(raw: string) {
  const found = locateConstructs(raw, 0, createLineIndex(raw));
  const images = new Set<string>();
  const links = new Set<string>();
  const definitions = new Map<string, string>();
  for (const d of found.destinations) {
    const url = normalizeUrl(raw.slice(d.start, d.end));
    if (d.kind === 'image') images.add(url);
    if (d.kind === 'link') links.add(url);
    if (d.kind === 'definition' && !definitions.has(d.label!)) definitions.set(d.label!, url);
  }
  for (const [label, url] of definitions) {
    if (found.imageLabels.has(label)) images.add(url);
    if (found.linkLabels.has(label)) links.add(url);
  }
  return { images: [...images].sort(), links: withoutHttp(links) };
}

// Tabs are left out: commonmark.js does not skip them inside links, where the specification
// (and the md4c renderer) does, and the scanner follows the specification.
const TOKENS = [
  '![a](./a.png)',
  '![b](<./b.png> "t")',
  "![c](c.png 'x')",
  '[l](./l.png)',
  '[m](<m.md>)',
  '[r]: ./r.png',
  '[r]: ./r.png "T"',
  '![r]',
  '![r][]',
  '![x][r]',
  '[x][r]',
  '[R]',
  '[r]:',
  ' ./r.png',
  '"T"',
  "'",
  '(t)',
  '`',
  '``',
  '[',
  ']',
  '(',
  ')',
  '](',
  '![',
  '!',
  '\n',
  '\n\n',
  '\r\n',
  '\n  ',
  '  ',
  '    ',
  '> ',
  '- ',
  '  - ',
  '1. ',
  '===',
  '---',
  '```\n',
  '~~~\n',
  'text',
  ' ',
  '<img src="./i.png">',
  '<./x.png>',
  '<!-- x -->',
  '<!--',
  '-->',
  '<span>',
  '<div>',
  '</div>',
  '<pre>',
  '\\',
  '*',
  '"',
  '#',
  '<',
  '>',
  'http://a.b',
];

describe('locateConstructs', () => {
  it('finds exactly the images and links a full CommonMark parse finds', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }), (parts) => {
        const raw = parts.join('');
        expect(locatedUrls(raw)).toEqual(parsedUrls(raw));
      }),
      { numRuns: 5000 },
    );
  });

  it('reports hide markers, variables and headings outside code only', () => {
    const raw =
      '# Title {% a %}\n\n```\n<!-- hide --> {% b %}\n```\n\n<!-- hide -->\n`{% c %}` {% d %}\n' +
      '<!-- endhide -->\n\nSub\n---\n';
    const found = locateConstructs(raw, 0, createLineIndex(raw));
    expect(found.variables.map((v) => v.name)).toEqual(['a', 'd']);
    expect(found.hideMarkers.map((m) => m.closing)).toEqual([false, true]);
    expect(found.headings.map((h) => [h.level, h.content, h.firstLine, h.lastLine])).toEqual([
      [1, 'Title {% a %}', 1, 1],
      [2, 'Sub', 11, 12],
    ]);
  });
});
