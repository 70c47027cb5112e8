import { graphqlRateLimited } from './handle-graphql.js';
import type { Identity } from './handler-context.js';
import { type Answer, DOCS_URL } from './http-util.js';
import type { Refusal } from './rate-state.js';

/** GitHub's answer to a request refused by a primary or secondary rate limit. */
export function refusalAnswer(
  refusal: Refusal,
  identity: Identity,
  resource: 'core' | 'graphql',
): Answer {
  const who =
    identity.kind === 'anonymous' ? identity.rateId.slice(3) : `user ID ${identity.login ?? 1}`;
  if (refusal.kind === 'secondary') {
    return {
      status: 403,
      headers: { 'retry-after': String(refusal.retryAfterSec) },
      body: {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you ' +
          'try again.',
        documentation_url: `${DOCS_URL}/overview/rate-limits-for-the-rest-api`,
      },
    };
  }
  if (resource === 'graphql') return graphqlRateLimited(who);
  return {
    status: 403,
    body: {
      message: `API rate limit exceeded for ${who}.`,
      documentation_url: `${DOCS_URL}/overview/rate-limits-for-the-rest-api`,
    },
  };
}
