import { describe, expect, it } from 'vitest';
import { AssetProblem } from '../../../../src/consumers/asset-problem.js';
import { mapFrontMatter } from '../../../../src/consumers/pull/map-front-matter.js';
import { mapQuiz } from '../../../../src/consumers/pull/map-quiz.js';
import { readFrontMatter } from '../../../../src/consumers/pull/read-front-matter.js';

describe('front matter of lessons and articles', () => {
  it('takes the description from excerpt, then description, then subtitle', () => {
    expect(mapFrontMatter({ excerpt: 'e', description: 'd' }).metadata.description).toBe('e');
    expect(mapFrontMatter({ description: 'd', subtitle: 's' }).metadata.description).toBe('d');
    expect(mapFrontMatter({ subtitle: 's' }).metadata.description).toBe('s');
  });

  it('takes tags, else technologies, as a list or a comma-separated string', () => {
    expect(mapFrontMatter({ tags: ['a', 'b'], technologies: ['c'] }).metadata.tags).toEqual([
      'a',
      'b',
    ]);
    expect(mapFrontMatter({ technologies: 'react, node' }).metadata.tags).toEqual([
      'react',
      'node',
    ]);
  });

  it('returns the slug apart from the metadata', () => {
    const mapped = mapFrontMatter({ title: 'T', slug: 'new-slug' });
    expect(mapped).toEqual({
      metadata: { title: 'T', description: undefined, tags: undefined },
      slug: 'new-slug',
    });
  });

  it('reads the front matter of a README', () => {
    const markdown = '---\ntitle: Hello\nauthors: [ana]\n---\n# Hello\n';
    expect(readFrontMatter(markdown)).toEqual({ title: 'Hello', authors: ['ana'] });
    expect(readFrontMatter('# No front matter\n')).toEqual({});
  });

  it('reports bad YAML with the line of the file', () => {
    const markdown = '---\ntitle: ok\nbroken: [a, b\n---\n';
    expect(() => readFrontMatter(markdown)).toThrow(AssetProblem);
    expect(() => readFrontMatter(markdown)).toThrow(/not valid YAML.*\(line \d+\)$/);
  });
});

describe('quiz files', () => {
  it('reads title, description, technologies and difficulty from info', () => {
    const text = JSON.stringify({
      info: {
        title: 'HTML quiz',
        main: 'Test yourself',
        technologies: ['html'],
        difficulty: 'easy',
      },
      questions: [{ q: 1 }, { q: 2 }],
    });
    expect(mapQuiz(text, 'quiz.json', 'en')).toEqual({
      config: { file: 'quiz.json', difficulty: 'EASY', technologies: ['html'], questions: 2 },
      metadata: { title: 'HTML quiz', description: 'Test yourself', tags: ['html'] },
    });
  });

  it('refuses a quiz without info', () => {
    expect(() => mapQuiz('{"questions": []}', 'quiz.json', 'en')).toThrow(/has no "info"/);
  });
});
