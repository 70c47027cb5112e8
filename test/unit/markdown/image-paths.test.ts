import { beforeAll, describe, expect, it } from 'vitest';
import { cleanReadme, initCleanReadme } from '../../../src/shared/markdown/clean-readme.js';
import { cleanContext, RAW } from '../../support/clean-context.js';

beforeAll(() => initCleanReadme());

const clean = (raw: string) => cleanReadme(raw, cleanContext());
const HERE = `${RAW}/lessons/intro`;

interface Case {
  name: string;
  raw: string;
  cleaned: string;
}

describe('relative image paths', () => {
  const rewritten: Case[] = [
    {
      name: 'rewrites a ./ image next to the README',
      raw: '![A diagram](./img/diagram.png)\n',
      cleaned: `![A diagram](${HERE}/img/diagram.png)\n`,
    },
    {
      name: "resolves a ../ image against the README's folder",
      raw: '![Logo](../../assets/logo.svg)\n',
      cleaned: `![Logo](${RAW}/assets/logo.svg)\n`,
    },
    {
      name: 'rewrites a bare relative path',
      raw: 'See ![a](img/a.png) here.\n',
      cleaned: `See ![a](${HERE}/img/a.png) here.\n`,
    },
    {
      name: 'keeps an image title out of the URL',
      raw: '![a](./a.png "The title") ![b](./b.png \'Single\') ![c](./c.png (Parens))\n',
      cleaned:
        `![a](${HERE}/a.png "The title") ![b](${HERE}/b.png 'Single') ` +
        `![c](${HERE}/c.png (Parens))\n`,
    },
    {
      name: 'rewrites a path that appears twice once each',
      raw: '![one](./img/a.png) and again ![two](./img/a.png)\n\n![three](./img/a.png)\n',
      cleaned:
        `![one](${HERE}/img/a.png) and again ![two](${HERE}/img/a.png)\n\n` +
        `![three](${HERE}/img/a.png)\n`,
    },
    {
      name: 'tells ./x.png and ../x.png apart in the same file',
      raw: '![here](./x.png) ![parent](../x.png) ![bare](x.png)\n',
      cleaned: `![here](${HERE}/x.png) ![parent](${RAW}/lessons/x.png) ![bare](${HERE}/x.png)\n`,
    },
    {
      name: 'rewrites an image on the first line after a byte order mark',
      raw: '\uFEFF![a](./a.png) <img src="./b.png">\n',
      cleaned: `\uFEFF![a](${HERE}/a.png) <img src="${HERE}/b.png">\n`,
    },
    {
      name: 'keeps a query written after the path without adding another',
      raw: '![a](./a.png?raw=true) ![b](./b.png#dark)\n',
      cleaned: `![a](${HERE}/a.png?raw=true) ![b](${HERE}/b.png#dark)\n`,
    },
    {
      name: 'rewrites an image inside a link and leaves the absolute link alone',
      raw: '[![Build](./badge.svg)](https://ci.example.com/build)\n',
      cleaned: `[![Build](${HERE}/badge.svg)](https://ci.example.com/build)\n`,
    },
    {
      name: 'encodes spaces of an angle-bracket destination',
      raw: '![a](<./my image.png> "T")\n',
      cleaned: `![a](<${HERE}/my%20image.png> "T")\n`,
    },
    {
      name: 'keeps balanced parentheses of a path',
      raw: '![a](./img(1).png)\n',
      cleaned: `![a](${HERE}/img(1).png)\n`,
    },
    {
      name: 'reads nested brackets and code in the alt text',
      raw: '![a [b] `]` c](./a.png)\n',
      cleaned: `![a [b] \`]\` c](${HERE}/a.png)\n`,
    },
    {
      name: 'rewrites images in table cells, quotes, list items and headings',
      raw:
        '| x | y |\n| --- | --- |\n| ![a](./a.png) | ![b](./b.png) |\n\n> ![q](./q.png)\n\n' +
        '- ![l](./l.png)\n\n## Step ![h](./h.png)\n',
      cleaned:
        `| x | y |\n| --- | --- |\n| ![a](${HERE}/a.png) | ![b](${HERE}/b.png) |\n\n` +
        `> ![q](${HERE}/q.png)\n\n- ![l](${HERE}/l.png)\n\n## Step ![h](${HERE}/h.png)\n`,
    },
    {
      name: 'rewrites the destination of a definition an image uses, title kept',
      raw: '![Logo][logo] and ![pic]\n\n[logo]: ./logo.png "The logo"\n[pic]: <./pictures/pic>\n',
      cleaned:
        `![Logo][logo] and ![pic]\n\n[logo]: ${HERE}/logo.png "The logo"\n` +
        `[pic]: <${HERE}/pictures/pic>\n`,
    },
    {
      name: 'rewrites a definition of an image file and leaves one of a document alone',
      raw: 'Text [d][diagram] and [n][next].\n\n[diagram]: ../img/x.jpg\n[next]: ./next.md\n',
      cleaned:
        'Text [d][diagram] and [n][next].\n\n' +
        `[diagram]: ${RAW}/lessons/img/x.jpg\n[next]: ./next.md\n`,
    },
    {
      name: 'rewrites a link to an image file and leaves a link to a page alone',
      raw: '[full size](./big.PNG) or [next lesson](../next/README.md)\n',
      cleaned: `[full size](${HERE}/big.PNG) or [next lesson](../next/README.md)\n`,
    },
    {
      name: 'rewrites HTML img src in a block, quoted, single-quoted and unquoted',
      raw:
        '<p align="center">\n  <img src="./a.png" width="300">\n' +
        "  <img alt='b' src='img/b.png'>\n" +
        '  <img src=./c.png>\n</p>\n',
      cleaned:
        `<p align="center">\n  <img src="${HERE}/a.png" width="300">\n` +
        `  <img alt='b' src='${HERE}/img/b.png'>\n` +
        `  <img src=${HERE}/c.png>\n</p>\n`,
    },
    {
      name: 'rewrites every candidate of a srcset and a picture source',
      raw:
        '<picture>\n<source media="(prefers-color-scheme: dark)" srcset="./dark.png">\n' +
        '<img src="./light.png" srcset="./light.png 1x, ./light@2x.png 2x">\n</picture>\n',
      cleaned:
        `<picture>\n<source media="(prefers-color-scheme: dark)" srcset="${HERE}/dark.png">\n` +
        `<img src="${HERE}/light.png" srcset="${HERE}/light.png 1x, ${HERE}/light@2x.png 2x">\n` +
        '</picture>\n',
    },
    {
      name: 'rewrites inline HTML images in a paragraph, attributes over several lines',
      raw: 'Look: <img\n  src="./inline.gif"\n  alt="x"> and <a href="./full.png">zoom</a>.\n',
      cleaned:
        `Look: <img\n  src="${HERE}/inline.gif"\n  alt="x"> ` +
        `and <a href="${HERE}/full.png">zoom</a>.\n`,
    },
  ];

  it.each(rewritten)('$name', ({ raw, cleaned }) => {
    const result = clean(raw);
    expect(result.markdown).toBe(cleaned);
    expect(result.findings).toEqual([]);
  });

  const untouched: Array<{ name: string; raw: string }> = [
    {
      name: 'does not rewrite an image inside a fenced code block',
      raw: '```md\n![a](./a.png)\n<img src="./b.png">\n```\n',
    },
    { name: 'does not rewrite an image inside a tilde fence', raw: '~~~\n![a](./a.png)\n~~~\n' },
    {
      name: 'does not rewrite an image inside an indented code block',
      raw: 'Text:\n\n    ![a](./a.png)\n',
    },
    {
      name: 'does not rewrite an image inside an inline code span',
      raw: 'Write `![a](./a.png)` or ``<img src="./b.png">``.\n',
    },
    {
      name: 'does not rewrite an image inside a code span that holds a backtick',
      raw: 'Use `` a`![a](./a.png) `` here.\n',
    },
    {
      name: 'does not rewrite an image in fenced code inside a list item',
      raw: '- Step:\n\n  ```\n  ![a](./a.png)\n  ```\n',
    },
    {
      name: 'does not rewrite an image inside an HTML comment',
      raw: '<!-- ![a](./a.png) <img src="./b.png"> -->\n',
    },
    { name: 'does not rewrite an escaped image', raw: '!\\[a](./a.png) and \\![b]\\(./b.png)\n' },
    {
      name: 'leaves absolute, protocol-relative, anchor and data URLs alone',
      raw:
        '![a](https://x.io/a.png) ![b](//cdn.io/b.png) [c](#intro) ' +
        '![d](data:image/png;base64,AAAA)\n',
    },
    {
      name: 'leaves a root-relative path alone (the publishing site may serve it)',
      raw: '![a](/static/a.png) <img src="/b.png">\n',
    },
    { name: 'leaves an unclosed image alone', raw: '![a](./a.png "never closed\n' },
    {
      name: 'leaves an image inside a script alone',
      raw: '<script>\nvar s = "<img src=\\"./a.png\\">";\n</script>\n',
    },
  ];

  it.each(untouched)('$name', ({ raw }) => {
    const result = clean(raw);
    expect(result.markdown).toBe(raw);
    expect(result.findings).toEqual([]);
  });

  it('reports a path that climbs out of the repository and leaves it as written', () => {
    const raw = 'Intro\n\n![a](../../../outside.png) ![b](./ok.png)\n';
    const result = clean(raw);
    expect(result.markdown).toBe(`Intro\n\n![a](../../../outside.png) ![b](${HERE}/ok.png)\n`);
    expect(result.findings).toEqual([
      {
        severity: 'error',
        rule: 'image-path',
        message: 'image path ../../../outside.png leaves the repository learn/content',
        line: 3,
        column: 6,
      },
    ]);
  });

  it('warns and leaves relative images when the asset has no readme_url', () => {
    const raw = '![a](./a.png)\n';
    const result = cleanReadme(raw, cleanContext({ repo: null }));
    expect(result.markdown).toBe(raw);
    expect(result.findings).toMatchObject([
      { severity: 'warning', rule: 'image-without-repository', line: 1, column: 6 },
    ]);
  });

  it('resolves against a README at the repository root and keeps a branch with a slash', () => {
    const repo = { owner: 'Org', name: 'Repo', ref: 'feature/new-ui', path: 'README.es.md' };
    const result = cleanReadme('![a](./docs/a.png)\n', cleanContext({ repo }));
    expect(result.markdown).toBe(
      '![a](https://raw.githubusercontent.com/Org/Repo/feature/new-ui/docs/a.png)\n',
    );
  });

  it('renders the rewritten URL and keeps the title as a title in the HTML', () => {
    const result = clean('![Diagram](./d.png "Flow")\n');
    expect(result.html).toBe(`<p><img src="${HERE}/d.png" alt="Diagram" title="Flow"></p>\n`);
  });
});
