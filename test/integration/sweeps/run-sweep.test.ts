import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createJobPublisher, type JobPublisher } from '../../../src/shared/broker/job-publisher.js';
import { createLogger } from '../../../src/shared/log/create-logger.js';
import { runSweep, type SweepDeps } from '../../../src/shared/sweeps/run-sweep.js';
import {
  parseSweepOptions,
  type RawSweepOptions,
  type SweepCommand,
} from '../../../src/shared/sweeps/sweep-options.js';
import { seedAssets } from '../../support/seed-assets.js';
import { createTestBroker, type TestBroker } from '../../support/test-broker.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

const log = createLogger({ level: 'silent', format: 'json' });
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);

describe('runSweep', () => {
  let db: TestDatabase;
  let broker: TestBroker;
  let publisher: JobPublisher;

  beforeAll(async () => {
    [db, broker] = await Promise.all([createTestDatabase('sweep'), createTestBroker('sweep')]);
    publisher = createJobPublisher(broker.connection, broker.topology);
  });
  afterAll(async () => {
    await publisher.close();
    await Promise.all([db.drop(), broker.destroy()]);
  });
  beforeEach(async () => {
    await db.orm.em.fork().getConnection().execute('truncate asset, owner, sweep, sweep_item');
    await broker.drain(broker.topology.pull);
    await broker.drain(broker.topology.clean);
  });

  const sweep = (command: SweepCommand, raw: RawSweepOptions, deps: Partial<SweepDeps> = {}) => {
    const sleeps: number[] = [];
    const run = runSweep(parseSweepOptions(command, { delay: 0, ...raw }), {
      em: db.orm.em.fork(),
      publisher,
      log,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...deps,
    });
    return run.then((summary) => ({ summary, sleeps }));
  };
  const pulls = () => broker.drain(broker.topology.pull) as Promise<Record<string, unknown>[]>;

  it('finds nothing in an empty registry and queues nothing', async () => {
    const { summary } = await sweep('pull-and-clean', {});
    expect(summary).toMatchObject({ found: 0, queued: 0, failed: 0 });
    expect(await pulls()).toEqual([]);
  });

  it('queues one pull job per asset, carrying the owner, override=false and a clean', async () => {
    await seedAssets(db.orm.em.fork(), [{ slug: 'one', owner: 'octocat' }, { slug: 'two' }]);
    const { summary } = await sweep('pull-and-clean', {});

    expect(summary).toMatchObject({ found: 2, queued: 2, failed: 0 });
    const jobs = await pulls();
    expect(jobs).toEqual([
      {
        v: 1,
        kind: 'pull',
        slug: 'one',
        owner: 'octocat',
        override: false,
        clean: true,
        source: { type: 'sweep', sweepId: summary.sweepId },
      },
      expect.objectContaining({ slug: 'two', owner: null, override: false }),
    ]);
  });

  it('takes never-synced and stale assets, stalest first, and leaves fresh ones', async () => {
    await seedAssets(db.orm.em.fork(), [
      { slug: 'fresh', last_synch_at: hoursAgo(1) },
      { slug: 'stale', last_synch_at: hoursAgo(30) },
      { slug: 'staler', last_synch_at: hoursAgo(48) },
      { slug: 'never' },
    ]);
    await sweep('pull-and-clean', {});
    expect((await pulls()).map((job) => job.slug)).toEqual(['never', 'staler', 'stale']);
  });

  it('with --all takes fresh assets too, without overriding metadata', async () => {
    await seedAssets(db.orm.em.fork(), [{ slug: 'fresh', last_synch_at: hoursAgo(1) }]);
    await sweep('pull-and-clean', { all: true });
    expect(await pulls()).toEqual([expect.objectContaining({ slug: 'fresh', override: false })]);
  });

  it('with --force ignores the 24 hour window and asks pulls to override metadata', async () => {
    await seedAssets(db.orm.em.fork(), [
      { slug: 'fresh', last_synch_at: hoursAgo(1) },
      { slug: 'never' },
    ]);
    await sweep('pull-and-clean', { force: true });
    const jobs = await pulls();
    expect(jobs.map((job) => [job.slug, job.override])).toEqual([
      ['never', true],
      ['fresh', true],
    ]);
  });

  it('filters by asset type, status and language, ignoring case', async () => {
    await seedAssets(db.orm.em.fork(), [
      { slug: 'lesson-en' },
      { slug: 'project-en', asset_type: 'PROJECT' },
      { slug: 'project-es', asset_type: 'PROJECT', lang: 'es' },
      { slug: 'project-draft', asset_type: 'PROJECT', status: 'DRAFT' },
    ]);
    await sweep('pull-and-clean', { assetType: 'project' });
    expect((await pulls()).map((job) => job.slug)).toEqual([
      'project-en',
      'project-es',
      'project-draft',
    ]);
    await sweep('pull-and-clean', { status: 'draft' });
    expect((await pulls()).map((job) => job.slug)).toEqual(['project-draft']);
    await sweep('pull-and-clean', { lang: 'ES' });
    expect((await pulls()).map((job) => job.slug)).toEqual(['project-es']);
  });

  it('skips assets without a readme_url for pulls', async () => {
    await seedAssets(db.orm.em.fork(), [{ slug: 'no-url', readme_url: null }, { slug: 'url' }]);
    const { summary } = await sweep('pull-and-clean', {});
    expect(summary.found).toBe(1);
    expect((await pulls()).map((job) => job.slug)).toEqual(['url']);
  });

  it('selects clean candidates by readme_raw and last_cleaning_at', async () => {
    await seedAssets(db.orm.em.fork(), [
      { slug: 'raw', readme_raw: '# Hi' },
      { slug: 'empty', readme_raw: '' },
      { slug: 'none' },
      { slug: 'cleaned', readme_raw: '# Hi', last_cleaning_at: hoursAgo(2) },
    ]);
    const { summary } = await sweep('clean', {});
    expect(summary).toMatchObject({ found: 1, queued: 1 });
    expect(await broker.drain(broker.topology.clean)).toEqual([
      { v: 1, kind: 'clean', slug: 'raw', source: { type: 'sweep', sweepId: summary.sweepId } },
    ]);
    expect(await pulls()).toEqual([]);
  });

  it('publishes nothing on a dry run and previews the selection', async () => {
    await seedAssets(db.orm.em.fork(), [{ slug: 'a' }, { slug: 'b' }]);
    const { summary } = await sweep('pull-and-clean', { dryRun: true });
    expect(summary.found).toBe(2);
    expect(summary.preview?.map((asset) => asset.slug)).toEqual(['a', 'b']);
    expect(await pulls()).toEqual([]);
  });

  it('sleeps delay after each asset but the last and 2 x delay between batches', async () => {
    await seedAssets(
      db.orm.em.fork(),
      Array.from({ length: 5 }, (_, i) => ({ slug: `a${i}` })),
    );
    const { sleeps } = await sweep('pull-and-clean', { delay: 0.5, batchSize: 2 });
    // a0 . a1 . [batch] a2 . a3 . [batch] a4
    expect(sleeps).toEqual([500, 500, 1000, 500, 500, 1000]);
    expect(await pulls()).toHaveLength(5);
  });

  it('processes 15 assets in 3 batches of 5 with progress every 5', async () => {
    await seedAssets(
      db.orm.em.fork(),
      Array.from({ length: 15 }, (_, i) => ({ slug: `s${String(i).padStart(2, '0')}` })),
    );
    const batches: string[] = [];
    const progress: string[] = [];
    const { summary } = await sweep(
      'pull-and-clean',
      { batchSize: 5 },
      {
        reporter: {
          batchStart: (b, total, size) => batches.push(`${b}/${total}:${size}`),
          progress: (done, total) => progress.push(`${done}/${total}`),
        },
      },
    );
    expect(summary.queued).toBe(15);
    expect(batches).toEqual(['1/3:5', '2/3:5', '3/3:5']);
    expect(progress).toEqual(['5/15', '10/15', '15/15']);
  });

  it('reports an asset that cannot be queued and goes on with the others', async () => {
    await seedAssets(db.orm.em.fork(), [{ slug: 'good' }, { slug: 'bad slug' }, { slug: 'ok' }]);
    const { summary } = await sweep('pull-and-clean', {});
    expect(summary).toMatchObject({ found: 3, queued: 2, failed: 1 });
    expect(summary.failures).toEqual([
      {
        slug: 'bad slug',
        assetType: 'LESSON',
        reason: 'invalid job: slug: must not contain whitespace or slashes',
      },
    ]);
    expect((await pulls()).map((job) => job.slug)).toEqual(['good', 'ok']);
  });

  it('records the sweep with its counts and removes its working list', async () => {
    await seedAssets(db.orm.em.fork(), [{ slug: 'a' }]);
    const { summary } = await sweep('pull-and-clean', {});
    const connection = db.orm.em.fork().getConnection();
    const [row] = await connection.execute('select * from sweep where id = ?', [summary.sweepId]);
    expect(row).toMatchObject({ command: 'pull-and-clean', found: 1, queued: 1, failed: 0 });
    expect(Number.isNaN(Date.parse(String(row.finished_at)))).toBe(false);
    expect(await connection.execute('select * from sweep_item')).toEqual([]);
  });
});
