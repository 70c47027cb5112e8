import type { AsyncMessage } from 'rabbitmq-client';
import type { CleanJob, PullJob } from '../../shared/jobs/job-schemas.js';
import type { Decision, FailurePolicy } from '../failure-policy.js';
import type { JobContext, Lane } from './lane.js';
import type { Reroute } from './reroute.js';
import type { StatKey } from './worker-stats.js';

/** What settling a failure needs. */
export interface SettleDeps {
  lane: Lane;
  policy: FailurePolicy;
  reroute: Reroute;
  now: () => number;
}

/**
 * Carries out what the failure policy decided for a failed job, so that the message can be
 * acknowledged: the job is recorded on its asset, sent to wait or retry, or dead-lettered.
 * Returns what happened, for the counts. Throws only when that itself cannot be done (the
 * broker or the database is gone): the caller then leaves the message to the broker.
 */
export async function settleFailure(
  deps: SettleDeps,
  message: AsyncMessage,
  job: PullJob | CleanJob | null,
  error: unknown,
  context: JobContext,
): Promise<StatKey> {
  const { lane, reroute, now } = deps;
  const { attempt, log } = context;
  const decision = deps.policy(error, attempt);

  switch (decision.action) {
    case 'record': {
      if (!job) break;
      try {
        await lane.record(job, { status: 'ERROR', text: decision.statusText }, error, context);
      } catch (recordError) {
        return settleRecordFailure(deps, message, job, recordError, context);
      }
      log.debug({ err: error }, 'Failure recorded on the asset');
      return 'ERROR';
    }
    case 'retry': {
      const seconds = Math.round(decision.delayMs / 1000);
      await note(deps, job, `Retrying in ${seconds} s: ${decision.reason}`, error, context);
      await reroute.later(message, lane.queue, decision.delayMs, attempt + 1);
      log.warn(
        { err: error, delayMs: decision.delayMs, nextAttempt: attempt + 1 },
        `Job failed, retrying: ${decision.reason}`,
      );
      return 'RETRY';
    }
    case 'wait-until': {
      const waitMs = Math.max(0, decision.until.getTime() - now());
      const until = decision.until.toISOString();
      await note(deps, job, `Rate limited by GitHub; waiting until ${until}`, error, context);
      await reroute.later(message, lane.queue, waitMs, attempt);
      log.warn({ until: decision.until, waitMs }, `Job waits: ${decision.reason}`);
      return 'WAIT';
    }
    case 'dead-letter':
      break;
  }
  const reason = decision.action === 'dead-letter' ? decision.reason : 'no job to record on';
  return deadLetter(deps, message, job, reason, error, context);
}

/** Notes on the asset that its job waits (best effort: it is not the outcome). */
async function note(
  deps: SettleDeps,
  job: PullJob | CleanJob | null,
  text: string,
  error: unknown,
  context: JobContext,
): Promise<void> {
  if (!job) return;
  await deps.lane
    .record(job, { status: 'PENDING', text }, error, context)
    .catch((noteError) =>
      context.log.warn({ err: noteError }, 'Cannot note the wait on the asset'),
    );
}

async function settleRecordFailure(
  deps: SettleDeps,
  message: AsyncMessage,
  job: PullJob | CleanJob,
  recordError: unknown,
  context: JobContext,
): Promise<StatKey> {
  const next: Decision = deps.policy(recordError, context.attempt);
  if (next.action === 'retry') {
    await deps.reroute.later(message, deps.lane.queue, next.delayMs, context.attempt + 1);
    context.log.warn(
      { err: recordError, delayMs: next.delayMs },
      `Cannot record the failure, retrying: ${next.reason}`,
    );
    return 'RETRY';
  }
  const reason = next.action === 'dead-letter' ? next.reason : String(recordError);
  return deadLetter(
    deps,
    message,
    job,
    `cannot record the failure: ${reason}`,
    recordError,
    context,
  );
}

async function deadLetter(
  deps: SettleDeps,
  message: AsyncMessage,
  job: PullJob | CleanJob | null,
  reason: string,
  error: unknown,
  context: JobContext,
): Promise<StatKey> {
  await deps.reroute.deadLetter(message, deps.lane.queue, reason);
  context.log.error({ err: error, reason }, 'Job given up to the dead letters');
  if (job) {
    // Best effort: the database may be why the job gave up.
    await deps.lane
      .record(job, { status: 'ERROR', text: `Gave up: ${reason}` }, error, context)
      .catch(() => {});
  }
  return 'DEAD';
}
