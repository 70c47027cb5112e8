import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBroker } from '../../../src/shared/broker/connect-broker.js';
import { createJobPublisher, type JobPublisher } from '../../../src/shared/broker/job-publisher.js';
import { WebhookDelivery } from '../../../src/shared/db/entities/index.js';
import { AMQP_URL } from '../../support/test-broker.js';
import { seedRepoAssets } from './support/seed-repo-assets.js';
import { startTestApp, type TestApp } from './support/start-test-app.js';
import { pushPayload } from './support/webhook-examples.js';

describe('push webhooks when the broker fails', () => {
  let app: TestApp;
  let current: JobPublisher;
  const payload = pushPayload({
    owner: 'acme',
    repo: 'lessons',
    commits: [{ modified: ['a.md', 'b.md'] }],
  });

  beforeAll(async () => {
    app = await startTestApp('app_publish_failure', {
      // Delegates to whichever publisher the test sets, so a broken one can be swapped in.
      publisher: { publishPull: (job, options) => current.publishPull(job, options) },
      publishTimeoutMs: 1_500,
    });
    await seedRepoAssets(app.db.orm.em.fork(), [
      { slug: 'a', type: 'LESSON', url: 'https://github.com/acme/lessons/blob/main/a.md' },
      { slug: 'b', type: 'LESSON', url: 'https://github.com/acme/lessons/blob/main/b.md' },
    ]);
  });
  afterAll(async () => {
    await app?.close();
  });

  const recorded = (deliveryId: string) =>
    app.db.orm.em.fork().count(WebhookDelivery, { deliveryId });

  it('answers 503 and records nothing while the publisher is closed, then queues', async () => {
    const id = randomUUID();
    current = createJobPublisher(app.connection, app.broker.topology);
    await current.close();

    const failed = await app.deliver('push', payload, { id });
    expect(failed.status).toBe(503);
    expect(await app.webhookJobs()).toEqual([]);
    expect(await recorded(id)).toBe(0);

    current = createJobPublisher(app.connection, app.broker.topology);
    const redelivered = await app.deliver('push', payload, { id });
    await current.close();

    expect(redelivered.status).toBe(200);
    expect((await app.webhookJobs()).map((job) => job.slug).sort()).toEqual(['a', 'b']);
    expect(await recorded(id)).toBe(1);
  });

  it('answers 5xx well within GitHub’s 10 s when the broker connection is gone', async () => {
    const id = randomUUID();
    const connection = await connectBroker(AMQP_URL);
    current = createJobPublisher(connection, app.broker.topology);
    await connection.close();

    const failed = await app.deliver('push', payload, { id });

    expect(failed.status).toBe(503);
    expect(failed.body).toContain('not confirmed by the broker');
    expect(await recorded(id)).toBe(0);
    await current.close();
  });
});
