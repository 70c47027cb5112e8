import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedAssets } from '../../support/seed-assets.js';
import { createTestBroker, type TestBroker } from '../../support/test-broker.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { createWorkspace, type Workspace } from './run-bundle.js';

const HOUR = 60 * 60 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface QueuedJob {
  kind: string;
  slug: string;
  override?: boolean;
  clean?: boolean;
  source: { type: string; sweepId: string };
}

describe('the registry-sync Action bundle', () => {
  let db: TestDatabase;
  let broker: TestBroker;
  let workspace: Workspace;
  let base: Record<string, string>;

  const slugs = (jobs: unknown[]) => (jobs as QueuedJob[]).map((job) => job.slug);
  const removeAssets = (pattern: string) =>
    db.orm.em.fork().getConnection().execute('delete from asset where slug like ?', [pattern]);

  beforeAll(async () => {
    [db, broker, workspace] = await Promise.all([
      createTestDatabase('action'),
      createTestBroker('action'),
      createWorkspace(),
    ]);
    base = { 'database-url': db.url, 'queue-prefix': broker.prefix, delay: '0' };
    const now = Date.now();
    await seedAssets(db.orm.em.fork(), [
      { slug: 'lesson-en', asset_type: 'LESSON', lang: 'en', readme_raw: '# Lesson' },
      { slug: 'project-es', asset_type: 'PROJECT', status: 'DRAFT', lang: 'es' },
      { slug: 'quiz-it', asset_type: 'QUIZ', lang: 'it', last_synch_at: new Date(now - 48 * HOUR) },
      {
        slug: 'article-fresh',
        asset_type: 'ARTICLE',
        lang: 'en',
        readme_raw: '# Article',
        last_synch_at: new Date(now - HOUR),
        last_cleaning_at: new Date(now - HOUR),
      },
      { slug: 'lesson-without-url', readme_url: null },
    ]);
  });
  afterEach(async () => {
    await broker.drain(broker.topology.pull);
    await broker.drain(broker.topology.clean);
  });
  afterAll(async () => {
    await Promise.all([db.drop(), broker.destroy(), workspace.remove()]);
  });

  it('queues a pull-and-clean job per stale asset, stalest first, and sets outputs', async () => {
    const run = await workspace.run({ ...base, 'batch-size': '2' });

    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ found: '3', queued: '3', failed: '0' });
    expect(run.outputs['sweep-id']).toMatch(UUID);
    const jobs = (await broker.drain(broker.topology.pull)) as QueuedJob[];
    expect(slugs(jobs)).toEqual(['lesson-en', 'project-es', 'quiz-it']);
    for (const job of jobs) {
      expect(job).toMatchObject({ kind: 'pull', override: false, clean: true });
      expect(job.source).toEqual({ type: 'sweep', sweepId: run.outputs['sweep-id'] });
    }
    const [sweep] = await db.orm.em
      .fork()
      .getConnection()
      .execute('select command, found, queued, failed from sweep where id = ?', [
        run.outputs['sweep-id'],
      ]);
    expect(sweep).toEqual({ command: 'pull-and-clean', found: 3, queued: 3, failed: 0 });
  });

  it('writes one log group per batch with its outcomes and the progress', async () => {
    const run = await workspace.run({ ...base, 'batch-size': '2' });

    const groups = run.stdout
      .split('::group::')
      .slice(1)
      .map((group) => group.slice(0, group.indexOf('::endgroup::')).trim().split('\n'));
    expect(groups).toEqual([
      ['Batch 1/2 (2 assets)', 'queued  lesson-en (LESSON)', 'queued  project-es (PROJECT)'],
      ['Batch 2/2 (1 assets)', 'queued  quiz-it (QUIZ)', 'Progress: 3/3 assets (100%)'],
    ]);
    expect(run.stdout).toMatch(/Sweep [0-9a-f-]{36}: found 3, queued 3, failed 0 in \d+\.\d s/);
  });

  it('writes a job summary with the command, filters, counts and sweep id', async () => {
    const run = await workspace.run({ ...base, lang: 'en', 'batch-size': '5' });

    expect(run.summary).toContain('## Registry sweep: pull-and-clean');
    expect(run.summary).toContain('| Found | Queued | Failed | Elapsed |');
    expect(run.summary).toMatch(/\| 1 \| 1 \| 0 \| \d+\.\d s \|/);
    expect(run.summary).toContain('| Language | en |');
    expect(run.summary).toContain('| Asset type | any |');
    expect(run.summary).toContain('| Batch size | 5 |');
    expect(run.summary).toContain(`Sweep id \`${run.outputs['sweep-id']}\``);
    expect(run.summary).not.toContain('Assets not queued');
  });

  it.each([
    ['asset-type', 'project', ['project-es']],
    ['status', 'draft', ['project-es']],
    ['lang', 'IT', ['quiz-it']],
    ['lang', 'us', ['lesson-en']],
  ])('queues only the assets whose %s matches %s', async (input, value, expected) => {
    const run = await workspace.run({ ...base, [input]: value });

    expect(run.code).toBe(0);
    expect(run.outputs.found).toBe(String(expected.length));
    expect(slugs(await broker.drain(broker.topology.pull))).toEqual(expected);
  });

  it('queues every asset with a readme_url when all is true, keeping metadata', async () => {
    const run = await workspace.run({ ...base, all: 'true' });

    expect(run.outputs).toMatchObject({ found: '4', queued: '4' });
    const jobs = (await broker.drain(broker.topology.pull)) as QueuedJob[];
    expect(slugs(jobs)).toContain('article-fresh');
    expect(jobs.every((job) => job.override === false)).toBe(true);
  });

  it('queues every asset with metadata override when force is true', async () => {
    const run = await workspace.run({ ...base, force: 'True' });

    expect(run.outputs).toMatchObject({ found: '4', queued: '4', failed: '0' });
    const jobs = (await broker.drain(broker.topology.pull)) as QueuedJob[];
    expect(slugs(jobs).sort()).toEqual(['article-fresh', 'lesson-en', 'project-es', 'quiz-it']);
    expect(jobs.every((job) => job.override === true)).toBe(true);
    expect(run.summary).toContain('| Selection | every asset, overriding metadata (force) |');
  });

  it('queues clean jobs for the stored READMEs not cleaned in 24 hours', async () => {
    const run = await workspace.run({ ...base, command: 'clean' });

    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ found: '1', queued: '1' });
    const jobs = (await broker.drain(broker.topology.clean)) as QueuedJob[];
    expect(jobs).toEqual([
      {
        v: 1,
        kind: 'clean',
        slug: 'lesson-en',
        source: { type: 'sweep', sweepId: run.outputs['sweep-id'] },
      },
    ]);
    expect(await broker.depth(broker.topology.pull)).toBe(0);
  });

  it('lists what a dry run would queue, with the default delay, without a broker', async () => {
    const run = await workspace.run({
      ...base,
      delay: '',
      'dry-run': 'TRUE',
      'amqp-url': 'amqp://guest:guest@127.0.0.1:1',
    });

    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ found: '3', queued: '0', failed: '0' });
    expect(run.stdout).toContain('::group::Dry run: would queue 3 assets; nothing queued');
    expect(run.stdout).toContain('project-es (PROJECT), last sync: never');
    expect(run.summary).toContain('## Registry sweep: pull-and-clean (dry run)');
    expect(run.summary).toContain('| Delay | 1 s between assets, 2 s between batches |');
    expect(run.summary).toContain('| `quiz-it` | QUIZ | ');
    expect(run.summary).toContain('(not recorded: dry run)');
    expect(await broker.depth(broker.topology.pull)).toBe(0);
  });

  it('counts an asset the job schema refuses as failed and fails the step', async () => {
    await seedAssets(db.orm.em.fork(), [{ slug: 'bad slug' }]);
    try {
      const run = await workspace.run(base);

      expect(run.code).toBe(1);
      expect(run.outputs).toMatchObject({ found: '4', queued: '3', failed: '1' });
      expect(slugs(await broker.drain(broker.topology.pull))).not.toContain('bad slug');
      const lines = run.stdout.split('\n');
      expect(lines).toContain(
        '::error title=Could not queue bad slug::bad slug (LESSON): invalid job: slug: must not ' +
          'contain whitespace or slashes',
      );
      expect(lines).toContain(
        '::error::1 of 4 assets could not be queued; see the annotations and the job summary',
      );
      expect(run.summary).toContain('### Assets not queued (1)');
      expect(run.summary).toContain(
        '| `bad slug` | LESSON | invalid job: slug: must not contain whitespace or slashes |',
      );
    } finally {
      await removeAssets('bad slug');
    }
  });

  it('annotates at most 10 failed assets and counts the rest in a warning', async () => {
    await seedAssets(
      db.orm.em.fork(),
      Array.from({ length: 12 }, (_, i) => ({ slug: `bad video ${i}`, asset_type: 'VIDEO' })),
    );
    try {
      const run = await workspace.run({ ...base, 'asset-type': 'VIDEO' });

      expect(run.code).toBe(1);
      expect(run.outputs).toMatchObject({ found: '12', queued: '0', failed: '12' });
      const annotations = run.stdout
        .split('\n')
        .filter((line) => line.startsWith('::error title=Could not queue'));
      expect(annotations).toHaveLength(10);
      expect(run.stdout).toContain(
        '::warning::2 more assets could not be queued; see the job summary and the log',
      );
      expect(run.summary).toContain('### Assets not queued (12)');
    } finally {
      await removeAssets('bad video %');
    }
  });
});
