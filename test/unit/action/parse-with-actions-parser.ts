import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SCRIPT = fileURLToPath(new URL('./parse-actions-file.ts', import.meta.url));

/** What GitHub's Actions parser made of a file: its errors, and the converted template. */
export interface ParsedActionsFile<T> {
  errors: string[];
  template: T;
}

/** Parses `path` (from the repository root) as a workflow or an action.yml. */
export async function parseWithActionsParser<T>(
  kind: 'workflow' | 'action',
  path: string,
): Promise<ParsedActionsFile<T>> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', SCRIPT, kind, path],
    { cwd: ROOT },
  );
  return JSON.parse(stdout) as ParsedActionsFile<T>;
}
