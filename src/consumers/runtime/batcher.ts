/** Options of {@link createBatcher}. */
export interface BatcherOptions<T, R> {
  /** Items per batch at most. */
  maxSize: number;
  /** How long the first item of a batch waits for others, in ms. */
  maxWaitMs: number;
  /**
   * Asked when the wait is over: true keeps a partial batch waiting another `maxWaitMs`,
   * because more items are sure to come. Default: never.
   */
  hold?(): boolean;
  /** Handles a batch: one promise per item, in the same order. */
  run(items: T[]): Promise<R>[];
}

/** Collects items into batches; each caller gets the outcome of its own item. */
export interface Batcher<T, R> {
  add(item: T): Promise<R>;
  /** Runs what is collected now, without waiting for more. */
  flush(): void;
}

interface Pending<T, R> {
  item: T;
  resolve(value: R): void;
  reject(error: unknown): void;
}

/**
 * Creates a batcher that runs a batch when `maxSize` items are in, or `maxWaitMs` after the
 * first one arrived (unless `hold` says more are coming), whichever comes first.
 */
export function createBatcher<T, R>(options: BatcherOptions<T, R>): Batcher<T, R> {
  let pending: Pending<T, R>[] = [];
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    let outcomes: Promise<R>[];
    try {
      outcomes = options.run(batch.map((entry) => entry.item));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
      return;
    }
    batch.forEach((entry, index) => {
      outcomes[index].then(entry.resolve, entry.reject);
    });
  };

  const waited = () => {
    timer = undefined;
    if (options.hold?.()) timer = setTimeout(waited, options.maxWaitMs);
    else flush();
  };

  return {
    add(item) {
      return new Promise<R>((resolve, reject) => {
        pending.push({ item, resolve, reject });
        if (pending.length >= options.maxSize) flush();
        else timer ??= setTimeout(waited, options.maxWaitMs);
      });
    },
    flush,
  };
}
