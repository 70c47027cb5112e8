import type { IncomingHttpHeaders } from 'node:http';
import type { RepoStore, StoredRepo } from './repo-store.js';

/** Who is calling, as the stand-in authenticated it. */
export interface Identity {
  kind: 'token' | 'anonymous' | 'app';
  /** Key of the counters: the token, `''` for anonymous calls, `app:<id>` for App JWTs. */
  counterKey: string;
  /** Key of the rate-limit windows: the token, `ip:<address>`, or `app:<id>`. */
  rateId: string;
  login: string | null;
  /** `owner/repo` or `owner` entries readable besides public repositories. */
  allowed: string[];
  /** Points per window. */
  limit: number;
}

/** What a route handler gets. */
export interface HandlerContext {
  store: RepoStore;
  identity: Identity;
  headers: IncomingHttpHeaders;
  query: URLSearchParams;
  now: () => number;
  /** The identity's window of a resource before this request is charged. */
  rateStatus(resource: 'core' | 'graphql'): {
    limit: number;
    used: number;
    remaining: number;
    reset: number;
  };
}

/** Whether an identity may read a repository (GitHub answers 404 when it may not). */
export function canRead(identity: Identity, repo: StoredRepo): boolean {
  if (!repo.private) return true;
  const owner = repo.owner.toLowerCase();
  const full = `${owner}/${repo.name.toLowerCase()}`;
  if (identity.login?.toLowerCase() === owner) return true;
  return identity.allowed.some((entry) => {
    const lower = entry.toLowerCase();
    return lower === owner || lower === full;
  });
}
