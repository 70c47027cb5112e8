import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/** A GitHub user whose token pulls the assets it owns; the token is encrypted at rest. */
export const Owner = defineEntity({
  name: 'Owner',
  tableName: 'owner',
  properties: {
    id: p.integer().primary().autoincrement(),
    username: p.string().length(100).unique(),
    // AES-256-GCM ciphertext produced by token-cipher.ts; never the token itself.
    tokenCiphertext: p.text().nullable().hidden().default(null),
    createdAt: p
      .datetime()
      .columnType('timestamptz')
      .onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .columnType('timestamptz')
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type Owner = InferEntity<typeof Owner>;
