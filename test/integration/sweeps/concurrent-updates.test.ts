import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobPublisher } from '../../../src/shared/broker/job-publisher.js';
import { createLogger } from '../../../src/shared/log/create-logger.js';
import { runSweep } from '../../../src/shared/sweeps/run-sweep.js';
import { parseSweepOptions } from '../../../src/shared/sweeps/sweep-options.js';
import { seedManyAssets } from '../../support/seed-assets.js';
import { createTestBroker, type TestBroker } from '../../support/test-broker.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

describe('a sweep while workers update the same rows', () => {
  let db: TestDatabase;
  let broker: TestBroker;

  beforeAll(async () => {
    [db, broker] = await Promise.all([createTestDatabase('concurrent'), createTestBroker('conc')]);
  });
  afterAll(async () => {
    await Promise.all([db.drop(), broker.destroy()]);
  });

  it('queues each of 5,000 selected assets exactly once', async () => {
    await seedManyAssets(db.orm.em.fork(), 5_000);
    const publisher = createJobPublisher(broker.connection, broker.topology);
    let stop = false;
    let updates = 0;

    // Plays the workers: keeps marking random assets as just pulled, and stale ones as staler,
    // which reorders the live "stalest first" order under the sweep.
    const updater = (async () => {
      const connection = db.orm.em.fork().getConnection();
      while (!stop) {
        await connection.execute(
          `update asset set last_synch_at = case when random() < 0.5 then now()
             else now() - interval '10 days' end
           where id in (select id from asset order by random() limit 50)`,
          [],
          'run',
        );
        updates++;
      }
    })();

    const summary = await runSweep(
      parseSweepOptions('pull-and-clean', { delay: 0, all: true, batchSize: 100 }),
      {
        em: db.orm.em.fork(),
        publisher,
        log: createLogger({ level: 'silent', format: 'json' }),
      },
    );
    stop = true;
    await updater;
    await publisher.close();

    const slugs = (await broker.drain(broker.topology.pull)).map(
      (job) => (job as { slug: string }).slug,
    );
    expect(updates).toBeGreaterThan(0);
    expect(summary).toMatchObject({ found: 5_000, queued: 5_000, failed: 0 });
    expect(slugs).toHaveLength(5_000);
    expect(new Set(slugs).size).toBe(5_000);
  });
});
