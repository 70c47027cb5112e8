import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { type ProcessRun, runNode } from '../../support/run-process.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** What one run of the bundled Action left behind. */
export interface BundleRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The step outputs, read back from the GITHUB_OUTPUT file. */
  outputs: Record<string, string>;
  /** The job summary file's text. */
  summary: string;
}

/**
 * A checkout-like folder holding only a copy of the committed bundle: no node_modules anywhere
 * above it, as on a runner, so a dependency left out of the bundle fails the run.
 */
export interface Workspace {
  dir: string;
  run(inputs?: Record<string, string>, env?: Record<string, string>): Promise<BundleRun>;
  remove(): Promise<void>;
}

/** Copies the committed bundle into a fresh temporary folder; `remove()` deletes it. */
export async function createWorkspace(): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), 'rs-action-'));
  await cp(join(ROOT, 'action/dist'), join(dir, 'action/dist'), { recursive: true });
  const defaults = await actionDefaults();
  let runs = 0;

  return {
    dir,
    async run(inputs = {}, env = {}) {
      runs++;
      const outputFile = join(dir, `output-${runs}`);
      const summaryFile = join(dir, `summary-${runs}`);
      await writeFile(outputFile, '');
      await writeFile(summaryFile, '');
      const result = await spawnBundle(dir, {
        PATH: process.env.PATH ?? '',
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        ...inputVariables({ ...defaults, ...inputs }),
        ...env,
      });
      return {
        ...result,
        outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
        summary: await readFile(summaryFile, 'utf8'),
      };
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The runner passes every input of action.yml, with its default unless the step sets it. */
async function actionDefaults(): Promise<Record<string, string>> {
  const action = parse(await readFile(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  return Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => [name, String(input.default ?? '')]),
  );
}

/** `INPUT_<NAME>` as the runner names them: upper case, spaces to `_`, hyphens kept. */
export function inputVariables(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [
      `INPUT_${name.replace(/ /g, '_').toUpperCase()}`,
      value,
    ]),
  );
}

/** Reads a GITHUB_OUTPUT file: `name=value` lines and `name<<DELIMITER` heredocs. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const end = lines.indexOf(delimiter, i + 1);
      if (end < 0) throw new Error(`output ${name}: no closing ${delimiter}`);
      outputs[name] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      outputs[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return outputs;
}

/** Runs `node action/dist/index.js` in `cwd` with exactly `env`, as the runner starts it. */
function spawnBundle(cwd: string, env: Record<string, string>): Promise<ProcessRun> {
  return runNode(['action/dist/index.js'], { cwd, env });
}

/** Standard output without the `::add-mask::` commands, which carry the secrets by design. */
export function withoutMaskCommands(stdout: string): string {
  return stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}
