import { Installation } from '../../src/shared/db/entities/index.js';
import type { EntityManager } from '../../src/shared/db/open-orm.js';

/** Where the App is installed, as the consumers' credential lookup reads it. */
export interface InstallationState {
  /** The account login, any case; stored lower-cased. */
  account: string;
  installationId: number;
  /** Absent: keep what is stored (false for a new row). */
  suspended?: boolean;
  updatedAt: Date;
}

/** Inserts or updates the installation row of an account. */
export async function saveInstallation(em: EntityManager, state: InstallationState): Promise<void> {
  const merge: ('installationId' | 'updatedAt' | 'suspended')[] = ['installationId', 'updatedAt'];
  if (state.suspended !== undefined) merge.push('suspended');
  await em
    .createQueryBuilder(Installation)
    .insert({
      account: state.account.toLowerCase(),
      installationId: state.installationId,
      suspended: state.suspended ?? false,
      updatedAt: state.updatedAt,
    })
    .onConflict('account')
    .merge(merge)
    .execute();
}

/** Forgets an installation that was removed; returns whether a row went. */
export async function deleteInstallation(
  em: EntityManager,
  account: string,
  installationId: number,
): Promise<boolean> {
  const deleted = await em.nativeDelete(Installation, {
    account: account.toLowerCase(),
    installationId,
  });
  return deleted > 0;
}
