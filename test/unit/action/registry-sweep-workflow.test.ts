import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { readSweepInputs } from '../../../action/src/read-inputs.js';
import { ASSET_STATUSES, ASSET_TYPES } from '../../../src/shared/model/asset-enums.js';
import { evaluateValue } from './evaluate-expression.js';
import { parseWithActionsParser } from './parse-with-actions-parser.js';

const PATH = '.github/workflows/registry-sweep.yml';
const text = readFileSync(PATH, 'utf8');

interface DispatchInput {
  type: string;
  options?: string[];
  default?: unknown;
}
interface Step {
  uses?: string;
  with?: Record<string, string>;
}
const workflow = parse(text) as {
  on: {
    schedule: { cron: string }[];
    workflow_dispatch: { inputs: Record<string, DispatchInput> };
  };
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, { steps: Step[] }>;
};
const action = parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> };
const steps = Object.values(workflow.jobs)[0].steps;
const sweepStep = steps.find((step) => step.uses === './')!;
const [nightly, weekly] = workflow.on.schedule.map((entry) => entry.cron);

/** The inputs the Action receives for an event, as the runner would evaluate `with:`. */
function actionInputs(github: Record<string, unknown>, inputs: Record<string, unknown> = {}) {
  const secrets = { REGISTRY_DATABASE_URL: 'postgres://db', REGISTRY_AMQP_URL: 'amqp://mq' };
  return Object.fromEntries(
    Object.entries(sweepStep.with!).map(([name, value]) => [
      name,
      evaluateValue(String(value), { github, inputs, secrets }),
    ]),
  );
}

/** Parses inputs with the Action's own reader, as the step would. */
function sweepOptions(inputs: Record<string, string>) {
  for (const [name, value] of Object.entries(inputs)) {
    vi.stubEnv(`INPUT_${name.toUpperCase()}`, value);
  }
  return readSweepInputs();
}

describe('the registry-sweep workflow', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('passes the Actions workflow parser without errors', async () => {
    const { errors, template } = await parseWithActionsParser<{ events: object }>('workflow', PATH);
    expect(errors).toEqual([]);
    expect(Object.keys(template.events)).toEqual(['schedule', 'workflow_dispatch']);
  });

  it('runs on schedules off the top of the hour', () => {
    expect(workflow.on.schedule).toHaveLength(2);
    for (const cron of [nightly, weekly]) {
      const minute = cron.split(' ')[0];
      expect(minute).toMatch(/^\d+$/);
      expect(Number(minute)).not.toBe(0);
    }
    expect(nightly.split(' ').slice(2)).toEqual(['*', '*', '*']);
    expect(weekly.split(' ')[4]).not.toBe('*');
  });

  it('offers typed dispatch inputs for every filter and flag', () => {
    // Read from the YAML: the parser's converter (0.3.61) drops the `number` type.
    const inputs = workflow.on.workflow_dispatch.inputs;
    expect(inputs.command).toMatchObject({ type: 'choice', options: ['pull-and-clean', 'clean'] });
    expect(inputs['asset-type'].options).toEqual(['any', ...ASSET_TYPES]);
    expect(inputs.status.options).toEqual(['any', ...ASSET_STATUSES]);
    expect(inputs.lang).toMatchObject({ type: 'choice' });
    for (const flag of ['all', 'force', 'dry-run']) expect(inputs[flag].type).toBe('boolean');
    for (const number of ['delay', 'batch-size']) expect(inputs[number].type).toBe('number');
  });

  it('never runs two sweeps at once and never cancels a running one', () => {
    expect(workflow.concurrency.group).toBeTruthy();
    expect(workflow.concurrency['cancel-in-progress']).toBe(false);
  });

  it('checks out the repository, then runs this Action with inputs it declares', () => {
    const checkout = steps.findIndex((step) => step.uses?.startsWith('actions/checkout@'));
    expect(checkout).toBeGreaterThanOrEqual(0);
    expect(steps.indexOf(sweepStep)).toBeGreaterThan(checkout);
    for (const name of Object.keys(sweepStep.with!))
      expect(Object.keys(action.inputs)).toContain(name);
  });

  it('runs the nightly schedule as a pull-and-clean with the defaults and the secrets', () => {
    const inputs = actionInputs({ event_name: 'schedule', event: { schedule: nightly } });
    expect(inputs['database-url']).toBe('postgres://db');
    expect(inputs['amqp-url']).toBe('amqp://mq');
    expect(sweepOptions(inputs)).toEqual({
      command: 'pull-and-clean',
      all: false,
      force: false,
      delay: 1,
      batchSize: 10,
      dryRun: false,
    });
  });

  it('runs the weekly schedule as a clean', () => {
    const inputs = actionInputs({ event_name: 'schedule', event: { schedule: weekly } });
    expect(sweepOptions(inputs)).toMatchObject({ command: 'clean', delay: 2, all: false });
  });

  it('passes dispatch inputs through, with "any" meaning no filter', () => {
    const inputs = actionInputs(
      { event_name: 'workflow_dispatch', event: {} },
      {
        command: 'clean',
        all: false,
        force: true,
        'asset-type': 'QUIZ',
        status: 'any',
        lang: 'es',
        delay: 0.5,
        'batch-size': 25,
        'dry-run': true,
      },
    );
    expect(sweepOptions(inputs)).toEqual({
      command: 'clean',
      all: false,
      force: true,
      assetType: 'QUIZ',
      status: undefined,
      lang: 'es',
      delay: 0.5,
      batchSize: 25,
      dryRun: true,
    });
  });
});
