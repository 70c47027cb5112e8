import * as core from '@actions/core';
import type { SweepSummary } from '../../src/shared/sweeps/sweep-reporter.js';

/** Most error annotations one sweep writes; the rest are counted in one warning. */
export const MAX_ANNOTATIONS = 10;

/** The annotation commands used; @actions/core by default. */
export interface AnnotationLog {
  error(message: string, properties: { title: string }): void;
  warning(message: string): void;
}

/**
 * Writes an error annotation per asset the sweep could not queue, at most `max` (default
 * {@link MAX_ANNOTATIONS}): GitHub shows only the first few per step, and a thousand would bury
 * the run page. A warning counts those left out.
 */
export function annotateFailures(
  failures: SweepSummary['failures'],
  max = MAX_ANNOTATIONS,
  log: AnnotationLog = core,
): void {
  for (const failure of failures.slice(0, max)) {
    log.error(`${failure.slug} (${failure.assetType}): ${failure.reason}`, {
      title: `Could not queue ${failure.slug}`,
    });
  }
  if (failures.length > max) {
    log.warning(
      `${failures.length - max} more assets could not be queued; see the job summary and the log`,
    );
  }
}
