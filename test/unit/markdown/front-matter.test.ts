import { beforeAll, describe, expect, it } from 'vitest';
import { cleanReadme, initCleanReadme } from '../../../src/shared/markdown/clean-readme.js';
import { cleanContext } from '../../support/clean-context.js';

beforeAll(() => initCleanReadme());

const clean = (raw: string) => cleanReadme(raw, cleanContext());

describe('front matter', () => {
  const valid: Array<{ name: string; raw: string; data: Record<string, unknown> }> = [
    {
      name: 'reads quoted values with colons and escaped quotes',
      raw: `---\ntitle: "Hola: mundo"\nsubtitle: 'It''s here'\n---\n\nBody text\n`,
      data: { title: 'Hola: mundo', subtitle: "It's here" },
    },
    {
      name: 'reads block and flow lists',
      raw: '---\ntags:\n  - react\n  - hooks\ntechnologies: [node, "html"]\n---\nBody text\n',
      data: { tags: ['react', 'hooks'], technologies: ['node', 'html'] },
    },
    {
      name: 'reads folded and literal blocks',
      raw: '---\ndescription: >\n  Folded\n  text\nbody: |\n  line 1\n  line 2\n---\nBody text\n',
      data: { description: 'Folded text\n', body: 'line 1\nline 2\n' },
    },
    {
      name: 'keeps dates as the strings written (JSON-safe)',
      raw: '---\ndate: 2024-03-01\nupdated: 2024-03-01T10:00:00Z\n---\nBody text\n',
      data: { date: '2024-03-01', updated: '2024-03-01T10:00:00Z' },
    },
    {
      name: 'reads empty front matter as an empty mapping',
      raw: '---\n---\nBody text\n',
      data: {},
    },
    {
      name: 'accepts ... as the closing line',
      raw: '---\ntitle: Dots\n...\nBody text\n',
      data: { title: 'Dots' },
    },
    {
      name: 'reads CRLF front matter',
      raw: '---\r\ntitle: Windows\r\ntags: [a]\r\n---\r\nBody text\r\n',
      data: { title: 'Windows', tags: ['a'] },
    },
    {
      name: 'reads front matter after a byte order mark',
      raw: '\uFEFF---\ntitle: Marked\n---\nBody text\n',
      data: { title: 'Marked' },
    },
  ];

  it.each(valid)(
    '$name, keeps it in the Markdown and leaves it out of the HTML',
    ({ raw, data }) => {
      const result = clean(raw);
      expect(result.frontMatter).toEqual(data);
      expect(result.markdown).toBe(raw);
      expect(result.html).toBe('<p>Body text</p>\n');
      expect(result.findings).toEqual([]);
    },
  );

  const invalid: Array<{ name: string; raw: string; message: RegExp; line: number }> = [
    {
      name: 'reports YAML that does not parse at the line of the README it is on',
      raw: '---\ntitle: ok\nsummary: a: b\n---\nBody\n',
      message: /^front matter is not valid YAML: Nested mappings/,
      line: 3,
    },
    {
      name: 'reports an unclosed flow list where the parser gives up',
      raw: '---\ntitle: ok\ntags: [unclosed\n---\nBody\n',
      message: /^front matter is not valid YAML: Flow sequence/,
      line: 4,
    },
    {
      name: 'reports a list where a mapping belongs',
      raw: '---\n- a\n- b\n---\nBody\n',
      message: /^front matter must be a YAML mapping \(key: value lines\), not a list$/,
      line: 2,
    },
    {
      name: 'reports a plain sentence between two rules as not a mapping',
      raw: '---\nJust an introduction sentence.\n---\nBody\n',
      message: /not a string$/,
      line: 2,
    },
    {
      name: 'reports a repeated key',
      raw: '---\ntitle: a\ntitle: b\n---\nBody\n',
      message: /^front matter is not valid YAML: .*unique/i,
      line: 3,
    },
    {
      name: 'refuses an alias bomb instead of expanding it',
      raw:
        '---\na: &a ["x","x","x","x","x","x","x","x","x"]\n' +
        'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n' +
        'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n' +
        'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n---\nBody\n',
      message: /^front matter cannot be read: .*alias/i,
      line: 2,
    },
    {
      name: 'refuses front matter larger than 64 KB',
      raw: `---\n${'key: value\n'.repeat(7000)}---\nBody\n`,
      message: /^front matter is larger than 64 KB$/,
      line: 2,
    },
  ];

  it.each(invalid)('$name', ({ raw, message, line }) => {
    const result = clean(raw);
    expect(result.frontMatter).toBeNull();
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ severity: 'error', rule: 'front-matter', line });
    expect(result.findings[0].message).toMatch(message);
    expect(result.markdown).toBe(raw);
    expect(result.html).toBe('<p>Body</p>\n');
  });

  it('does not take text before a horizontal rule for front matter', () => {
    const raw = 'Intro paragraph.\n\n---\n\nMore text.\n';
    const result = clean(raw);
    expect(result.frontMatter).toBeNull();
    expect(result.markdown).toBe(raw);
    expect(result.html).toBe('<p>Intro paragraph.</p>\n<hr>\n<p>More text.</p>\n');
  });

  it('reads a --- on the first line without a closing line as a rule, not front matter', () => {
    const raw = '---\n\nIntro paragraph.\n';
    const result = clean(raw);
    expect(result.frontMatter).toBeNull();
    expect(result.findings).toEqual([]);
    expect(result.html).toBe('<hr>\n<p>Intro paragraph.</p>\n');
  });

  it('counts lines of the body after the front matter in README lines', () => {
    const raw = '---\ntitle: x\n---\n\nText {% missing %}\n';
    expect(clean(raw).findings).toMatchObject([{ rule: 'variable-unknown', line: 5, column: 6 }]);
  });
});
