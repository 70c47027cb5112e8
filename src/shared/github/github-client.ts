import { createHash } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { type Logger, pino } from 'pino';
import { type BudgetPluginOptions, budgetPlugin } from './budget-plugin.js';
import { GithubError, RateLimitedError } from './github-error.js';
import { isRequestError, mapGithubError, targetOf } from './map-github-error.js';
import type { RateBudgets } from './rate-budget.js';

/** An answer of the REST API; a 304 is an answer, not an error. */
export interface GithubResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  data: T;
}

/** One entry of a GraphQL answer's `errors`. */
export interface GraphqlError {
  type?: string;
  path?: (string | number)[];
  message: string;
}

/** A GraphQL answer: partial `data` may come with `errors` (a missing repository, say). */
export interface GraphqlResult<T> {
  data: T;
  errors?: GraphqlError[];
  /** Points charged, from `rateLimit { cost }` when the query asked for it, else 1. */
  cost: number;
}

/** Per-call options of {@link GithubClient.request}. */
export interface RequestOptions {
  headers?: Record<string, string>;
  /** Return the body as bytes (`Uint8Array`) instead of parsing it; for raw file contents. */
  bytes?: boolean;
}

/** A GitHub API client bound to one credential and to the process's shared budgets. */
export interface GithubClient {
  /** The budget key of the credential (a hash, never the token). */
  readonly key: string;
  readonly baseUrl: string;
  request<T = unknown>(
    route: string,
    params?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GithubResponse<T>>;
  graphql<T = unknown>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlResult<T>>;
}

/** Options of {@link createGithubClient}. */
export interface GithubClientOptions {
  /** REST base URL, e.g. https://api.github.com; GraphQL is `${baseUrl}/graphql`. */
  baseUrl: string;
  /** The credential; null or absent for anonymous requests. */
  token?: string | null;
  budgets: RateBudgets;
  log?: Logger;
  fetch?: typeof globalThis.fetch;
  /** Clock in epoch ms; default `Date.now`. */
  now?: () => number;
  /** Used to wait out short limits (see `maxWaitMs`); default a timer. */
  sleep?: (ms: number) => Promise<void>;
  /** Budget key; default {@link credentialKey} of the token. */
  key?: string;
  /** Retries of a 5xx or network failure; default 3. */
  retries?: number;
  /** Retry n waits n² x this; default 1000 ms. */
  retryBaseMs?: number;
  /** Longest rate-limit wait spent in process; longer ones throw RateLimitedError. Default 0. */
  maxWaitMs?: number;
}

/** The budget key of a token: a short SHA-256, so that no token is ever kept or logged. */
export function credentialKey(token: string | null | undefined): string {
  if (!token) return 'anonymous';
  return `sha256:${createHash('sha256').update(token).digest('hex').slice(0, 16)}`;
}

const BudgetedOctokit = Octokit.plugin(budgetPlugin, retry);

/**
 * Creates a client for one credential. Every request it sends goes through `budgets`
 * (shared by all clients of the process); 5xx and network failures are retried a bounded
 * number of times; failures come out as {@link GithubError} (or {@link RateLimitedError},
 * thrown without sending when the budget is known to be exhausted).
 */
export function createGithubClient(options: GithubClientOptions): GithubClient {
  const key = options.key ?? credentialKey(options.token);
  const log = (options.log ?? pino({ level: 'silent' })).child({ module: 'github', key });
  const retries = options.retries ?? 3;
  const retryBaseMs = options.retryBaseMs ?? 1000;
  const budget: BudgetPluginOptions = {
    key,
    budgets: options.budgets,
    now: options.now ?? Date.now,
    sleep: options.sleep ?? ((ms) => delay(ms).then(() => undefined)),
    maxWaitMs: options.maxWaitMs ?? 0,
    retries,
    retryBaseMs,
    log,
  };
  const octokit = new BudgetedOctokit({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    auth: options.token ?? undefined,
    request: options.fetch ? { fetch: options.fetch } : undefined,
    retry: { retries, retryAfterBaseValue: retryBaseMs },
    budget,
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });

  async function request<T>(
    route: string,
    params: Record<string, unknown> = {},
    requestOptions: RequestOptions = {},
  ): Promise<GithubResponse<T>> {
    const target = targetOf(params);
    try {
      const response = await octokit.request(route, {
        ...params,
        headers: { ...(params.headers as object), ...requestOptions.headers },
        request: requestOptions.bytes ? { parseSuccessResponseBody: false } : undefined,
      });
      let data: unknown = response.data;
      if (requestOptions.bytes) {
        data = new Uint8Array(await new Response(data as ReadableStream).arrayBuffer());
      }
      return { status: response.status, headers: stringHeaders(response.headers), data: data as T };
    } catch (error) {
      if (isRequestError(error) && error.status === 304 && error.response) {
        const headers = stringHeaders(error.response.headers);
        return { status: 304, headers, data: undefined as T };
      }
      throw mapGithubError(error, target);
    }
  }

  async function graphql<T>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphqlResult<T>> {
    const response = await request<{ data?: T | null; errors?: GraphqlError[] }>('POST /graphql', {
      query,
      variables,
    });
    const { data, errors } = response.data;
    const limitedError = errors?.find((entry) => entry.type === 'RATE_LIMITED');
    if (limitedError) {
      const reset = Number(response.headers['x-ratelimit-reset']);
      const now = budget.now();
      const resetAt = Number.isFinite(reset) ? reset * 1000 : now + 60_000;
      options.budgets.noteExhausted(key, 'graphql', resetAt);
      throw new RateLimitedError({
        resetAt: new Date(resetAt),
        retryAfterMs: Math.max(0, resetAt - now),
        resource: 'graphql',
        secondary: false,
        sent: true,
        status: 200,
      });
    }
    if (data === null || data === undefined) {
      const first = errors?.[0];
      throw new GithubError(`GitHub GraphQL query failed: ${first?.message ?? 'no data'}`, {
        status: response.status,
        kind: graphqlErrorKind(first?.type),
      });
    }
    const cost = Number((data as { rateLimit?: { cost?: number } }).rateLimit?.cost ?? 1);
    return { data, errors: errors?.length ? errors : undefined, cost };
  }

  return { key, baseUrl: options.baseUrl, request, graphql };
}

// A query GitHub refuses as written (syntax, unknown field) fails the same way every time.
function graphqlErrorKind(type: string | undefined): GithubError['kind'] {
  if (type === 'NOT_FOUND') return 'not-found';
  if (type === 'INTERNAL' || type === 'SERVICE_UNAVAILABLE' || type === 'TIMEOUT') return 'server';
  return 'forbidden';
}

function stringHeaders(headers: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && value !== null) result[name.toLowerCase()] = String(value);
  }
  return result;
}
