import type { AsyncMessage } from 'rabbitmq-client';
import type { JobPublisher } from '../../shared/broker/job-publisher.js';
import type { Topology } from '../../shared/broker/topology.js';
import { ATTEMPT_HEADER, NOT_BEFORE_HEADER, QUEUE_HEADER, REASON_HEADER } from './job-headers.js';

/** Sends a received message on: later (through a retry queue) or to the dead letters. */
export interface Reroute {
  /**
   * Brings the message back to `queue` after `waitMs`, marked as try `attempt`. A wait longer
   * than the longest retry queue is served in several hops (see `readNotBefore`).
   */
  later(message: AsyncMessage, queue: string, waitMs: number, attempt: number): Promise<void>;
  /** Parks the message in the dead-letter queue with the reason and the queue it came from. */
  deadLetter(message: AsyncMessage, queue: string, reason: string): Promise<void>;
}

/**
 * The retry queue that serves a wait of `waitMs`: the longest one not longer than the wait, or
 * the shortest when the wait is shorter than all of them.
 */
export function pickRetryQueue(retries: Topology['retries'], waitMs: number) {
  const fitting = retries.filter((retry) => retry.delayMs <= waitMs);
  return fitting.at(-1) ?? retries[0];
}

/** The message body as the bytes to publish again (the client parses JSON bodies on receipt). */
export function bodyBytes(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  return Buffer.from(JSON.stringify(body ?? null), 'utf8');
}

/** Creates the {@link Reroute} of a worker; `now` defaults to `Date.now`. */
export function createReroute(
  publisher: JobPublisher,
  t: Topology,
  now: () => number = Date.now,
): Reroute {
  return {
    async later(message, queue, waitMs, attempt) {
      const retry = pickRetryQueue(t.retries, waitMs);
      await publisher.publishRaw(
        { exchange: retry.exchange, routingKey: queue },
        bodyBytes(message.body),
        {
          ...message.headers,
          [ATTEMPT_HEADER]: attempt,
          [NOT_BEFORE_HEADER]: now() + waitMs,
        },
      );
    },
    async deadLetter(message, queue, reason) {
      await publisher.publishRaw({ routingKey: t.dead }, bodyBytes(message.body), {
        ...message.headers,
        [REASON_HEADER]: reason,
        [QUEUE_HEADER]: queue,
      });
    },
  };
}
