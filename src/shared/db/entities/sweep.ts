import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/** One run of pull-and-clean or clean, with its filters and counts. */
export const Sweep = defineEntity({
  name: 'Sweep',
  tableName: 'sweep',
  properties: {
    id: p.uuid().primary(),
    command: p.enum(['pull-and-clean', 'clean']),
    options: p.json<Record<string, unknown>>(),
    found: p.integer().default(0),
    queued: p.integer().default(0),
    failed: p.integer().default(0),
    startedAt: p
      .datetime()
      .columnType('timestamptz')
      .onCreate(() => new Date()),
    finishedAt: p.datetime().columnType('timestamptz').nullable(),
  },
});

export type Sweep = InferEntity<typeof Sweep>;
