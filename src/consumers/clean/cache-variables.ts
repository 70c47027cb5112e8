import type { EntityManager } from '@mikro-orm/postgresql';
import { loadVariables, type VariableScope } from '../../shared/variables/load-variables.js';

/** Reads the content variables that apply to a scope, as {@link loadVariables} does. */
export type VariablesLoader = (
  em: EntityManager,
  scope: VariableScope,
) => Promise<Record<string, string>>;

/** Options of {@link cacheVariables}. */
export interface CacheVariablesOptions {
  /** The clock, in milliseconds; default `Date.now`. */
  now?: () => number;
  /** How long a scope's variables are kept; default 30 000 (30 s). */
  ttlMs?: number;
  /** Default {@link loadVariables}. */
  load?: VariablesLoader;
}

/**
 * Wraps the variables loader so each (lang, academy) is read at most once per `ttlMs`, and
 * cleans running at the same time share one read. A `variables set` therefore reaches the
 * cleans of a running worker within `ttlMs`, not at once: a batch of cleans would otherwise
 * read the same few rows once per asset. A failed read is not kept.
 */
export function cacheVariables(options: CacheVariablesOptions = {}): VariablesLoader {
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlMs ?? 30_000;
  const load = options.load ?? loadVariables;
  const entries = new Map<string, { until: number; values: Promise<Record<string, string>> }>();

  return (em, scope) => {
    const key = `${scope.lang}\u0000${scope.academy ?? ''}`;
    const at = now();
    const entry = entries.get(key);
    if (entry && entry.until > at) return entry.values;

    const values = load(em, scope);
    entries.set(key, { until: at + ttlMs, values });
    values.catch(() => {
      if (entries.get(key)?.values === values) entries.delete(key);
    });
    return values;
  };
}
