import {
  ConnectionException,
  DeadlockException,
  DriverException,
  OptimisticLockError,
} from '@mikro-orm/core';
import { describe, expect, it } from 'vitest';
import { AssetProblem } from '../../../src/consumers/asset-problem.js';
import {
  createFailurePolicy,
  decide,
  FAILURE_RULES,
} from '../../../src/consumers/failure-policy.js';
import { TokenCipherError } from '../../../src/shared/crypto/token-cipher.js';
import { GithubError, RateLimitedError } from '../../../src/shared/github/github-error.js';
import { InvalidReadmeUrlError } from '../../../src/shared/github/parse-readme-url.js';
import { MalformedJobError } from '../../../src/shared/jobs/job-schemas.js';

const github = (kind: GithubError['kind'], status: number | null) =>
  new GithubError(`GitHub said ${status}`, { kind, status, owner: 'acme', repo: 'lessons' });

const withCode = (code: string, message = `failure ${code}`) =>
  Object.assign(new Error(message), { code });

const resetAt = new Date('2030-01-01T00:00:00Z');
const rateLimited = new RateLimitedError({
  resetAt,
  retryAfterMs: 60_000,
  resource: 'graphql',
  secondary: false,
  sent: false,
});

describe('failure policy', () => {
  it.each([
    ['a malformed message', new MalformedJobError('body is not JSON'), /malformed message: body/],
    ['an unknown schema version', new MalformedJobError('unknown schema version 2'), /version 2/],
  ])('dead-letters %s at once, with the reason', (_, error, reason) => {
    const decision = decide(error, 1);
    expect(decision).toMatchObject({ action: 'dead-letter' });
    expect(decision.action === 'dead-letter' && decision.reason).toMatch(reason);
  });

  it('waits for a rate-limit reset without counting a try, even past the last try', () => {
    expect(decide(rateLimited, 1)).toMatchObject({ action: 'wait-until', until: resetAt });
    expect(decide(rateLimited, 99)).toMatchObject({ action: 'wait-until', until: resetAt });
  });

  it.each([
    [
      'a problem with the asset',
      new AssetProblem('missing-preview', 'Missing preview: x'),
      /^Missing preview: x$/,
    ],
    ['an invalid URL', new InvalidReadmeUrlError('ftp://x', 'bad protocol'), /^Invalid URL: /],
    ['a 404', github('not-found', 404), /^Repository not found or not accessible: /],
    ['a 401', github('bad-credentials', 401), /^Bad GitHub credentials: /],
    ['a 403 refusal', github('forbidden', 403), /^Bad GitHub credentials: /],
    [
      'an unreadable stored token',
      new TokenCipherError('cannot be decrypted'),
      /^Bad GitHub credentials: /,
    ],
  ])('records %s on the asset and acknowledges it', (_, error, statusText) => {
    const decision = decide(error, 1);
    expect(decision).toMatchObject({ action: 'record', syncStatus: 'ERROR' });
    expect(decision.action === 'record' && decision.statusText).toMatch(statusText);
  });

  it.each([
    ['a GitHub 5xx', github('server', 502)],
    ['GitHub unreachable', github('network', null)],
    ['a connection reset', withCode('ECONNRESET')],
    ['a timeout deep in the causes', new Error('fetch failed', { cause: withCode('ETIMEDOUT') })],
    ['an aborted request', Object.assign(new Error('aborted'), { name: 'AbortError' })],
    ['a lost database connection', new ConnectionException(new Error('connection lost'))],
    ['a database shutting down', new DriverException(withCode('57P01', 'terminating'))],
    ['a deadlock', new DeadlockException(withCode('40P01', 'deadlock detected'))],
    ['an exhausted pool', Object.assign(new Error('pool'), { name: 'KnexTimeoutError' })],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a concurrent update', OptimisticLockError.lockFailed('Asset')],
    ['an unexpected error', new TypeError('x is undefined')],
  ])('retries %s with a growing delay', (_, error) => {
    const first = decide(error, 1);
    const second = decide(error, 2);
    expect(first.action).toBe('retry');
    expect(second.action).toBe('retry');
    if (first.action === 'retry' && second.action === 'retry') {
      expect(second.delayMs).toBeGreaterThan(first.delayMs);
    }
  });

  it('names the rule of every retry in its reason', () => {
    expect(decide(withCode('ECONNRESET'), 1)).toMatchObject({ reason: /^network: / });
    expect(decide(new ConnectionException(new Error('x')), 1)).toMatchObject({
      reason: /^database unavailable: /,
    });
    expect(decide(new TypeError('boom'), 1)).toMatchObject({ reason: 'unexpected: boom' });
  });

  it('gives up to the dead letters after the last try, with the failure', () => {
    const policy = createFailurePolicy({ maxTries: 3, delaysMs: [10, 20] });
    const error = github('server', 503);
    expect(policy(error, 1)).toEqual({ action: 'retry', delayMs: 10, reason: error.message });
    expect(policy(error, 2)).toEqual({ action: 'retry', delayMs: 20, reason: error.message });
    expect(policy(error, 3)).toEqual({
      action: 'dead-letter',
      reason: `gave up after 3 tries: ${error.message}`,
    });
  });

  it('keeps the longest delay once the delays run out', () => {
    const policy = createFailurePolicy({ maxTries: 10, delaysMs: [10, 20] });
    expect(policy(new Error('x'), 7)).toMatchObject({ action: 'retry', delayMs: 20 });
  });

  it('retries 6 tries by default, waiting as long as the retry queues', () => {
    const error = withCode('ECONNREFUSED');
    const delays = [1, 2, 3, 4, 5].map((attempt) => decide(error, attempt));
    expect(delays.map((d) => (d.action === 'retry' ? d.delayMs : null))).toEqual([
      1_000, 5_000, 30_000, 120_000, 600_000,
    ]);
    expect(decide(error, 6).action).toBe('dead-letter');
  });

  it('treats a thrown non-error as an unexpected error', () => {
    expect(decide('a string', 1)).toMatchObject({
      action: 'retry',
      reason: 'unexpected: a string',
    });
  });

  it('ends its table with a rule that matches anything', () => {
    expect(FAILURE_RULES.at(-1)?.matches(Symbol('anything'))).toBe(true);
  });
});
