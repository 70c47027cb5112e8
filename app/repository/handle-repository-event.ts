import type { MikroORM } from '../../src/shared/db/open-orm.js';
import type { Logger } from '../../src/shared/log/create-logger.js';
import { isDeliveryHandled, recordDelivery } from '../deliveries/record-delivery.js';
import { markRepositoryAssets } from './mark-repository-assets.js';
import { moveRepositoryAssets, type RepositoryName } from './move-repository-assets.js';

type Login = { login: string } | null | undefined;

/** The fields of a `repository` event payload the app reads. */
export interface RepositoryPayload {
  action: string;
  repository: { full_name: string; name: string; owner: Login };
  /** Its shape depends on the action; see {@link RenameChanges}. */
  changes?: object;
}

/** What `changes` holds for `renamed` and `transferred`. */
interface RenameChanges {
  repository?: { name?: { from?: string } };
  owner?: { from?: { user?: Login; organization?: Login } };
}

/** One `repository` delivery. */
export interface RepositoryDelivery {
  deliveryId: string;
  payload: RepositoryPayload;
  log: Logger;
}

/** The counts of a handled `repository` event. */
export interface RepositoryOutcome {
  action: string;
  assets: number;
  skipped?: 'action not handled' | 'redelivery' | 'previous name unknown';
}

/**
 * Keeps the assets of a repository in step with its life on GitHub: `renamed` and
 * `transferred` rewrite their URLs, `deleted` and `archived` mark them, `unarchived` clears the
 * archived mark. The change and the delivery record commit together, so a redelivery of a
 * handled event (say, an old rename arriving after a later one) changes nothing.
 */
export async function handleRepositoryEvent(
  delivery: RepositoryDelivery,
  deps: { orm: MikroORM; now: () => number },
): Promise<RepositoryOutcome> {
  const started = deps.now();
  const { deliveryId, payload } = delivery;
  const { action, repository } = payload;
  const log = delivery.log.child({ event: 'repository', action, repository: repository.full_name });
  const current: RepositoryName = {
    owner: repository.owner?.login ?? repository.full_name.split('/')[0],
    repo: repository.name,
  };
  const finish = (outcome: RepositoryOutcome) => {
    if (outcome.skipped) log.debug({ reason: outcome.skipped }, 'Repository event skipped');
    log.info(
      { ...outcome, elapsedMs: Math.round(deps.now() - started) },
      'Repository event handled',
    );
    return outcome;
  };

  const previous = previousName(payload, current);
  if (previous === 'not handled')
    return finish({ action, assets: 0, skipped: 'action not handled' });
  if (previous === 'unknown')
    return finish({ action, assets: 0, skipped: 'previous name unknown' });

  const assets = await deps.orm.em.fork().transactional(async (em) => {
    if (await isDeliveryHandled(em, deliveryId)) return null;
    const changed =
      action === 'renamed' || action === 'transferred'
        ? await moveRepositoryAssets(em, previous ?? current, current)
        : await markRepositoryAssets(
            em,
            { ...current, fullName: repository.full_name },
            action as 'deleted' | 'archived' | 'unarchived',
          );
    await recordDelivery(em, {
      deliveryId,
      event: 'repository',
      repository: repository.full_name,
      jobsQueued: 0,
      receivedAt: new Date(started),
    });
    return changed;
  });
  if (assets === null) return finish({ action, assets: 0, skipped: 'redelivery' });
  return finish({ action, assets });
}

/** The repository's name before a rename or transfer; null for the actions that mark. */
function previousName(
  payload: RepositoryPayload,
  current: RepositoryName,
): RepositoryName | null | 'not handled' | 'unknown' {
  const changes = payload.changes as RenameChanges | undefined;
  switch (payload.action) {
    case 'renamed': {
      const from = changes?.repository?.name?.from;
      return from ? { owner: current.owner, repo: from } : 'unknown';
    }
    case 'transferred': {
      const from = changes?.owner?.from;
      const login = from?.user?.login ?? from?.organization?.login;
      return login ? { owner: login, repo: current.repo } : 'unknown';
    }
    case 'deleted':
    case 'archived':
    case 'unarchived':
      return null;
    default:
      return 'not handled';
  }
}
