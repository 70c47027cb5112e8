import type { QueryResult } from '@mikro-orm/core';
import type { EntityManager } from '../../src/shared/db/open-orm.js';

/** A repository as GitHub names it (any case). */
export interface RepositoryName {
  owner: string;
  repo: string;
}

/**
 * Points every asset of `from` at `to` after a rename or a transfer: readme_url keeps its form
 * (github.com blob or tree URL, raw URL) with the owner and repository segments replaced, and
 * the parsed columns follow (lower-cased). Returns the number of assets moved.
 */
export async function moveRepositoryAssets(
  em: EntityManager,
  from: RepositoryName,
  to: RepositoryName,
): Promise<number> {
  // Bumping version makes a worker that read the old URL fail its optimistic lock and retry.
  const result = await em.execute<QueryResult>(
    `update asset set
       readme_url = regexp_replace(readme_url, '^([a-z]+://[^/]+/)[^/]+/[^/]+', '\\1' || ?, 'i'),
       repo_owner = ?, repo_name = ?, version = version + 1, updated_at = now()
     where repo_owner = ? and repo_name = ?`,
    [
      `${to.owner}/${to.repo}`,
      to.owner.toLowerCase(),
      to.repo.toLowerCase(),
      from.owner.toLowerCase(),
      from.repo.toLowerCase(),
    ],
    'run',
  );
  return result.affectedRows;
}
