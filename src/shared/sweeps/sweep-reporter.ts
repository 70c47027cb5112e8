import type { SweepAsset } from './stream-selection.js';
import type { SweepOptions } from './sweep-options.js';

/** How one asset of a sweep ended. */
export type AssetOutcome = { queued: true } | { queued: false; reason: string };

/** The summary of a sweep, also the Action's outputs. */
export interface SweepSummary {
  sweepId: string;
  options: SweepOptions;
  found: number;
  queued: number;
  failed: number;
  failures: { slug: string; assetType: string; reason: string }[];
  elapsedMs: number;
  /** For a dry run: the first assets that would be queued. */
  preview?: SweepAsset[];
}

/**
 * What a sweep tells the person running it. The CLI prints lines; the Action writes log groups,
 * annotations and a job summary. Every method is optional.
 */
export interface SweepReporter {
  found?(count: number, sweepId: string): void;
  batchStart?(batch: number, batches: number, size: number): void;
  batchEnd?(batch: number, batches: number): void;
  asset?(asset: SweepAsset, outcome: AssetOutcome): void;
  progress?(done: number, total: number): void;
  dryRun?(preview: SweepAsset[], total: number, options: SweepOptions): void;
  done?(summary: SweepSummary): void;
}
