/** Header counting the tries of a job (absent on its first delivery: try 1). */
export const ATTEMPT_HEADER = 'x-attempt';
/** Header holding the time (epoch ms) before which a waiting job must not run. */
export const NOT_BEFORE_HEADER = 'x-not-before';
/** Headers a dead letter carries: why it was parked, and which work queue it came from. */
export const REASON_HEADER = 'x-reason';
export const QUEUE_HEADER = 'x-queue';

type Headers = Record<string, unknown> | undefined;

/** The number of the try this delivery is, from 1; a missing or bad header counts as 1. */
export function readAttempt(headers: Headers): number {
  const value = Number(headers?.[ATTEMPT_HEADER]);
  return Number.isInteger(value) && value >= 1 ? value : 1;
}

/** When a waiting job may run, in epoch ms, or null when it may run now. */
export function readNotBefore(headers: Headers): number | null {
  const value = Number(headers?.[NOT_BEFORE_HEADER]);
  return Number.isFinite(value) && value > 0 ? value : null;
}
