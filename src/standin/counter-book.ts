import type { StandinCounters } from './standin-types.js';

type Tally = Omit<StandinCounters, 'byRoute'>;

/** Request counters per caller key. */
export interface CounterBook {
  /** The tally of a caller, counting one request on `route` in its per-route figures. */
  of(key: string, route: string): Tally;
  /** One caller's counters, or everyone's summed when `key` is undefined. */
  read(key?: string): StandinCounters;
  reset(): void;
}

const empty = (): StandinCounters => ({
  requests: 0,
  primaryPoints: 0,
  graphqlPoints: 0,
  notModified: 0,
  limited: 0,
  sentWhileLimited: 0,
  byRoute: {},
});

/** Creates an empty {@link CounterBook}. */
export function createCounterBook(): CounterBook {
  let book = new Map<string, StandinCounters>();
  return {
    of(key, route) {
      let counters = book.get(key);
      if (!counters) {
        counters = empty();
        book.set(key, counters);
      }
      counters.byRoute[route] = (counters.byRoute[route] ?? 0) + 1;
      return counters;
    },
    read(key) {
      if (key !== undefined) {
        const counters = book.get(key) ?? empty();
        return { ...counters, byRoute: { ...counters.byRoute } };
      }
      const total = empty();
      for (const counters of book.values()) {
        for (const name of Object.keys(total) as (keyof StandinCounters)[]) {
          if (name === 'byRoute') continue;
          total[name] += counters[name];
        }
        for (const [route, count] of Object.entries(counters.byRoute)) {
          total.byRoute[route] = (total.byRoute[route] ?? 0) + count;
        }
      }
      return total;
    },
    reset() {
      book = new Map();
    },
  };
}
