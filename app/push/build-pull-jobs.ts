import { type PullJob, pullJobSchema } from '../../src/shared/jobs/job-schemas.js';
import type { Logger } from '../../src/shared/log/create-logger.js';
import type { MatchedAsset } from './match-assets.js';

/**
 * One pull job per asset for a push delivery: clean afterwards, keep metadata, and name the
 * delivery and head commit as the source. An asset whose job would be invalid (a legacy slug
 * with spaces or slashes) is left out with a warning rather than failing the whole delivery.
 */
export function buildPullJobs(
  assets: readonly MatchedAsset[],
  source: { deliveryId: string; commitSha: string },
  log: Logger,
): PullJob[] {
  const jobs: PullJob[] = [];
  for (const asset of assets) {
    const checked = pullJobSchema.safeParse({
      v: 1,
      kind: 'pull',
      slug: asset.slug,
      owner: asset.owner,
      override: false,
      clean: true,
      source: { type: 'webhook', ...source },
    });
    if (checked.success) {
      jobs.push(checked.data);
      continue;
    }
    const problem = checked.error.issues[0];
    log.warn(
      { slug: asset.slug, field: problem.path.join('.'), problem: problem.message },
      'Asset not queued: its pull job would be invalid (rename the slug, or check the payload)',
    );
  }
  return jobs;
}
