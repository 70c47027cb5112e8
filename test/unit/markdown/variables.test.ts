import { beforeAll, describe, expect, it } from 'vitest';
import { cleanReadme, initCleanReadme } from '../../../src/shared/markdown/clean-readme.js';
import { cleanContext, RAW } from '../../support/clean-context.js';

beforeAll(() => initCleanReadme());

const VARIABLES = { api_url: 'https://api.example.com', academy: 'Example Academy', empty: '' };
const clean = (raw: string) => cleanReadme(raw, cleanContext({ variables: VARIABLES }));

describe('content variables', () => {
  const substituted: Array<{ name: string; raw: string; cleaned: string }> = [
    {
      name: 'substitutes a known variable',
      raw: 'Welcome to {% academy %}.\n',
      cleaned: 'Welcome to Example Academy.\n',
    },
    {
      name: 'substitutes without spaces inside the braces',
      raw: 'Welcome to {%academy%}.\n',
      cleaned: 'Welcome to Example Academy.\n',
    },
    {
      name: 'prefers the variable over the written default',
      raw: 'Welcome to {% academy:Somewhere %}.\n',
      cleaned: 'Welcome to Example Academy.\n',
    },
    {
      name: 'uses the written default of an unknown variable, trimmed',
      raw: 'Ask {% mentor: your mentor %} or {%teacher:Ana%}.\n',
      cleaned: 'Ask your mentor or Ana.\n',
    },
    {
      name: 'substitutes an empty value',
      raw: 'a{% empty %}b\n',
      cleaned: 'ab\n',
    },
    {
      name: 'substitutes in a heading, a list, a table cell and a quote',
      raw:
        '## {% academy %}\n\n- {% academy %}\n\n' +
        '| a |\n| - |\n| {% academy %} |\n\n> {% academy %}\n',
      cleaned:
        '## Example Academy\n\n- Example Academy\n\n| a |\n| - |\n| Example Academy |\n\n' +
        '> Example Academy\n',
    },
    {
      name: 'substitutes in a link destination, which then becomes a link',
      raw: '[API docs]({% api_url %}/docs)\n',
      cleaned: '[API docs](https://api.example.com/docs)\n',
    },
    {
      name: 'substitutes in HTML attributes and text',
      raw: '<a href="{% api_url %}">{% academy %}</a>\n',
      cleaned: '<a href="https://api.example.com">Example Academy</a>\n',
    },
    {
      name: 'substitutes in an image path before making it absolute',
      raw: '![a](./img/{%academy_slug:es%}/a.png)\n',
      cleaned: `![a](${RAW}/lessons/intro/img/es/a.png)\n`,
    },
    {
      name: 'substitutes in a reference definition',
      raw: '[docs]: {%api_url%}/docs\n\n[docs]\n',
      cleaned: '[docs]: https://api.example.com/docs\n\n[docs]\n',
    },
  ];

  it.each(substituted)('$name', ({ raw, cleaned }) => {
    const result = clean(raw);
    expect(result.markdown).toBe(cleaned);
    expect(result.findings).toEqual([]);
  });

  const untouched: Array<{ name: string; raw: string }> = [
    {
      name: 'leaves a variable in a fenced code block alone',
      raw: '```liquid\n{% academy %} {% nope %}\n```\n',
    },
    {
      name: 'leaves a variable in an indented code block alone',
      raw: 'Text\n\n    {% academy %}\n',
    },
    {
      name: 'leaves a variable in an inline code span alone',
      raw: 'Write `{% academy %}` or ``{% nope %}``.\n',
    },
    { name: 'leaves an escaped variable alone', raw: 'Write \\{% academy %} literally.\n' },
    {
      name: 'leaves Liquid and Jinja tags alone without a warning',
      raw: '{% if user %}Hi{% else %}Bye{% endif %} {% raw %}{{ name }}{% endraw %}\n',
    },
    {
      name: 'leaves a variable in the front matter alone',
      raw: '---\ntitle: "{% academy %}"\n---\nBody\n',
    },
    { name: 'leaves a variable in an HTML comment alone', raw: '<!-- {% academy %} -->\n' },
  ];

  it.each(untouched)('$name', ({ raw }) => {
    const result = clean(raw);
    expect(result.markdown).toBe(raw);
    expect(result.findings).toEqual([]);
  });

  it('keeps an unknown variable without a default as written and warns where it is', () => {
    const raw = 'Intro\n\nSee {% unknown_thing %} and {% academy %}.\n';
    const result = clean(raw);
    expect(result.markdown).toBe('Intro\n\nSee {% unknown_thing %} and Example Academy.\n');
    expect(result.findings).toEqual([
      {
        severity: 'warning',
        rule: 'variable-unknown',
        message: 'unknown variable {% unknown_thing %} (no value for this language, no default)',
        line: 3,
        column: 5,
      },
    ]);
  });

  it('warns once per occurrence', () => {
    const result = clean('{% a %} {% a %}\n');
    expect(result.findings.map((f) => f.column)).toEqual([1, 9]);
  });
});
