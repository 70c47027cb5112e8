import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listChangedFiles } from '../../../src/shared/github/compare-commits.js';
import { createGithubClient, type GithubClient } from '../../../src/shared/github/github-client.js';
import { GithubError } from '../../../src/shared/github/github-error.js';
import { RateBudgets } from '../../../src/shared/github/rate-budget.js';
import type { Standin } from '../../../src/standin/standin-types.js';
import { startStandin } from '../../../src/standin/start-standin.js';

const ROUTE = 'GET /repos/{owner}/{repo}/compare/{basehead}';

describe('listChangedFiles', () => {
  let standin: Standin;
  let client: GithubClient;

  beforeAll(async () => {
    standin = await startStandin({ repos: [{ owner: 'acme', name: 'docs' }] });
    standin.addToken('ghp_compare_client');
    standin.addCommit('acme', 'docs', {
      sha: 'b'.repeat(40),
      parent: 'a'.repeat(40),
      files: Array.from({ length: 250 }, (_, i) => ({
        filename: `lessons/l${i}.md`,
        status: 'modified' as const,
      })),
    });
    standin.addCommit('acme', 'docs', {
      sha: 'c'.repeat(40),
      parent: 'b'.repeat(40),
      files: [
        { filename: 'lessons/new.md', status: 'renamed', previous_filename: 'lessons/old.md' },
      ],
    });
    client = createGithubClient({
      baseUrl: standin.url,
      token: 'ghp_compare_client',
      budgets: new RateBudgets(),
      retryBaseMs: 5,
    });
  });
  afterAll(async () => {
    await standin.close();
  });

  it('follows every page and lists both names of a renamed file', async () => {
    standin.resetCounters();
    const paths = await listChangedFiles(client, 'acme', 'docs', 'a'.repeat(40), 'c'.repeat(40));
    expect(paths).toHaveLength(252);
    expect(paths.slice(0, 2)).toEqual(['lessons/l0.md', 'lessons/l1.md']);
    expect(paths.slice(-2)).toEqual(['lessons/old.md', 'lessons/new.md']);
    expect(standin.counters().byRoute[ROUTE]).toBe(3);
  });

  it('throws a not-found GithubError for an unknown base', async () => {
    const failure = listChangedFiles(client, 'acme', 'docs', '9'.repeat(40), 'c'.repeat(40));
    await expect(failure).rejects.toBeInstanceOf(GithubError);
    await expect(failure).rejects.toMatchObject({ kind: 'not-found', owner: 'acme', repo: 'docs' });
  });
});
