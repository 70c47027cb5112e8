import type { JobPublisher } from '../../src/shared/broker/job-publisher.js';
import type { PullJob } from '../../src/shared/jobs/job-schemas.js';
import { withDeadline } from '../with-deadline.js';

/**
 * Pull jobs of a delivery that the broker did not confirm. `status` 503 is what the webhook
 * answer carries, so GitHub shows the delivery as failed and it can be redelivered.
 */
export class JobsNotQueuedError extends Error {
  readonly status = 503;
  readonly deliveryId: string;
  readonly failed: number;
  readonly total: number;

  constructor(fields: { deliveryId: string; failed: number; total: number }, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `${fields.failed} of ${fields.total} pull jobs not confirmed by the broker (${reason}); ` +
        'nothing was recorded: redeliver this delivery once RabbitMQ accepts messages',
      { cause },
    );
    this.name = 'JobsNotQueuedError';
    this.deliveryId = fields.deliveryId;
    this.failed = fields.failed;
    this.total = fields.total;
  }
}

/**
 * Publishes `jobs` on the webhook lane all at once, so their confirms overlap, and resolves when
 * every one is confirmed. Throws {@link JobsNotQueuedError} when any is refused or when they
 * are not all confirmed within `timeoutMs` (GitHub gives up on the answer after 10 s).
 */
export async function publishPullJobs(
  publisher: Pick<JobPublisher, 'publishPull'>,
  jobs: readonly PullJob[],
  options: { deliveryId: string; timeoutMs: number },
): Promise<number> {
  if (jobs.length === 0) return 0;
  const total = jobs.length;
  const { deliveryId } = options;
  const settled = await withDeadline(
    Promise.allSettled(jobs.map(async (job) => publisher.publishPull(job, { lane: 'webhook' }))),
    options.timeoutMs,
    `confirming ${total} pull jobs`,
  ).catch((error: unknown) => {
    throw new JobsNotQueuedError({ deliveryId, failed: total, total }, error);
  });
  const refused = settled.filter((result) => result.status === 'rejected');
  if (refused.length > 0) {
    throw new JobsNotQueuedError({ deliveryId, failed: refused.length, total }, refused[0].reason);
  }
  return total;
}
