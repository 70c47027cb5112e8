import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AMQP_URL } from '../../support/test-broker.js';
import { createWorkerHarness, eventually, TOKEN, type WorkerHarness } from './worker-harness.js';

const url = (path: string) => `https://github.com/acme/learn/blob/main/${path}`;
const COUNT = 120;

describe('the worker command', () => {
  let harness: WorkerHarness;
  const slugs = Array.from({ length: COUNT }, (_, i) => `lesson-${i}`);

  beforeAll(async () => {
    const files = Object.fromEntries(slugs.map((slug) => [`${slug}.md`, `# ${slug}\n`]));
    harness = await createWorkerHarness('worker_process', {
      repos: [{ owner: 'acme', name: 'learn', files: { main: files } }],
    });
    await harness.seed(
      slugs.map((slug) => ({ slug, assetType: 'LESSON' as const, readmeUrl: url(`${slug}.md`) })),
    );
  });
  afterAll(async () => {
    await harness?.destroy();
  });

  const spawnWorker = (...args: string[]) => {
    // tsx as a loader of this node process, so the signal reaches the worker itself.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'worker', ...args],
      {
        env: {
          ...process.env,
          DATABASE_URL: harness.db.url,
          AMQP_URL,
          QUEUE_PREFIX: harness.broker.prefix,
          GITHUB_API_URL: harness.standin.url,
          GITHUB_TOKEN: TOKEN,
          LOG_FORMAT: 'json',
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    return { child, exit, output: () => output };
  };
  const count = async (query: string) => {
    const [row] = await harness.db.orm.em.fork().getConnection().execute(query);
    return Number(row.n);
  };
  const synced = () => count(`select count(*) as n from asset where sync_status = 'OK'`);

  it('finishes and acknowledges the jobs in hand on SIGTERM, losing none', async () => {
    for (const slug of slugs) await harness.pull(slug, { clean: true });
    harness.standin.faults.latencyMs = 40;
    const worker = spawnWorker('--concurrency', '10');
    await eventually(async () => (await synced()) >= 10, 15_000);
    worker.child.kill('SIGTERM');

    expect(await worker.exit).toBe(0);
    harness.standin.faults.latencyMs = 0;
    const done = await synced();
    const left = await harness.broker.depth(harness.broker.topology.pull);
    expect(done).toBeLessThan(COUNT);
    expect(done + left).toBe(COUNT);
    expect(await count(`select count(*) as n from asset_event where kind = 'PULL'`)).toBe(done);
    expect(worker.output()).toMatch(/"msg":"Worker stopped after \d+ job\(s\)"/);
  }, 30_000);

  it('exits once the queues are empty when asked to', async () => {
    const worker = spawnWorker('--exit-when-idle', '--queues', 'pull,clean');
    expect(await worker.exit).toBe(0);
    expect(await synced()).toBe(COUNT);
    expect(await count(`select count(*) as n from asset where cleaning_status = 'OK'`)).toBe(COUNT);
    expect(await harness.broker.depth(harness.broker.topology.clean)).toBe(0);
  }, 30_000);
});
