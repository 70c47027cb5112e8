import type { EntityManager } from '@mikro-orm/postgresql';
import { selectionSql } from './select-assets.js';
import { type SweepAsset, toSweepAsset } from './stream-selection.js';
import type { SweepOptions } from './sweep-options.js';

/** How many assets a dry run lists. */
export const PREVIEW_SIZE = 20;

/** Counts the selection and reads its first assets, writing nothing. */
export async function previewSelection(
  em: EntityManager,
  options: SweepOptions,
  now: Date,
): Promise<{ total: number; preview: SweepAsset[] }> {
  const { from, orderBy, params } = selectionSql(options, now);
  const connection = em.getConnection();
  const [count] = await connection.execute<{ total: string }[]>(
    `select count(*) as total ${from}`,
    params,
  );
  const rows = await connection.execute<Record<string, unknown>[]>(
    `select a.id, a.slug, a.asset_type, o.username, a.last_synch_at, a.last_cleaning_at
     from (select a.* ${from} ${orderBy} limit ${PREVIEW_SIZE}) a
     left join owner o on o.id = a.owner_id
     ${orderBy}`,
    params,
  );
  return {
    total: Number(count.total),
    preview: rows.map((row, index) => toSweepAsset(row, index + 1)),
  };
}
