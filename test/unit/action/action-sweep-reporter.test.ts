import { describe, expect, it } from 'vitest';
import { actionSweepReporter } from '../../../action/src/action-sweep-reporter.js';
import type { SweepAsset } from '../../../src/shared/sweeps/stream-selection.js';
import type { SweepOptions } from '../../../src/shared/sweeps/sweep-options.js';

const asset = (seq: number, slug: string): SweepAsset => ({
  seq,
  id: seq,
  slug,
  assetType: 'LESSON',
  owner: null,
  lastSynchAt: null,
  lastCleaningAt: new Date('2026-01-02T03:04:05Z'),
});

function recorder() {
  const lines: string[] = [];
  return {
    lines,
    log: {
      info: (message: string) => lines.push(message),
      startGroup: (name: string) => lines.push(`::group::${name}`),
      endGroup: () => lines.push('::endgroup::'),
    },
  };
}

describe('actionSweepReporter', () => {
  it('writes each batch with its outcomes and progress as a group once all are in', () => {
    const { lines, log } = recorder();
    const reporter = actionSweepReporter(2, log);
    reporter.batchStart!(1, 1, 2);
    reporter.asset!(asset(1, 'one'), { queued: true });
    expect(lines).toEqual([]);
    reporter.asset!(asset(2, 'two'), { queued: false, reason: 'refused' });
    reporter.progress!(2, 2);
    reporter.batchEnd?.(1, 1);
    expect(lines).toEqual([
      '::group::Batch 1/1 (2 assets)',
      'queued  one (LESSON)',
      'FAILED  two (LESSON): refused',
      'Progress: 2/2 assets (100%)',
      '::endgroup::',
    ]);
  });

  it('keeps late outcomes in their own batch when the next batch has already started', () => {
    const { lines, log } = recorder();
    const reporter = actionSweepReporter(2, log);
    reporter.batchStart!(1, 2, 2);
    reporter.batchEnd?.(1, 2);
    reporter.batchStart!(2, 2, 2);
    reporter.asset!(asset(3, 'three'), { queued: false, reason: 'refused' });
    reporter.asset!(asset(1, 'one'), { queued: true });
    reporter.asset!(asset(2, 'two'), { queued: true });
    reporter.asset!(asset(4, 'four'), { queued: true });
    reporter.flush();
    expect(lines).toEqual([
      '::group::Batch 1/2 (2 assets)',
      'queued  one (LESSON)',
      'queued  two (LESSON)',
      '::endgroup::',
      '::group::Batch 2/2 (2 assets)',
      'FAILED  three (LESSON): refused',
      'queued  four (LESSON)',
      '::endgroup::',
    ]);
  });

  it('writes the batches a failing sweep left unfinished on flush, once', () => {
    const { lines, log } = recorder();
    const reporter = actionSweepReporter(10, log);
    reporter.batchStart!(1, 3, 10);
    reporter.asset!(asset(1, 'one'), { queued: true });
    reporter.flush();
    reporter.flush();
    expect(lines).toEqual([
      '::group::Batch 1/3 (10 assets)',
      'queued  one (LESSON)',
      '::endgroup::',
    ]);
  });

  it('lists a dry run of clean with each last clean in a group', () => {
    const { lines, log } = recorder();
    const options = { command: 'clean', dryRun: true } as SweepOptions;
    actionSweepReporter(10, log).dryRun!([asset(1, 'one')], 21, options);
    expect(lines).toEqual([
      '::group::Dry run: would queue 21 assets; nothing queued',
      'one (LESSON), last clean: 2026-01-02T03:04:05.000Z',
      '... and 20 more assets',
      '::endgroup::',
    ]);
  });
});
