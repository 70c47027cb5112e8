import * as core from '@actions/core';
import type { SweepSummary } from '../../src/shared/sweeps/sweep-reporter.js';
import { codeSpan, escapeMarkdown, markdownTable } from './markdown-text.js';

/** Most failed assets (and dry-run assets) listed in the job summary; the rest are counted. */
export const MAX_SUMMARY_ROWS = 50;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const stamp = (date: Date | null) => (date ? date.toISOString() : 'never');

/** The job summary of a finished sweep, as GitHub-flavoured Markdown. */
export function sweepSummaryMarkdown(summary: SweepSummary, maxRows = MAX_SUMMARY_ROWS): string {
  const { options } = summary;
  const parts = [`## Registry sweep: ${options.command}${options.dryRun ? ' (dry run)' : ''}`];

  parts.push(
    markdownTable(
      ['Found', 'Queued', 'Failed', 'Elapsed'],
      [
        [summary.found, summary.queued, summary.failed]
          .map(String)
          .concat(seconds(summary.elapsedMs)),
      ],
    ),
  );

  const selection = options.force
    ? 'every asset, overriding metadata (force)'
    : options.all
      ? 'every asset (all)'
      : 'assets not updated in the last 24 hours';
  parts.push(
    markdownTable(
      ['Setting', 'Value'],
      [
        ['Command', options.command],
        ['Selection', selection],
        ['Asset type', options.assetType ?? 'any'],
        ['Status', options.status ?? 'any'],
        ['Language', options.lang ?? 'any'],
        ['Delay', `${options.delay} s between assets, ${2 * options.delay} s between batches`],
        ['Batch size', String(options.batchSize)],
        ['Dry run', options.dryRun ? 'yes: nothing queued' : 'no'],
      ],
    ),
  );
  parts.push(
    options.dryRun
      ? `Sweep id ${codeSpan(summary.sweepId)} (not recorded: dry run)`
      : `Sweep id ${codeSpan(summary.sweepId)}`,
  );

  if (summary.failures.length > 0) {
    parts.push(`### Assets not queued (${summary.failures.length})`);
    parts.push(
      markdownTable(
        ['Slug', 'Type', 'Reason'],
        summary.failures
          .slice(0, maxRows)
          .map((failure) => [
            codeSpan(failure.slug),
            failure.assetType,
            escapeMarkdown(failure.reason),
          ]),
      ),
    );
    if (summary.failures.length > maxRows) {
      parts.push(`... and ${summary.failures.length - maxRows} more (see the log)`);
    }
  }

  if (options.dryRun && summary.preview && summary.preview.length > 0) {
    const clean = options.command === 'clean';
    parts.push('### Would queue');
    parts.push(
      markdownTable(
        ['Slug', 'Type', clean ? 'Last clean' : 'Last sync'],
        summary.preview
          .slice(0, maxRows)
          .map((asset) => [
            codeSpan(asset.slug),
            asset.assetType,
            stamp(clean ? asset.lastCleaningAt : asset.lastSynchAt),
          ]),
      ),
    );
    const shown = Math.min(summary.preview.length, maxRows);
    if (summary.found > shown) parts.push(`... and ${summary.found - shown} more assets`);
  }

  return `${parts.join('\n\n')}\n`;
}

/** The job summary of a sweep that could not start or could not finish. */
export function failureSummaryMarkdown(message: string): string {
  return `## Registry sweep failed\n\n${escapeMarkdown(message)}\n`;
}

/**
 * Appends `markdown` to the job summary. Outside a runner (no GITHUB_STEP_SUMMARY) there is
 * nowhere to write, so it is skipped with a debug line.
 */
export async function writeJobSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.debug('No GITHUB_STEP_SUMMARY file: job summary skipped');
    return;
  }
  await core.summary.addRaw(markdown).write();
}
