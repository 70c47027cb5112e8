import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { JobPublisher } from '../broker/job-publisher.js';
import type { CleanJob, PullJob } from '../jobs/job-schemas.js';
import type { Logger } from '../log/create-logger.js';
import { previewSelection } from './preview-selection.js';
import { dropSnapshot, snapshotSelection } from './snapshot-selection.js';
import { type SweepAsset, streamSelection } from './stream-selection.js';
import { describeSweep, type SweepOptions } from './sweep-options.js';
import type { AssetOutcome, SweepReporter, SweepSummary } from './sweep-reporter.js';

/** What a sweep runs with; the clock and the sleep are injectable for tests. */
export interface SweepDeps {
  em: EntityManager;
  publisher: JobPublisher;
  log: Logger;
  reporter?: SweepReporter;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Publishes in flight at once when there is no delay; default 256. */
  maxInFlight?: number;
}

/** Progress is reported every this many assets, and at the end. */
export const PROGRESS_EVERY = 5;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The job a sweep queues for one asset. */
export function sweepJob(options: SweepOptions, sweepId: string, asset: SweepAsset) {
  const source = { type: 'sweep' as const, sweepId };
  if (options.command === 'clean') {
    return { v: 1, kind: 'clean', slug: asset.slug, source } satisfies CleanJob;
  }
  // One pull job that cleans afterwards: the clean then always runs on what the pull stored.
  return {
    v: 1,
    kind: 'pull',
    slug: asset.slug,
    owner: asset.owner,
    override: options.force,
    clean: true,
    source,
  } satisfies PullJob;
}

/**
 * Runs a pull-and-clean or clean sweep: fixes the selection, then publishes one job per asset in
 * batches, pausing `delay` seconds after each asset but the last and 2 x delay more between
 * batches. A failure to queue one asset is reported and the sweep goes on.
 */
export async function runSweep(options: SweepOptions, deps: SweepDeps): Promise<SweepSummary> {
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? realSleep;
  const reporter = deps.reporter ?? {};
  const started = Date.now();
  const sweepId = randomUUID();
  const log = deps.log.child({ sweepId, command: options.command });
  const summary: SweepSummary = {
    sweepId,
    options,
    found: 0,
    queued: 0,
    failed: 0,
    failures: [],
    elapsedMs: 0,
  };

  if (options.dryRun) {
    const { total, preview } = await previewSelection(deps.em, options, now());
    summary.found = total;
    summary.preview = preview;
    reporter.found?.(total, sweepId);
    reporter.dryRun?.(preview, total, options);
    summary.elapsedMs = Date.now() - started;
    reporter.done?.(summary);
    return summary;
  }

  await deps.em
    .getConnection()
    .execute(
      'insert into sweep (id, command, options, started_at) values (?, ?, ?, ?)',
      [sweepId, options.command, JSON.stringify(describeSweep(options)), now()],
      'run',
    );
  try {
    summary.found = await snapshotSelection(deps.em, sweepId, options, now());
    reporter.found?.(summary.found, sweepId);
    log.info({ found: summary.found, options: describeSweep(options) }, 'Sweep started');
    if (summary.found > 0) await publishAll(options, deps, sweepId, summary, sleep, reporter);
  } finally {
    summary.elapsedMs = Date.now() - started;
    await finishSweep(deps.em, summary, now()).catch((error) =>
      log.error({ err: error }, 'Could not record the end of the sweep'),
    );
  }

  log.info(
    {
      found: summary.found,
      queued: summary.queued,
      failed: summary.failed,
      elapsedMs: summary.elapsedMs,
    },
    'Sweep finished',
  );
  reporter.done?.(summary);
  return summary;
}

async function publishAll(
  options: SweepOptions,
  deps: SweepDeps,
  sweepId: string,
  summary: SweepSummary,
  sleep: (ms: number) => Promise<void>,
  reporter: SweepReporter,
) {
  const batches = Math.ceil(summary.found / options.batchSize);
  const delayMs = options.delay * 1000;
  const maxInFlight = delayMs > 0 ? 1 : (deps.maxInFlight ?? 256);
  let done = 0;
  let currentBatch = 0;
  const inFlight = new Set<Promise<void>>();
  // Woken when a publish settles; cheaper than racing every pending publish each time.
  let slotFreed: (() => void) | null = null;

  const settle = (asset: SweepAsset, outcome: AssetOutcome) => {
    if (outcome.queued) summary.queued++;
    else {
      summary.failed++;
      summary.failures.push({
        slug: asset.slug,
        assetType: asset.assetType,
        reason: outcome.reason,
      });
      deps.log.error({ slug: asset.slug, reason: outcome.reason }, 'Could not queue asset');
    }
    reporter.asset?.(asset, outcome);
    done++;
    if (done % PROGRESS_EVERY === 0 || done === summary.found)
      reporter.progress?.(done, summary.found);
  };

  const publish = async (asset: SweepAsset) => {
    try {
      const job = sweepJob(options, sweepId, asset);
      if (job.kind === 'clean') await deps.publisher.publishClean(job);
      else await deps.publisher.publishPull(job);
      settle(asset, { queued: true });
    } catch (error) {
      settle(asset, { queued: false, reason: reasonOf(error) });
    }
  };

  for await (const page of streamSelection(deps.em, sweepId)) {
    for (const asset of page) {
      const batch = Math.ceil(asset.seq / options.batchSize);
      if (batch !== currentBatch) {
        // Without a pause there is nothing to wait for: keep the pipeline full across batches.
        if (delayMs > 0) await Promise.all(inFlight);
        if (currentBatch > 0) {
          reporter.batchEnd?.(currentBatch, batches);
          if (delayMs > 0) await sleep(2 * delayMs);
        }
        currentBatch = batch;
        const size = Math.min(options.batchSize, summary.found - (batch - 1) * options.batchSize);
        reporter.batchStart?.(batch, batches, size);
      }

      const pending = publish(asset).finally(() => {
        inFlight.delete(pending);
        slotFreed?.();
      });
      inFlight.add(pending);
      while (inFlight.size >= maxInFlight) {
        await new Promise<void>((resolve) => {
          slotFreed = resolve;
        });
        slotFreed = null;
      }
      if (delayMs > 0 && asset.seq < summary.found) await sleep(delayMs);
    }
  }
  await Promise.all(inFlight);
  if (currentBatch > 0) reporter.batchEnd?.(currentBatch, batches);
  // Assets deleted since the snapshot were neither queued nor failed.
  if (done < summary.found) reporter.progress?.(done, summary.found);
}

async function finishSweep(em: EntityManager, summary: SweepSummary, finishedAt: Date) {
  await em
    .getConnection()
    .execute(
      'update sweep set found = ?, queued = ?, failed = ?, finished_at = ? where id = ?',
      [summary.found, summary.queued, summary.failed, finishedAt, summary.sweepId],
      'run',
    );
  await dropSnapshot(em, summary.sweepId);
}

function reasonOf(error: unknown): string {
  if (error && typeof error === 'object' && 'issues' in error && Array.isArray(error.issues)) {
    const issue = error.issues[0] as { path: PropertyKey[]; message: string };
    return `invalid job: ${issue.path.join('.')}: ${issue.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
