import type { EntityManager } from '@mikro-orm/postgresql';
import { toDate } from '../db/to-date.js';
import type { AssetType } from '../model/asset-enums.js';

/** What a sweep needs of each selected asset. */
export interface SweepAsset {
  seq: number;
  id: number;
  slug: string;
  assetType: AssetType;
  owner: string | null;
  lastSynchAt: Date | null;
  lastCleaningAt: Date | null;
}

/** Maps a row of `asset` (with the owner's `username`) to what a sweep needs. */
export function toSweepAsset(row: Record<string, unknown>, seq: number): SweepAsset {
  return {
    seq,
    id: Number(row.id),
    slug: String(row.slug),
    assetType: row.asset_type as AssetType,
    owner: (row.username as string | null) ?? null,
    lastSynchAt: toDate(row.last_synch_at),
    lastCleaningAt: toDate(row.last_cleaning_at),
  };
}

/** Rows fetched per round trip: memory stays flat whatever the size of the sweep. */
export const PAGE_SIZE = 1000;

/**
 * Yields the sweep's list in order, a page at a time, by keyset on `seq`. An asset deleted since
 * the snapshot is passed over.
 */
export async function* streamSelection(
  em: EntityManager,
  sweepId: string,
  pageSize = PAGE_SIZE,
): AsyncGenerator<SweepAsset[]> {
  const read = async (after: number) => {
    const rows = await em.getConnection().execute<Record<string, unknown>[]>(
      `select si.seq, a.id, a.slug, a.asset_type, o.username, a.last_synch_at, a.last_cleaning_at
       from sweep_item si
       join asset a on a.id = si.asset_id
       left join owner o on o.id = a.owner_id
       where si.sweep_id = ? and si.seq > ?
       order by si.seq
       limit ?`,
      [sweepId, after, pageSize],
    );
    return rows.map((row) => toSweepAsset(row, Number(row.seq)));
  };

  // One page is read ahead while the caller works through the current one.
  let next = read(0);
  for (;;) {
    const page = await next;
    if (page.length === 0) return;
    next = read(page[page.length - 1].seq);
    next.catch(() => {});
    yield page;
  }
}
