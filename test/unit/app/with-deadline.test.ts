import { describe, expect, it } from 'vitest';
import { DeadlineError, withDeadline } from '../../../app/with-deadline.js';

describe('withDeadline', () => {
  it('answers like the work when it finishes in time', async () => {
    await expect(withDeadline(Promise.resolve(7), 1_000, 'work')).resolves.toBe(7);
    await expect(withDeadline(Promise.reject(new Error('no')), 1_000, 'work')).rejects.toThrow(
      'no',
    );
  });

  it('rejects with a DeadlineError naming the work when it takes too long', async () => {
    const never = new Promise<number>(() => {});
    const error = await withDeadline(never, 20, 'compare').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadlineError);
    expect(error).toMatchObject({ what: 'compare', timeoutMs: 20 });
  });
});
