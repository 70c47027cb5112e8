import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/** One pull or clean of an asset: what ran, why, where it came from and how it ended. */
export const AssetEvent = defineEntity({
  name: 'AssetEvent',
  tableName: 'asset_event',
  indexes: [{ properties: ['assetId', 'createdAt'], name: 'asset_event_asset_idx' }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    // A plain column rather than a relation: history outlives a deleted asset.
    assetId: p.integer(),
    slug: p.string().length(200),
    kind: p.enum(['PULL', 'CLEAN']),
    outcome: p.enum(['OK', 'WARNING', 'ERROR', 'UNCHANGED', 'RETRY']),
    detail: p.text().nullable(),
    sourceType: p.enum(['sweep', 'webhook', 'cli']),
    sourceId: p.string().length(100).nullable(),
    commitSha: p.string().length(40).nullable(),
    createdAt: p
      .datetime()
      .columnType('timestamptz')
      .onCreate(() => new Date()),
  },
});

export type AssetEvent = InferEntity<typeof AssetEvent>;
