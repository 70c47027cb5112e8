import { Asset, Owner } from '../../../../src/shared/db/entities/index.js';
import type { EntityManager } from '../../../../src/shared/db/open-orm.js';
import { parseReadmeUrl } from '../../../../src/shared/github/parse-readme-url.js';
import type { AssetType } from '../../../../src/shared/model/asset-enums.js';

/** An asset to seed: its slug, type, readme_url and optionally its owner's username. */
export interface RepoAssetSeed {
  slug: string;
  type: AssetType;
  url: string;
  owner?: string;
}

/** Inserts assets with readme_url parsed into the repository columns, as the import does. */
export async function seedRepoAssets(em: EntityManager, seeds: RepoAssetSeed[]): Promise<void> {
  const owners = new Map<string, Owner>();
  for (const seed of seeds) {
    const location = parseReadmeUrl(seed.url);
    let owner: Owner | null = null;
    if (seed.owner) {
      owner = owners.get(seed.owner) ?? em.create(Owner, { username: seed.owner });
      owners.set(seed.owner, owner);
    }
    em.create(Asset, {
      slug: seed.slug,
      assetType: seed.type,
      lang: 'en',
      readmeUrl: seed.url,
      repoOwner: location.owner.toLowerCase(),
      repoName: location.repo.toLowerCase(),
      repoRef: location.ref,
      repoPath: location.path,
      owner,
    });
  }
  await em.flush();
}
