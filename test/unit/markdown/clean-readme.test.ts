import { beforeAll, describe, expect, it } from 'vitest';
import { cleanReadme, initCleanReadme } from '../../../src/shared/markdown/clean-readme.js';
import { cleanContext, RAW } from '../../support/clean-context.js';

beforeAll(() => initCleanReadme());

const HERE = `${RAW}/lessons/intro`;

describe('cleanReadme', () => {
  it('cleans a CRLF README and keeps CRLF, trailing spaces, tabs and Unicode as written', () => {
    const raw = [
      '---',
      'title: Intro',
      '---',
      '# Intro',
      '',
      'Línea con espacios al final  ',
      '\tTabulación, emoji 🎉 y ![img](./a.png)  ',
      '',
      '<!-- hide -->',
      'oculto',
      '<!-- endhide -->',
      '',
      '```',
      '![code](./a.png) {% academy %}',
      '```',
      'Fin {% academy %}',
      '',
    ].join('\r\n');
    const result = cleanReadme(
      raw,
      cleanContext({ title: 'Intro', variables: { academy: 'Academia' } }),
    );
    expect(result.markdown).toBe(
      [
        '---',
        'title: Intro',
        '---',
        'Línea con espacios al final  ',
        `\tTabulación, emoji 🎉 y ![img](${HERE}/a.png)  `,
        '',
        '```',
        '![code](./a.png) {% academy %}',
        '```',
        'Fin Academia',
        '',
      ].join('\r\n'),
    );
    expect(result.findings).toEqual([]);
  });

  it('renders tables, fenced code with its language and raw HTML, without front matter', () => {
    const raw =
      '---\ntitle: x\n---\n| a | b |\n| --- | :-: |\n| 1 | 2 |\n\n```js\nconst a = 1;\n```\n\n' +
      '<details><summary>More</summary>\n\nHidden *text*\n\n</details>\n';
    expect(cleanReadme(raw, cleanContext()).html).toBe(
      '<table>\n<thead>\n<tr>\n<th>a</th>\n<th align="center">b</th>\n</tr>\n</thead>\n' +
        '<tbody>\n<tr>\n<td>1</td>\n<td align="center">2</td>\n</tr>\n</tbody>\n</table>\n' +
        '<pre><code class="language-js">const a = 1;\n</code></pre>\n' +
        '<details><summary>More</summary>\n<p>Hidden <em>text</em></p>\n</details>\n',
    );
  });

  it('orders findings by position and gives each its line and column', () => {
    const raw = '<!-- endhide -->\n\n{% a %}\n\n![x](../../../x.png)\n';
    const findings = cleanReadme(raw, cleanContext()).findings;
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([
      ['hide-unpaired', 1, 1],
      ['variable-unknown', 3, 1],
      ['image-path', 5, 6],
    ]);
  });

  it('cleans an empty README to empty text and HTML', () => {
    expect(cleanReadme('', cleanContext())).toEqual({
      markdown: '',
      html: '',
      frontMatter: null,
      title: 'Nothing repeats this title',
      findings: [],
    });
  });

  // Each shape once made a scan quadratic or a recursion overflow; each is left as written.
  const hostile: Array<{ name: string; raw: string }> = [
    { name: '50,000 nested quotes', raw: `${'>'.repeat(50_000)} x\n` },
    {
      name: 'a 300-deep list',
      raw: Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n'),
    },
    { name: 'unclosed image openers', raw: '![a]('.repeat(50_000) },
    { name: 'unclosed destinations with parentheses', raw: '![a](b'.repeat(50_000) },
    { name: 'unclosed titles', raw: '![a](b "'.repeat(50_000) },
    { name: 'stray backticks in many paragraphs', raw: 'a `b\n\n'.repeat(30_000) },
    { name: 'unclosed inline comments', raw: 'x <!--'.repeat(50_000) },
    { name: 'unclosed declarations and instructions', raw: 'x <!A x <?'.repeat(30_000) },
    { name: 'unclosed attribute quotes', raw: 'x <a b="'.repeat(50_000) },
    { name: 'unclosed variables', raw: '{% a '.repeat(50_000) },
  ];

  it.each(hostile)(
    'cleans $name without running out of stack or time, changing nothing',
    ({ raw }) => {
      const result = cleanReadme(raw, cleanContext());
      expect(result.markdown).toBe(raw);
      expect(result.findings).toEqual([]);
    },
  );

  it('cleans a 1 MB README: every image outside code rewritten once, nothing else changed', () => {
    const section = (i: number) =>
      `## Step ${i}: build, test\n\n` +
      `Paragraph ${i} with \`code ${i}\` and ![s${i}](./img/s${i}.png "S") ` +
      `and {% academy %}.\n\n\`\`\`js\n// ![c${i}](./img/c${i}.png)\nconst x = ${i};\n\`\`\`\n\n` +
      `| col | img |\n| --- | --- |\n| ${i} | <img src="../shared/t${i}.svg"> |\n\n` +
      `<!-- hide -->\nsecret ${i}\n<!-- endhide -->\n\n`;
    const parts: string[] = [];
    let size = 0;
    let count = 0;
    while (size < 1_000_000) {
      const text = section(count++);
      parts.push(text);
      size += text.length;
    }
    const raw = parts.join('');
    const result = cleanReadme(raw, cleanContext({ variables: { academy: 'A' } }));

    const expected = Array.from({ length: count }, (_, i) =>
      section(i)
        .replace(`](./img/s${i}.png`, `](${HERE}/img/s${i}.png`)
        .replace('../shared/', `${RAW}/lessons/shared/`)
        .replace('{% academy %}', 'A')
        .replace(`<!-- hide -->\nsecret ${i}\n<!-- endhide -->\n\n`, ''),
    ).join('');
    expect(result.markdown).toBe(expected);
    expect(result.findings).toEqual([]);
    expect(result.html.match(/<table>/g)).toHaveLength(count);
  });
});
