import type { EntityManager } from '@mikro-orm/postgresql';
import { Asset, type AssetEvent } from '../shared/db/entities/index.js';

/** The event written with an asset update, in the `asset_event` contract's terms. */
export type EventFields = Pick<
  AssetEvent,
  'kind' | 'outcome' | 'detail' | 'sourceType' | 'sourceId' | 'commitSha' | 'createdAt'
>;

/** Which asset to update; with `version`, only if nobody wrote it since that version. */
export type AssetKey = ({ id: number } | { slug: string }) & { version?: number };

/**
 * Updates one asset (properties of the Asset entity, by name) and inserts its event in a single
 * statement: both or neither are stored, in one round trip, which is most of what a pull costs
 * the database. The version is always bumped. Returns false when no asset matched (it does not
 * exist, or `key.version` is no longer its version).
 */
export async function updateAssetWithEvent(
  em: EntityManager,
  key: AssetKey,
  changes: Record<string, unknown>,
  event: EventFields,
): Promise<boolean> {
  const meta = em.getMetadata().get(Asset.meta.className);
  const platform = em.getPlatform();
  const sets: string[] = [];
  const params: unknown[] = [];
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    const property = meta.properties[name as keyof typeof meta.properties];
    if (!property) throw new Error(`Asset has no property '${name}'`);
    sets.push(`${property.fieldNames[0]} = ?`);
    params.push(
      property.customType && value !== null
        ? property.customType.convertToDatabaseValue(value, platform, { mode: 'query' })
        : value,
    );
  }
  const where = ['id' in key ? 'id = ?' : 'slug = ?'];
  params.push(event.createdAt, 'id' in key ? key.id : key.slug);
  if (key.version !== undefined) {
    where.push('version = ?');
    params.push(key.version);
  }
  params.push(
    event.kind,
    event.outcome,
    event.detail ?? null,
    event.sourceType,
    event.sourceId ?? null,
    event.commitSha ?? null,
    event.createdAt,
  );
  const rows = await em.getConnection().execute(
    `with updated as (
       update asset set ${[...sets, 'version = version + 1', 'updated_at = ?'].join(', ')}
        where ${where.join(' and ')}
        returning id, slug)
     insert into asset_event
       (asset_id, slug, kind, outcome, detail, source_type, source_id, commit_sha, created_at)
     select id, slug, ?, ?, ?, ?, ?, ?, ? from updated
     returning asset_id`,
    params,
  );
  return rows.length > 0;
}
