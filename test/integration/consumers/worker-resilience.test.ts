import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBroker } from '../../../src/shared/broker/connect-broker.js';
import { createJobPublisher } from '../../../src/shared/broker/job-publisher.js';
import { AMQP_URL } from '../../support/test-broker.js';
import { createWorkerHarness, eventually, type WorkerHarness } from './worker-harness.js';

const run = promisify(execFile);
const url = (path: string) => `https://github.com/acme/learn/blob/main/${path}`;
const COUNT = 40;

describe('a worker whose services drop', () => {
  let harness: WorkerHarness;
  const slugs = Array.from({ length: COUNT }, (_, i) => `asset-${i}`);

  beforeAll(async () => {
    const files = Object.fromEntries(slugs.map((slug) => [`${slug}.md`, `# ${slug}\n`]));
    harness = await createWorkerHarness('resilience', {
      repos: [{ owner: 'acme', name: 'learn', files: { main: files } }],
    });
    await harness.seed(
      slugs.map((slug) => ({ slug, assetType: 'LESSON' as const, readmeUrl: url(`${slug}.md`) })),
    );
  });
  afterAll(async () => {
    await harness?.destroy();
  });

  const syncedCount = async () => {
    const [row] = await harness.db.orm.em
      .fork()
      .getConnection()
      .execute(`select count(*)::int as n from asset where sync_status = 'OK'`);
    return row.n as number;
  };

  it('retries the jobs hit by PostgreSQL dropping its connections, and loses none', async () => {
    harness.standin.faults.latencyMs = 20;
    const worker = harness.start({ concurrency: 4, batchSize: 2 });
    for (const slug of slugs) await harness.pull(slug, { clean: true });
    await eventually(async () => (await syncedCount()) >= 4);
    for (let i = 0; i < 3; i++) {
      await harness.db.orm.em
        .fork()
        .getConnection()
        .execute(
          `select pg_terminate_backend(pid) from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid()`,
        )
        .catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await worker.idle(300);
    await worker.stop();
    harness.standin.faults.latencyMs = 0;

    expect(await syncedCount()).toBe(COUNT);
    const counts = worker.stats.counts;
    expect(counts.pull.DEAD ?? 0).toBe(0);
    expect(counts.clean.DEAD ?? 0).toBe(0);
    expect(counts.clean.OK).toBeGreaterThanOrEqual(COUNT);
  });

  it('carries on when RabbitMQ closes its connection', async () => {
    await harness.db.orm.em
      .fork()
      .getConnection()
      .execute(`update asset set sync_status = null, blob_sha = null`);
    const name = `rs-resilience-${randomBytes(4).toString('hex')}`;
    const connection = await connectBroker(AMQP_URL, { connectionName: name });
    const publisher = createJobPublisher(connection, harness.broker.topology);
    harness.standin.faults.latencyMs = 20;
    const worker = harness.start({ connection, publisher, lanes: ['pull'], concurrency: 4 });
    for (const slug of slugs) await harness.pull(slug);
    await eventually(async () => (await syncedCount()) >= 4);

    await closeConnection(name);
    await eventually(async () => (await syncedCount()) === COUNT, 20_000);
    await worker.idle(300);
    await worker.stop();
    harness.standin.faults.latencyMs = 0;
    await publisher.close();
    await connection.close();
    expect(worker.stats.counts.pull.DEAD ?? 0).toBe(0);
  }, 30_000);
});

/** Closes the broker connection named `name`, as a broker restart or a network cut would. */
async function closeConnection(name: string): Promise<void> {
  const { stdout } = await run('rabbitmqctl', [
    '-q',
    'list_connections',
    'pid',
    'name',
    'client_properties',
  ]);
  const line = stdout.split('\n').find((row) => row.includes(name));
  if (!line) throw new Error(`no broker connection named ${name}`);
  await run('rabbitmqctl', ['-q', 'close_connection', line.split('\t')[0], 'test: dropped']);
}
