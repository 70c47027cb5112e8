import { describe, expect, it } from 'vitest';
import { JobsNotQueuedError, publishPullJobs } from '../../../../app/push/publish-pull-jobs.js';
import type { PullJob } from '../../../../src/shared/jobs/job-schemas.js';

const job = (slug: string): PullJob => ({
  v: 1,
  kind: 'pull',
  slug,
  owner: null,
  override: false,
  clean: true,
  source: { type: 'webhook', deliveryId: 'd-1', commitSha: 'a'.repeat(40) },
});

describe('publishPullJobs', () => {
  it('publishes every job on the webhook lane at once and counts them', async () => {
    const seen: { slug: string; lane?: string }[] = [];
    let inFlight = 0;
    let most = 0;
    const publisher = {
      async publishPull(pull: PullJob, options?: { lane?: 'sweep' | 'webhook' }) {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        seen.push({ slug: pull.slug, lane: options?.lane });
      },
    };
    const count = await publishPullJobs(publisher, [job('a'), job('b'), job('c')], {
      deliveryId: 'd-1',
      timeoutMs: 1_000,
    });
    expect(count).toBe(3);
    expect(most).toBe(3);
    expect(seen.map((entry) => entry.lane)).toEqual(['webhook', 'webhook', 'webhook']);
  });

  it('throws a 503 error counting the refused jobs when the broker refuses some', async () => {
    const publisher = {
      async publishPull(pull: PullJob) {
        if (pull.slug === 'b') throw new Error('channel closed');
      },
    };
    const error = await publishPullJobs(publisher, [job('a'), job('b')], {
      deliveryId: 'd-1',
      timeoutMs: 1_000,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobsNotQueuedError);
    expect(error).toMatchObject({ status: 503, failed: 1, total: 2, deliveryId: 'd-1' });
    expect((error as Error).message).toContain('channel closed');
  });

  it('throws when a publish fails before returning a promise', async () => {
    const publisher = {
      publishPull(): Promise<void> {
        throw new Error('invalid job');
      },
    };
    await expect(
      publishPullJobs(publisher, [job('a')], { deliveryId: 'd-1', timeoutMs: 1_000 }),
    ).rejects.toBeInstanceOf(JobsNotQueuedError);
  });

  it('throws when the confirms do not all arrive in time', async () => {
    const publisher = { publishPull: () => new Promise<void>(() => {}) };
    const error = await publishPullJobs(publisher, [job('a')], {
      deliveryId: 'd-1',
      timeoutMs: 20,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, failed: 1, total: 1 });
  });

  it('publishes nothing for no jobs', async () => {
    const publisher = {
      publishPull: async () => {
        throw new Error('must not be called');
      },
    };
    expect(await publishPullJobs(publisher, [], { deliveryId: 'd', timeoutMs: 10 })).toBe(0);
  });
});
