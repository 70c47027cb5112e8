import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFailurePolicy } from '../../../src/consumers/failure-policy.js';
import {
  createWorkerHarness,
  eventually,
  type WorkerHarness,
  webhookSource,
} from './worker-harness.js';

const url = (path: string) => `https://github.com/acme/learn/blob/main/${path}`;
const BACKLOG = 300;

describe('the webhook lane', () => {
  let harness: WorkerHarness;

  beforeAll(async () => {
    const files: Record<string, string> = { 'pushed.md': '# Pushed' };
    for (let i = 0; i < BACKLOG; i++) files[`sweep/${i}.md`] = `# Sweep ${i}`;
    harness = await createWorkerHarness('lanes_webhook', {
      repos: [{ owner: 'acme', name: 'learn', files: { main: files } }],
    });
    await harness.seed([
      { slug: 'pushed', assetType: 'LESSON', readmeUrl: url('pushed.md') },
      ...Array.from({ length: BACKLOG }, (_, i) => ({
        slug: `sweep-${i}`,
        assetType: 'LESSON' as const,
        readmeUrl: url(`sweep/${i}.md`),
      })),
    ]);
  });
  afterAll(async () => {
    await harness?.destroy();
  });

  it('serves a webhook job ahead of a sweep backlog', async () => {
    for (let i = 0; i < BACKLOG; i++) await harness.pull(`sweep-${i}`);
    // Slow GitHub down, so the backlog lasts.
    harness.standin.faults.latencyMs = 100;
    const worker = harness.start({ concurrency: 4, batchSize: 4 });
    await eventually(async () => (await harness.asset('sweep-0')).sync_status === 'OK');
    await harness.pull('pushed', { source: webhookSource('b') });

    await eventually(async () => (await harness.asset('pushed')).sync_status === 'OK');
    const sweepLeft = await harness.broker.depth(harness.broker.topology.pull);
    expect(sweepLeft).toBeGreaterThan(BACKLOG / 2);
    expect((await harness.events('pushed'))[0]).toMatchObject({
      source_type: 'webhook',
      source_id: 'delivery-1',
      commit_sha: 'b'.repeat(40),
    });
    harness.standin.faults.latencyMs = 0;
    await worker.stop();
  });
});

describe('messages that cannot be handled', () => {
  let harness: WorkerHarness;

  beforeAll(async () => {
    harness = await createWorkerHarness('lanes_dead', {
      repos: [{ owner: 'acme', name: 'learn', files: { main: { 'a.md': '# A' } } }],
    });
    await harness.seed([{ slug: 'a', assetType: 'LESSON', readmeUrl: url('a.md') }]);
  });
  afterAll(async () => {
    await harness?.destroy();
  });

  it('dead-letters a malformed message at once, with the reason', async () => {
    const t = harness.broker.topology;
    const worker = harness.start({ lanes: ['pull'] });
    await harness.publisher.publishRaw({ routingKey: t.pull }, Buffer.from('{"not": "a job"'));
    await harness.publisher.publishRaw(
      { routingKey: t.pull },
      JSON.stringify({ v: 2, kind: 'pull', slug: 'a' }),
    );
    await worker.idle(200);
    await worker.stop();

    const dead = await harness.broker.drainMessages(t.dead);
    expect(dead.map((message) => message.headers?.['x-reason'])).toEqual([
      'malformed message: body is not JSON',
      'malformed message: unknown schema version 2',
    ]);
    expect(dead[0].headers?.['x-queue']).toBe(t.pull);
    expect(String(dead[0].body)).toBe('{"not": "a job"');
  });

  it('dead-letters a job in the queue of another kind, and skips a clean of no asset', async () => {
    const t = harness.broker.topology;
    const worker = harness.start({ lanes: ['clean'] });
    const pull = { v: 1, kind: 'pull', slug: 'a', owner: null, override: false, clean: false };
    await harness.publisher.publishRaw(
      { routingKey: t.clean },
      JSON.stringify({ ...pull, source: { type: 'cli' } }),
    );
    await harness.publisher.publishClean({
      v: 1,
      kind: 'clean',
      slug: 'gone',
      source: { type: 'cli' },
    });
    await worker.idle(200);
    await worker.stop();

    const [dead] = await harness.broker.drainMessages(t.dead);
    expect(dead.headers?.['x-reason']).toBe(
      `malformed message: a pull job in the ${t.clean} queue`,
    );
    expect(worker.stats.counts.clean).toEqual({ DEAD: 1, SKIPPED: 1 });
  });

  it('retries a failing GitHub, then gives up to the dead letters', async () => {
    const t = harness.broker.topology;
    harness.standin.faults.failNext(3, 502, 'POST /graphql');
    const worker = harness.start({
      lanes: ['pull'],
      policy: createFailurePolicy({ maxTries: 3, delaysMs: [1_000] }),
    });
    await harness.pull('a');
    await worker.idle(300);
    await worker.stop();

    const [dead] = await harness.broker.drainMessages(t.dead);
    expect(dead.headers?.['x-reason']).toMatch(/^gave up after 3 tries: GitHub failed with 502/);
    expect(dead.headers?.['x-attempt']).toBe(3);
    expect(worker.stats.counts.pull).toMatchObject({ RETRY: 2, DEAD: 1 });
    expect(harness.standin.counters().requests).toBe(3);
    expect(await harness.asset('a')).toMatchObject({
      sync_status: 'ERROR',
      status_text: expect.stringMatching(/^Gave up: gave up after 3 tries/),
    });
  });

  it('pulls the job once GitHub answers again within the tries', async () => {
    harness.standin.faults.failNext(1, 503, 'POST /graphql');
    const worker = harness.start({ lanes: ['pull'] });
    await harness.pull('a');
    await worker.idle(300);
    await worker.stop();
    expect(worker.stats.counts.pull).toMatchObject({ RETRY: 1, OK: 1 });
    expect(await harness.asset('a')).toMatchObject({ sync_status: 'OK', readme_raw: '# A' });
  });
});
