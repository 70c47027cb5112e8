import {
  type FetchBlobsOptions,
  type FetchRequest,
  type FetchResult,
  fetchBlobs,
  type TreeEntry,
} from '../../shared/github/fetch-blobs.js';
import type { GithubClient } from '../../shared/github/github-client.js';
import { CONFIG_FILE_NAMES } from '../../shared/model/asset-enums.js';
import type { PullTarget } from './load-pull-targets.js';
import type { PullPlan } from './plan-pull.js';

/** One asset to read, keyed by the caller. */
export interface PullFetchItem {
  key: string;
  target: PullTarget;
  plan: PullPlan;
  /** Read the text even when the SHA is unchanged (the job overrides metadata). */
  override: boolean;
}

/** A file read (or found unchanged, missing, ...) and its path in the repository. */
export interface ReadFile {
  path: string;
  result: FetchResult;
}

/** What was read for one asset: its main file (or README) and, for folders, its config. */
export interface PulledFiles {
  main: ReadFile;
  /** Folder mode only: the first config file found, or null when there is none. */
  config?: ReadFile | null;
}

const join = (folder: string, name: string) => (folder ? `${folder}/${name}` : name);

/**
 * Reads the files of many assets that share one credential, in two rounds of batched GraphQL
 * queries: first each file's SHA (its text only when no SHA is known) and each folder's
 * listing, then the text of what changed and the `.learn/` configs the listing cannot show.
 * A file whose SHA equals the stored one comes back 'unchanged', its text never downloaded.
 *
 * @throws GithubError (or RateLimitedError) when a query fails as a whole.
 */
export async function fetchPullFiles(
  client: GithubClient,
  items: PullFetchItem[],
  options: FetchBlobsOptions = {},
): Promise<Map<string, PulledFiles>> {
  const first: FetchRequest[] = items.map(({ key, plan, target, override }) => {
    const { owner, repo, ref } = plan.location;
    if (plan.mode === 'folder')
      return { id: key, kind: 'tree', owner, repo, ref, path: plan.folder };
    const knownSha = override ? null : target.blobSha;
    return { id: key, owner, repo, ref, path: plan.location.path, knownSha, wantText: true };
  });
  const firstResults = await fetchBlobs(client, first, options);

  const files = new Map<string, PulledFiles>();
  const second: FetchRequest[] = [];
  const folders: ({ item: PullFetchItem } & FolderReads)[] = [];
  for (const item of items) {
    const result = firstResults.get(item.key) ?? { status: 'not-found' };
    if (item.plan.mode === 'file') {
      files.set(item.key, { main: { path: item.plan.location.path, result } });
      continue;
    }
    const readmePath = join(item.plan.folder, item.plan.readmeName);
    if (result.status !== 'tree') {
      files.set(item.key, { main: { path: readmePath, result }, config: null });
      continue;
    }
    const plan = { ...item.plan, readmePath };
    const { readme, configs } = planFolderReads(item, plan, result.entries, second);
    folders.push({ item, readme, configs });
  }

  const secondResults = second.length ? await fetchBlobs(client, second, options) : new Map();
  const read = (id: string, path: string): ReadFile => ({
    path,
    result: secondResults.get(id) ?? { status: 'not-found' },
  });
  for (const { item, readme, configs } of folders) {
    const main = typeof readme === 'string' ? read(`${item.key}|readme`, readme) : readme;
    const found = configs
      .map((config, index) =>
        typeof config === 'string' ? read(`${item.key}|config|${index}`, config) : config,
      )
      .find((file) => file.result.status !== 'not-found');
    files.set(item.key, { main, config: found ?? null });
  }
  return files;
}

/** A file already known from a listing, or the path of a file read in the second round. */
interface FolderReads {
  readme: ReadFile | string;
  /** Config candidates in priority order. */
  configs: (ReadFile | string)[];
}

/**
 * From a folder's listing: the README's outcome (or its path, when its text must be read),
 * and the config paths to read, in priority order, queueing their reads on `second`.
 */
function planFolderReads(
  item: PullFetchItem,
  plan: { folder: string; readmeName: string; readmePath: string },
  entries: TreeEntry[],
  second: FetchRequest[],
): FolderReads {
  const { key, target, override } = item;
  const { owner, repo, ref } = item.plan.location;
  const blob = (name: string) => entries.find((e) => e.name === name && e.type === 'blob');

  let readme: ReadFile | string;
  const readmeEntry = blob(plan.readmeName);
  if (!readmeEntry) {
    readme = { path: plan.readmePath, result: { status: 'not-found' } };
  } else if (!override && readmeEntry.oid === target.blobSha) {
    readme = { path: plan.readmePath, result: { status: 'unchanged', sha: readmeEntry.oid } };
  } else {
    readme = plan.readmePath;
    second.push({ id: `${key}|readme`, owner, repo, ref, path: readme, wantText: true });
  }

  // A listing shows top-level configs with their SHA; a `.learn/` config must be read to be
  // known, and is read only when it comes before the first top-level config in priority.
  const hasLearnFolder = entries.some((e) => e.name === '.learn' && e.type === 'tree');
  const configs: (ReadFile | string)[] = [];
  for (const name of CONFIG_FILE_NAMES) {
    const path = join(plan.folder, name);
    const id = `${key}|config|${configs.length}`;
    if (name.startsWith('.learn/')) {
      if (!hasLearnFolder) continue;
      const knownSha = override ? null : target.configBlobSha;
      second.push({ id, owner, repo, ref, path, knownSha, wantText: true });
      configs.push(path);
      continue;
    }
    const entry = blob(name);
    if (!entry) continue;
    if (!override && entry.oid === target.configBlobSha) {
      configs.push({ path, result: { status: 'unchanged', sha: entry.oid } });
    } else {
      second.push({ id, owner, repo, ref, path, wantText: true });
      configs.push(path);
    }
    break;
  }
  return { readme, configs };
}
