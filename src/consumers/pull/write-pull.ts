import { OptimisticLockError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PullJob } from '../../shared/jobs/job-schemas.js';
import type { KeptContent } from '../asset-problem.js';
import { eventSource } from '../event-source.js';
import type { FailureNote } from '../runtime/lane.js';
import { type EventFields, updateAssetWithEvent } from '../update-asset-with-event.js';
import type { PullVerdict } from './interpret-pull.js';
import type { PullTarget } from './load-pull-targets.js';

/** The status text of a successful pull, as operators and tests look for it. */
export const SYNCED_TEXT = 'Successfully synced';

/** How a written pull ended, and whether a clean should follow it. */
export interface PullWrite {
  outcome: 'OK' | 'UNCHANGED';
  clean: boolean;
}

/**
 * Stores a successful pull with its event: the changes (or, for an unchanged file, only the
 * status and last_synch_at). The write applies only if the asset's version is still the one
 * read before going to GitHub, so a pull that read an older file can never overwrite what a
 * later pull stored: it fails with OptimisticLockError and is pulled again.
 */
export async function writePull(
  em: EntityManager,
  target: PullTarget,
  job: PullJob,
  verdict: PullVerdict,
  now: Date,
): Promise<PullWrite> {
  const unchanged = verdict.kind === 'unchanged';
  // A clean that was asked for but never ran (or never finished) still follows an unchanged
  // pull; otherwise only new content is cleaned again.
  const clean =
    job.clean &&
    (!unchanged || target.cleaningStatus === null || target.cleaningStatus === 'PENDING');
  const changes = {
    ...(unchanged ? {} : verdict.changes),
    ...(clean ? { cleaningStatus: 'PENDING' } : {}),
    syncStatus: 'OK',
    statusText: SYNCED_TEXT,
    lastSynchAt: now,
  };
  const detail = unchanged ? 'unchanged' : verdict.notes.join('; ') || null;
  const event = pullEvent(job, unchanged ? 'UNCHANGED' : 'OK', detail, now);
  const key = { id: target.id, version: target.version };
  if (!(await updateAssetWithEvent(em, key, changes, event))) {
    throw OptimisticLockError.lockFailed('Asset');
  }
  return { outcome: unchanged ? 'UNCHANGED' : 'OK', clean };
}

/**
 * Records a failed or waiting pull on the asset: status, status text and an event; last_synch_at
 * is left alone. An error also forgets the stored blob SHAs, so the next pull reads the files
 * again rather than calling them unchanged. When `kept` holds the raw file that was read, it is
 * stored too, under the same version guard as a successful pull.
 */
export async function recordPull(
  em: EntityManager,
  job: PullJob,
  note: FailureNote,
  kept: KeptContent | undefined,
  now: Date,
): Promise<void> {
  const error = note.status === 'ERROR';
  const changes = {
    ...(error ? { syncStatus: 'ERROR', blobSha: null, configBlobSha: null } : {}),
    ...(note.status === 'PENDING' ? { syncStatus: 'PENDING' } : {}),
    ...(kept ? { readmeRaw: kept.readmeRaw } : {}),
    statusText: note.text,
  };
  const event = pullEvent(job, error ? 'ERROR' : 'RETRY', note.text, now);
  const key = { slug: job.slug, version: kept?.version };
  const stored = await updateAssetWithEvent(em, key, changes, event);
  if (!stored && kept) throw OptimisticLockError.lockFailed('Asset');
}

function pullEvent(
  job: PullJob,
  outcome: EventFields['outcome'],
  detail: string | null,
  now: Date,
): EventFields {
  return { kind: 'PULL', outcome, detail, ...eventSource(job.source), createdAt: now };
}
