import type { Logger } from 'pino';
import { type AsyncMessage, type Connection, type Consumer, ConsumerStatus } from 'rabbitmq-client';
import { type Topology, workQueueArguments } from '../../shared/broker/topology.js';
import {
  type CleanJob,
  MalformedJobError,
  type PullJob,
  parseJob,
} from '../../shared/jobs/job-schemas.js';
import type { FailurePolicy } from '../failure-policy.js';
import { readAttempt, readNotBefore } from './job-headers.js';
import type { Lane } from './lane.js';
import type { Reroute } from './reroute.js';
import { settleFailure } from './settle-failure.js';
import type { StatKey, WorkerStats } from './worker-stats.js';

/** What {@link consumeLane} needs. */
export interface ConsumeLaneDeps {
  connection: Connection;
  topology: Topology;
  lane: Lane;
  policy: FailurePolicy;
  reroute: Reroute;
  stats: WorkerStats;
  log: Logger;
  now: () => number;
}

/**
 * Starts consuming one lane's queue. Every message is acknowledged once its outcome is safe:
 * committed to the database, or republished to a retry queue or the dead letters. The client's
 * own requeue is off (a throwing handler would otherwise loop forever); only a failure to
 * settle leaves the message to the broker, whose delivery limit bounds the repeats.
 */
export function consumeLane(deps: ConsumeLaneDeps): Consumer {
  const { connection, lane, stats, now } = deps;
  const log = deps.log.child({ lane: lane.name });

  const onMessage = async (message: AsyncMessage) => {
    const started = now();
    const attempt = readAttempt(message.headers);
    let jobLog = log.child({ attempt });
    let job: PullJob | CleanJob | null = null;
    let key: StatKey;
    stats.inFlight++;
    try {
      const notBefore = readNotBefore(message.headers);
      if (notBefore !== null && notBefore > now()) {
        // Back from a hop of a long wait, too early: hop again, without counting a try.
        await deps.reroute.later(message, lane.queue, notBefore - now(), attempt);
        jobLog.debug({ notBefore: new Date(notBefore) }, 'Job still waiting; hopping again');
        stats.count(lane.name, 'WAIT');
        return ConsumerStatus.ACK;
      }
      try {
        job = parseJob(message.body);
        if (job.kind !== lane.kind) {
          throw new MalformedJobError(`a ${job.kind} job in the ${lane.queue} queue`);
        }
        jobLog = jobLog.child({ slug: job.slug });
        const result = await lane.handle(job, { attempt, log: jobLog });
        key = result.outcome;
        jobLog.info(
          { outcome: result.outcome, detail: result.detail, ms: now() - started },
          `${lane.kind} ${job.slug}: ${result.outcome}`,
        );
      } catch (error) {
        key = await settleFailure(deps, message, job, error, { attempt, log: jobLog });
        if (key === 'ERROR') {
          jobLog.info(
            { outcome: 'ERROR', detail: (error as Error).message, ms: now() - started },
            `${lane.kind} ${job?.slug}: ERROR`,
          );
        }
      }
      stats.count(lane.name, key);
      return ConsumerStatus.ACK;
    } catch (error) {
      jobLog.error({ err: error }, 'Cannot settle the job; the broker will deliver it again');
      return ConsumerStatus.REQUEUE;
    } finally {
      stats.inFlight--;
    }
  };

  const consumer = connection.createConsumer(
    {
      queue: lane.queue,
      queueOptions: { durable: true, arguments: workQueueArguments(deps.topology) },
      requeue: false,
      concurrency: lane.concurrency,
      qos: { prefetchCount: lane.prefetch },
    },
    onMessage,
  );
  consumer.on('error', (error) => {
    log.warn({ err: error }, 'Consumer error; the client reconnects by itself');
  });
  return consumer;
}
