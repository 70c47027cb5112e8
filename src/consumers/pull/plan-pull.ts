import { parseReadmeUrl, type ReadmeLocation } from '../../shared/github/parse-readme-url.js';
import { CONFIG_DRIVEN_TYPES } from '../../shared/model/asset-enums.js';
import { AssetProblem } from '../asset-problem.js';
import type { PullTarget } from './load-pull-targets.js';

/** Which files a pull reads. */
export type PullPlan =
  /** LESSON, ARTICLE, QUIZ: exactly the file of readme_url. */
  | { mode: 'file'; location: ReadmeLocation }
  /** Config-driven types: a README and a learn.json-like config in a folder. */
  | { mode: 'folder'; location: ReadmeLocation; folder: string; readmeName: string };

/**
 * Decides what to read for an asset: the file of its readme_url, or for config-driven types
 * README.md (English) or README.{lang}.md and the config in the folder of readme_url (the URL
 * may name the folder itself).
 *
 * @throws InvalidReadmeUrlError, or AssetProblem when the asset has no readme_url.
 */
export function planPull(target: PullTarget): PullPlan {
  if (!target.readmeUrl?.trim()) {
    throw new AssetProblem('invalid-url', 'Invalid URL: the asset has no readme_url');
  }
  const location = parseReadmeUrl(target.readmeUrl);
  if (!CONFIG_DRIVEN_TYPES.includes(target.assetType)) return { mode: 'file', location };

  const segments = location.path.split('/');
  const namesFile = /\.[A-Za-z0-9]+$/.test(segments.at(-1) ?? '');
  const folder = (namesFile ? segments.slice(0, -1) : segments).join('/');
  const lang = target.lang.toLowerCase();
  const readmeName = lang === 'en' || lang === 'us' ? 'README.md' : `README.${lang}.md`;
  return { mode: 'folder', location, folder, readmeName };
}
