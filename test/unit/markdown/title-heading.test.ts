import { beforeAll, describe, expect, it } from 'vitest';
import { cleanReadme, initCleanReadme } from '../../../src/shared/markdown/clean-readme.js';
import { cleanContext } from '../../support/clean-context.js';

beforeAll(() => initCleanReadme());

const clean = (raw: string, title: string | null) => cleanReadme(raw, cleanContext({ title }));

describe('title heading', () => {
  const removed: Array<{ name: string; title: string; raw: string; cleaned: string }> = [
    {
      name: 'recognises a title H1 containing a comma or colon',
      title: 'Learn React: hooks, state and effects',
      raw: '# Learn React: Hooks, State and Effects\n\nIntro.\n',
      cleaned: 'Intro.\n',
    },
    {
      name: 'ignores case, punctuation and spacing when comparing',
      title: 'Learn  React: Hooks & State',
      raw: '# learn react — hooks, state!\n\nIntro.\n',
      cleaned: 'Intro.\n',
    },
    {
      name: 'compares the text a reader sees, without emphasis or code marks',
      title: 'The useState hook',
      raw: '# The `useState` **hook**\n\nIntro.\n',
      cleaned: 'Intro.\n',
    },
    {
      name: 'recognises a Setext H1',
      title: 'Learn React',
      raw: 'Learn React\n===========\n\nIntro.\n',
      cleaned: 'Intro.\n',
    },
    {
      name: 'recognises an H1 with closing hashes',
      title: 'Learn React',
      raw: '# Learn React #\n\nIntro.\n',
      cleaned: 'Intro.\n',
    },
    {
      name: 'removes the H1 under the front matter and keeps the front matter',
      title: 'Learn React',
      raw: '---\ntitle: Learn React\n---\n\n# Learn React\n\nIntro.\n',
      cleaned: '---\ntitle: Learn React\n---\n\nIntro.\n',
    },
    {
      name: 'removes an H1 that comes after a badge line (it is still the first heading)',
      title: 'Learn React',
      raw: '[![CI](https://ci.io/b.svg)](https://ci.io)\n\n# Learn React\n\nIntro.\n',
      cleaned: '[![CI](https://ci.io/b.svg)](https://ci.io)\n\nIntro.\n',
    },
    {
      name: 'skips a hidden heading and removes the first visible one',
      title: 'Learn React',
      raw: '<!-- hide -->\n# Internal notes\n<!-- endhide -->\n\n# Learn React\n\nIntro.\n',
      cleaned: 'Intro.\n',
    },
    {
      name: 'removes a title H1 with CRLF line endings',
      title: 'Learn React',
      raw: '# Learn React\r\n\r\nIntro.\r\n',
      cleaned: 'Intro.\r\n',
    },
  ];

  it.each(removed)('$name', ({ title, raw, cleaned }) => {
    const result = clean(raw, title);
    expect(result.markdown).toBe(cleaned);
    expect(result.title).toBe(title);
  });

  const kept: Array<{ name: string; title: string; raw: string }> = [
    {
      name: 'keeps an H1 that is not the first heading',
      title: 'Learn React',
      raw: '## Before you start\n\n# Learn React\n',
    },
    {
      name: 'keeps an H1 that says something else',
      title: 'Learn React',
      raw: '# Learn Vue\n\nText\n',
    },
    {
      name: 'keeps a first H2 that repeats the title',
      title: 'Learn React',
      raw: '## Learn React\n',
    },
    { name: 'keeps an H1 inside a quote', title: 'Learn React', raw: '> # Learn React\n' },
    {
      name: 'does not take a heading inside fenced code',
      title: 'Learn React',
      raw: '```md\n# Learn React\n```\n\n# Other\n',
    },
    {
      name: 'does not take a line of text before a rule for a Setext heading',
      title: 'Learn React',
      raw: 'Learn React\n\n---\n',
    },
  ];

  it.each(kept)('$name', ({ title, raw }) => {
    const result = clean(raw, title);
    expect(result.markdown).toBe(raw);
    expect(result.title).toBe(title);
  });

  it('takes the first H1 as the title when the asset has none, and removes it', () => {
    const result = clean(
      '# Learn **React**: the `useState` hook ![logo](./l.png)\n\nIntro.\n',
      null,
    );
    expect(result.title).toBe('Learn React: the useState hook');
    expect(result.markdown).toBe('Intro.\n');
    expect(result.html).toBe('<p>Intro.</p>\n');
  });

  it('takes a multi-line Setext H1 as one title line', () => {
    const result = clean('Learn React\nfrom scratch\n===\n\nIntro.\n', null);
    expect(result.title).toBe('Learn React from scratch');
    expect(result.markdown).toBe('Intro.\n');
  });

  it('gives no title when the asset has none and the first heading is not an H1', () => {
    const raw = '## Setup\n\n# Later\n';
    const result = clean(raw, null);
    expect(result.title).toBeNull();
    expect(result.markdown).toBe(raw);
  });

  it('reads an H1 after a byte order mark and keeps the mark', () => {
    const result = clean('\uFEFF# Learn React\n\nIntro.\n', null);
    expect(result.title).toBe('Learn React');
    expect(result.markdown).toBe('\uFEFFIntro.\n');
    expect(result.html).toBe('<p>Intro.</p>\n');
  });

  it('treats a blank asset title as none', () => {
    expect(clean('# From the heading\n', '  ').title).toBe('From the heading');
  });
});
