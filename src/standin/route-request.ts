import { handleAccessToken, handleRepoInstallation } from './handle-app.js';
import { handleCompare } from './handle-compare.js';
import { handleContents } from './handle-contents.js';
import { handleGraphql } from './handle-graphql.js';
import { handleRepository } from './handle-repository.js';
import type { HandlerContext } from './handler-context.js';
import { type Answer, errorAnswer } from './http-util.js';
import type { StandinInstallation } from './standin-types.js';

/** What routes need beyond the request. */
export interface RouteDeps {
  baseUrl: string;
  textLimit: number;
  appId: string | null;
  installations: Map<number, StandinInstallation>;
  tokenTtlMs: number;
  registerInstallationToken: (
    token: string,
    installation: StandinInstallation,
    expiresAt: number,
  ) => void;
}

interface Route {
  method: string;
  pattern: RegExp;
  /** Counter key, GitHub's route template. */
  key: string;
  resource: 'core' | 'graphql';
  /** Routes GitHub does not charge and never refuses for rate limits. */
  free?: boolean;
  /** Routes that authenticate with the App's JWT. */
  app?: boolean;
  handle: (ctx: HandlerContext, params: string[], body: Buffer, deps: RouteDeps) => Answer;
}

const SEGMENT = '([^/]+)';
const repoPrefix = `^/repos/${SEGMENT}/${SEGMENT}`;

const ROUTES: Route[] = [
  {
    method: 'GET',
    pattern: new RegExp(`${repoPrefix}/contents(?:/(.*))?$`),
    key: 'GET /repos/{owner}/{repo}/contents/{path}',
    resource: 'core',
    handle: (ctx, [owner, repo, path]) => handleContents(ctx, owner, repo, path ?? ''),
  },
  {
    method: 'GET',
    pattern: new RegExp(`${repoPrefix}/compare/${SEGMENT}$`),
    key: 'GET /repos/{owner}/{repo}/compare/{basehead}',
    resource: 'core',
    handle: (ctx, [owner, repo, basehead], _body, deps) =>
      handleCompare(ctx, owner, repo, basehead, deps.baseUrl),
  },
  {
    method: 'GET',
    pattern: new RegExp(`${repoPrefix}/installation$`),
    key: 'GET /repos/{owner}/{repo}/installation',
    resource: 'core',
    app: true,
    handle: (ctx, [owner, repo], _body, deps) =>
      handleRepoInstallation(ctx, deps.installations.values(), owner, repo, deps.appId ?? ''),
  },
  {
    method: 'GET',
    pattern: new RegExp(`${repoPrefix}$`),
    key: 'GET /repos/{owner}/{repo}',
    resource: 'core',
    handle: (ctx, [owner, repo]) => handleRepository(ctx, owner, repo),
  },
  {
    method: 'POST',
    pattern: /^\/app\/installations\/(\d+)\/access_tokens$/,
    key: 'POST /app/installations/{installation_id}/access_tokens',
    resource: 'core',
    app: true,
    handle: (ctx, [id], _body, deps) =>
      handleAccessToken(
        ctx,
        deps.installations,
        Number(id),
        deps.tokenTtlMs,
        deps.registerInstallationToken,
      ),
  },
  {
    method: 'POST',
    pattern: /^\/graphql$/,
    key: 'POST /graphql',
    resource: 'graphql',
    handle: (ctx, _params, body, deps) => handleGraphql(ctx, body, deps.textLimit),
  },
  {
    method: 'GET',
    pattern: /^\/rate_limit$/,
    key: 'GET /rate_limit',
    resource: 'core',
    free: true,
    handle: (ctx) => {
      const core = ctx.rateStatus('core');
      return {
        status: 200,
        body: { resources: { core, graphql: ctx.rateStatus('graphql') }, rate: core },
      };
    },
  },
];

/** The route of a request, with its decoded path parameters; null when none matches. */
export function matchRoute(method: string, pathname: string) {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    const params = match.slice(1).map((value) => (value === undefined ? '' : decode(value)));
    return { route, params };
  }
  return null;
}

/** Answer of an unknown route. */
export const notFound = (): Answer => errorAnswer(404, 'Not Found');

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
