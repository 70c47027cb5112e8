import type { MikroORM } from '../../shared/db/open-orm.js';
import type { CleanJob } from '../../shared/jobs/job-schemas.js';
import type { Lane } from '../runtime/lane.js';
import { cacheVariables } from './cache-variables.js';
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
  /** How long content variables are reused between cleans; default 30 000 (30 s). */
  variablesTtlMs?: number;
}

/**
 * The lane of clean jobs: each is cleaned from the stored readme_raw and stored with its event
 * in one statement, and acknowledged once that statement has run. Content variables are
 * reused for `variablesTtlMs`, so a `variables set` reaches cleans within that time.
 */
export function createCleanLane(options: CleanLaneOptions): Lane<CleanJob> {
  const { orm, now } = options;
  const variables = cacheVariables({ now, ttlMs: options.variablesTtlMs });
  return {
    name: 'clean',
    queue: options.queue,
    kind: 'clean',
    concurrency: options.concurrency,
    prefetch: options.prefetch ?? options.concurrency,
    async handle(job, { log }) {
      const result = await cleanAsset(orm.em.fork(), job, {
        log,
        now: () => new Date(now()),
        variables,
      });
      return { outcome: result.outcome, detail: result.detail ?? undefined };
    },
    record: (job, note) => recordCleanFailure(orm.em.fork(), job, note, new Date(now())),
  };
}
