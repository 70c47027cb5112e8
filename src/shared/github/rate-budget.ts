import type { RateResource } from './github-error.js';

type HeaderBag = Record<string, string | number | undefined | null>;

interface Window {
  limit: number;
  remaining: number;
  /** Epoch milliseconds when GitHub refills the budget. */
  resetAt: number;
}

interface Secondary {
  until: number;
  /** Consecutive hits without retry-after, to grow the pause GitHub asks for. */
  strikes: number;
}

/** What is known about one budget, for logs and tests. */
export interface BudgetSnapshot {
  limit: number;
  remaining: number;
  resetAt: Date;
  inFlight: number;
  secondaryUntil: Date | null;
}

const MINUTE = 60_000;

/**
 * The rate-limit budgets of every credential used in the process, one per credential key and
 * resource, shared by all concurrent work so that no request is sent into a budget already
 * known to be exhausted (GitHub may ban integrations that keep sending while limited).
 *
 * A budget is learnt from the `x-ratelimit-*` headers of each answer; requests in flight are
 * counted against it until their answer arrives.
 */
export class RateBudgets {
  private readonly windows = new Map<string, Window>();
  private readonly secondary = new Map<string, Secondary>();
  private readonly inFlight = new Map<string, number>();

  /** Learns a budget from the headers of an answer (any status, including 304 and 403). */
  update(key: string, resource: RateResource, headers: HeaderBag): void {
    const remaining = numberHeader(headers, 'x-ratelimit-remaining');
    const reset = numberHeader(headers, 'x-ratelimit-reset');
    if (remaining === null || reset === null) return;
    const limit = numberHeader(headers, 'x-ratelimit-limit') ?? remaining;
    const named = headers['x-ratelimit-resource'];
    const which = named === 'core' || named === 'graphql' ? named : resource;
    const id = windowId(key, which);
    const resetAt = reset * 1000;
    const known = this.windows.get(id);

    if (!known || resetAt > known.resetAt) {
      this.windows.set(id, { limit, remaining, resetAt });
    } else if (resetAt === known.resetAt) {
      // Answers to concurrent requests arrive out of order: within one window the lowest
      // remaining count is the latest truth.
      known.remaining = Math.min(known.remaining, remaining);
      known.limit = limit;
    }
  }

  /**
   * Milliseconds to wait before sending with this credential; 0 when a request may go now.
   * `now` defaults to `Date.now()`.
   */
  waitTime(key: string, resource: RateResource, now: number = Date.now()): number {
    const secondary = this.secondary.get(key);
    const secondaryWait = secondary && secondary.until > now ? secondary.until - now : 0;
    const id = windowId(key, resource);
    const window = this.windows.get(id);
    let primaryWait = 0;
    const inFlight = this.inFlight.get(id) ?? 0;
    if (window && window.resetAt > now && window.remaining - inFlight <= 0) {
      primaryWait = window.resetAt - now;
    }
    return Math.max(secondaryWait, primaryWait);
  }

  /** When the wait of {@link waitTime} ends, as a date. `now` defaults to `Date.now()`. */
  resumeAt(key: string, resource: RateResource, now: number = Date.now()): Date {
    return new Date(now + this.waitTime(key, resource, now));
  }

  /** Counts a request as in flight against its budget; call {@link release} on its answer. */
  acquire(key: string, resource: RateResource): void {
    const id = windowId(key, resource);
    this.inFlight.set(id, (this.inFlight.get(id) ?? 0) + 1);
  }

  /** Ends what {@link acquire} started. */
  release(key: string, resource: RateResource): void {
    const id = windowId(key, resource);
    const count = this.inFlight.get(id) ?? 0;
    if (count <= 1) this.inFlight.delete(id);
    else this.inFlight.set(id, count - 1);
  }

  /**
   * Records a secondary rate limit for every resource of the credential. Without a
   * retry-after (`null`), GitHub asks for at least a minute, growing on repeated hits.
   * Returns the pause decided, in milliseconds.
   */
  noteSecondary(key: string, retryAfterMs: number | null, now: number = Date.now()): number {
    const known = this.secondary.get(key);
    const strikes = retryAfterMs === null ? (known?.strikes ?? 0) + 1 : 0;
    const pause = retryAfterMs ?? MINUTE * 2 ** Math.min(strikes - 1, 4);
    this.secondary.set(key, { until: now + pause, strikes });
    return pause;
  }

  /** Marks a budget exhausted until `resetAt` (epoch ms), when GitHub said so without headers. */
  noteExhausted(key: string, resource: RateResource, resetAt: number): void {
    const id = windowId(key, resource);
    const known = this.windows.get(id);
    this.windows.set(id, {
      limit: known?.limit ?? 0,
      remaining: 0,
      resetAt: Math.max(resetAt, known?.resetAt ?? 0),
    });
  }

  /** Forgets repeated secondary hits after an answer that was not limited. */
  noteSuccess(key: string): void {
    const known = this.secondary.get(key);
    if (known) known.strikes = 0;
  }

  /** What is known about a budget, or null before its first answer. */
  snapshot(key: string, resource: RateResource): BudgetSnapshot | null {
    const id = windowId(key, resource);
    const window = this.windows.get(id);
    if (!window) return null;
    const secondary = this.secondary.get(key);
    return {
      limit: window.limit,
      remaining: window.remaining,
      resetAt: new Date(window.resetAt),
      inFlight: this.inFlight.get(id) ?? 0,
      secondaryUntil: secondary ? new Date(secondary.until) : null,
    };
  }
}

const windowId = (key: string, resource: RateResource) => `${key}\u0000${resource}`;

function numberHeader(headers: HeaderBag, name: string): number | null {
  const value = headers[name];
  if (value === undefined || value === null || value === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}
