import { fileURLToPath } from 'node:url';
import { type ProcessRun, runNode } from './run-process.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What a finished CLI run printed and returned. */
export type CliRun = ProcessRun;

/**
 * Runs `registry-sync ARGS` from the source (through tsx) with `env` on top of a clean
 * environment, feeding `input` to standard input.
 */
export function runCli(
  args: string[],
  env: Record<string, string> = {},
  input?: string,
): Promise<CliRun> {
  return runNode(['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', ...env },
    input,
  });
}
