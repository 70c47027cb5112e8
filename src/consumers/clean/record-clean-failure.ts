import type { EntityManager } from '@mikro-orm/postgresql';
import type { CleanJob } from '../../shared/jobs/job-schemas.js';
import { eventSource } from '../event-source.js';
import type { FailureNote } from '../runtime/lane.js';
import { updateAssetWithEvent } from '../update-asset-with-event.js';

/**
 * Records a clean that failed for good (or waits) on the asset: cleaning status and details,
 * the time of the attempt, and an event. The cleaned text already stored is left as it is.
 */
export async function recordCleanFailure(
  em: EntityManager,
  job: CleanJob,
  note: FailureNote,
  now: Date,
): Promise<void> {
  const error = note.status === 'ERROR';
  await updateAssetWithEvent(
    em,
    { slug: job.slug },
    {
      cleaningStatus: note.status,
      cleaningStatusDetails: note.text,
      ...(error ? { lastCleaningAt: now } : {}),
    },
    {
      kind: 'CLEAN',
      outcome: error ? 'ERROR' : 'RETRY',
      detail: note.text,
      ...eventSource(job.source),
      createdAt: now,
    },
  );
}
