import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Standin } from '../../../src/standin/standin-types.js';
import { startStandin } from '../../../src/standin/start-standin.js';
import { seedRepoAssets } from './support/seed-repo-assets.js';
import { PUBLIC_KEY, startTestApp, TEST_APP_ID, type TestApp } from './support/start-test-app.js';
import { pushPayload } from './support/webhook-examples.js';

const OWNER = 'Big-Org';
const REPO = 'Monorepo';
const BLOB = `https://github.com/${OWNER}/${REPO}/blob`;
const INSTALLATION = 77;
const BEFORE = '1'.repeat(40);
const AFTER = '2'.repeat(40);
const COMPARE_ROUTE = 'GET /repos/{owner}/{repo}/compare/{basehead}';

// 3,000 paths in one list: GitHub may have cut it, so only the compare API tells the truth.
const CUT_LIST = Array.from({ length: 3000 }, (_, i) => `generated/file-${i}.txt`);

describe('push webhooks whose payload may be truncated', () => {
  let standin: Standin;
  let app: TestApp;

  beforeAll(async () => {
    standin = await startStandin({
      app: { id: TEST_APP_ID, publicKeyPem: PUBLIC_KEY },
      installations: [{ id: INSTALLATION, account: OWNER }],
      repos: [{ owner: OWNER, name: REPO }],
    });
    standin.addCommit(OWNER, REPO, {
      sha: AFTER,
      parent: BEFORE,
      files: [
        ...CUT_LIST.map((filename) => ({ filename, status: 'added' as const })),
        { filename: 'lessons/late.md', status: 'modified' },
        {
          filename: 'lessons/new-name.md',
          status: 'renamed',
          previous_filename: 'lessons/old-name.md',
        },
      ],
    });
    app = await startTestApp('app_push_compare', { githubApiUrl: standin.url });
    await seedRepoAssets(app.db.orm.em.fork(), [
      { slug: 'late', type: 'LESSON', url: `${BLOB}/main/lessons/late.md` },
      { slug: 'old-name', type: 'LESSON', url: `${BLOB}/main/lessons/old-name.md` },
      { slug: 'untouched', type: 'LESSON', url: `${BLOB}/main/lessons/untouched.md` },
      { slug: 'other-branch', type: 'LESSON', url: `${BLOB}/next/lessons/late.md` },
    ]);
  });
  afterAll(async () => {
    await app?.close();
    await standin?.close();
  });
  beforeEach(async () => {
    await app.webhookJobs();
    standin.resetCounters();
  });

  const truncatedPush = (before = BEFORE) =>
    pushPayload({
      owner: OWNER,
      repo: REPO,
      before,
      after: AFTER,
      installationId: INSTALLATION,
      commits: [{ added: CUT_LIST }],
    });
  const queuedSlugs = async () => (await app.webhookJobs()).map((job) => job.slug).sort();

  it('reads the full change set from the compare API, old names of renames included', async () => {
    const answer = await app.deliver('push', truncatedPush());

    expect(answer.status).toBe(200);
    expect(await queuedSlugs()).toEqual(['late', 'old-name']);
    expect(standin.counters().byRoute[COMPARE_ROUTE]).toBeGreaterThanOrEqual(1);
  });

  it('queues every asset of the branch when the compare API cannot find the base', async () => {
    const answer = await app.deliver('push', truncatedPush('9'.repeat(40)));

    expect(answer.status).toBe(200);
    expect(await queuedSlugs()).toEqual(['late', 'old-name', 'untouched']);
    expect(app.logs).toContainEqual(
      expect.objectContaining({ level: 40, base: '9'.repeat(40), head: AFTER }),
    );
  });

  it('queues every asset of the branch when the compare API keeps failing', async () => {
    standin.faults.failNext(5, 502, /\/compare\//);
    const answer = await app.deliver('push', truncatedPush());

    expect(answer.status).toBe(200);
    expect(await queuedSlugs()).toEqual(['late', 'old-name', 'untouched']);
  });

  it('does not call the compare API for a payload that cannot be truncated', async () => {
    const payload = pushPayload({
      owner: OWNER,
      repo: REPO,
      installationId: INSTALLATION,
      commits: [{ modified: ['lessons/untouched.md'] }],
    });
    await app.deliver('push', payload);

    expect(await queuedSlugs()).toEqual(['untouched']);
    expect(standin.counters().byRoute[COMPARE_ROUTE] ?? 0).toBe(0);
  });
});
