import * as core from '@actions/core';
import { type Logger, pino } from 'pino';

/**
 * A pino logger whose JSON lines go to the step's debug log (shown when the run is re-run with
 * debug logging): the readable sweep output is the reporter's, and pino's transports (worker
 * threads loading files by name) cannot run from a single-file bundle.
 */
export function createActionLogger(): Logger {
  return pino(
    { level: core.isDebug() ? 'debug' : 'info', base: undefined },
    { write: (line: string) => core.debug(line.trimEnd()) },
  );
}
