import type { JobResult, LaneName } from './lane.js';

/** Ways a job can leave a worker: a result, or sent on to wait, retry or the dead letters. */
export type StatKey = JobResult['outcome'] | 'RETRY' | 'WAIT' | 'DEAD';

/** Counts of what a worker did, per lane; a plain object so it logs as is. */
export type WorkerCounts = Record<LaneName, Partial<Record<StatKey, number>>>;

/** Counters of a worker's jobs, and how many are in its hands right now. */
export class WorkerStats {
  readonly counts: WorkerCounts = { webhook: {}, pull: {}, clean: {} };
  inFlight = 0;

  count(lane: LaneName, key: StatKey): void {
    const counts = this.counts[lane];
    counts[key] = (counts[key] ?? 0) + 1;
  }

  /** Jobs finished (acknowledged one way or another) so far, over every lane. */
  total(): number {
    return Object.values(this.counts)
      .flatMap((counts) => Object.values(counts))
      .reduce((sum, n) => sum + (n ?? 0), 0);
  }
}
