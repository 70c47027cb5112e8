import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobPublisher } from '../../../src/shared/broker/job-publisher.js';
import { createTestBroker, type TestBroker } from '../../support/test-broker.js';

describe('broker topology', () => {
  let broker: TestBroker;

  beforeAll(async () => {
    broker = await createTestBroker('topology');
  });
  afterAll(async () => {
    await broker.destroy();
  });

  it('routes webhook pulls to their own lane and sweep pulls to the pull queue', async () => {
    const publisher = createJobPublisher(broker.connection, broker.topology);
    const base = { v: 1 as const, kind: 'pull' as const, owner: null, override: false };
    await publisher.publishPull({ ...base, slug: 'a', clean: true, source: { type: 'cli' } });
    await publisher.publishPull(
      {
        ...base,
        slug: 'b',
        clean: true,
        source: { type: 'webhook', deliveryId: 'd1', commitSha: 'a'.repeat(40) },
      },
      { lane: 'webhook' },
    );
    await publisher.close();

    expect(await broker.drain(broker.topology.pull)).toMatchObject([{ slug: 'a' }]);
    expect(await broker.drain(broker.topology.pullWebhook)).toMatchObject([{ slug: 'b' }]);
  });

  it('sends a message through a retry queue back to its work queue after the delay', async () => {
    const publisher = createJobPublisher(broker.connection, broker.topology);
    const retry = broker.topology.retries[0];
    await publisher.publishRaw(
      { exchange: retry.exchange, routingKey: broker.topology.clean },
      JSON.stringify({ v: 1, kind: 'clean', slug: 'c', source: { type: 'cli' } }),
    );
    await publisher.close();

    expect(await broker.depth(broker.topology.clean)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, retry.delayMs + 1_500));
    expect(await broker.drain(broker.topology.clean)).toMatchObject([{ slug: 'c' }]);
  });
});
