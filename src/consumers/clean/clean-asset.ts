import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { CleanJob } from '../../shared/jobs/job-schemas.js';
import {
  type CleanContext,
  type CleanResult,
  cleanReadme,
  initCleanReadme,
} from '../../shared/markdown/clean-readme.js';
import { loadVariables } from '../../shared/variables/load-variables.js';
import { eventSource } from '../event-source.js';
import { updateAssetWithEvent } from '../update-asset-with-event.js';
import type { VariablesLoader } from './cache-variables.js';
import { describeFindings } from './describe-findings.js';

/** What {@link cleanAsset} needs besides the database. */
export interface CleanAssetDeps {
  log: Logger;
  /** The clock; default the system clock. */
  now?: () => Date;
  /** Reads the content variables; default {@link loadVariables}, a read per clean. */
  variables?: VariablesLoader;
}

/** How a clean ended; `detail` is what cleaning_status_details says (or why it was skipped). */
export interface CleanAssetResult {
  outcome: 'OK' | 'WARNING' | 'ERROR' | 'SKIPPED';
  detail: string | null;
}

/** The columns a clean reads, under the Asset entity's property names. */
interface CleanTarget {
  id: number;
  slug: string;
  version: number;
  title: string | null;
  lang: string;
  readmeRaw: string | null;
  repoOwner: string | null;
  repoName: string | null;
  repoRef: string | null;
  repoPath: string | null;
}

const READ_TARGET = `select id, slug, version, title, lang, readme_raw as "readmeRaw",
    repo_owner as "repoOwner", repo_name as "repoName", repo_ref as "repoRef",
    repo_path as "repoPath"
  from asset where slug = ?`;

/**
 * Cleans one asset from its stored readme_raw and records the outcome on it (readme, html,
 * cleaning status and details, last_cleaning_at, the title when it came from the README's
 * H1) with one CLEAN event, written together in one statement. An ERROR keeps the readme and
 * html already stored. The write applies only to the version that was read: when the asset
 * changed meanwhile (a newer pull), it is read and cleaned again once, then left for the next
 * clean. A missing asset or one never pulled is SKIPPED.
 */
// TODO: a QUIZ's readme_raw is JSON, yet it is cleaned and rendered as Markdown; quizzes should
// be marked as having nothing to clean instead.
export async function cleanAsset(
  em: EntityManager,
  job: CleanJob,
  deps: CleanAssetDeps,
): Promise<CleanAssetResult> {
  await initCleanReadme();
  const now = deps.now ?? (() => new Date());
  const variablesOf = deps.variables ?? loadVariables;
  const log = deps.log.child({ slug: job.slug });

  for (let attempt = 1; attempt <= 2; attempt++) {
    const [asset] = await em.execute<CleanTarget[]>(READ_TARGET, [job.slug]);
    const raw = asset?.readmeRaw;
    if (!asset || !raw) {
      const reason = asset
        ? 'the asset has no readme_raw (never pulled)'
        : 'the asset no longer exists';
      log.debug({ reason }, 'clean skipped');
      return { outcome: 'SKIPPED', detail: reason };
    }

    const started = performance.now();
    const variables = await variablesOf(em, { lang: asset.lang });
    const result = cleanReadme(raw, cleanContext(asset, variables));
    const written = await writeClean(em, asset, job, result, now());
    if (written) {
      log.info(
        {
          outcome: written.outcome,
          errors: result.findings.filter((f) => f.severity === 'error').length,
          warnings: result.findings.filter((f) => f.severity === 'warning').length,
          bytes: raw.length,
          ms: Math.round(performance.now() - started),
        },
        'asset cleaned',
      );
      return written;
    }
    if (attempt === 1) {
      log.warn({ version: asset.version }, 'asset changed while it was cleaned; cleaning it again');
    }
  }
  const detail = 'the asset changed again while it was cleaned; left for the next clean';
  log.error({ reason: detail }, 'clean given up');
  return { outcome: 'SKIPPED', detail };
}

function cleanContext(asset: CleanTarget, variables: Record<string, string>): CleanContext {
  const { repoOwner, repoName, repoRef, repoPath } = asset;
  const repo =
    repoOwner && repoName && repoRef && repoPath !== null
      ? { owner: repoOwner, name: repoName, ref: repoRef, path: repoPath }
      : null;
  return { repo, title: asset.title, lang: asset.lang, variables };
}

/** Stores the clean if the asset is still at the version read; null when it is not. */
async function writeClean(
  em: EntityManager,
  asset: CleanTarget,
  job: CleanJob,
  result: CleanResult,
  now: Date,
): Promise<CleanAssetResult | null> {
  const outcome = result.findings.some((f) => f.severity === 'error')
    ? 'ERROR'
    : result.findings.length > 0
      ? 'WARNING'
      : 'OK';
  const detail = describeFindings(result.findings);
  const titleFromHeading = !asset.title?.trim() && result.title !== null;
  const content =
    outcome === 'ERROR'
      ? {}
      : {
          readme: result.markdown,
          html: result.html,
          ...(titleFromHeading ? { title: result.title } : {}),
        };

  const stored = await updateAssetWithEvent(
    em,
    { id: asset.id, version: asset.version },
    { ...content, cleaningStatus: outcome, cleaningStatusDetails: detail, lastCleaningAt: now },
    { kind: 'CLEAN', outcome, detail, ...eventSource(job.source), createdAt: now },
  );
  return stored ? { outcome, detail } : null;
}
