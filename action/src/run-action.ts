import * as core from '@actions/core';
import { runSweep } from '../../src/shared/sweeps/run-sweep.js';
import { createActionLogger } from './action-logger.js';
import { actionSweepReporter } from './action-sweep-reporter.js';
import { annotateFailures } from './annotate-failures.js';
import { checkConnectionInputs, readConnectionInputs } from './connection-inputs.js';
import { maskConnectionSecrets } from './mask-secrets.js';
import { openConnections } from './open-connections.js';
import { readSweepInputs } from './read-inputs.js';
import { setSweepOutputs } from './set-sweep-outputs.js';
import { sweepSummaryMarkdown, writeJobSummary } from './write-job-summary.js';

/**
 * Runs one sweep as a workflow step: masks the connection secrets before anything is printed,
 * checks the inputs, queues the jobs, then sets the outputs, annotates the assets that could not
 * be queued, writes the job summary, and fails the step when any asset failed. Throws when the
 * sweep cannot run (bad input, unreachable database or broker); the entry turns that into a
 * failed step.
 */
export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const raw = readConnectionInputs(env);
  maskConnectionSecrets([raw.databaseUrl, raw.amqpUrl]);
  const options = readSweepInputs();
  const inputs = checkConnectionInputs(raw);

  const connections = await openConnections(inputs, { broker: !options.dryRun });
  const reporter = actionSweepReporter(options.batchSize);
  try {
    const summary = await runSweep(options, {
      em: connections.em,
      publisher: connections.publisher,
      log: createActionLogger(),
      reporter,
    });
    setSweepOutputs(summary);
    annotateFailures(summary.failures);
    await writeJobSummary(sweepSummaryMarkdown(summary));
    if (summary.failed > 0) {
      core.setFailed(
        `${summary.failed} of ${summary.found} assets could not be queued; ` +
          'see the annotations and the job summary',
      );
    }
  } finally {
    reporter.flush();
    // A failure to close must not hide how the sweep itself went.
    await connections
      .close()
      .catch((error: Error) => core.warning(`Could not close the connections: ${error.message}`));
  }
}
