import * as core from '@actions/core';
import type { SweepSummary } from '../../src/shared/sweeps/sweep-reporter.js';

/** Sets the step outputs `found`, `queued`, `failed` and `sweep-id`. */
export function setSweepOutputs(summary: SweepSummary): void {
  core.setOutput('found', summary.found);
  core.setOutput('queued', summary.queued);
  core.setOutput('failed', summary.failed);
  core.setOutput('sweep-id', summary.sweepId);
}
