import type { Logger } from '../../src/shared/log/create-logger.js';
import { withDeadline } from '../with-deadline.js';
import { changedPaths, type PushCommitFiles } from './changed-paths.js';

/** The parts of a push payload that say which files changed. */
export interface PushChange {
  before: string;
  after: string;
  created: boolean;
  commits: readonly PushCommitFiles[];
}

/** The files a push changed, or `all` when they cannot be known. */
export type ResolvedChange =
  | { kind: 'paths'; paths: string[]; compared: boolean }
  | { kind: 'all'; reason: string };

/** Lists the paths changed between two commits (the compare API), with renames' old paths. */
export type ListChangedPaths = (base: string, head: string) => Promise<string[]>;

/** The `before` of a new branch and the `after` of a deleted one. */
export const ZERO_SHA = /^0+$/;

/**
 * Works out which paths a push changed: from the payload, or when the payload may be cut
 * (2,048 commits, or 3,000 paths in one list) from `listChangedPaths`, given `timeoutMs`. When
 * that fails too, or when the branch is new (no base to compare with), answers `all`.
 */
export async function resolveChangedPaths(
  change: PushChange,
  listChangedPaths: ListChangedPaths,
  options: { timeoutMs: number; log: Logger },
): Promise<ResolvedChange> {
  if (change.created && ZERO_SHA.test(change.before)) {
    return { kind: 'all', reason: 'new branch: every file on it is new to the registry' };
  }
  const fromPayload = changedPaths(change.commits);
  if (!fromPayload.mayBeTruncated) {
    return { kind: 'paths', paths: fromPayload.paths, compared: false };
  }
  try {
    const compared = await withDeadline(
      listChangedPaths(change.before, change.after),
      options.timeoutMs,
      'compare',
    );
    const paths = [...new Set([...fromPayload.paths, ...compared])].sort();
    return { kind: 'paths', paths, compared: true };
  } catch (error) {
    options.log.warn(
      { err: error, base: change.before, head: change.after },
      'Compare API failed for a push that may be truncated: queueing every asset of the branch',
    );
    return { kind: 'all', reason: 'compare failed' };
  }
}
