import type { Command } from 'commander';
import { runSweep } from '../../shared/sweeps/run-sweep.js';
import {
  DEFAULT_DELAY,
  parseSweepOptions,
  type RawSweepOptions,
  type SweepCommand,
  SweepOptionError,
} from '../../shared/sweeps/sweep-options.js';
import { CliError } from '../cli-error.js';
import { openRuntime } from '../open-runtime.js';
import { textSweepReporter } from '../output/text-sweep-reporter.js';

/** Adds the selection filters shared by the sweeps and `assets list`. */
export function addFilterOptions(command: Command): Command {
  return command
    .option('--asset-type <type>', 'only this asset type (PROJECT, LESSON, ...; any case)')
    .option('--status <status>', 'only this status (PUBLISHED, DRAFT, ...; any case)')
    .option('--lang <lang>', 'only this language (us means en)');
}

function sweepCommand(program: Command, name: SweepCommand, description: string) {
  const command = program
    .command(name)
    .description(description)
    .option('--all', 'every asset, not only those not updated in the last 24 hours', false)
    .option('--force', 'like --all; pull jobs also override metadata', false)
    .option('--delay <seconds>', `seconds between two assets (default ${DEFAULT_DELAY[name]})`)
    .option('--batch-size <n>', 'assets per batch; 2 x delay between batches (default 10)')
    .option('--dry-run', 'list what would be queued, queue nothing', false);
  addFilterOptions(command).action(async (raw: RawSweepOptions) => {
    let options: ReturnType<typeof parseSweepOptions>;
    try {
      options = parseSweepOptions(name, raw);
    } catch (error) {
      if (error instanceof SweepOptionError) throw new CliError(error.message);
      throw error;
    }

    const runtime = openRuntime();
    try {
      const orm = await runtime.orm();
      // A dry run never needs the broker.
      const publisher = options.dryRun
        ? { publishPull: fail, publishClean: fail, publishRaw: fail, close: async () => {} }
        : await runtime.publisher();
      const summary = await runSweep(options, {
        em: orm.em.fork(),
        publisher,
        log: runtime.log,
        reporter: textSweepReporter({
          write: (text) => process.stdout.write(text),
          isTTY: process.stdout.isTTY,
        }),
      });
      if (summary.failed > 0) process.exitCode = 1;
    } finally {
      await runtime.close();
    }
  });
}

async function fail(): Promise<never> {
  throw new Error('a dry run publishes nothing');
}

/** `registry-sync pull-and-clean` and `registry-sync clean`. */
export function register(program: Command): void {
  sweepCommand(program, 'pull-and-clean', 'queue a pull (then a clean) of the assets that need it');
  sweepCommand(program, 'clean', 'queue a clean of the stored README of the assets that need it');
}
