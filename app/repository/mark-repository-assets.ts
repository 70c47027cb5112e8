import type { QueryResult } from '@mikro-orm/core';
import type { EntityManager } from '../../src/shared/db/open-orm.js';
import type { RepositoryName } from './move-repository-assets.js';

/** What happened to a repository that the assets on it must show. */
export type RepositoryMark = 'deleted' | 'archived' | 'unarchived';

const ARCHIVED_SUFFIX = ' is archived on GitHub: pulls are paused';

/** The status_text an asset gets when its repository `fullName` is deleted or archived. */
export function markText(mark: Exclude<RepositoryMark, 'unarchived'>, fullName: string): string {
  return mark === 'deleted'
    ? `Repository ${fullName} was deleted on GitHub`
    : `Repository ${fullName}${ARCHIVED_SUFFIX}`;
}

/**
 * Marks the assets of a repository without deleting them: `deleted` and `archived` set
 * sync_status ERROR with a status_text saying so; `unarchived` puts the assets that carry the
 * archived mark back to PENDING. Returns the number of assets changed.
 */
export async function markRepositoryAssets(
  em: EntityManager,
  repository: RepositoryName & { fullName: string },
  mark: RepositoryMark,
): Promise<number> {
  const where = 'repo_owner = ? and repo_name = ?';
  const params = [repository.owner.toLowerCase(), repository.repo.toLowerCase()];
  const set = 'version = version + 1, updated_at = now()';
  const result =
    mark === 'unarchived'
      ? await em.execute<QueryResult>(
          `update asset set sync_status = 'PENDING', status_text = ?, ${set}
           where ${where} and sync_status = 'ERROR' and status_text like ?`,
          [
            `Repository ${repository.fullName} was unarchived: waiting for the next pull`,
            ...params,
            `Repository %${ARCHIVED_SUFFIX}`,
          ],
          'run',
        )
      : await em.execute<QueryResult>(
          `update asset set sync_status = 'ERROR', status_text = ?, ${set} where ${where}`,
          [markText(mark, repository.fullName), ...params],
          'run',
        );
  return result.affectedRows;
}
