import * as core from '@actions/core';
import {
  parseSweepOptions,
  SWEEP_COMMANDS,
  type SweepCommand,
  SweepOptionError,
  type SweepOptions,
} from '../../src/shared/sweeps/sweep-options.js';
import { ActionInputError } from './action-input-error.js';

/** What getBooleanInput accepts (the YAML 1.2 core schema booleans). */
export const BOOLEAN_VALUES = ['true', 'True', 'TRUE', 'false', 'False', 'FALSE'];

/**
 * Reads and checks the sweep inputs. A blank input takes its default: `command` pull-and-clean,
 * booleans false, `delay` the command's own default, `batch-size` 10. A bad one throws an
 * {@link ActionInputError} naming the input and the values it allows.
 */
export function readSweepInputs(): SweepOptions {
  const command = readCommand();
  try {
    return parseSweepOptions(command, {
      all: readBoolean('all'),
      force: readBoolean('force'),
      dryRun: readBoolean('dry-run'),
      assetType: core.getInput('asset-type'),
      status: core.getInput('status'),
      lang: core.getInput('lang'),
      delay: core.getInput('delay'),
      batchSize: core.getInput('batch-size'),
    });
  } catch (error) {
    if (!(error instanceof SweepOptionError)) throw error;
    // The shared parser names CLI flags (`--batch-size`); the Action's inputs drop the dashes.
    const problem = error.message.slice(error.input.length + 2);
    throw new ActionInputError(error.input.replace(/^--/, ''), problem);
  }
}

function readCommand(): SweepCommand {
  const value = core.getInput('command') || 'pull-and-clean';
  const command = SWEEP_COMMANDS.find((candidate) => candidate === value);
  if (!command) {
    throw new ActionInputError(
      'command',
      `unknown sweep command '${value}'; allowed: ${SWEEP_COMMANDS.join(', ')}`,
    );
  }
  return command;
}

function readBoolean(name: string): boolean {
  // The runner sends every input with its action.yml default, but a caller passing an empty
  // expression (a schedule has no dispatch inputs) sends '': that means the default, false.
  const value = core.getInput(name);
  if (value === '') return false;
  try {
    return core.getBooleanInput(name);
  } catch {
    throw new ActionInputError(
      name,
      `'${value}' is not a boolean; allowed: ${BOOLEAN_VALUES.join(', ')}`,
    );
  }
}
