import type { MikroORM } from '../../src/shared/db/open-orm.js';
import type { Logger } from '../../src/shared/log/create-logger.js';
import { isDeliveryHandled, recordDelivery } from '../deliveries/record-delivery.js';
import { deleteInstallation, saveInstallation } from './save-installation.js';

/** The fields of `installation` and `installation_repositories` payloads the app reads. */
export interface InstallationPayload {
  action: string;
  installation: {
    id: number;
    account: { login?: string; slug?: string } | null;
  };
  repositories?: unknown[];
  repositories_added?: unknown[];
  repositories_removed?: unknown[];
}

/** One `installation` or `installation_repositories` delivery. */
export interface InstallationDelivery {
  deliveryId: string;
  event: 'installation' | 'installation_repositories';
  payload: InstallationPayload;
  log: Logger;
}

/** The outcome of an installation event. */
export interface InstallationOutcome {
  account: string | null;
  installationId: number;
  /** What was done to the installation row. */
  change: 'saved' | 'suspended' | 'deleted' | 'none';
  repositories: number;
  skipped?: 'no account' | 'action not handled' | 'redelivery';
}

// The row each action leaves: suspended true or false, unchanged (undefined), or removed.
const SUSPENDED_AFTER: Record<string, boolean | undefined | 'deleted'> = {
  created: false,
  new_permissions_accepted: undefined,
  unsuspend: false,
  suspend: true,
  deleted: 'deleted',
  added: undefined,
  removed: undefined,
};

/**
 * Keeps the `installation` table (account, installation id, suspended) in step with where the
 * App is installed, for the consumers' credential lookup. `installation_repositories` events
 * also save the row, so installations made before the app ran are learnt.
 */
export async function handleInstallationEvent(
  delivery: InstallationDelivery,
  deps: { orm: MikroORM; now: () => number },
): Promise<InstallationOutcome> {
  const started = deps.now();
  const { deliveryId, event, payload } = delivery;
  const { action } = payload;
  const installationId = payload.installation.id;
  const account = payload.installation.account?.login ?? payload.installation.account?.slug ?? null;
  const log = delivery.log.child({ event, action, account, installationId });
  const repositories =
    (payload.repositories?.length ?? 0) +
    (payload.repositories_added?.length ?? 0) +
    (payload.repositories_removed?.length ?? 0);
  const finish = (outcome: InstallationOutcome) => {
    if (outcome.skipped) log.debug({ reason: outcome.skipped }, 'Installation event skipped');
    const elapsedMs = Math.round(deps.now() - started);
    log.info({ ...outcome, elapsedMs }, 'Installation event handled');
    return outcome;
  };
  const base = { account, installationId, repositories };

  if (!account) return finish({ ...base, change: 'none', skipped: 'no account' });
  if (!(action in SUSPENDED_AFTER)) {
    return finish({ ...base, change: 'none', skipped: 'action not handled' });
  }
  const after = SUSPENDED_AFTER[action];
  const change = await deps.orm.em.fork().transactional(async (em) => {
    if (await isDeliveryHandled(em, deliveryId)) return null;
    const updatedAt = new Date(started);
    if (after === 'deleted') await deleteInstallation(em, account, installationId);
    else await saveInstallation(em, { account, installationId, suspended: after, updatedAt });
    await recordDelivery(em, {
      deliveryId,
      event,
      repository: null,
      jobsQueued: 0,
      receivedAt: updatedAt,
    });
    return after === 'deleted' ? 'deleted' : after === true ? 'suspended' : 'saved';
  });
  if (change === null) return finish({ ...base, change: 'none', skipped: 'redelivery' });
  return finish({ ...base, change });
}
