import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanReadme, initCleanReadme } from '../../../src/shared/markdown/clean-readme.js';
import { cleanContext, RAW } from '../../support/clean-context.js';

beforeAll(() => initCleanReadme());

// Markdown-ish pieces: block markers, code marks, tables, escapes, CRLF, Unicode. None can
// start an image, a link destination, a definition, an HTML comment or a variable.
const PROSE_TOKENS = [
  'word',
  'Día',
  '🎉',
  ' ',
  '  ',
  '\t',
  '\n',
  '\n\n',
  '\r\n',
  '# ',
  '## ',
  '=',
  '---',
  '- ',
  '* ',
  '1. ',
  '> ',
  '    ',
  '|',
  '| --- |',
  '[',
  ']',
  'x.png',
  '.',
  ',',
  '\\',
  '_',
  '**',
];
const CODE_TOKENS = ['`', '```', '~~~'];
const ANY_TOKENS = [
  ...PROSE_TOKENS,
  ...CODE_TOKENS,
  '![a](./img/a.png "t")',
  '<img src="../b.png">',
  '<!-- hide -->',
  '<!-- endhide -->',
  '{% v %}',
  '{% w:d %}',
  '[r]: ./r.png',
  '![r]',
  '(',
  ')',
  '!',
  '<',
  ':',
  '{',
  '#',
];
const text = (tokens: string[], maxLength = 60) =>
  fc.array(fc.constantFrom(...tokens), { maxLength }).map((parts) => parts.join(''));

const context = cleanContext({ variables: { v: 'VALUE' } });

describe('cleanReadme properties', () => {
  it('returns text without rewritable constructs unchanged, code and all', () => {
    fc.assert(
      fc.property(text([...PROSE_TOKENS, ...CODE_TOKENS], 80), (raw) => {
        expect(cleanReadme(raw, context).markdown).toBe(raw);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same result for the same raw text, whatever was cleaned in between', () => {
    fc.assert(
      fc.property(text(ANY_TOKENS), fc.string({ unit: 'binary', maxLength: 40 }), (a, b) => {
        const first = cleanReadme(a, context);
        cleanReadme(b, context);
        cleanReadme(`${b}${a}`, context);
        expect(cleanReadme(a, context)).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('changes only the URL of an image paragraph, whatever prose surrounds it', () => {
    const image = '![Alt text](./img/x.png "Title")';
    const rewritten = `![Alt text](${RAW}/lessons/intro/img/x.png "Title")`;
    fc.assert(
      fc.property(text(PROSE_TOKENS), text(PROSE_TOKENS), (before, after) => {
        // Starting with a word keeps the image out of front matter (a `---` first line).
        const raw = `Intro ${before}\n\n${image}\n\n${after}`;
        expect(cleanReadme(raw, context).markdown).toBe(
          `Intro ${before}\n\n${rewritten}\n\n${after}`,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('changes only the URL of an image inside a line of arbitrary inline text', () => {
    const inline = ['word', 'é', ' ', '\t', '*', '_', '**', '.', ',', '#', '|', '=', '-', '🎉'];
    fc.assert(
      fc.property(text(inline, 20), text(inline, 20), (left, right) => {
        const raw = `Text ${left}![a](../x.png)${right}\n`;
        expect(cleanReadme(raw, context).markdown).toBe(
          `Text ${left}![a](${RAW}/lessons/x.png)${right}\n`,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(text(ANY_TOKENS, 120), fc.string({ unit: 'binary' })), (raw) => {
        const result = cleanReadme(raw, cleanContext({ title: null }));
        expect(typeof result.html).toBe('string');
      }),
      { numRuns: 500 },
    );
  });
});
