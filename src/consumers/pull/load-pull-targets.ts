import type { EntityManager } from '@mikro-orm/postgresql';
import { Asset, Installation, Owner } from '../../shared/db/entities/index.js';
import type { PullJob } from '../../shared/jobs/job-schemas.js';
import type { AssetType, SyncStatus } from '../../shared/model/asset-enums.js';

/** An asset as a pull reads it before going to GitHub. */
export interface PullTarget {
  id: number;
  slug: string;
  assetType: AssetType;
  lang: string;
  readmeUrl: string | null;
  blobSha: string | null;
  configBlobSha: string | null;
  /** Null when the asset was never pulled successfully: its metadata comes from its files. */
  lastSynchAt: Date | null;
  cleaningStatus: SyncStatus | null;
  /** The optimistic lock: the write succeeds only if nobody wrote the asset since. */
  version: number;
  /** The encrypted token of the owner that pulls it, if any. */
  ownerTokenCiphertext: string | null;
}

/**
 * Reads the assets of `jobs` with the tokens of their owners (the job's owner, else the
 * asset's), in two queries for the whole batch.
 */
export async function loadPullTargets(
  em: EntityManager,
  jobs: PullJob[],
): Promise<Map<string, PullTarget>> {
  const slugs = [...new Set(jobs.map((job) => job.slug))];
  const assets = await em.find(Asset, { slug: { $in: slugs } }, { populate: ['owner'] });
  const jobOwners = [...new Set(jobs.flatMap((job) => (job.owner ? [job.owner] : [])))];
  const owners = jobOwners.length ? await em.find(Owner, { username: { $in: jobOwners } }) : [];
  const tokenOf = new Map(owners.map((owner) => [owner.username, owner.tokenCiphertext ?? null]));
  const ownerOfJob = new Map(jobs.map((job) => [job.slug, job.owner]));

  const bySlug = new Map<string, PullTarget>();
  for (const asset of assets) {
    const jobOwner = ownerOfJob.get(asset.slug);
    bySlug.set(asset.slug, {
      id: asset.id,
      slug: asset.slug,
      assetType: asset.assetType,
      lang: asset.lang,
      readmeUrl: asset.readmeUrl ?? null,
      blobSha: asset.blobSha ?? null,
      configBlobSha: asset.configBlobSha ?? null,
      lastSynchAt: asset.lastSynchAt ?? null,
      cleaningStatus: asset.cleaningStatus ?? null,
      version: asset.version,
      ownerTokenCiphertext: jobOwner
        ? (tokenOf.get(jobOwner) ?? null)
        : (asset.owner?.tokenCiphertext ?? null),
    });
  }
  return bySlug;
}

/** The App's installation ids on `accounts` (lower-cased), by account. */
export async function loadInstallations(
  em: EntityManager,
  accounts: string[],
): Promise<Map<string, number>> {
  const unique = [...new Set(accounts.map((account) => account.toLowerCase()))];
  const rows = unique.length
    ? await em.find(Installation, { account: { $in: unique }, suspended: false })
    : [];
  return new Map(rows.map((row) => [row.account, row.installationId]));
}
