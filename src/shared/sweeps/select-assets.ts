import type { SweepOptions } from './sweep-options.js';

/** How long an asset stays fresh for a sweep without --all or --force. */
export const FRESH_FOR_MS = 24 * 60 * 60 * 1000;

/** A SQL fragment and its positional (`?`) parameters, in order. */
export interface SelectionSql {
  /** `from asset a where ...` */
  from: string;
  /** `order by ...`, stalest first, ties by id. */
  orderBy: string;
  params: unknown[];
}

/**
 * The selection of a sweep: pull-and-clean takes assets with a readme_url, clean those with a
 * readme_raw; without --all/--force only those whose last pull (or clean) is missing or older
 * than 24 hours.
 */
export function selectionSql(options: SweepOptions, now: Date): SelectionSql {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return '?';
  };
  const stamp = options.command === 'clean' ? 'a.last_cleaning_at' : 'a.last_synch_at';
  const where =
    options.command === 'clean'
      ? ["a.readme_raw is not null and a.readme_raw <> ''"]
      : ["a.readme_url is not null and a.readme_url <> ''"];

  if (!options.all && !options.force) {
    where.push(`(${stamp} is null or ${stamp} < ${param(new Date(now.getTime() - FRESH_FOR_MS))})`);
  }
  if (options.assetType) where.push(`a.asset_type = ${param(options.assetType)}`);
  if (options.status) where.push(`a.status = ${param(options.status)}`);
  if (options.lang) where.push(`a.lang = ${param(options.lang)}`);

  return {
    from: `from asset a where ${where.join(' and ')}`,
    orderBy: `order by ${stamp} asc nulls first, a.id asc`,
    params,
  };
}

/** The timestamp column a sweep orders by. */
export function staleColumn(options: SweepOptions): 'last_synch_at' | 'last_cleaning_at' {
  return options.command === 'clean' ? 'last_cleaning_at' : 'last_synch_at';
}
