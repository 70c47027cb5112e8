import type { MikroORM } from '../../shared/db/open-orm.js';
import type { CleanJob } from '../../shared/jobs/job-schemas.js';
import type { Lane } from '../runtime/lane.js';
import { cleanAsset } from './clean-asset.js';
import { recordCleanFailure } from './record-clean-failure.js';

/** Options of {@link createCleanLane}. */
export interface CleanLaneOptions {
  queue: string;
  concurrency: number;
  /** Default `concurrency`. */
  prefetch?: number;
  orm: MikroORM;
  now: () => number;
}

/**
 * The lane of clean jobs: each is cleaned from the stored readme_raw in a transaction of its
 * own, and acknowledged once that transaction has committed.
 */
export function createCleanLane(options: CleanLaneOptions): Lane<CleanJob> {
  const { orm, now } = options;
  return {
    name: 'clean',
    queue: options.queue,
    kind: 'clean',
    concurrency: options.concurrency,
    prefetch: options.prefetch ?? options.concurrency,
    async handle(job, { log }) {
      const result = await orm.em
        .fork()
        .transactional((em) => cleanAsset(em, job, { log, now: () => new Date(now()) }));
      return { outcome: result.outcome, detail: result.detail ?? undefined };
    },
    record: (job, note) => recordCleanFailure(orm.em.fork(), job, note, new Date(now())),
  };
}
