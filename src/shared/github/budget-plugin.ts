import type { Octokit, OctokitOptions } from '@octokit/core';
import type { Logger } from 'pino';
import { type GithubTarget, RateLimitedError, type RateResource } from './github-error.js';
import {
  isRateLimitAnswer,
  isRequestError,
  rateLimitedFromAnswer,
  targetOf,
} from './map-github-error.js';
import type { RateBudgets } from './rate-budget.js';

/** What the plugin needs, passed as the `budget` option of the Octokit constructor. */
export interface BudgetPluginOptions {
  key: string;
  budgets: RateBudgets;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Waits up to this long in process before giving up with RateLimitedError. */
  maxWaitMs: number;
  /** The retry plugin's settings, to announce each retry with its delay. */
  retries: number;
  retryBaseMs: number;
  log: Logger;
}

type Headers = Record<string, string | number | undefined>;

/**
 * Octokit plugin that guards every request actually sent (retries included, because it is
 * registered before the retry plugin and so wraps each attempt) with the shared budget of its
 * credential: a request that would go into a known exhausted budget is not sent.
 */
export function budgetPlugin(octokit: Octokit, options: OctokitOptions) {
  const settings = options.budget as BudgetPluginOptions | undefined;
  if (!settings) return;
  const { key, budgets } = settings;

  octokit.hook.wrap('request', async (request, requestOptions) => {
    const url = String(requestOptions.url);
    const resource: RateResource = /\/graphql$/.test(url) ? 'graphql' : 'core';
    // GitHub does not charge /rate_limit, and it is how a limited client learns the reset.
    const free = /\/rate_limit$/.test(url);
    const target = targetOf(requestOptions as Record<string, unknown>);

    if (!free) await waitForBudget(settings, resource, target);
    budgets.acquire(key, resource);
    try {
      const response = await request(requestOptions);
      budgets.update(key, resource, response.headers as Headers);
      budgets.noteSuccess(key);
      return response;
    } catch (error) {
      if (!isRequestError(error) || !error.response) {
        announceRetry(settings, requestOptions, 'network error', error);
        throw error;
      }
      const { status, headers } = error.response;
      budgets.update(key, resource, headers);
      if (isRateLimitAnswer(status, headers, error.message)) {
        throw limited(settings, { resource, status, headers, message: error.message, target });
      }
      if (status >= 500) announceRetry(settings, requestOptions, `status ${status}`, error);
      throw error;
    } finally {
      budgets.release(key, resource);
    }
  });
}

async function waitForBudget(
  settings: BudgetPluginOptions,
  resource: RateResource,
  target: GithubTarget,
) {
  const { key, budgets, now } = settings;
  for (;;) {
    const wait = budgets.waitTime(key, resource, now());
    if (wait === 0) return;
    if (wait > settings.maxWaitMs) {
      const snapshot = budgets.snapshot(key, resource);
      const secondary = (snapshot?.secondaryUntil?.getTime() ?? 0) > now();
      throw new RateLimitedError({
        ...target,
        resetAt: new Date(now() + wait),
        retryAfterMs: wait,
        resource,
        secondary,
        sent: false,
      });
    }
    settings.log.debug({ resource, waitMs: wait }, 'Waiting for the GitHub rate limit');
    await settings.sleep(wait);
  }
}

function limited(
  settings: BudgetPluginOptions,
  answer: {
    resource: RateResource;
    status: number;
    headers: Headers;
    message: string;
    target: GithubTarget;
  },
): RateLimitedError {
  const { resource, status, headers, message } = answer;
  const { key, budgets, now } = settings;
  const secondary = /secondary rate limit/i.test(message);
  const retryAfter = headers['retry-after'];
  let pause = 0;
  if (secondary || (retryAfter !== undefined && String(headers['x-ratelimit-remaining']) !== '0')) {
    pause = budgets.noteSecondary(
      key,
      retryAfter === undefined ? null : Number(retryAfter) * 1000,
      now(),
    );
  } else if (headers['x-ratelimit-reset'] === undefined) {
    budgets.noteExhausted(key, resource, now() + 60_000);
  }
  const error = rateLimitedFromAnswer({
    status,
    headers,
    message,
    resource,
    now: now(),
    secondaryPauseMs: pause,
    target: answer.target,
  });
  settings.log.warn(
    { resource, status, secondary: error.secondary, retryAfterMs: error.retryAfterMs },
    'GitHub rate limit reached',
  );
  return error;
}

function announceRetry(
  settings: BudgetPluginOptions,
  requestOptions: { method?: string; url?: string; request?: object },
  reason: string,
  error: unknown,
) {
  // The retry plugin counts attempts on the request options it passes down.
  const attempt = (requestOptions.request as { retryCount?: number } | undefined)?.retryCount ?? 0;
  if (attempt >= settings.retries) return;
  const delayMs = (attempt + 1) ** 2 * settings.retryBaseMs;
  settings.log.warn(
    { err: error, method: requestOptions.method, route: requestOptions.url, attempt, delayMs },
    `GitHub request failed (${reason}); retrying`,
  );
}
