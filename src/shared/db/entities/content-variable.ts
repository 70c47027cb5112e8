import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/** A `{% key %}` content variable, per language (null: any language) and optional academy. */
export const ContentVariable = defineEntity({
  name: 'ContentVariable',
  tableName: 'content_variable',
  uniques: [
    {
      properties: ['key', 'lang', 'academy'],
      name: 'content_variable_key_lang_academy_unique',
    },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    key: p.string().length(100),
    value: p.text(),
    // Empty string rather than null keeps the unique constraint meaningful in PostgreSQL.
    lang: p.string().length(10).default(''),
    academy: p.string().length(100).default(''),
    updatedAt: p
      .datetime()
      .columnType('timestamptz')
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type ContentVariable = InferEntity<typeof ContentVariable>;
