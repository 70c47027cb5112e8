import type { EntityManager } from '@mikro-orm/postgresql';
import type { AssetStatus, AssetType } from '../model/asset-enums.js';

/** Filters of `assets list`, the same as the sweeps'. */
export interface AssetFilters {
  assetType?: AssetType;
  status?: AssetStatus;
  lang?: string;
}

const LIST_COLUMNS = `a.slug, a.asset_type, a.lang, a.status, a.title, a.readme_url, a.sync_status,
  a.status_text, a.last_synch_at, a.cleaning_status, a.last_cleaning_at, o.username as owner`;

/** Assets matching `filters`, stalest pull first. */
export async function findAssets(em: EntityManager, filters: AssetFilters, limit: number) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filters.assetType) where.push('a.asset_type = ?') && params.push(filters.assetType);
  if (filters.status) where.push('a.status = ?') && params.push(filters.status);
  if (filters.lang) where.push('a.lang = ?') && params.push(filters.lang);
  return em.getConnection().execute<Record<string, unknown>[]>(
    `select ${LIST_COLUMNS} from asset a left join owner o on o.id = a.owner_id
     ${where.length ? `where ${where.join(' and ')}` : ''}
     order by a.last_synch_at asc nulls first, a.id asc limit ?`,
    [...params, limit],
  );
}

/** One asset with its long texts replaced by their sizes, and its last 10 events. */
export async function showAsset(em: EntityManager, slug: string) {
  const connection = em.getConnection();
  const [asset] = await connection.execute<Record<string, unknown>[]>(
    `select a.id, a.slug, a.title, a.description, a.asset_type, a.status, a.lang, a.url,
       a.readme_url, a.repo_owner, a.repo_name, a.repo_ref, a.repo_path, o.username as owner,
       a.sync_status, a.status_text, a.last_synch_at, a.cleaning_status,
       a.cleaning_status_details, a.last_cleaning_at, a.blob_sha, a.config_blob_sha,
       a.front_matter, a.config, a.tags, a.version, a.created_at, a.updated_at,
       length(a.readme_raw) as readme_raw_chars, length(a.readme) as readme_chars,
       length(a.html) as html_chars
     from asset a left join owner o on o.id = a.owner_id where a.slug = ?`,
    [slug],
  );
  if (!asset) return null;
  const events = await connection.execute<Record<string, unknown>[]>(
    `select created_at, kind, outcome, source_type, source_id, commit_sha, detail
     from asset_event where asset_id = ? order by id desc limit 10`,
    [asset.id],
  );
  return { asset, events };
}
