import { describe, expect, it } from 'vitest';
import { sweepSummaryMarkdown } from '../../../action/src/write-job-summary.js';
import type { SweepOptions } from '../../../src/shared/sweeps/sweep-options.js';
import type { SweepSummary } from '../../../src/shared/sweeps/sweep-reporter.js';

const options: SweepOptions = {
  command: 'pull-and-clean',
  all: false,
  force: false,
  assetType: 'LESSON',
  delay: 1,
  batchSize: 10,
  dryRun: false,
};

const summary = (changes: Partial<SweepSummary>): SweepSummary => ({
  sweepId: '00000000-0000-4000-8000-000000000000',
  options,
  found: 0,
  queued: 0,
  failed: 0,
  failures: [],
  elapsedMs: 1234,
  ...changes,
});

describe('sweepSummaryMarkdown', () => {
  it('lists at most the given number of failed assets and counts the rest', () => {
    const failures = Array.from({ length: 7 }, (_, i) => ({
      slug: `broken-${i}`,
      assetType: 'LESSON',
      reason: 'broker said no',
    }));
    const text = sweepSummaryMarkdown(summary({ found: 7, failed: 7, failures }), 5);
    expect(text).toContain('### Assets not queued (7)');
    expect(text).toContain('| `broken-4` | LESSON | broker said no |');
    expect(text).not.toContain('broken-5');
    expect(text).toContain('... and 2 more (see the log)');
    expect(text).toContain('| 7 | 0 | 7 | 1.2 s |');
    expect(text).toContain('| Asset type | LESSON |');
  });

  it('escapes reasons so they cannot break the table or inject markup', () => {
    const text = sweepSummaryMarkdown(
      summary({
        found: 1,
        failed: 1,
        failures: [{ slug: 'odd|slug', assetType: 'QUIZ', reason: 'bad <b>|pipe|</b>\nline' }],
      }),
    );
    expect(text).toContain('| `odd\\|slug` | QUIZ | bad \\<b\\>\\|pipe\\|\\</b\\> line |');
  });
});
