export type StandinResource = 'core' | 'graphql';

interface Window {
  limit: number;
  used: number;
  /** Epoch ms when the window ends. */
  resetAt: number;
  /** The client has been answered remaining 0 or refused in this window. */
  told: boolean;
}

interface Secondary {
  until: number;
  retryAfterSec: number;
  told: boolean;
  /** Set by a fault before any request saw it; starts counting at the first refusal. */
  pending: boolean;
}

/** Why a request is refused, if it is. */
export type Refusal =
  | { kind: 'primary'; alreadyTold: boolean }
  | { kind: 'secondary'; retryAfterSec: number; alreadyTold: boolean };

/**
 * Rate-limit windows of the stand-in, per identity (a token, or an IP for anonymous calls)
 * and resource, the way GitHub keeps them: a window opens at the first charged request and
 * refills after `windowMs`.
 */
export class RateState {
  private readonly windows = new Map<string, Window>();
  private readonly secondary = new Map<string, Secondary>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  private window(identity: string, resource: StandinResource, limit: number): Window {
    const id = `${identity}\u0000${resource}`;
    const now = this.now();
    let window = this.windows.get(id);
    if (!window || window.resetAt <= now) {
      window = { limit, used: 0, resetAt: now + this.windowMs, told: false };
      this.windows.set(id, window);
    }
    return window;
  }

  /** Whether a request of `identity` must be refused now, and whether it was told already. */
  refusal(identity: string, resource: StandinResource, limit: number): Refusal | null {
    const secondary = this.secondary.get(identity);
    if (secondary && (secondary.pending || secondary.until > this.now())) {
      if (secondary.pending) {
        secondary.pending = false;
        secondary.until = this.now() + secondary.retryAfterSec * 1000;
      }
      const alreadyTold = secondary.told;
      secondary.told = true;
      return { kind: 'secondary', retryAfterSec: secondary.retryAfterSec, alreadyTold };
    }
    const window = this.window(identity, resource, limit);
    if (window.used >= window.limit) {
      const alreadyTold = window.told;
      window.told = true;
      return { kind: 'primary', alreadyTold };
    }
    return null;
  }

  /** Charges points and returns the rate-limit headers to send. */
  charge(
    identity: string,
    resource: StandinResource,
    limit: number,
    points: number,
  ): Record<string, string> {
    const window = this.window(identity, resource, limit);
    window.used = Math.min(window.limit, window.used + points);
    if (window.used >= window.limit) window.told = true;
    return this.headers(identity, resource, limit);
  }

  /** The `x-ratelimit-*` headers of an identity's window. */
  headers(identity: string, resource: StandinResource, limit: number): Record<string, string> {
    const window = this.window(identity, resource, limit);
    return {
      'x-ratelimit-limit': String(window.limit),
      'x-ratelimit-remaining': String(Math.max(0, window.limit - window.used)),
      'x-ratelimit-used': String(window.used),
      'x-ratelimit-reset': String(Math.ceil(window.resetAt / 1000)),
      'x-ratelimit-resource': resource,
    };
  }

  /** Remaining points and reset time, for `rateLimit` and `/rate_limit`. */
  status(identity: string, resource: StandinResource, limit: number) {
    const window = this.window(identity, resource, limit);
    return {
      limit: window.limit,
      used: window.used,
      remaining: Math.max(0, window.limit - window.used),
      reset: Math.ceil(window.resetAt / 1000),
    };
  }

  /** Uses up the rest of the identity's window. */
  exhaust(identity: string, resource: StandinResource, limit: number): void {
    const window = this.window(identity, resource, limit);
    window.used = window.limit;
  }

  /** Refuses the identity's requests for `retryAfterSec` from its next request on. */
  secondaryLimit(identity: string, retryAfterSec: number): void {
    this.secondary.set(identity, { until: 0, retryAfterSec, told: false, pending: true });
  }
}
