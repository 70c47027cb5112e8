import * as core from '@actions/core';
import { runAction } from './run-action.js';
import { failureSummaryMarkdown, writeJobSummary } from './write-job-summary.js';

// The entry of the bundled Action: whatever goes wrong becomes a failed step with one clear
// message, never an unhandled rejection with a stack trace.
try {
  await runAction();
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  core.setFailed(message);
  await writeJobSummary(failureSummaryMarkdown(message)).catch(() => {});
}
