import type { EntityManager } from '@mikro-orm/postgresql';
import { ContentVariable } from '../db/entities/index.js';
import { VARIABLE_NAME } from '../markdown/locate/scan-variables.js';

/** A content variable as stored: `''` in lang or academy means any. */
export interface VariableRow {
  key: string;
  value: string;
  lang: string;
  academy: string;
}

/**
 * Creates or replaces the variable `key` for one language and academy (`''`: any). Throws a
 * RangeError naming the rule when the key could never appear as `{% key %}` in a README.
 */
export async function setVariable(em: EntityManager, row: VariableRow, now = new Date()) {
  if (!VARIABLE_NAME.test(row.key) || row.key.length > 100) {
    throw new RangeError(
      `invalid variable name '${row.key}': use a letter or _, then letters, digits, _ . or - ` +
        '(at most 100 characters)',
    );
  }
  if (row.academy.length > 100) throw new RangeError('academy is longer than 100 characters');
  await em.upsert(
    ContentVariable,
    { ...row, updatedAt: now },
    {
      onConflictFields: ['key', 'lang', 'academy'],
      onConflictAction: 'merge',
      onConflictMergeFields: ['value', 'updatedAt'],
    },
  );
}

/**
 * Lists stored variables ordered by key, language and academy; with `lang`, only those that
 * apply to that language (its own and the language-neutral ones).
 */
export async function listVariables(
  em: EntityManager,
  filter: { lang?: string } = {},
): Promise<VariableRow[]> {
  const rows = await em.find(
    ContentVariable,
    filter.lang ? { lang: { $in: [filter.lang, ''] } } : {},
    { orderBy: { key: 'asc', lang: 'asc', academy: 'asc' } },
  );
  return rows.map(({ key, value, lang, academy }) => ({ key, value, lang, academy }));
}
