import type { Logger } from 'pino';
import { buildObjectQuery, type ObjectLookup } from './build-object-query.js';
import { fetchRawFile, type RawCache } from './fetch-raw-file.js';
import type { GithubClient, GraphqlError } from './github-client.js';

/** A file to read. */
export interface BlobRequest {
  /** The caller's name for this request; the key of the result map. */
  id: string;
  kind?: 'blob';
  owner: string;
  repo: string;
  ref: string;
  path: string;
  /** The blob SHA stored from the last read; when GitHub has the same, no text is fetched. */
  knownSha?: string | null;
  /** False to learn only the SHA and size (the result's text is then null). */
  wantText: boolean;
}

/** A folder to list, to learn which files exist in it (README.es.md, .learn/, ...). */
export interface TreeRequest {
  id: string;
  kind: 'tree';
  owner: string;
  repo: string;
  ref: string;
  /** The folder; `''` is the repository root. */
  path: string;
}

export type FetchRequest = BlobRequest | TreeRequest;

/** One entry of a listed folder. */
export interface TreeEntry {
  name: string;
  /** `blob`, `tree` or `commit` (a submodule). */
  type: string;
  oid: string;
}

/** What became of one request. */
export type FetchResult =
  | { status: 'ok'; sha: string; text: string | null; byteSize: number }
  | { status: 'unchanged'; sha: string }
  | { status: 'not-found' }
  | { status: 'repo-not-found' }
  | { status: 'binary'; sha: string }
  | { status: 'invalid-utf8'; sha: string }
  | { status: 'tree'; entries: TreeEntry[] };

/** Options of {@link fetchBlobs}. */
export interface FetchBlobsOptions {
  /** Object lookups per GraphQL query; default 50 (GitHub advises modest batches). */
  maxPerQuery?: number;
  /** ETags and bytes of REST reads, for conditional re-reads of large files. */
  rawCache?: RawCache;
  log?: Logger;
}

interface BlobObject {
  oid?: string;
  byteSize?: number;
  isBinary?: boolean;
  isTruncated?: boolean;
  text?: string | null;
  entries?: TreeEntry[];
}

type Answer = Record<string, Record<string, BlobObject | null> | null>;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads many files and folders with as few points as possible: one aliased GraphQL query
 * (1 point) per `maxPerQuery` lookups. A file whose SHA equals `knownSha` is 'unchanged' and
 * its text is never downloaded; files that changed are read in a second query. Text GitHub
 * truncated, or that GraphQL could not carry intact (invalid UTF-8 comes back with U+FFFD),
 * is re-read as raw bytes over REST and decoded strictly.
 *
 * @throws GithubError (or RateLimitedError) when a query fails as a whole.
 */
export async function fetchBlobs(
  client: GithubClient,
  requests: FetchRequest[],
  options: FetchBlobsOptions = {},
): Promise<Map<string, FetchResult>> {
  const maxPerQuery = Math.max(1, options.maxPerQuery ?? 50);
  const results = new Map<string, FetchResult>();
  const rawLater = new Map<string, BlobRequest>();
  const settle = (request: BlobRequest, object: BlobObject | null) => {
    results.set(request.id, blobResult(object));
    if (object?.oid && !object.isBinary && textIsNotTheFile(object)) {
      rawLater.set(request.id, request);
    }
  };

  // Pass 1: SHAs only where a SHA is known, text where it is not.
  const textLater: BlobRequest[] = [];
  await runLookups(
    client,
    requests,
    maxPerQuery,
    lookupShape,
    (request, object) => {
      if (request.kind === 'tree') return results.set(request.id, treeResult(object));
      if (object && request.knownSha && object.oid === request.knownSha) {
        return results.set(request.id, { status: 'unchanged', sha: object.oid });
      }
      if (object?.oid && !object.isBinary && request.wantText && object.text === undefined) {
        return textLater.push(request);
      }
      settle(request, object);
    },
    results,
  );

  // Pass 2: text of the files that changed since their known SHA.
  await runLookups(client, textLater, maxPerQuery, () => 'blob-text', settle, results);

  // Pass 3: raw bytes where GraphQL text is not the file.
  for (const request of rawLater.values()) {
    options.log?.debug({ id: request.id, path: request.path }, 'Reading the file over REST');
    const file = await fetchRawFile(client, request, options.rawCache);
    results.set(request.id, file ? decoded(file.sha, file.bytes) : { status: 'not-found' });
  }
  return new Map(requests.map((request) => [request.id, results.get(request.id)!]));
}

// GitHub truncates large text; invalid UTF-8 comes back with replacement characters.
function textIsNotTheFile(object: BlobObject): boolean {
  return object.isTruncated === true || (object.text ?? '').includes('\uFFFD');
}

function lookupShape(request: FetchRequest): ObjectLookup['shape'] {
  if (request.kind === 'tree') return 'tree';
  return request.wantText && !request.knownSha ? 'blob-text' : 'blob';
}

function treeResult(object: BlobObject | null): FetchResult {
  return object?.entries ? { status: 'tree', entries: object.entries } : { status: 'not-found' };
}

function blobResult(object: BlobObject | null): FetchResult {
  if (!object?.oid) return { status: 'not-found' };
  const sha = object.oid;
  if (object.isBinary) return { status: 'binary', sha };
  return { status: 'ok', sha, text: object.text ?? null, byteSize: object.byteSize ?? 0 };
}

function decoded(sha: string, bytes: Uint8Array): FetchResult {
  try {
    return { status: 'ok', sha, text: strictUtf8.decode(bytes), byteSize: bytes.byteLength };
  } catch {
    return { status: 'invalid-utf8', sha };
  }
}

async function runLookups<R extends FetchRequest>(
  client: GithubClient,
  requests: R[],
  maxPerQuery: number,
  shape: (request: R) => ObjectLookup['shape'],
  onObject: (request: R, object: BlobObject | null) => unknown,
  results: Map<string, FetchResult>,
): Promise<void> {
  for (let start = 0; start < requests.length; start += maxPerQuery) {
    const chunk = requests.slice(start, start + maxPerQuery);
    const built = buildObjectQuery(
      chunk.map((request) => {
        const { owner, repo, ref, path } = request;
        return { owner, repo, ref, path, shape: shape(request) };
      }),
    );
    const { data, errors } = await client.graphql<Answer>(built.query, built.variables);
    const missing = missingRepositories(errors);
    chunk.forEach((request, index) => {
      const alias = built.aliases[index];
      const repository = data[alias.repository];
      if (!repository || missing.has(alias.repository)) {
        results.set(request.id, { status: 'repo-not-found' });
        return;
      }
      onObject(request, repository[alias.object] ?? null);
    });
  }
}

// GitHub answers a repository it cannot find or show with null and an error naming its alias.
function missingRepositories(errors: GraphqlError[] | undefined): Set<string> {
  const missing = new Set<string>();
  for (const error of errors ?? []) {
    if (error.path?.length === 1) missing.add(String(error.path[0]));
  }
  return missing;
}
