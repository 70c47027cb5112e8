import type { Logger } from 'pino';
import type { Connection, Consumer } from 'rabbitmq-client';
import type { JobPublisher } from '../shared/broker/job-publisher.js';
import type { Topology } from '../shared/broker/topology.js';
import type { MikroORM } from '../shared/db/open-orm.js';
import { createCleanLane } from './clean/create-clean-lane.js';
import { decide, type FailurePolicy } from './failure-policy.js';
import { createPullLane } from './pull/create-pull-lane.js';
import type { GithubAccess } from './pull/github-access.js';
import { consumeLane } from './runtime/consume-lane.js';
import { createKeyedQueue } from './runtime/keyed-queue.js';
import { LANE_NAMES, type Lane, type LaneName } from './runtime/lane.js';
import { createReroute } from './runtime/reroute.js';
import { WorkerStats } from './runtime/worker-stats.js';

/**
 * Jobs in hand at once on each queue. A GitHub query reads up to 50 jobs' files, so 100 lets
 * one batch be read from GitHub while the previous one is written to the database.
 */
export const DEFAULT_CONCURRENCY = 100;

/** Options of {@link startWorker}. */
export interface WorkerOptions {
  orm: MikroORM;
  connection: Connection;
  publisher: JobPublisher;
  topology: Topology;
  github: GithubAccess;
  log: Logger;
  /** Queues to consume; default all three. */
  lanes?: readonly LaneName[];
  /** Jobs in hand at once on each queue; default {@link DEFAULT_CONCURRENCY}. */
  concurrency?: number;
  /** Messages each queue's consumer takes ahead; default `concurrency`. */
  prefetch?: number;
  /** Pull jobs read from GitHub together; default 50 (at most `concurrency`). */
  batchSize?: number;
  /** How long a pull batch waits to fill; default 50 ms. */
  batchWaitMs?: number;
  policy?: FailurePolicy;
  now?: () => number;
}

/** A running worker. */
export interface Worker {
  readonly stats: WorkerStats;
  readonly lanes: readonly Lane[];
  /**
   * Resolves once every consumed queue and every retry queue has been empty, with no job in
   * hand, for `quietMs` (default 1 s), or once the worker is stopped.
   */
  idle(quietMs?: number): Promise<void>;
  /** Stops taking jobs, finishes and acknowledges those in hand, then resolves. */
  stop(): Promise<void>;
}

/**
 * Starts consuming pull and clean jobs.
 *
 * Webhook jobs come first without priorities (quorum queues on RabbitMQ 3.10 have none): they
 * have a queue, a consumer, concurrency slots and pull batches of their own, so a push is taken
 * as soon as it arrives however long the sweep queue is. The sweep consumer takes no more
 * messages ahead than it works on (prefetch = concurrency by default), so nothing waits in this
 * process behind a backlog, and other workers share the sweep.
 */
export function startWorker(options: WorkerOptions): Worker {
  const now = options.now ?? Date.now;
  const t = options.topology;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const prefetch = options.prefetch ?? concurrency;
  const stats = new WorkerStats();
  const reroute = createReroute(options.publisher, t, now);
  const pullDeps = {
    orm: options.orm,
    github: options.github,
    publisher: options.publisher,
    now,
    log: options.log,
  };
  const perAsset = createKeyedQueue();
  const pull = (name: 'webhook' | 'pull', queue: string) =>
    createPullLane({
      name,
      queue,
      concurrency,
      prefetch,
      batchSize: options.batchSize,
      batchWaitMs: options.batchWaitMs,
      // A push is read as soon as its batch has waited, never held for fuller batches.
      fillBatches: name === 'pull',
      perAsset,
      deps: pullDeps,
    });
  const build: Record<LaneName, () => Lane> = {
    webhook: () => pull('webhook', t.pullWebhook) as Lane,
    pull: () => pull('pull', t.pull) as Lane,
    clean: () =>
      createCleanLane({ queue: t.clean, concurrency, prefetch, orm: options.orm, now }) as Lane,
  };
  const wanted = options.lanes ?? LANE_NAMES;
  const lanes = LANE_NAMES.filter((name) => wanted.includes(name)).map((name) => build[name]());
  const consumers: Consumer[] = lanes.map((lane) =>
    consumeLane({
      connection: options.connection,
      topology: t,
      lane,
      policy: options.policy ?? decide,
      reroute,
      stats,
      log: options.log,
      now,
    }),
  );

  const busy = async () => {
    if (stats.inFlight > 0 || consumers.some((consumer) => consumer.stats.prefetched > 0)) {
      return true;
    }
    const queues = [...lanes.map((lane) => lane.queue), ...t.retries.map((retry) => retry.name)];
    for (const queue of queues) {
      const { messageCount } = await options.connection.queueDeclare({ queue, passive: true });
      if (messageCount > 0) return true;
    }
    return false;
  };

  let stopped = false;
  return {
    stats,
    lanes,
    async idle(quietMs = 1_000) {
      let quietSince: number | null = null;
      while (!stopped) {
        const isBusy = await busy().catch(() => true);
        if (isBusy) quietSince = null;
        else quietSince ??= now();
        if (quietSince !== null && now() - quietSince >= quietMs) return;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    async stop() {
      stopped = true;
      const closing = consumers.map((consumer) => consumer.close());
      // A batch still gathering would otherwise wait out its timer.
      await Promise.all(lanes.map((lane) => lane.close?.()));
      await Promise.all(closing);
    },
  };
}
