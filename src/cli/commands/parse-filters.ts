import type { AssetFilters } from '../../shared/assets/find-assets.js';
import {
  ASSET_STATUSES,
  ASSET_TYPES,
  normalizeLang,
  parseChoice,
} from '../../shared/model/asset-enums.js';
import { CliError } from '../cli-error.js';

/** Checks the --asset-type, --status and --lang flags the way the sweeps do. */
export function parseFilters(raw: Record<string, unknown>): AssetFilters {
  const check = <T>(flag: string, parse: () => T): T => {
    try {
      return parse();
    } catch (error) {
      throw new CliError(`${flag}: ${(error as Error).message}`);
    }
  };
  const text = (key: string) =>
    typeof raw[key] === 'string' && raw[key] ? (raw[key] as string) : undefined;
  const assetType = text('assetType');
  const status = text('status');
  const lang = text('lang');
  return {
    assetType: assetType
      ? check('--asset-type', () => parseChoice(assetType, ASSET_TYPES, 'asset type'))
      : undefined,
    status: status
      ? check('--status', () => parseChoice(status, ASSET_STATUSES, 'status'))
      : undefined,
    lang: lang ? check('--lang', () => normalizeLang(lang)) : undefined,
  };
}
