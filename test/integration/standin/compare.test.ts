import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Standin } from '../../../src/standin/standin-types.js';
import { startStandin } from '../../../src/standin/start-standin.js';
import { readJson } from '../../support/read-json.js';

describe('stand-in compare', () => {
  let standin: Standin;
  const compare = (range: string, query = '') =>
    fetch(`${standin.url}/repos/acme/docs/compare/${range}${query}`, {
      headers: { authorization: 'token ghp_compare' },
    });

  beforeAll(async () => {
    standin = await startStandin({ repos: [{ owner: 'acme', name: 'docs' }] });
    standin.addToken('ghp_compare');
    standin.addCommit('acme', 'docs', {
      sha: 'c1',
      parent: 'c0',
      files: Array.from({ length: 5 }, (_, i) => ({
        filename: `f${i}.md`,
        status: 'added' as const,
      })),
    });
    standin.addCommit('acme', 'docs', {
      sha: 'c2',
      parent: 'c1',
      files: [
        { filename: 'f0.md', status: 'modified' },
        { filename: 'f1.md', status: 'removed' },
        { filename: 'new.md', status: 'renamed', previous_filename: 'old.md' },
      ],
    });
  });
  afterAll(async () => {
    await standin.close();
  });

  it('lists the net changes of the commits between base and head', async () => {
    const body = await readJson(await compare('c0...c2'));
    expect(body).toMatchObject({ status: 'ahead', ahead_by: 2, total_commits: 2 });
    expect(body.files).toEqual([
      { filename: 'f0.md', status: 'added' },
      { filename: 'f2.md', status: 'added' },
      { filename: 'f3.md', status: 'added' },
      { filename: 'f4.md', status: 'added' },
      { filename: 'new.md', status: 'renamed', previous_filename: 'old.md' },
    ]);
  });

  it('pages the files with per_page and page and links the next and last pages', async () => {
    const first = await compare('c0...c2', '?per_page=2');
    expect((await readJson(first)).files.map((f: { filename: string }) => f.filename)).toEqual([
      'f0.md',
      'f2.md',
    ]);
    const link = first.headers.get('link')!;
    expect(link).toContain('page=2>; rel="next"');
    expect(link).toContain('page=3>; rel="last"');

    const last = await compare('c0...c2', '?per_page=2&page=3');
    expect((await readJson(last)).files).toHaveLength(1);
    expect(last.headers.get('link')).toBeNull();
  });

  it('answers 404 when base is not an ancestor of head', async () => {
    expect((await compare('zz...c2')).status).toBe(404);
    expect((await compare('c0...unknown')).status).toBe(404);
  });
});
