import type { EntityManager } from '@mikro-orm/postgresql';
import { selectionSql } from './select-assets.js';
import type { SweepOptions } from './sweep-options.js';

/**
 * Writes the sweep's selection, in order, to `sweep_item` in one statement and returns its size.
 * The sweep then walks this fixed list: workers updating last_synch_at meanwhile can neither
 * make it skip an asset nor meet one twice, as OFFSET paging over a live order did.
 */
// TODO: a sweep killed before it ends leaves its rows here; nothing removes them yet (a clean-up
// of lists older than a day at the start of each sweep would).
export async function snapshotSelection(
  em: EntityManager,
  sweepId: string,
  options: SweepOptions,
  now: Date,
): Promise<number> {
  const { from, orderBy, params } = selectionSql(options, now);
  const result = await em.getConnection().execute(
    `insert into sweep_item (sweep_id, seq, asset_id)
       select ?, row_number() over (${orderBy}), a.id ${from}`,
    [sweepId, ...params],
    'run',
  );
  return Number((result as { affectedRows?: number }).affectedRows ?? 0);
}

/** Removes a finished sweep's list. */
export async function dropSnapshot(em: EntityManager, sweepId: string): Promise<void> {
  await em.getConnection().execute('delete from sweep_item where sweep_id = ?', [sweepId], 'run');
}
