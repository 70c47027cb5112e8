import type { JobPublisher } from '../../src/shared/broker/job-publisher.js';
import type { MikroORM } from '../../src/shared/db/open-orm.js';
import type { Logger } from '../../src/shared/log/create-logger.js';
import { isDeliveryHandled, recordDelivery } from '../deliveries/record-delivery.js';
import { buildPullJobs } from './build-pull-jobs.js';
import { branchAssets, type MatchedAsset, matchAssets } from './match-assets.js';
import { publishPullJobs } from './publish-pull-jobs.js';
import {
  type ListChangedPaths,
  type PushChange,
  resolveChangedPaths,
  ZERO_SHA,
} from './resolve-changed-paths.js';

/** The fields of a push payload the app reads. */
export interface PushPayload extends PushChange {
  ref: string;
  deleted: boolean;
  repository: { full_name: string; name: string; owner: { login: string } | null };
}

/** One push delivery, as Probot hands it over. */
export interface PushDelivery {
  deliveryId: string;
  payload: PushPayload;
  /** Carries the delivery id. */
  log: Logger;
  /** The compare API for this repository, authenticated as the App's installation. */
  listChangedPaths: ListChangedPaths;
}

/** What {@link handlePush} needs besides the delivery. */
export interface PushHandlerDependencies {
  orm: MikroORM;
  publisher: Pick<JobPublisher, 'publishPull'>;
  /** Clock in epoch ms. */
  now: () => number;
  compareTimeoutMs: number;
  publishTimeoutMs: number;
}

/** The counts of a handled push; `skipped` says why nothing was looked up. */
export interface PushOutcome {
  skipped?: 'tag' | 'branch deleted' | 'redelivery' | 'no asset';
  paths: number;
  matched: number;
  queued: number;
}

const BRANCH_PREFIX = 'refs/heads/';

/**
 * Queues one pull, on the webhook lane, for each asset whose file (or, for config-driven
 * types, whose config or README) a branch push changed, then records the delivery. Tag pushes,
 * branch deletions and redeliveries of a handled delivery queue nothing. Throws when the broker
 * does not confirm every job: nothing is recorded then, so a redelivery queues them again.
 */
export async function handlePush(
  delivery: PushDelivery,
  deps: PushHandlerDependencies,
): Promise<PushOutcome> {
  const started = deps.now();
  const { deliveryId, payload } = delivery;
  const repository = payload.repository.full_name;
  const log = delivery.log.child({ event: 'push', repository, ref: payload.ref });
  const finish = (outcome: PushOutcome): PushOutcome => {
    if (outcome.skipped) log.debug({ reason: outcome.skipped }, 'Push skipped');
    log.info({ ...outcome, elapsedMs: Math.round(deps.now() - started) }, 'Push handled');
    return outcome;
  };
  const none = { paths: 0, matched: 0, queued: 0 };

  if (!payload.ref.startsWith(BRANCH_PREFIX)) return finish({ ...none, skipped: 'tag' });
  if (payload.deleted || ZERO_SHA.test(payload.after)) {
    return finish({ ...none, skipped: 'branch deleted' });
  }
  const em = deps.orm.em.fork();
  if (await isDeliveryHandled(em, deliveryId)) return finish({ ...none, skipped: 'redelivery' });

  const location = {
    owner: (payload.repository.owner?.login ?? repository.split('/')[0]).toLowerCase(),
    repo: payload.repository.name.toLowerCase(),
    branch: payload.ref.slice(BRANCH_PREFIX.length),
  };
  const change = await resolveChangedPaths(payload, delivery.listChangedPaths, {
    timeoutMs: deps.compareTimeoutMs,
    log,
  });
  let assets: MatchedAsset[];
  if (change.kind === 'all') {
    log.debug({ reason: change.reason }, 'Queueing every asset of the branch');
    assets = await branchAssets(em, location);
  } else {
    assets = await matchAssets(em, location, change.paths);
  }
  const paths = change.kind === 'paths' ? change.paths.length : 0;

  const jobs = buildPullJobs(assets, { deliveryId, commitSha: payload.after }, log);
  const queued = await publishPullJobs(deps.publisher, jobs, {
    deliveryId,
    timeoutMs: deps.publishTimeoutMs,
  });
  await recordDelivery(em, {
    deliveryId,
    event: 'push',
    repository,
    jobsQueued: queued,
    receivedAt: new Date(started),
  });
  const skipped = assets.length === 0 ? 'no asset' : undefined;
  return finish({ skipped, paths, matched: assets.length, queued });
}
