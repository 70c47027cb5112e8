import type { SweepReporter } from '../../shared/sweeps/sweep-reporter.js';

/** Where the reporter writes: standard output and whether it is a terminal. */
export interface TextOutput {
  write(text: string): void;
  isTTY?: boolean;
}

const stamp = (date: Date | null) => (date ? date.toISOString() : 'Never');

/**
 * Prints a sweep the way the original management commands did: found count, batch headers,
 * each asset's outcome, progress every 5 assets (a bar instead on a terminal), and a summary.
 */
export function textSweepReporter(out: TextOutput): SweepReporter {
  // Lines are gathered and written in chunks: one write per asset costs more than the publish.
  let pending = '';
  const flush = () => {
    if (pending) out.write(pending);
    pending = '';
  };
  const line = (text = '') => {
    pending += `${text}\n`;
    if (pending.length > 16_384) flush();
  };

  return {
    found(count) {
      line(
        count === 0 ? 'No assets found matching the criteria.' : `Found ${count} assets to process`,
      );
    },
    batchStart(batch, batches, size) {
      line(`\nProcessing batch ${batch}/${batches} (${size} assets)`);
    },
    asset(asset, outcome) {
      line(
        outcome.queued
          ? `  queued  ${asset.slug} (${asset.assetType})`
          : `  FAILED  ${asset.slug} (${asset.assetType}): ${outcome.reason}`,
      );
    },
    progress(done, total) {
      const percent = Math.round((done / total) * 100);
      if (out.isTTY) {
        flush();
        const filled = Math.round(percent / 5);
        out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ${done}/${total} `);
        if (done === total) line();
      } else {
        line(`Progress: ${done}/${total} assets (${percent}%)`);
      }
      if (done === total) flush();
    },
    dryRun(preview, total, options) {
      if (total === 0) return;
      const label = options.command === 'clean' ? 'Last clean' : 'Last sync';
      line('Dry run: nothing will be queued. Would process:');
      for (const asset of preview) {
        const last = options.command === 'clean' ? asset.lastCleaningAt : asset.lastSynchAt;
        line(`  ${asset.slug} (${asset.assetType}) - ${label}: ${stamp(last)}`);
      }
      if (total > preview.length) line(`  ... and ${total - preview.length} more assets`);
      flush();
    },
    done(summary) {
      if (summary.options.dryRun || summary.found === 0) return flush();
      const seconds = (summary.elapsedMs / 1000).toFixed(1);
      line(
        `\nSweep ${summary.sweepId}: found ${summary.found}, queued ${summary.queued}, ` +
          `failed ${summary.failed} in ${seconds}s`,
      );
      for (const failure of summary.failures.slice(0, 20)) {
        line(`  failed: ${failure.slug} (${failure.assetType}): ${failure.reason}`);
      }
      if (summary.failures.length > 20) line(`  ... and ${summary.failures.length - 20} more`);
      flush();
    },
  };
}
