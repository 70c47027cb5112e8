import type { Logger } from 'pino';
import type { JobPublisher } from '../../shared/broker/job-publisher.js';
import type { MikroORM } from '../../shared/db/open-orm.js';
import { credentialKey } from '../../shared/github/github-client.js';
import type { Credential } from '../../shared/github/resolve-credential.js';
import type { PullJob } from '../../shared/jobs/job-schemas.js';
import { AssetProblem } from '../asset-problem.js';
import type { JobContext, JobResult } from '../runtime/lane.js';
import { fetchPullFiles, type PulledFiles, type PullFetchItem } from './fetch-pull-files.js';
import type { GithubAccess } from './github-access.js';
import { interpretPull } from './interpret-pull.js';
import { loadInstallations, loadPullTargets, type PullTarget } from './load-pull-targets.js';
import { type PullPlan, planPull } from './plan-pull.js';
import { writePull } from './write-pull.js';

/** What a pull batch needs. */
export interface PullBatchDeps {
  orm: MikroORM;
  github: GithubAccess;
  publisher: JobPublisher;
  now: () => number;
  log: Logger;
}

/** A pull job waiting in a batch. */
export interface PullItem {
  job: PullJob;
  context: JobContext;
}

/** One job's files, or why they could not be read. */
type Read =
  | { ok: true; target: PullTarget; plan: PullPlan; files: PulledFiles }
  | { ok: false; error: unknown };

/**
 * Pulls a batch of jobs: reads their assets in one query, their files with one batched GitHub
 * read per credential, then stores each on its own (one statement) and, when asked, queues its
 * clean once that has committed. Returns one promise per job, in order; each
 * settles when that job is safe to acknowledge, or rejects with why it failed.
 */
export function runPullBatch(deps: PullBatchDeps, items: PullItem[]): Promise<JobResult>[] {
  const reads = readBatch(deps, items);
  return items.map(async (item, index) => {
    const read = (await reads)[index];
    if (!read.ok) throw read.error;
    return storePull(deps, item, read);
  });
}

async function readBatch(deps: PullBatchDeps, items: PullItem[]): Promise<Read[]> {
  const started = deps.now();
  const em = deps.orm.em.fork();
  const targets = await loadPullTargets(
    em,
    items.map((item) => item.job),
  );
  const reads: Read[] = [];
  const planned: { index: number; target: PullTarget; plan: PullPlan }[] = [];
  items.forEach(({ job }, index) => {
    try {
      const target = targets.get(job.slug);
      if (!target) {
        throw new AssetProblem('asset-not-found', `No asset with slug '${job.slug}'`);
      }
      planned.push({ index, target, plan: planPull(target) });
    } catch (error) {
      reads[index] = { ok: false, error };
    }
  });
  const installations = await loadInstallations(
    em,
    planned.map(({ plan }) => plan.location.owner),
  );

  // One read per credential: a token can only be used for what it may see. Assets of one
  // owner and repository share their credential, looked up once.
  const groups = new Map<string, { credential: Credential; entries: typeof planned }>();
  const lookups = new Map<string, Promise<Credential>>();
  await Promise.all(
    planned.map(async (entry) => {
      const { owner, repo } = entry.plan.location;
      const lookupKey = `${entry.target.ownerTokenCiphertext ?? ''} ${owner}/${repo}`.toLowerCase();
      let lookup = lookups.get(lookupKey);
      if (!lookup) {
        lookup = deps.github.credentialFor(
          entry.target.ownerTokenCiphertext,
          { owner, repo },
          installations,
        );
        lookups.set(lookupKey, lookup);
      }
      try {
        const credential = await lookup;
        const key = credentialKey(credential.token);
        const group = groups.get(key) ?? { credential, entries: [] };
        group.entries.push(entry);
        groups.set(key, group);
      } catch (error) {
        reads[entry.index] = { ok: false, error };
      }
    }),
  );

  await Promise.all(
    [...groups.values()].map(async ({ credential, entries }) => {
      const fetchItems: PullFetchItem[] = entries.map(({ index, target, plan }) => ({
        key: String(index),
        target,
        plan,
        override: items[index].job.override,
      }));
      try {
        const client = deps.github.clientFor(credential);
        const files = await fetchPullFiles(client, fetchItems, {
          rawCache: deps.github.rawCache,
          log: deps.log,
        });
        for (const { index, target, plan } of entries) {
          reads[index] = { ok: true, target, plan, files: files.get(String(index))! };
        }
      } catch (error) {
        for (const { index } of entries) reads[index] = { ok: false, error };
      }
    }),
  );
  deps.log.debug(
    { jobs: items.length, credentials: groups.size, ms: deps.now() - started },
    'Pull batch read',
  );
  return reads;
}

async function storePull(
  deps: PullBatchDeps,
  { job, context }: PullItem,
  read: Extract<Read, { ok: true }>,
): Promise<JobResult> {
  const verdict = interpretPull(read.target, read.plan, read.files, job);
  if (verdict.kind === 'changed') {
    for (const note of verdict.notes) context.log.info(note);
  }
  const written = await writePull(
    deps.orm.em.fork(),
    read.target,
    job,
    verdict,
    new Date(deps.now()),
  );
  if (written.clean) {
    await deps.publisher.publishClean({ v: 1, kind: 'clean', slug: job.slug, source: job.source });
  } else if (job.clean) {
    context.log.debug('Clean skipped: the files are unchanged and the last clean is done');
  }
  const detail = verdict.kind === 'changed' ? verdict.notes.join('; ') : '';
  return { outcome: written.outcome, detail: detail || undefined };
}
