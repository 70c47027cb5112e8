import { gitBlobSha } from './git-blob-sha.js';
import type { GithubClient } from './github-client.js';
import { GithubError } from './github-error.js';

/** A file read by the REST contents API, as bytes. */
export interface RawFile {
  sha: string;
  bytes: Uint8Array;
  etag: string | null;
}

/**
 * Remembers ETags and bytes of raw reads so that re-reading an unchanged file is a 304, which
 * GitHub does not charge to the primary budget. Keys are `owner/repo@ref:path`.
 */
export interface RawCache {
  get(key: string): RawFile | undefined;
  set(key: string, file: RawFile): void;
}

/** Where a raw file is read from. */
export interface RawTarget {
  owner: string;
  repo: string;
  ref: string;
  path: string;
}

/** The {@link RawCache} key of a file. */
export const rawCacheKey = (t: RawTarget) =>
  `${t.owner.toLowerCase()}/${t.repo.toLowerCase()}@${t.ref}:${t.path}`;

/**
 * Reads a file's bytes with the raw media type, conditionally when `cache` has its ETag.
 * Returns null when the file does not exist at the ref (404).
 */
export async function fetchRawFile(
  client: GithubClient,
  target: RawTarget,
  cache?: RawCache,
): Promise<RawFile | null> {
  const key = rawCacheKey(target);
  const cached = cache?.get(key);
  const headers: Record<string, string> = { accept: 'application/vnd.github.raw+json' };
  if (cached?.etag) headers['if-none-match'] = cached.etag;

  try {
    const response = await client.request<Uint8Array>(
      'GET /repos/{owner}/{repo}/contents/{path}',
      { owner: target.owner, repo: target.repo, path: target.path, ref: target.ref },
      { headers, bytes: true },
    );
    if (response.status === 304 && cached) return cached;
    const file = {
      sha: gitBlobSha(response.data),
      bytes: response.data,
      etag: response.headers.etag ?? null,
    };
    if (file.etag) cache?.set(key, file);
    return file;
  } catch (error) {
    if (error instanceof GithubError && error.kind === 'not-found') return null;
    throw error;
  }
}
