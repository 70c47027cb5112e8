import {
  ConnectionException,
  DeadlockException,
  DriverException,
  LockWaitTimeoutException,
  OptimisticLockError,
} from '@mikro-orm/core';
import { RETRY_DELAYS_MS } from '../shared/broker/topology.js';
import { TokenCipherError } from '../shared/crypto/token-cipher.js';
import { GithubError, RateLimitedError } from '../shared/github/github-error.js';
import { InvalidReadmeUrlError } from '../shared/github/parse-readme-url.js';
import { MalformedJobError } from '../shared/jobs/job-schemas.js';
import { AssetProblem } from './asset-problem.js';

/** What to do with a job whose handling failed. */
export type Decision =
  /** Try again after `delayMs`; the try is counted. */
  | { action: 'retry'; delayMs: number; reason: string }
  /** Come back at `until` (a rate-limit reset); not counted as a try. */
  | { action: 'wait-until'; until: Date; reason: string }
  /** Write the outcome on the asset and acknowledge: trying again cannot help. */
  | { action: 'record'; syncStatus: 'ERROR'; statusText: string }
  /** Park the message in the dead-letter queue with the reason. */
  | { action: 'dead-letter'; reason: string };

/** Decides what a failure means; `attempt` is the number of the try that failed, from 1. */
export type FailurePolicy = (error: unknown, attempt: number) => Decision;

/** Options of {@link createFailurePolicy}. */
export interface FailurePolicyOptions {
  /** Tries before a retryable failure gives up to the dead letters; default 6. */
  maxTries?: number;
  /** Delay after the n-th failed try (the last one repeats); default the retry queues' delays. */
  delaysMs?: readonly number[];
}

type Verdict =
  | { retry: string }
  | { wait: Date; reason: string }
  | { record: string }
  | { deadLetter: string };

interface Rule {
  /** What the row stands for, as tests and readers name it. */
  name: string;
  matches(error: unknown): boolean;
  verdict(error: Error): Verdict;
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

// SQLSTATE classes of a database that is down, restarting, overloaded or out of connections.
const UNAVAILABLE_SQLSTATE = /^(08|53|57P)/;

/** The table: the first row that matches decides. */
export const FAILURE_RULES: readonly Rule[] = [
  {
    name: 'malformed or unknown-version message',
    matches: (error) => error instanceof MalformedJobError,
    verdict: (error) => ({ deadLetter: `malformed message: ${error.message}` }),
  },
  {
    name: 'GitHub rate limit',
    matches: (error) => error instanceof RateLimitedError,
    verdict: (error) => ({
      wait: (error as RateLimitedError).resetAt,
      reason: error.message,
    }),
  },
  {
    name: 'problem with the asset, its URL or its files',
    matches: (error) => error instanceof AssetProblem,
    verdict: (error) => ({ record: error.message }),
  },
  {
    name: 'invalid readme_url',
    matches: (error) => error instanceof InvalidReadmeUrlError,
    verdict: (error) => ({ record: `Invalid URL: ${error.message}` }),
  },
  {
    name: 'GitHub 404',
    matches: (error) => githubKind(error) === 'not-found',
    verdict: (error) => ({ record: `Repository not found or not accessible: ${error.message}` }),
  },
  {
    name: 'GitHub 401 or 403',
    matches: (error) => ['bad-credentials', 'forbidden'].includes(githubKind(error) ?? ''),
    verdict: (error) => ({ record: `Bad GitHub credentials: ${error.message}` }),
  },
  {
    name: 'stored token unreadable',
    matches: (error) => error instanceof TokenCipherError,
    verdict: (error) => ({ record: `Bad GitHub credentials: ${error.message}` }),
  },
  {
    name: 'GitHub 5xx or unreachable',
    matches: (error) => ['server', 'network'].includes(githubKind(error) ?? ''),
    verdict: (error) => ({ retry: error.message }),
  },
  {
    name: 'network failure or timeout',
    matches: isNetworkFailure,
    verdict: (error) => ({ retry: `network: ${error.message}` }),
  },
  {
    name: 'database unavailable',
    matches: isDatabaseUnavailable,
    verdict: (error) => ({ retry: `database unavailable: ${error.message}` }),
  },
  {
    name: 'concurrent update of the asset',
    matches: (error) => error instanceof OptimisticLockError,
    verdict: () => ({ retry: 'the asset changed while it was being pulled' }),
  },
  {
    // An unknown failure may be transient; a bounded number of tries then the dead letters
    // keeps it visible without looping.
    name: 'unexpected error',
    matches: () => true,
    verdict: (error) => ({ retry: `unexpected: ${error.message}` }),
  },
];

/**
 * Builds the one function that decides what a failure means (see {@link FAILURE_RULES}).
 * Retryable failures wait a growing delay and give up to the dead letters after `maxTries`.
 */
export function createFailurePolicy(options: FailurePolicyOptions = {}): FailurePolicy {
  const maxTries = options.maxTries ?? 6;
  const delays = options.delaysMs ?? RETRY_DELAYS_MS;
  return (error, attempt) => {
    const failure = error instanceof Error ? error : new Error(String(error));
    const rule = FAILURE_RULES.find((candidate) => candidate.matches(failure));
    const verdict = rule!.verdict(failure);
    if ('deadLetter' in verdict) return { action: 'dead-letter', reason: verdict.deadLetter };
    if ('record' in verdict) {
      return { action: 'record', syncStatus: 'ERROR', statusText: verdict.record };
    }
    if ('wait' in verdict)
      return { action: 'wait-until', until: verdict.wait, reason: verdict.reason };
    if (attempt >= maxTries) {
      return { action: 'dead-letter', reason: `gave up after ${attempt} tries: ${verdict.retry}` };
    }
    const delayMs = delays[Math.min(Math.max(attempt, 1), delays.length) - 1];
    return { action: 'retry', delayMs, reason: verdict.retry };
  };
}

/** The failure policy with its defaults: 6 tries, delays of the retry queues. */
export const decide: FailurePolicy = createFailurePolicy();

function githubKind(error: unknown): string | undefined {
  return error instanceof GithubError ? error.kind : undefined;
}

/** The error and its causes, outermost first (bounded: causes can form a cycle). */
function chain(error: unknown): unknown[] {
  const links: unknown[] = [];
  let current = error;
  while (current && links.length < 8) {
    links.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return links;
}

function isNetworkFailure(error: unknown): boolean {
  return chain(error).some((link) => {
    const { code, name } = link as { code?: unknown; name?: unknown };
    return (
      (typeof code === 'string' && NETWORK_CODES.has(code)) ||
      name === 'AbortError' ||
      name === 'TimeoutError'
    );
  });
}

function isDatabaseUnavailable(error: unknown): boolean {
  return chain(error).some((link) => {
    if (
      link instanceof ConnectionException ||
      link instanceof DeadlockException ||
      link instanceof LockWaitTimeoutException
    ) {
      return true;
    }
    const { code, name, message } = link as { code?: unknown; name?: unknown; message?: unknown };
    if (link instanceof DriverException && typeof code === 'string') {
      return UNAVAILABLE_SQLSTATE.test(code) || NETWORK_CODES.has(code);
    }
    // pg and the pool raise plain errors when a connection drops or none can be had.
    return (
      name === 'KnexTimeoutError' ||
      (typeof message === 'string' &&
        /Connection terminated|Timeout acquiring a connection|connection is closed/i.test(message))
    );
  });
}
