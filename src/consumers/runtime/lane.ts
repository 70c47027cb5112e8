import type { Logger } from 'pino';
import type { CleanJob, PullJob } from '../../shared/jobs/job-schemas.js';

/** The queues a worker can consume, by the name the `--queues` flag uses. */
export const LANE_NAMES = ['webhook', 'pull', 'clean'] as const;
export type LaneName = (typeof LANE_NAMES)[number];

/** How one job ended, for the summary line and the counts. */
export interface JobResult {
  outcome: 'OK' | 'WARNING' | 'ERROR' | 'UNCHANGED' | 'SKIPPED';
  detail?: string;
}

/** What a failed job leaves on its asset: an error, or a note that it waits. */
export interface FailureNote {
  status: 'ERROR' | 'PENDING';
  text: string;
}

/** What a handler gets besides its job. */
export interface JobContext {
  attempt: number;
  log: Logger;
}

/**
 * One consumed queue and what handles its jobs. `handle` resolves once the job's database
 * transaction has committed (only then is the message acknowledged) and throws on failure; the
 * failure policy then decides, and `record` writes a permanent failure on the asset.
 */
export interface Lane<J extends PullJob | CleanJob = PullJob | CleanJob> {
  name: LaneName;
  queue: string;
  kind: J['kind'];
  concurrency: number;
  prefetch: number;
  handle(job: J, context: JobContext): Promise<JobResult>;
  record(job: J, note: FailureNote, error: unknown, context: JobContext): Promise<void>;
  /** Finishes what the lane holds (a batch being collected) before the worker stops. */
  close?(): Promise<void>;
}
