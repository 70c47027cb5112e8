import type { EntityManager } from '@mikro-orm/postgresql';

/** Fields of a seeded asset; anything left out gets a plain default. */
export interface SeedAsset {
  slug: string;
  asset_type?: string;
  status?: string;
  lang?: string;
  readme_url?: string | null;
  readme_raw?: string | null;
  last_synch_at?: Date | null;
  last_cleaning_at?: Date | null;
  owner?: string | null;
}

/** Inserts assets directly with SQL (owners created as needed); returns their ids by slug. */
export async function seedAssets(em: EntityManager, assets: SeedAsset[]) {
  const connection = em.getConnection();
  const ids = new Map<string, number>();
  for (const asset of assets) {
    let ownerId: number | null = null;
    if (asset.owner) {
      const [owner] = await connection.execute<{ id: number }[]>(
        `insert into owner (username, created_at, updated_at) values (?, now(), now())
         on conflict (username) do update set updated_at = now() returning id`,
        [asset.owner],
      );
      ownerId = owner.id;
    }
    const [row] = await connection.execute<{ id: number }[]>(
      `insert into asset (slug, asset_type, status, lang, readme_url, readme_raw, last_synch_at,
         last_cleaning_at, owner_id, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, now(), now()) returning id`,
      [
        asset.slug,
        asset.asset_type ?? 'LESSON',
        asset.status ?? 'PUBLISHED',
        asset.lang ?? 'en',
        asset.readme_url === undefined
          ? `https://github.com/acme/lessons/blob/main/${asset.slug}.md`
          : asset.readme_url,
        asset.readme_raw ?? null,
        asset.last_synch_at ?? null,
        asset.last_cleaning_at ?? null,
        ownerId,
      ],
    );
    ids.set(asset.slug, row.id);
  }
  return ids;
}

/**
 * Inserts `count` lessons in one statement (`<prefix>-<n>`), half never synced and half synced
 * at staggered times more than a day ago.
 */
export async function seedManyAssets(em: EntityManager, count: number, prefix = 'bulk') {
  await em.getConnection().execute(
    `insert into asset (slug, asset_type, status, lang, readme_url, last_synch_at, created_at,
       updated_at)
     select ? || '-' || n, 'LESSON', 'PUBLISHED', 'en',
       'https://github.com/acme/lessons/blob/main/' || n || '.md',
       case when n % 2 = 0 then now() - interval '2 days' - (n || ' seconds')::interval end,
       now(), now()
     from generate_series(1, ?) as n`,
    [prefix, count],
    'run',
  );
}
