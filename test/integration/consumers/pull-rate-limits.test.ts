import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerHarness, eventually, TOKEN, type WorkerHarness } from './worker-harness.js';

const url = (path: string) => `https://github.com/acme/learn/blob/main/${path}`;

describe('an exhausted rate limit', () => {
  let harness: WorkerHarness;

  beforeAll(async () => {
    harness = await createWorkerHarness('pull_limit', {
      // A short window, so the budget comes back within the test.
      windowMs: 3_000,
      repos: [{ owner: 'acme', name: 'learn', files: { main: { 'a.md': '# A', 'b.md': '# B' } } }],
    });
    await harness.seed([
      { slug: 'a', assetType: 'LESSON', readmeUrl: url('a.md') },
      { slug: 'b', assetType: 'LESSON', readmeUrl: url('b.md') },
    ]);
  });
  afterAll(async () => {
    await harness?.destroy();
  });

  it('delays the jobs until the reset, sending nothing into the exhausted budget', async () => {
    harness.standin.faults.exhaust(TOKEN, 'graphql');
    const worker = harness.start({ lanes: ['pull'], batchSize: 1 });
    await harness.pull('a');

    const waiting = await eventually(async () => {
      const asset = await harness.asset('a');
      return asset.sync_status === 'PENDING' ? asset : null;
    });
    expect(waiting.status_text).toMatch(/^Rate limited by GitHub; waiting until \d{4}-/);
    // A job arriving while the budget is known to be exhausted waits too, without a request.
    await harness.pull('b');
    await eventually(async () => (await harness.asset('b')).sync_status === 'PENDING');

    await worker.idle(200);
    expect(await harness.asset('a')).toMatchObject({ sync_status: 'OK', readme_raw: '# A' });
    expect(await harness.asset('b')).toMatchObject({ sync_status: 'OK', readme_raw: '# B' });
    expect(harness.standin.counters(TOKEN)).toMatchObject({ limited: 1, sentWhileLimited: 0 });
    expect((await harness.events('a')).map((event) => event.outcome)).toEqual(['RETRY', 'OK']);
    expect(worker.stats.counts.pull.DEAD).toBeUndefined();
  });
});
