/** A piece of work that did not finish in the time it was given. */
export class DeadlineError extends Error {
  readonly what: string;
  readonly timeoutMs: number;

  constructor(what: string, timeoutMs: number) {
    super(`${what} did not finish within ${timeoutMs} ms`);
    this.name = 'DeadlineError';
    this.what = what;
    this.timeoutMs = timeoutMs;
  }
}

/**
 * Resolves like `work`, or rejects with {@link DeadlineError} once `timeoutMs` has passed. The
 * work itself goes on; only its answer is no longer awaited.
 */
export async function withDeadline<T>(
  work: Promise<T>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(what, timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
