/** What went wrong talking to GitHub, as a failure policy needs to tell retry from record. */
export type GithubErrorKind =
  | 'not-found'
  | 'bad-credentials'
  | 'forbidden'
  | 'rate-limited'
  | 'server'
  | 'network';

/** The rate-limit budgets GitHub keeps apart. */
export type RateResource = 'core' | 'graphql';

/** Where a failed request was aimed, for messages and logs. */
export interface GithubTarget {
  owner?: string;
  repo?: string;
  path?: string;
}

/** A GitHub request that failed, with the status (null when no answer came) and its target. */
export class GithubError extends Error {
  readonly status: number | null;
  readonly kind: GithubErrorKind;
  readonly owner?: string;
  readonly repo?: string;
  readonly path?: string;
  /** `x-github-request-id` of the answer, to quote to GitHub support. */
  readonly requestId?: string;

  constructor(
    message: string,
    fields: { status: number | null; kind: GithubErrorKind; requestId?: string } & GithubTarget,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GithubError';
    this.status = fields.status;
    this.kind = fields.kind;
    this.owner = fields.owner;
    this.repo = fields.repo;
    this.path = fields.path;
    this.requestId = fields.requestId;
  }

  /** `owner/repo` when known, else an empty string. */
  get repository(): string {
    return this.owner && this.repo ? `${this.owner}/${this.repo}` : '';
  }
}

/**
 * A rate limit stands in the way: wait `retryAfterMs` (until `resetAt`) and try again; this
 * is not a failure of the work. `sent` is false when the request was held back because the
 * budget was already known to be exhausted.
 */
export class RateLimitedError extends GithubError {
  readonly resetAt: Date;
  readonly retryAfterMs: number;
  readonly resource: RateResource;
  readonly secondary: boolean;
  readonly sent: boolean;

  constructor(
    fields: {
      resetAt: Date;
      retryAfterMs: number;
      resource: RateResource;
      secondary: boolean;
      sent: boolean;
      status?: number | null;
      requestId?: string;
    } & GithubTarget,
  ) {
    const which = fields.secondary ? 'secondary rate limit' : `${fields.resource} rate limit`;
    const seconds = Math.ceil(fields.retryAfterMs / 1000);
    super(
      `GitHub ${which} reached${fields.sent ? '' : ' (request not sent)'}; ` +
        `retry after ${seconds} s, at ${fields.resetAt.toISOString()}`,
      { ...fields, status: fields.status ?? null, kind: 'rate-limited' },
    );
    this.name = 'RateLimitedError';
    this.resetAt = fields.resetAt;
    this.retryAfterMs = fields.retryAfterMs;
    this.resource = fields.resource;
    this.secondary = fields.secondary;
    this.sent = fields.sent;
  }
}
