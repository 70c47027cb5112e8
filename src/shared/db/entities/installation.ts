import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/** Where the GitHub App is installed: one row per account, for the credential lookup. */
export const Installation = defineEntity({
  name: 'Installation',
  tableName: 'installation',
  properties: {
    // Lower-cased account login.
    account: p.string().length(100).primary(),
    installationId: p.bigint('number'),
    suspended: p.boolean().default(false),
    updatedAt: p
      .datetime()
      .columnType('timestamptz')
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type Installation = InferEntity<typeof Installation>;
