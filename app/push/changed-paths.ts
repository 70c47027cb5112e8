/** The file lists of one commit in a push payload. */
export interface PushCommitFiles {
  added?: string[];
  modified?: string[];
  removed?: string[];
}

/** Most commits a push payload lists; a longer push is cut to this many. */
export const MAX_PAYLOAD_COMMITS = 2048;
/** Most paths one list of one commit holds; a longer list is cut to this many. */
export const MAX_PAYLOAD_PATHS = 3000;

/** What a push payload says about its files. */
export interface ChangedPaths {
  /** Union of added, modified and removed over every commit, sorted. */
  paths: string[];
  /** True when a limit was reached, so the payload may not name every changed file. */
  mayBeTruncated: boolean;
}

/**
 * Collects the paths a push touched. Commits that are not `distinct` count too: a fast-forward
 * merge lists commits already seen elsewhere, yet their files did change on this branch.
 */
export function changedPaths(commits: readonly PushCommitFiles[]): ChangedPaths {
  const paths = new Set<string>();
  let mayBeTruncated = commits.length >= MAX_PAYLOAD_COMMITS;
  for (const commit of commits) {
    for (const list of [commit.added, commit.modified, commit.removed]) {
      if (!list) continue;
      if (list.length >= MAX_PAYLOAD_PATHS) mayBeTruncated = true;
      for (const path of list) paths.add(path);
    }
  }
  return { paths: [...paths].sort(), mayBeTruncated };
}
