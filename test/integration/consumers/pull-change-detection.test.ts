import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from '../../../src/consumers/start-worker.js';
import { createWorkerHarness, TOKEN, type WorkerHarness } from './worker-harness.js';

const url = (path: string) => `https://github.com/acme/learn/blob/main/${path}`;
const CONFIG = JSON.stringify({ title: 'Form', preview: 'https://example.com/form.png' });

describe('change detection', () => {
  let harness: WorkerHarness;
  let worker: Worker;

  const pullAndWait = async (slug: string, job = {}) => {
    await harness.pull(slug, { clean: true, ...job });
    await worker.idle(200);
  };
  const cleansQueued = async () => harness.broker.drain(harness.broker.topology.clean);
  const markCleaned = (slug: string) =>
    harness.db.orm.em
      .fork()
      .getConnection()
      .execute(`update asset set cleaning_status = 'OK' where slug = ?`, [slug]);

  beforeAll(async () => {
    harness = await createWorkerHarness('pull_change', {
      repos: [
        {
          owner: 'acme',
          name: 'learn',
          files: {
            main: {
              'lessons/a.md': '# A\n',
              'projects/form/README.md': '# Form\n',
              'projects/form/learn.json': CONFIG,
            },
          },
        },
      ],
    });
    await harness.seed([
      { slug: 'a', assetType: 'LESSON', readmeUrl: url('lessons/a.md') },
      { slug: 'form', assetType: 'PROJECT', readmeUrl: url('projects/form/README.md') },
    ]);
    worker = harness.start({ lanes: ['pull'] });
    await pullAndWait('a');
    await pullAndWait('form');
    expect(await cleansQueued()).toHaveLength(2);
    await markCleaned('a');
    await markCleaned('form');
  });
  afterAll(async () => {
    await harness?.destroy();
  });

  it('skips an unchanged file: no primary point, only its status written, no clean', async () => {
    const before = await harness.asset('a');
    harness.standin.resetCounters();
    await pullAndWait('a');

    const after = await harness.asset('a');
    expect(after).toMatchObject({
      readme_raw: '# A\n',
      sync_status: 'OK',
      blob_sha: before.blob_sha,
    });
    expect((after.last_synch_at as Date) > (before.last_synch_at as Date)).toBe(true);
    expect(after.version).toBe(Number(before.version) + 1);
    expect((await harness.events('a')).at(-1)).toMatchObject({ outcome: 'UNCHANGED' });
    expect(harness.standin.counters(TOKEN)).toMatchObject({ primaryPoints: 0, graphqlPoints: 1 });
    expect(await cleansQueued()).toEqual([]);
  });

  it('recognises an unchanged README and config from the folder listing alone', async () => {
    harness.standin.resetCounters();
    await pullAndWait('form');
    expect((await harness.events('form')).at(-1)).toMatchObject({ outcome: 'UNCHANGED' });
    expect(harness.standin.counters(TOKEN)).toMatchObject({ requests: 1, primaryPoints: 0 });
    expect(await cleansQueued()).toEqual([]);
  });

  it('cleans an unchanged file again when the job overrides', async () => {
    await pullAndWait('a', { override: true });
    expect(await cleansQueued()).toMatchObject([{ kind: 'clean', slug: 'a' }]);
    await markCleaned('a');
  });

  it('queues the clean of an unchanged file whose last clean never ran', async () => {
    await harness.db.orm.em
      .fork()
      .getConnection()
      .execute(`update asset set cleaning_status = 'PENDING' where slug = 'a'`);
    await pullAndWait('a');
    expect(await cleansQueued()).toMatchObject([{ slug: 'a' }]);
    await markCleaned('a');
  });

  it('stores a changed file and queues its clean', async () => {
    harness.standin.addFile('acme', 'learn', 'main', 'lessons/a.md', '# A, second edition\n');
    await pullAndWait('a');
    expect(await harness.asset('a')).toMatchObject({
      readme_raw: '# A, second edition\n',
      cleaning_status: 'PENDING',
    });
    expect(await cleansQueued()).toMatchObject([{ slug: 'a', source: { type: 'cli' } }]);
    await markCleaned('a');
  });

  it('stores a changed config without reading the unchanged README again', async () => {
    const config = JSON.stringify({ title: 'Form', preview: 'https://example.com/new.png' });
    harness.standin.addFile('acme', 'learn', 'main', 'projects/form/learn.json', config);
    await pullAndWait('form');
    expect(await harness.asset('form')).toMatchObject({
      readme_raw: '# Form\n',
      config: { preview: 'https://example.com/new.png' },
    });
    expect(await cleansQueued()).toMatchObject([{ slug: 'form' }]);
  });
});
