import { describe, expect, it } from 'vitest';
import { createKeyedQueue } from '../../../../src/consumers/runtime/keyed-queue.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('keyed queue', () => {
  it('runs tasks of one key one after another, even when one fails', async () => {
    const queue = createKeyedQueue();
    const order: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        order.push(`${name} start`);
        await tick();
        order.push(`${name} end`);
        if (fail) throw new Error(name);
        return name;
      };
    const outcomes = await Promise.allSettled([
      queue.run('a', task('first', true)),
      queue.run('a', task('second')),
    ]);
    expect(order).toEqual(['first start', 'first end', 'second start', 'second end']);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'fulfilled']);
  });

  it('runs tasks of different keys side by side', async () => {
    const queue = createKeyedQueue();
    const order: string[] = [];
    const task = (name: string) => async () => {
      order.push(`${name} start`);
      await tick();
      order.push(`${name} end`);
    };
    await Promise.all([queue.run('a', task('a')), queue.run('b', task('b'))]);
    expect(order.slice(0, 2)).toEqual(['a start', 'b start']);
  });
});
