import type { EntityManager } from '../../src/shared/db/open-orm.js';
import { CONFIG_DRIVEN_TYPES } from '../../src/shared/model/asset-enums.js';
import { configFolders } from './config-folders.js';

/** A branch of a repository, as the asset table stores it (owner and name lower-cased). */
export interface BranchLocation {
  owner: string;
  repo: string;
  branch: string;
}

/** An asset a push concerns, with what its pull job needs. */
export interface MatchedAsset {
  slug: string;
  /** Username of the asset's owner, whose token pulls it; null for the App or GITHUB_TOKEN. */
  owner: string | null;
}

// Lists travel as one JSON parameter: the query layer would otherwise spread an array into one
// placeholder per element, and a push can name thousands of paths.
const IN_LIST = 'in (select jsonb_array_elements_text(?::jsonb))';

// A config-driven asset's folder: the path itself for a /tree/ URL, else the file's folder.
// ({0,1} rather than a question mark, which the query layer takes for a placeholder.)
const TREE_URL = `'^https{0,1}://(www\\.){0,1}github\\.com/[^/]+/[^/]+/tree/'`;
const ASSET_FOLDER = `case when a.readme_url ~* ${TREE_URL}
  then a.repo_path else regexp_replace(a.repo_path, '/{0,1}[^/]*$', '') end`;

const SELECT = `select a.slug, o.username as owner
  from asset a left join owner o on o.id = a.owner_id
  where a.repo_owner = ? and a.repo_name = ? and a.repo_ref = ?`;

/**
 * Finds the assets on `location` whose file is among `paths`, and the config-driven assets
 * (PROJECT, EXERCISE, STARTER, VIDEO) whose folder had a config file or a README*.md among
 * `paths`. Uses the repository index; paths are compared case-sensitively, as git does.
 */
export async function matchAssets(
  em: EntityManager,
  location: BranchLocation,
  paths: readonly string[],
): Promise<MatchedAsset[]> {
  if (paths.length === 0) return [];
  const folders = configFolders(paths);
  const rows = await em.execute<MatchedAsset[]>(
    `${SELECT} and (a.repo_path ${IN_LIST}
      or (a.asset_type ${IN_LIST} and ${ASSET_FOLDER} ${IN_LIST}))
      order by a.slug`,
    [
      location.owner,
      location.repo,
      location.branch,
      JSON.stringify(paths),
      JSON.stringify(CONFIG_DRIVEN_TYPES),
      JSON.stringify(folders),
    ],
  );
  return rows.map(({ slug, owner }) => ({ slug, owner }));
}

/** Every asset on `location`: the fallback when the changed files cannot be known. */
export async function branchAssets(
  em: EntityManager,
  location: BranchLocation,
): Promise<MatchedAsset[]> {
  const rows = await em.execute<MatchedAsset[]>(`${SELECT} order by a.slug`, [
    location.owner,
    location.repo,
    location.branch,
  ]);
  return rows.map(({ slug, owner }) => ({ slug, owner }));
}
