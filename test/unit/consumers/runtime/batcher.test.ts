import { describe, expect, it } from 'vitest';
import { createBatcher } from '../../../../src/consumers/runtime/batcher.js';

describe('batcher', () => {
  it('runs a batch as soon as it is full', async () => {
    const batches: number[][] = [];
    const batcher = createBatcher<number, number>({
      maxSize: 3,
      maxWaitMs: 60_000,
      run: (items) => {
        batches.push(items);
        return items.map(async (item) => item * 10);
      },
    });
    const results = await Promise.all([1, 2, 3].map((n) => batcher.add(n)));
    expect(results).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('runs a partial batch after the wait', async () => {
    const batches: number[][] = [];
    const batcher = createBatcher<number, number>({
      maxSize: 10,
      maxWaitMs: 5,
      run: (items) => {
        batches.push(items);
        return items.map(async (item) => item);
      },
    });
    expect(await Promise.all([batcher.add(1), batcher.add(2)])).toEqual([1, 2]);
    expect(batches).toEqual([[1, 2]]);
  });

  it('gives each item its own outcome', async () => {
    const batcher = createBatcher<number, number>({
      maxSize: 2,
      maxWaitMs: 5,
      run: (items) =>
        items.map(async (item) => {
          if (item === 2) throw new Error('two failed');
          return item;
        }),
    });
    const [one, two] = await Promise.allSettled([batcher.add(1), batcher.add(2)]);
    expect(one).toEqual({ status: 'fulfilled', value: 1 });
    expect(two).toMatchObject({ status: 'rejected', reason: { message: 'two failed' } });
  });

  it('fails every item when the batch cannot start', async () => {
    const batcher = createBatcher<number, number>({
      maxSize: 2,
      maxWaitMs: 5,
      run: () => {
        throw new Error('no batch');
      },
    });
    const outcomes = await Promise.allSettled([batcher.add(1), batcher.add(2)]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
  });

  it('runs what it holds at once when flushed', async () => {
    const batcher = createBatcher<number, number>({
      maxSize: 10,
      maxWaitMs: 60_000,
      run: (items) => items.map(async (item) => item),
    });
    const pending = batcher.add(7);
    batcher.flush();
    expect(await pending).toBe(7);
  });

  it('keeps a partial batch waiting while hold says more items are coming', async () => {
    let more = true;
    const batches: number[][] = [];
    const batcher = createBatcher<number, number>({
      maxSize: 10,
      maxWaitMs: 5,
      hold: () => more,
      run: (items) => {
        batches.push(items);
        return items.map(async (item) => item);
      },
    });
    const first = batcher.add(1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(batches).toEqual([]);
    const second = batcher.add(2);
    more = false;
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(batches).toEqual([[1, 2]]);
  });
});
