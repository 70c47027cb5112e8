import { beforeAll, describe, expect, it } from 'vitest';
import { cleanReadme, initCleanReadme } from '../../../src/shared/markdown/clean-readme.js';
import { cleanContext } from '../../support/clean-context.js';

beforeAll(() => initCleanReadme());

const clean = (raw: string) => cleanReadme(raw, cleanContext());

describe('hide blocks', () => {
  const removed: Array<{ name: string; raw: string; cleaned: string }> = [
    {
      name: 'removes a paired block with its lines and one of the blank lines around it',
      raw: 'Intro\n\n<!-- hide -->\nSecret **notes**\n\nMore secret\n<!-- endhide -->\n\nOutro\n',
      cleaned: 'Intro\n\nOutro\n',
    },
    {
      name: 'accepts markers without spaces, with extra spaces and in capitals',
      raw:
        'A\n\n<!--hide-->\nx\n<!--endhide-->\n\n' +
        'B\n\n<!--   HIDE   -->\ny\n<!--  EndHide  -->\n\nC\n',
      cleaned: 'A\n\nB\n\nC\n',
    },
    {
      name: 'accepts end hide and end-hide as closing markers',
      raw:
        'A\n\n<!-- hide -->\nx\n<!-- end hide -->\n\n' +
        'B\n\n<!-- hide -->\ny\n<!-- end-hide -->\n\nC\n',
      cleaned: 'A\n\nB\n\nC\n',
    },
    {
      name: 'removes a block nested in a list',
      raw: '- one\n  <!-- hide -->\n  - secret item\n  <!-- endhide -->\n- two\n',
      cleaned: '- one\n- two\n',
    },
    {
      name: 'removes a span between markers inside a paragraph',
      raw: 'Visible <!-- hide -->secret<!-- endhide --> text.\n',
      cleaned: 'Visible  text.\n',
    },
    {
      name: 'removes an inner pair with its outer pair',
      raw: 'A\n\n<!-- hide -->\nx\n<!-- hide -->\ny\n<!-- endhide -->\nz\n<!-- endhide -->\n\nB\n',
      cleaned: 'A\n\nB\n',
    },
    {
      name: 'removes a block right after the front matter',
      raw: '---\ntitle: x\n---\n<!-- hide -->\nx\n<!-- endhide -->\n\nBody\n',
      cleaned: '---\ntitle: x\n---\nBody\n',
    },
    {
      name: 'neither rewrites nor reports what it removes',
      raw:
        'A\n\n<!-- hide -->\n![s](./s.png) {% unknown %} ![o](../../../../out.png)\n' +
        '<!-- endhide -->\n',
      cleaned: 'A\n\n',
    },
    {
      name: 'removes a block with CRLF line endings',
      raw: 'A\r\n\r\n<!-- hide -->\r\nx\r\n<!-- endhide -->\r\n\r\nB\r\n',
      cleaned: 'A\r\n\r\nB\r\n',
    },
    {
      name: 'keeps a marker written inside code as text and removes the real block around it',
      raw: 'A\n\n<!-- hide -->\n```\n<!-- endhide -->\n```\n<!-- endhide -->\n\nB\n',
      cleaned: 'A\n\nB\n',
    },
  ];

  it.each(removed)('$name', ({ raw, cleaned }) => {
    const result = clean(raw);
    expect(result.markdown).toBe(cleaned);
    expect(result.findings).toEqual([]);
  });

  const asText: Array<{ name: string; raw: string }> = [
    {
      name: 'keeps markers inside a fenced code block as text',
      raw: '```html\n<!-- hide -->\nx\n```\n',
    },
    {
      name: 'keeps markers inside an indented code block as text',
      raw: 'A\n\n    <!-- endhide -->\n',
    },
    {
      name: 'keeps markers inside an inline code span as text',
      raw: 'Write `<!-- hide -->` to hide.\n',
    },
    {
      name: 'keeps other comments',
      raw: '<!-- hidden gem -->\n\n<!-- maybe hide this later -->\n',
    },
  ];

  it.each(asText)('$name', ({ raw }) => {
    const result = clean(raw);
    expect(result.markdown).toBe(raw);
    expect(result.findings).toEqual([]);
  });

  it('reports an unpaired hide with its line and removes nothing', () => {
    const raw = 'A\n\nB\n\n<!-- hide -->\nC\n';
    const result = clean(raw);
    expect(result.markdown).toBe(raw);
    expect(result.findings).toEqual([
      {
        severity: 'error',
        rule: 'hide-unpaired',
        message: 'unpaired <!-- hide -->: no <!-- endhide --> closes it',
        line: 5,
        column: 1,
      },
    ]);
  });

  it('reports an endhide without a hide with its line', () => {
    const result = clean('A\n\n  <!-- endhide -->\n');
    expect(result.findings).toEqual([
      {
        severity: 'error',
        rule: 'hide-unpaired',
        message: 'unpaired <!-- endhide -->: no <!-- hide --> opens it',
        line: 3,
        column: 3,
      },
    ]);
  });

  it('reports a hide whose endhide is only inside code as unpaired', () => {
    const result = clean('<!-- hide -->\n\n```\n<!-- endhide -->\n```\n');
    expect(result.findings).toMatchObject([{ rule: 'hide-unpaired', line: 1 }]);
  });

  it('leaves the hidden text out of the HTML', () => {
    const result = clean('Shown\n\n<!-- hide -->\nHidden\n<!-- endhide -->\n');
    expect(result.html).toBe('<p>Shown</p>\n');
  });
});
