import type { EntityManager } from '@mikro-orm/postgresql';
import { ContentVariable } from '../db/entities/index.js';

/** Which variables apply: the asset's language and, optionally, its academy. */
export interface VariableScope {
  lang: string;
  /** Default: none, so only academy-neutral variables apply. */
  academy?: string;
}

/**
 * Loads the content variables that apply to `scope`, one value per key. Where several rows
 * define a key, the most specific wins: academy-specific over academy-neutral first, then
 * language-specific over language-neutral (`''` in either column means any).
 */
export async function loadVariables(
  em: EntityManager,
  scope: VariableScope,
): Promise<Record<string, string>> {
  const langs = scope.lang ? [scope.lang, ''] : [''];
  const academies = scope.academy ? [scope.academy, ''] : [''];
  const rows = await em.find(
    ContentVariable,
    { lang: { $in: langs }, academy: { $in: academies } },
    { fields: ['key', 'value', 'lang', 'academy'] },
  );
  const rank = (row: { lang: string; academy: string }) =>
    (row.academy !== '' ? 2 : 0) + (row.lang !== '' ? 1 : 0);
  const chosen = new Map<string, { value: string; rank: number }>();
  for (const row of rows) {
    const current = chosen.get(row.key);
    if (!current || rank(row) > current.rank)
      chosen.set(row.key, { value: row.value, rank: rank(row) });
  }
  return Object.fromEntries([...chosen].map(([key, { value }]) => [key, value]));
}
