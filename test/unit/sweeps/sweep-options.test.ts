import { describe, expect, it } from 'vitest';
import { parseSweepOptions } from '../../../src/shared/sweeps/sweep-options.js';

describe('parseSweepOptions', () => {
  it('uses the original commands defaults', () => {
    expect(parseSweepOptions('pull-and-clean', {})).toEqual({
      command: 'pull-and-clean',
      all: false,
      force: false,
      assetType: undefined,
      status: undefined,
      lang: undefined,
      delay: 1,
      batchSize: 10,
      dryRun: false,
    });
    expect(parseSweepOptions('clean', {}).delay).toBe(2);
  });

  it('matches filter values ignoring case and maps us to en', () => {
    const options = parseSweepOptions('clean', {
      assetType: 'Project',
      status: 'draft',
      lang: 'US',
    });
    expect(options).toMatchObject({ assetType: 'PROJECT', status: 'DRAFT', lang: 'en' });
  });

  it('names the flag and lists the allowed values for an unknown filter value', () => {
    expect(() => parseSweepOptions('clean', { assetType: 'poem' })).toThrow(
      "--asset-type: unknown asset type 'poem'; allowed: " +
        'PROJECT, EXERCISE, LESSON, QUIZ, VIDEO, STARTER, ARTICLE',
    );
    expect(() => parseSweepOptions('clean', { status: 'done' })).toThrow(/--status: .*PUBLISHED/);
  });

  it('refuses a negative delay and a fractional batch size', () => {
    expect(() => parseSweepOptions('clean', { delay: '-1' })).toThrow(/--delay/);
    expect(() => parseSweepOptions('clean', { batchSize: '2.5' })).toThrow(/--batch-size/);
  });
});
