import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/**
 * The selection of a sweep, fixed when it starts: the sweep then walks it by `seq`, so rows that
 * workers update meanwhile are neither skipped nor met twice. Removed when the sweep ends.
 */
export const SweepItem = defineEntity({
  name: 'SweepItem',
  tableName: 'sweep_item',
  properties: {
    sweepId: p.uuid().primary(),
    seq: p.integer().primary(),
    assetId: p.integer(),
  },
  primaryKeys: ['sweepId', 'seq'],
});

export type SweepItem = InferEntity<typeof SweepItem>;
