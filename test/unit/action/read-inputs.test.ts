import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  checkConnectionInputs,
  readConnectionInputs,
} from '../../../action/src/connection-inputs.js';
import { readSweepInputs } from '../../../action/src/read-inputs.js';

const setInputs = (inputs: Record<string, string>) => {
  for (const [name, value] of Object.entries(inputs)) {
    vi.stubEnv(`INPUT_${name.toUpperCase()}`, value);
  }
};

describe('readSweepInputs', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('takes the defaults for blank inputs, with the delay of the command', () => {
    setInputs({ command: 'clean', all: '', 'dry-run': '', delay: '', 'batch-size': '' });
    expect(readSweepInputs()).toEqual({
      command: 'clean',
      all: false,
      force: false,
      dryRun: false,
      delay: 2,
      batchSize: 10,
    });
  });

  it('runs pull-and-clean when no command is given', () => {
    expect(readSweepInputs().command).toBe('pull-and-clean');
  });

  it('matches filters ignoring case and reads numbers with surrounding spaces', () => {
    setInputs({ 'asset-type': 'exercise', status: 'Published', lang: 'US', delay: ' 0.25 ' });
    expect(readSweepInputs()).toMatchObject({
      assetType: 'EXERCISE',
      status: 'PUBLISHED',
      lang: 'en',
      delay: 0.25,
    });
  });

  it('accepts each spelling getBooleanInput knows', () => {
    setInputs({ all: 'True', force: 'TRUE', 'dry-run': 'FALSE' });
    expect(readSweepInputs()).toMatchObject({ all: true, force: true, dryRun: false });
  });

  it.each([
    ['force', 'on', /^Input 'force': 'on' is not a boolean; allowed: true, True, TRUE, false/],
    ['status', 'done', /^Input 'status': unknown status 'done'; allowed: NOT_STARTED, /],
    ['lang', 'english', /^Input 'lang': invalid language 'english'/],
    ['batch-size', '2.5', /^Input 'batch-size': '2.5' is not a whole number from 1 to 100000$/],
    ['delay', 'soon', /^Input 'delay': 'soon' is not a number of seconds \(0-3600\)$/],
    ['command', 'Clean', /^Input 'command': unknown sweep command 'Clean'; allowed: /],
  ])('refuses %s %s, naming the input', (input, value, message) => {
    setInputs({ [input]: value });
    expect(() => readSweepInputs()).toThrow(message);
  });
});

describe('readConnectionInputs and checkConnectionInputs', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('prefers the inputs, then the environment, then the defaults', () => {
    setInputs({ 'database-url': 'postgres://u:p@db/reg' });
    expect(
      readConnectionInputs({ DATABASE_URL: 'postgres://env/x', AMQP_URL: 'amqp://mq' }),
    ).toEqual({
      databaseUrl: 'postgres://u:p@db/reg',
      amqpUrl: 'amqp://mq',
      queuePrefix: 'registry',
    });
    expect(readConnectionInputs({}).amqpUrl).toBe('amqp://guest:guest@127.0.0.1:5672');
  });

  it('names the input of a malformed URL and the variable it falls back to', () => {
    expect(() =>
      checkConnectionInputs({
        databaseUrl: 'postgres://db/reg',
        amqpUrl: 'http://mq',
        queuePrefix: 'registry',
      }),
    ).toThrow(
      "Input 'amqp-url': must be a URL starting with amqp:// or amqps:// (or set AMQP_URL)",
    );
  });

  it('refuses a queue prefix the topology could not use', () => {
    expect(() =>
      checkConnectionInputs({
        databaseUrl: 'postgres://db/reg',
        amqpUrl: 'amqp://mq',
        queuePrefix: 'Bad Prefix',
      }),
    ).toThrow(/^Input 'queue-prefix': must be lower-case/);
  });
});
