import {
  GithubError,
  type GithubTarget,
  RateLimitedError,
  type RateResource,
} from './github-error.js';

type Headers = Record<string, string | number | undefined>;

/** The shape of what @octokit/request throws (its RequestError, named HttpError). */
export interface OctokitRequestError extends Error {
  status: number;
  response?: { status: number; headers: Headers; data: unknown };
}

/** Whether `error` came from @octokit/request (an answer or a failed fetch). */
export function isRequestError(error: unknown): error is OctokitRequestError {
  return (
    error instanceof Error &&
    error.name === 'HttpError' &&
    typeof (error as { status?: unknown }).status === 'number'
  );
}

/** The owner, repository and path named by a request's parameters. */
export function targetOf(params: Record<string, unknown>): GithubTarget {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return { owner: text(params.owner), repo: text(params.repo), path: text(params.path) };
}

/** Whether a 403/429 answer is a rate limit rather than a refusal. */
export function isRateLimitAnswer(status: number, headers: Headers, message: string): boolean {
  if (status !== 403 && status !== 429) return false;
  return (
    String(headers['x-ratelimit-remaining']) === '0' ||
    headers['retry-after'] !== undefined ||
    /rate limit/i.test(message)
  );
}

/**
 * Builds the {@link RateLimitedError} for a limited answer. A secondary limit without
 * `retry-after` waits `secondaryPauseMs` (what the budgets decided).
 */
export function rateLimitedFromAnswer(fields: {
  status: number;
  headers: Headers;
  message: string;
  resource: RateResource;
  now: number;
  secondaryPauseMs: number;
  target: GithubTarget;
}): RateLimitedError {
  const { headers, now } = fields;
  const secondary = /secondary rate limit/i.test(fields.message);
  const retryAfter = Number(headers['retry-after']);
  const reset = Number(headers['x-ratelimit-reset']);
  let retryAfterMs: number;
  if (Number.isFinite(retryAfter) && headers['retry-after'] !== undefined) {
    retryAfterMs = retryAfter * 1000;
  } else if (!secondary && Number.isFinite(reset)) {
    retryAfterMs = Math.max(0, reset * 1000 - now);
  } else {
    retryAfterMs = fields.secondaryPauseMs;
  }
  return new RateLimitedError({
    ...fields.target,
    resetAt: new Date(now + retryAfterMs),
    retryAfterMs,
    resource: fields.resource,
    secondary,
    sent: true,
    status: fields.status,
    requestId: headerString(headers['x-github-request-id']),
  });
}

/** Turns whatever a request threw into a {@link GithubError} naming its target. */
export function mapGithubError(error: unknown, target: GithubTarget): GithubError {
  if (error instanceof GithubError) return error;
  if (!isRequestError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new GithubError(
      `GitHub could not be reached: ${message}`,
      { ...target, status: null, kind: 'network' },
      { cause: error },
    );
  }

  const status = error.status;
  const requestId = headerString(error.response?.headers['x-github-request-id']);
  const where = describeTarget(target);
  const fields = { ...target, status, requestId };
  if (!error.response) {
    return new GithubError(
      `GitHub could not be reached${where}: ${error.message}`,
      { ...fields, status: null, kind: 'network' },
      { cause: error },
    );
  }
  if (status === 401) {
    return new GithubError(
      `GitHub rejected the credentials${where} (401 Bad credentials); renew the token`,
      { ...fields, kind: 'bad-credentials' },
      { cause: error },
    );
  }
  if (status === 404 || status === 410) {
    return new GithubError(
      `GitHub answered ${status} Not Found${where}: it does not exist or this credential ` +
        'cannot see it',
      { ...fields, kind: 'not-found' },
      { cause: error },
    );
  }
  if (status >= 500) {
    return new GithubError(
      `GitHub failed with ${status}${where}; try again later`,
      { ...fields, kind: 'server' },
      { cause: error },
    );
  }
  return new GithubError(
    `GitHub refused the request with ${status}${where}: ${error.message}`,
    { ...fields, kind: 'forbidden' },
    { cause: error },
  );
}

function describeTarget({ owner, repo, path }: GithubTarget): string {
  if (!owner || !repo) return '';
  return ` for ${owner}/${repo}${path ? ` ${path}` : ''}`;
}

function headerString(value: string | number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}
