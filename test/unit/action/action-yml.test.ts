import type { ActionTemplate } from '@actions/workflow-parser/actions/index';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseWithActionsParser } from './parse-with-actions-parser.js';

type Template = Omit<ActionTemplate, 'inputs'> & {
  inputs: { id: string; description?: string; required?: boolean; default?: string }[];
};

describe('action.yml', () => {
  let errors: string[];
  let template: Template;

  beforeAll(async () => {
    ({ errors, template } = await parseWithActionsParser<Template>('action', 'action.yml'));
  });

  it('passes the Actions metadata parser without errors', () => {
    expect(errors).toEqual([]);
  });

  it('runs the committed bundle on node24', () => {
    expect(template.runs).toEqual({ using: 'node24', main: 'action/dist/index.js' });
  });

  it('declares the sweep inputs with their defaults, none required', () => {
    const defaults = Object.fromEntries(
      template.inputs.map((input) => [input.id, input.default ?? '']),
    );
    expect(defaults).toEqual({
      command: 'pull-and-clean',
      all: 'false',
      force: 'false',
      'asset-type': '',
      status: '',
      lang: '',
      delay: '',
      'batch-size': '10',
      'dry-run': 'false',
      'database-url': '',
      'amqp-url': '',
      'queue-prefix': '',
    });
    expect(template.inputs.every((input) => !input.required && input.description)).toBe(true);
  });

  it('declares the outputs found, queued, failed and sweep-id', () => {
    const outputs = template.outputs ?? [];
    expect(outputs.map((output) => output.id)).toEqual(['found', 'queued', 'failed', 'sweep-id']);
    expect(outputs.every((output) => output.description)).toBe(true);
  });

  it('has a name, a description and branding for the Marketplace', () => {
    expect(template.name).toBeTruthy();
    expect(template.description).toBeTruthy();
    expect(template.branding).toEqual({ icon: 'refresh-cw', color: 'blue' });
  });
});
