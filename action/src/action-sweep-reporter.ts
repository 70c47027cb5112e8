import * as core from '@actions/core';
import type { SweepReporter } from '../../src/shared/sweeps/sweep-reporter.js';

/** The workflow commands the reporter writes through; @actions/core by default. */
export interface ActionLog {
  info(message: string): void;
  startGroup(name: string): void;
  endGroup(): void;
}

/** A sweep reporter that can also write out the batches a failed sweep left unfinished. */
export interface ActionSweepReporter extends SweepReporter {
  flush(): void;
}

interface BatchLog {
  header: string;
  expected: number;
  settled: number;
  lines: string[];
}

const stamp = (date: Date | null) => (date ? date.toISOString() : 'never');

/**
 * Writes a sweep to the Actions log: the found count, one collapsible group per batch holding
 * each asset's outcome and the progress every 5 assets, the dry-run list in a group of its own,
 * and a closing line with the counts.
 *
 * Without a delay the sweep keeps publishing into the next batch while the broker still has to
 * confirm the last one, so outcomes arrive after their batch has ended. Each batch is therefore
 * held until all its `size` outcomes are in, then written as one group, batches in order; the
 * rest (a batch short of an asset deleted mid-sweep, a sweep that failed) at `done` or `flush`.
 * `batchSize` (the sweep's) tells which batch an asset belongs to.
 */
export function actionSweepReporter(batchSize: number, log: ActionLog = core): ActionSweepReporter {
  const pending = new Map<number, BatchLog>();
  let next = 1;
  let lastSettled = 0;

  const write = (batch: BatchLog) => {
    log.startGroup(batch.header);
    for (const line of batch.lines) log.info(line);
    log.endGroup();
  };
  const writeFinished = () => {
    let batch = pending.get(next);
    while (batch && batch.settled >= batch.expected) {
      write(batch);
      pending.delete(next);
      next++;
      batch = pending.get(next);
    }
  };
  const flush = () => {
    for (const number of [...pending.keys()].sort((a, b) => a - b)) {
      write(pending.get(number)!);
      next = number + 1;
    }
    pending.clear();
  };
  const add = (batchNumber: number, line: string) => {
    const batch = pending.get(batchNumber);
    if (batch) batch.lines.push(line);
    else log.info(line);
  };

  return {
    flush,
    found(count, sweepId) {
      log.info(
        count === 0
          ? 'No assets found matching the criteria.'
          : `Found ${count} assets to process (sweep ${sweepId})`,
      );
    },
    batchStart(batch, batches, size) {
      writeFinished();
      pending.set(batch, {
        header: `Batch ${batch}/${batches} (${size} assets)`,
        expected: size,
        settled: 0,
        lines: [],
      });
    },
    asset(asset, outcome) {
      // Finished batches are written on the next call, so that the progress line the sweep may
      // report right after this asset still lands in this asset's group.
      writeFinished();
      lastSettled = Math.ceil(asset.seq / batchSize);
      add(
        lastSettled,
        outcome.queued
          ? `queued  ${asset.slug} (${asset.assetType})`
          : `FAILED  ${asset.slug} (${asset.assetType}): ${outcome.reason}`,
      );
      const batch = pending.get(lastSettled);
      if (batch) batch.settled++;
    },
    progress(done, total) {
      add(lastSettled, `Progress: ${done}/${total} assets (${Math.round((done / total) * 100)}%)`);
      writeFinished();
    },
    dryRun(preview, total, options) {
      if (total === 0) return;
      const label = options.command === 'clean' ? 'last clean' : 'last sync';
      log.startGroup(`Dry run: would queue ${total} assets; nothing queued`);
      for (const asset of preview) {
        const last = options.command === 'clean' ? asset.lastCleaningAt : asset.lastSynchAt;
        log.info(`${asset.slug} (${asset.assetType}), ${label}: ${stamp(last)}`);
      }
      if (total > preview.length) log.info(`... and ${total - preview.length} more assets`);
      log.endGroup();
    },
    done(summary) {
      flush();
      if (summary.options.dryRun || summary.found === 0) return;
      const seconds = (summary.elapsedMs / 1000).toFixed(1);
      log.info(
        `Sweep ${summary.sweepId}: found ${summary.found}, queued ${summary.queued}, ` +
          `failed ${summary.failed} in ${seconds} s`,
      );
    },
  };
}
