/** The kinds of learning asset the registry holds. */
export const ASSET_TYPES = [
  'PROJECT',
  'EXERCISE',
  'LESSON',
  'QUIZ',
  'VIDEO',
  'STARTER',
  'ARTICLE',
] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

/** Editorial status of an asset. */
export const ASSET_STATUSES = [
  'NOT_STARTED',
  'PLANNING',
  'WRITING',
  'DRAFT',
  'OPTIMIZED',
  'PUBLISHED',
] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

/** Outcome of the last pull or clean. */
export const SYNC_STATUSES = ['PENDING', 'OK', 'WARNING', 'ERROR'] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];

/** Types whose content is a README in a folder described by a learn.json-like config. */
export const CONFIG_DRIVEN_TYPES: readonly AssetType[] = [
  'PROJECT',
  'EXERCISE',
  'STARTER',
  'VIDEO',
];

/** Config files probed, in order, in the folder of a config-driven asset. */
export const CONFIG_FILE_NAMES = ['learn.json', '.learn/learn.json', 'bc.json', '.learn/bc.json'];

/**
 * Matches `value` against `allowed` ignoring case; throws a message that lists the allowed
 * values when it is not one of them.
 */
export function parseChoice<T extends string>(
  value: string,
  allowed: readonly T[],
  what: string,
): T {
  const upper = value.trim().toUpperCase();
  const found = allowed.find((candidate) => candidate.toUpperCase() === upper);
  if (!found) {
    throw new Error(`unknown ${what} '${value}'; allowed: ${allowed.join(', ')}`);
  }
  return found;
}

/** Normalises a language code: lower case, and `us` (the original registry's English) is `en`. */
export function normalizeLang(value: string): string {
  const lang = value.trim().toLowerCase();
  if (!/^[a-z]{2}(-[a-z]{2})?$/.test(lang)) {
    throw new Error(`invalid language '${value}'; expected a code such as en, es or pt-br`);
  }
  return lang === 'us' ? 'en' : lang;
}
