import type { Connection, Publisher } from 'rabbitmq-client';
import { type CleanJob, jobSchema, type PullJob } from '../jobs/job-schemas.js';
import { declarations, type Topology } from './topology.js';

/** Publishes validated jobs with publisher confirms. */
export interface JobPublisher {
  /** Resolves once the broker has confirmed the job is stored. */
  publishPull(job: PullJob, options?: { lane?: 'sweep' | 'webhook' }): Promise<void>;
  publishClean(job: CleanJob): Promise<void>;
  /** Publishes raw bytes to a queue or exchange (retries and dead letters). */
  publishRaw(
    target: { exchange?: string; routingKey: string },
    body: Buffer | string,
    headers?: Record<string, unknown>,
  ): Promise<void>;
  close(): Promise<void>;
}

/** Creates a confirming publisher that declares the topology before its first publish. */
export function createJobPublisher(connection: Connection, t: Topology): JobPublisher {
  const publisher: Publisher = connection.createPublisher({
    confirm: true,
    maxAttempts: 2,
    ...declarations(t),
  });

  const send = (routingKey: string, job: unknown) => {
    // Validate on publish as well as on receipt: a bad job is a bug of the producer.
    const checked = jobSchema.parse(job);
    return publisher.send(
      { routingKey, durable: true, contentType: 'application/json', messageId: undefined },
      checked,
    );
  };

  return {
    publishPull: (job, options) => send(options?.lane === 'webhook' ? t.pullWebhook : t.pull, job),
    publishClean: (job) => send(t.clean, job),
    publishRaw: (target, body, headers) =>
      publisher.send(
        {
          exchange: target.exchange ?? '',
          routingKey: target.routingKey,
          durable: true,
          contentType: 'application/json',
          headers,
        },
        body,
      ),
    close: () => publisher.close(),
  };
}
