import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebhookDelivery } from '../../../src/shared/db/entities/index.js';
import { seedRepoAssets } from './support/seed-repo-assets.js';
import { startTestApp, type TestApp } from './support/start-test-app.js';
import { pushPayload, tagPushPayload } from './support/webhook-examples.js';

const OWNER = 'Acme-Academy';
const REPO = 'Web-Lessons';
const BLOB = `https://github.com/${OWNER}/${REPO}/blob`;
const AFTER = 'abcdef0123456789abcdef0123456789abcdef01';

describe('push webhooks', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp('app_push');
    await seedRepoAssets(app.db.orm.em.fork(), [
      { slug: 'intro-to-html', type: 'LESSON', url: `${BLOB}/main/lessons/intro-to-html.md` },
      {
        slug: 'css-basics',
        type: 'LESSON',
        // Stored URLs may spell the repository in another case than GitHub sends.
        url: 'https://github.com/acme-academy/web-lessons/blob/main/lessons/css-basics.md',
        owner: 'teacher-ana',
      },
      { slug: 'intro-draft', type: 'LESSON', url: `${BLOB}/develop/lessons/intro-to-html.md` },
      { slug: 'todo-app', type: 'PROJECT', url: `${BLOB}/main/projects/todo-app/README.md` },
      { slug: 'loops', type: 'EXERCISE', url: `${BLOB}/main/exercises/loops/README.md` },
      {
        slug: 'elsewhere',
        type: 'LESSON',
        url: `https://github.com/${OWNER}/Other/blob/main/lessons/intro-to-html.md`,
      },
    ]);
  });
  afterAll(async () => {
    await app?.close();
  });
  beforeEach(async () => {
    await app.webhookJobs();
    app.logs.length = 0;
  });

  const push = (commits: Parameters<typeof pushPayload>[0]['commits'], ref?: string) =>
    pushPayload({ owner: OWNER, repo: REPO, ref, after: AFTER, commits });

  it('queues exactly the pull of the one lesson a push modified', async () => {
    const id = randomUUID();
    const answer = await app.deliver('push', push([{ modified: ['lessons/intro-to-html.md'] }]), {
      id,
    });

    expect(answer.status).toBe(200);
    expect(await app.webhookJobs()).toEqual([
      {
        v: 1,
        kind: 'pull',
        slug: 'intro-to-html',
        owner: null,
        override: false,
        clean: true,
        source: { type: 'webhook', deliveryId: id, commitSha: AFTER },
      },
    ]);
    const recorded = await app.db.orm.em.fork().findOneOrFail(WebhookDelivery, { deliveryId: id });
    expect(recorded).toMatchObject({
      event: 'push',
      repository: `${OWNER}/${REPO}`,
      jobsQueued: 1,
    });
  });

  it('queues lessons added and removed, with their owner, across several commits', async () => {
    const answer = await app.deliver(
      'push',
      push([{ added: ['lessons/css-basics.md'] }, { removed: ['lessons/intro-to-html.md'] }]),
    );

    expect(answer.status).toBe(200);
    const jobs = await app.webhookJobs();
    expect(jobs.map((job) => [job.slug, job.owner]).sort()).toEqual([
      ['css-basics', 'teacher-ana'],
      ['intro-to-html', null],
    ]);
  });

  it('queues only the assets of the pushed branch', async () => {
    await app.deliver(
      'push',
      push([{ modified: ['lessons/intro-to-html.md'] }], 'refs/heads/develop'),
    );
    expect((await app.webhookJobs()).map((job) => job.slug)).toEqual(['intro-draft']);

    const answer = await app.deliver(
      'push',
      push([{ modified: ['lessons/intro-to-html.md'] }], 'refs/heads/feature'),
    );
    expect(answer.status).toBe(200);
    expect(await app.webhookJobs()).toEqual([]);
  });

  it('queues a project when its learn.json changes', async () => {
    await app.deliver('push', push([{ modified: ['projects/todo-app/learn.json'] }]));
    expect((await app.webhookJobs()).map((job) => job.slug)).toEqual(['todo-app']);
  });

  it('queues an exercise when its .learn/bc.json changes', async () => {
    await app.deliver('push', push([{ added: ['exercises/loops/.learn/bc.json'] }]));
    expect((await app.webhookJobs()).map((job) => job.slug)).toEqual(['loops']);
  });

  it('queues a project when a translation of its README changes', async () => {
    await app.deliver('push', push([{ modified: ['projects/todo-app/README.es.md'] }]));
    expect((await app.webhookJobs()).map((job) => job.slug)).toEqual(['todo-app']);
  });

  it('does not queue a lesson for a README or config beside its file', async () => {
    const answer = await app.deliver(
      'push',
      push([{ modified: ['lessons/README.md', 'lessons/learn.json'] }]),
    );
    expect(answer.status).toBe(200);
    expect(await app.webhookJobs()).toEqual([]);
  });

  it('queues every asset of a newly created branch, having nothing to compare', async () => {
    const payload = pushPayload({
      owner: OWNER,
      repo: REPO,
      ref: 'refs/heads/develop',
      before: '0'.repeat(40),
      after: AFTER,
      created: true,
      commits: [],
    });
    expect((await app.deliver('push', payload)).status).toBe(200);
    expect((await app.webhookJobs()).map((job) => job.slug)).toEqual(['intro-draft']);
  });

  it('skips a tag push with a debug line giving the reason', async () => {
    const id = randomUUID();
    const answer = await app.deliver('push', tagPushPayload(OWNER, REPO), { id });

    expect(answer.status).toBe(200);
    expect(await app.webhookJobs()).toEqual([]);
    expect(app.logs).toContainEqual(
      expect.objectContaining({ level: 20, id, reason: 'tag', msg: 'Push skipped' }),
    );
    expect(await app.db.orm.em.fork().count(WebhookDelivery, { deliveryId: id })).toBe(0);
  });

  it('skips a branch deletion', async () => {
    const payload = pushPayload({
      owner: OWNER,
      repo: REPO,
      after: '0'.repeat(40),
      deleted: true,
      commits: [],
    });
    const id = randomUUID();
    expect((await app.deliver('push', payload, { id })).status).toBe(200);
    expect(await app.webhookJobs()).toEqual([]);
    expect(app.logs).toContainEqual(expect.objectContaining({ id, reason: 'branch deleted' }));
  });

  it('writes one summary line per delivery with its id and counts', async () => {
    const id = randomUUID();
    await app.deliver(
      'push',
      push([{ modified: ['lessons/intro-to-html.md', 'lessons/css-basics.md', 'x.txt'] }]),
      { id },
    );
    await app.webhookJobs();

    const summaries = app.logs.filter((line) => line.msg === 'Push handled');
    expect(summaries).toEqual([
      expect.objectContaining({
        level: 30,
        id,
        repository: `${OWNER}/${REPO}`,
        paths: 3,
        matched: 2,
        queued: 2,
        elapsedMs: expect.any(Number),
      }),
    ]);
  });

  it('queues a redelivered delivery only once', async () => {
    const id = randomUUID();
    const payload = push([{ modified: ['lessons/intro-to-html.md'] }]);

    const first = await app.deliver('push', payload, { id });
    const second = await app.deliver('push', payload, { id });

    expect([first.status, second.status]).toEqual([200, 200]);
    expect((await app.webhookJobs()).map((job) => job.slug)).toEqual(['intro-to-html']);
    expect(app.logs).toContainEqual(expect.objectContaining({ id, reason: 'redelivery' }));
  });

  it('answers 4xx and queues nothing for a bad, missing or wrongly keyed signature', async () => {
    const payload = push([{ modified: ['lessons/intro-to-html.md'] }]);
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const tampered = await app.deliver('push', payload, {
      id: ids[0],
      signature: `sha256=${'0'.repeat(64)}`,
    });
    const missing = await app.deliver('push', payload, { id: ids[1], signature: null });
    const wrongSecret = await app.deliver('push', payload, {
      id: ids[2],
      secret: 'not-the-secret',
    });

    for (const answer of [tampered, missing, wrongSecret]) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
    }
    expect(await app.webhookJobs()).toEqual([]);
    const recorded = await app.db.orm.em.fork().count(WebhookDelivery, { deliveryId: ids });
    expect(recorded).toBe(0);
  });
});
