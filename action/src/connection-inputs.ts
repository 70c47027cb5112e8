import * as core from '@actions/core';
import { ConfigError, loadConfig } from '../../src/shared/config/load-config.js';
import { ActionInputError } from './action-input-error.js';

/** Where the sweep connects and which queues it publishes to. */
export interface ConnectionInputs {
  databaseUrl: string;
  amqpUrl: string;
  queuePrefix: string;
}

/** Each connection input and the environment variable it falls back to. */
const FALLBACKS = {
  'database-url': 'DATABASE_URL',
  'amqp-url': 'AMQP_URL',
  'queue-prefix': 'QUEUE_PREFIX',
} as const;

/**
 * Reads the connection inputs as given, each falling back to its environment variable
 * (DATABASE_URL, AMQP_URL, QUEUE_PREFIX) and then to the project defaults. Nothing is checked
 * yet, so the values can be masked before any message could print them.
 */
export function readConnectionInputs(env: NodeJS.ProcessEnv = process.env): ConnectionInputs {
  const config = loadConfig({});
  const pick = (input: keyof typeof FALLBACKS, fallback: string) =>
    core.getInput(input) || env[FALLBACKS[input]]?.trim() || fallback;
  return {
    databaseUrl: pick('database-url', config.DATABASE_URL),
    amqpUrl: pick('amqp-url', config.AMQP_URL),
    queuePrefix: pick('queue-prefix', config.QUEUE_PREFIX),
  };
}

/**
 * Checks the connection inputs with the project's configuration rules; a bad one throws an
 * {@link ActionInputError} naming the input (the message never repeats the value).
 */
export function checkConnectionInputs(inputs: ConnectionInputs): ConnectionInputs {
  try {
    const config = loadConfig({
      DATABASE_URL: inputs.databaseUrl,
      AMQP_URL: inputs.amqpUrl,
      QUEUE_PREFIX: inputs.queuePrefix,
    });
    return {
      databaseUrl: config.DATABASE_URL,
      amqpUrl: config.AMQP_URL,
      queuePrefix: config.QUEUE_PREFIX,
    };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const [variable] = error.variables;
    const input = inputOf(variable);
    const problem = error.message.split('\n')[0].slice(variable.length + 2);
    throw new ActionInputError(input, `${problem} (or set ${variable})`);
  }
}

function inputOf(variable: string): string {
  const entry = Object.entries(FALLBACKS).find(([, name]) => name === variable);
  return entry ? entry[0] : variable;
}
