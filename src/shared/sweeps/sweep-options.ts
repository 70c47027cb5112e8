import {
  ASSET_STATUSES,
  ASSET_TYPES,
  type AssetStatus,
  type AssetType,
  normalizeLang,
  parseChoice,
} from '../model/asset-enums.js';

export const SWEEP_COMMANDS = ['pull-and-clean', 'clean'] as const;
export type SweepCommand = (typeof SWEEP_COMMANDS)[number];

/** A validated sweep request, shared by the CLI and the Action. */
export interface SweepOptions {
  command: SweepCommand;
  /** Every asset, not only those not updated in the last 24 hours. */
  all: boolean;
  /** Like `all`, and pull jobs override metadata. */
  force: boolean;
  assetType?: AssetType;
  status?: AssetStatus;
  lang?: string;
  /** Seconds between publishing two assets; 2 x delay more between batches. */
  delay: number;
  batchSize: number;
  dryRun: boolean;
}

/** The inputs as the CLI or the Action receive them: strings, or absent. */
export interface RawSweepOptions {
  all?: boolean;
  force?: boolean;
  assetType?: string;
  status?: string;
  lang?: string;
  delay?: string | number;
  batchSize?: string | number;
  dryRun?: boolean;
}

/** Default seconds between two assets, as the original management commands had them. */
export const DEFAULT_DELAY: Record<SweepCommand, number> = { 'pull-and-clean': 1.0, clean: 2.0 };
export const DEFAULT_BATCH_SIZE = 10;

/** A bad sweep input; `input` names it as the CLI flag would. */
export class SweepOptionError extends Error {
  override name = 'SweepOptionError';

  constructor(
    readonly input: string,
    message: string,
  ) {
    super(`${input}: ${message}`);
  }
}

const blank = (value: unknown) => value === undefined || value === null || value === '';

function number(
  input: string,
  value: string | number,
  check: (n: number) => boolean,
  want: string,
) {
  const parsed = typeof value === 'number' ? value : Number(value.trim());
  if (!Number.isFinite(parsed) || !check(parsed)) {
    throw new SweepOptionError(input, `'${value}' is not ${want}`);
  }
  return parsed;
}

/** Validates raw inputs; filter values are matched ignoring case. */
export function parseSweepOptions(command: SweepCommand, raw: RawSweepOptions): SweepOptions {
  const wrap = <T>(input: string, parse: () => T): T => {
    try {
      return parse();
    } catch (error) {
      if (error instanceof SweepOptionError) throw error;
      throw new SweepOptionError(input, (error as Error).message);
    }
  };

  return {
    command,
    all: Boolean(raw.all),
    force: Boolean(raw.force),
    assetType: blank(raw.assetType)
      ? undefined
      : wrap('--asset-type', () => parseChoice(raw.assetType!, ASSET_TYPES, 'asset type')),
    status: blank(raw.status)
      ? undefined
      : wrap('--status', () => parseChoice(raw.status!, ASSET_STATUSES, 'status')),
    lang: blank(raw.lang) ? undefined : wrap('--lang', () => normalizeLang(raw.lang!)),
    delay: blank(raw.delay)
      ? DEFAULT_DELAY[command]
      : number('--delay', raw.delay!, (n) => n >= 0 && n <= 3600, 'a number of seconds (0-3600)'),
    batchSize: blank(raw.batchSize)
      ? DEFAULT_BATCH_SIZE
      : number(
          '--batch-size',
          raw.batchSize!,
          (n) => Number.isInteger(n) && n >= 1 && n <= 100_000,
          'a whole number from 1 to 100000',
        ),
    dryRun: Boolean(raw.dryRun),
  };
}

/** The filters and flags of `options` as a plain object, for logs and the sweep record. */
export function describeSweep(options: SweepOptions): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
