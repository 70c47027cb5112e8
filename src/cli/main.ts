#!/usr/bin/env node
import { ConfigError } from '../shared/config/load-config.js';
import { CliError } from './cli-error.js';
import { buildProgram } from './program.js';

// Exit statuses: 0 success, 1 some assets failed, 2 cannot run (configuration, database or
// broker unreachable, bad input).
try {
  const program = await buildProgram();
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`configuration error:\n${error.message}`);
  } else if (error instanceof CliError) {
    console.error(`registry-sync: ${error.message}`);
    process.exitCode = error.exitCode;
  } else {
    console.error(`registry-sync: ${(error as Error).message}`);
    if (process.env.LOG_LEVEL === 'debug') console.error(error);
  }
  process.exitCode ??= 2;
}
