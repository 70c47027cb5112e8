import { OptimisticLockError } from '@mikro-orm/core';
import type { PullJob } from '../../shared/jobs/job-schemas.js';
import { AssetProblem } from '../asset-problem.js';
import { createBatcher } from '../runtime/batcher.js';
import { createKeyedQueue, type KeyedQueue } from '../runtime/keyed-queue.js';
import type { JobContext, JobResult, Lane } from '../runtime/lane.js';
import { type PullBatchDeps, type PullItem, runPullBatch } from './run-pull-batch.js';
import { recordPull } from './write-pull.js';

/** Reads of a job whose asset keeps changing under it before it counts as a failed try. */
const CONFLICT_READS = 3;

/** Options of {@link createPullLane}. */
export interface PullLaneOptions {
  name: 'webhook' | 'pull';
  queue: string;
  /** Jobs in hand at once. */
  concurrency: number;
  /** Messages the broker hands over ahead; default `concurrency`. */
  prefetch?: number;
  /** Jobs read from GitHub together; default 50, at most the jobs in hand. */
  batchSize?: number;
  /** How long the first job of a batch waits for others; default 50 ms. */
  batchWaitMs?: number;
  /**
   * Keep a partial batch waiting while another batch runs, to spend fewer GitHub points
   * (default); off where latency matters more than points.
   */
  fillBatches?: boolean;
  /** Serialises pulls of one asset; share it between lanes. Default one of the lane's own. */
  perAsset?: KeyedQueue;
  deps: PullBatchDeps;
}

/**
 * A lane of pull jobs: jobs are gathered into small batches so that one GitHub query reads the
 * files of many assets.
 */
export function createPullLane(options: PullLaneOptions): Lane<PullJob> {
  const deps = { ...options.deps, log: options.deps.log.child({ lane: options.name }) };
  const perAsset = options.perAsset ?? createKeyedQueue();
  const prefetch = options.prefetch ?? options.concurrency;
  const slots = Math.min(options.concurrency, prefetch);
  let running = 0;
  let closing = false;
  const batcher = createBatcher<PullItem, JobResult>({
    maxSize: Math.max(1, Math.min(options.batchSize ?? 50, slots)),
    maxWaitMs: options.batchWaitMs ?? 50,
    // While a batch runs, its jobs will end and free slots for more: a partial batch waits for
    // them rather than spend a GitHub query on a few files (a full one goes at once).
    hold: () => options.fillBatches !== false && !closing && running > 0,
    run(items) {
      running += items.length;
      return runPullBatch(deps, items).map((outcome) =>
        outcome.finally(() => {
          running--;
        }),
      );
    },
  });

  const pull = async (job: PullJob, context: JobContext) => {
    for (let read = 1; ; read++) {
      try {
        return await batcher.add({ job, context });
      } catch (error) {
        // Another process stored the asset since this pull read it: read it again at once
        // rather than wait out a retry delay; the failure policy takes over after that.
        if (!(error instanceof OptimisticLockError) || read >= CONFLICT_READS) throw error;
        context.log.debug({ read }, 'Asset changed during the pull; pulling it again');
      }
    }
  };

  return {
    name: options.name,
    queue: options.queue,
    kind: 'pull',
    concurrency: options.concurrency,
    prefetch,
    // Two pulls of one asset in a process would only make one of them fail its write.
    handle: (job, context) => perAsset.run(job.slug, () => pull(job, context)),
    record: (job, note, error) =>
      recordPull(
        deps.orm.em.fork(),
        job,
        note,
        error instanceof AssetProblem ? error.kept : undefined,
        new Date(deps.now()),
      ),
    async close() {
      closing = true;
      batcher.flush();
    },
  };
}
