import { OptimisticLockError } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPullFiles } from '../../../src/consumers/pull/fetch-pull-files.js';
import { createGithubAccess } from '../../../src/consumers/pull/github-access.js';
import { interpretPull } from '../../../src/consumers/pull/interpret-pull.js';
import { loadPullTargets } from '../../../src/consumers/pull/load-pull-targets.js';
import { planPull } from '../../../src/consumers/pull/plan-pull.js';
import { writePull } from '../../../src/consumers/pull/write-pull.js';
import type { PullJob } from '../../../src/shared/jobs/job-schemas.js';
import { createWorkerHarness, TOKEN, type WorkerHarness, webhookSource } from './worker-harness.js';

const url = (path: string) => `https://github.com/acme/learn/blob/main/${path}`;
const edition = (n: number) => `# Race\n\nEdition ${n}\n`;
const ASSETS = 20;

describe('concurrent pulls of one asset', () => {
  let harness: WorkerHarness;
  const sweepJob: PullJob = {
    v: 1,
    kind: 'pull',
    slug: 'race',
    owner: null,
    override: false,
    clean: false,
    source: { type: 'sweep', sweepId: '00000000-0000-4000-8000-000000000001' },
  };
  const setEdition = (n: number, path = 'race.md') =>
    harness.standin.addFile('acme', 'learn', 'main', path, edition(n));

  beforeAll(async () => {
    harness = await createWorkerHarness('pull_race', {
      repos: [{ owner: 'acme', name: 'learn', files: { main: { 'race.md': edition(1) } } }],
    });
    await harness.seed([
      { slug: 'race', assetType: 'LESSON', readmeUrl: url('race.md') },
      ...Array.from({ length: ASSETS }, (_, i) => ({
        slug: `ordered-${i}`,
        assetType: 'LESSON' as const,
        readmeUrl: url(`ordered/${i}.md`),
      })),
    ]);
    for (let i = 0; i < ASSETS; i++) setEdition(1, `ordered/${i}.md`);
  });
  afterAll(async () => {
    await harness?.destroy();
  });

  it('never lets a pull that read an older file overwrite a newer one', async () => {
    // A sweep pull reads the asset and edition 1 ...
    const em = harness.db.orm.em.fork();
    const target = (await loadPullTargets(em, [sweepJob])).get('race')!;
    const plan = planPull(target);
    const github = createGithubAccess({ baseUrl: harness.standin.url, githubToken: TOKEN });
    const client = github.clientFor({ kind: 'env', token: TOKEN });
    const files = await fetchPullFiles(client, [{ key: 'k', target, plan, override: false }]);
    const stale = interpretPull(target, plan, files.get('k')!, sweepJob);

    // ... meanwhile a push brings edition 2, pulled through the webhook lane ...
    setEdition(2);
    const worker = harness.start({ lanes: ['webhook'] });
    await harness.pull('race', { source: webhookSource('c') });
    await worker.idle(200);
    await worker.stop();
    expect((await harness.asset('race')).readme_raw).toBe(edition(2));

    // ... and the sweep's write of edition 1 is refused.
    await expect(writePull(em, target, sweepJob, stale, new Date())).rejects.toBeInstanceOf(
      OptimisticLockError,
    );
    expect((await harness.asset('race')).readme_raw).toBe(edition(2));
  });

  it('ends with the newest file when two workers race on it while it changes', async () => {
    const workers = [1, 2].map(() => harness.start({ concurrency: 4, batchSize: 2 }));
    for (let n = 3; n <= 8; n++) {
      setEdition(n);
      await harness.pull('race', sweepJob);
      await harness.pull('race', { source: webhookSource(String(n)) });
      await harness.pull('race', sweepJob);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    await Promise.all(workers.map((worker) => worker.idle(300)));
    await Promise.all(workers.map((worker) => worker.stop()));
    expect((await harness.asset('race')).readme_raw).toBe(edition(8));
    const pulls = workers.flatMap((worker) => [
      worker.stats.counts.pull,
      worker.stats.counts.webhook,
    ]);
    const count = (key: 'OK' | 'UNCHANGED' | 'DEAD') =>
      pulls.reduce((sum, counts) => sum + (counts[key] ?? 0), 0);
    expect(count('DEAD')).toBe(0);
    expect(count('OK') + count('UNCHANGED')).toBe(18);
  });

  it('cleans what each pull stored, after it, under concurrency', async () => {
    const worker = harness.start({ concurrency: 8 });
    for (let i = 0; i < ASSETS; i++) await harness.pull(`ordered-${i}`, { clean: true });
    await worker.idle(300);
    for (let i = 0; i < ASSETS; i++) setEdition(2, `ordered/${i}.md`);
    for (let i = 0; i < ASSETS; i++) await harness.pull(`ordered-${i}`, { clean: true });
    await worker.idle(300);
    await worker.stop();

    for (let i = 0; i < ASSETS; i++) {
      const asset = await harness.asset(`ordered-${i}`);
      expect(asset).toMatchObject({ readme_raw: edition(2), cleaning_status: 'OK' });
      expect(asset.readme).toContain('Edition 2');
      const kinds = (await harness.events(`ordered-${i}`)).map((e) => `${e.kind} ${e.outcome}`);
      expect(kinds).toEqual(['PULL OK', 'CLEAN OK', 'PULL OK', 'CLEAN OK']);
    }
  });
});
