import type { JobSource } from '../shared/jobs/job-schemas.js';

/** The `asset_event` columns that say where a job came from. */
export interface EventSource {
  sourceType: JobSource['type'];
  sourceId: string | null;
  commitSha: string | null;
}

/** Where a job came from, as an event records it: sweep id, or delivery id and commit. */
export function eventSource(source: JobSource): EventSource {
  switch (source.type) {
    case 'sweep':
      return { sourceType: 'sweep', sourceId: source.sweepId, commitSha: null };
    case 'webhook':
      return { sourceType: 'webhook', sourceId: source.deliveryId, commitSha: source.commitSha };
    default:
      return { sourceType: source.type, sourceId: null, commitSha: null };
  }
}
