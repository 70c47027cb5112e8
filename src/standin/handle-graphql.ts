import { executeGraphql } from './execute-graphql.js';
import { canRead, type HandlerContext } from './handler-context.js';
import { type Answer, DOCS_URL, errorAnswer } from './http-util.js';
import { GqlSyntaxError, parseGraphql } from './parse-graphql.js';

/**
 * `POST /graphql`. A query without connections costs 1 point of the GraphQL budget, as on
 * GitHub; blob text past `textLimit` bytes comes back truncated.
 */
export function handleGraphql(ctx: HandlerContext, body: Buffer, textLimit: number): Answer {
  if (ctx.identity.kind === 'anonymous') {
    return errorAnswer(401, 'This endpoint requires you to be authenticated.');
  }
  let payload: { query?: unknown; variables?: unknown };
  try {
    payload = JSON.parse(body.toString('utf8'));
  } catch {
    return errorAnswer(400, 'Problems parsing JSON');
  }
  if (typeof payload.query !== 'string') {
    return { status: 200, body: { errors: [{ message: 'A query attribute must be specified' }] } };
  }

  let document: ReturnType<typeof parseGraphql>;
  try {
    document = parseGraphql(payload.query);
  } catch (error) {
    if (!(error instanceof GqlSyntaxError)) throw error;
    const locations = [{ line: error.line, column: error.column }];
    return {
      status: 200,
      body: { errors: [{ message: `Parse error: ${error.message}`, locations }] },
    };
  }

  const cost = 1;
  const before = ctx.rateStatus('graphql');
  const variables = (payload.variables ?? {}) as Record<string, unknown>;
  const result = executeGraphql(document, variables, {
    store: ctx.store,
    canRead: (repo) => canRead(ctx.identity, repo),
    login: ctx.identity.login,
    textLimit,
    rate: {
      cost,
      limit: before.limit,
      used: Math.min(before.limit, before.used + cost),
      remaining: Math.max(0, before.remaining - cost),
      resetAt: new Date(before.reset * 1000),
    },
  });
  // A query that fails validation is not run and not charged.
  const points = result.data ? cost : 0;
  return { status: 200, body: result, points, resource: 'graphql' };
}

/** What GitHub answers a GraphQL query over its primary budget: HTTP 200 with an error. */
export function graphqlRateLimited(who: string): Answer {
  return {
    status: 200,
    body: {
      errors: [
        {
          type: 'RATE_LIMITED',
          message: `API rate limit already exceeded for ${who}.`,
          extensions: { documentation_url: DOCS_URL },
        },
      ],
    },
    resource: 'graphql',
  };
}
