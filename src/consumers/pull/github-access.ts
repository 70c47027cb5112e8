import type { Logger } from 'pino';
import { decryptToken } from '../../shared/crypto/token-cipher.js';
import type { RawCache, RawFile } from '../../shared/github/fetch-raw-file.js';
import {
  createGithubClient,
  credentialKey,
  type GithubClient,
} from '../../shared/github/github-client.js';
import { RateBudgets } from '../../shared/github/rate-budget.js';
import { type Credential, resolveCredential } from '../../shared/github/resolve-credential.js';
import { AssetProblem } from '../asset-problem.js';

/** How a worker reaches GitHub: credentials per asset, one client per credential. */
export interface GithubAccess {
  /**
   * The credential for an asset's repository: its owner's token, else the App's installation
   * token, else GITHUB_TOKEN.
   *
   * @throws AssetProblem ('no-credentials') when there is none; TokenCipherError when the
   *   owner's token cannot be decrypted.
   */
  credentialFor(
    ownerTokenCiphertext: string | null,
    repository: { owner: string; repo: string },
    installations: Map<string, number>,
  ): Promise<Credential>;
  /** The client of a credential, shared by every batch that uses it. */
  clientFor(credential: Credential): GithubClient;
  /** Raw reads of large files, for conditional re-reads. */
  rawCache: RawCache;
}

/** Options of {@link createGithubAccess}. */
export interface GithubAccessOptions {
  /** REST base URL (GITHUB_API_URL). */
  baseUrl: string;
  githubToken?: string | null;
  /** REGISTRY_SECRET_KEY, to decrypt owners' tokens. */
  secretKey?: string;
  app?: { id: number | string; privateKey: string } | null;
  /** Shared by every client of the process; default a new set. */
  budgets?: RateBudgets;
  /** In-process retries of a 5xx or network failure before the job is retried; default 2. */
  retries?: number;
  /** Retry n waits n² x this; default 500 ms. */
  retryBaseMs?: number;
  /** Rate-limit waits up to this long are spent in process; default 2 s. */
  maxWaitMs?: number;
  /** Large files kept for conditional re-reads; default 200. */
  rawCacheSize?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof globalThis.fetch;
  log?: Logger;
}

/** Creates the {@link GithubAccess} of a worker process. */
export function createGithubAccess(options: GithubAccessOptions): GithubAccess {
  const budgets = options.budgets ?? new RateBudgets();
  const clients = new Map<string, GithubClient>();

  return {
    async credentialFor(ciphertext, repository, installations) {
      const ownerToken = ciphertext ? decryptToken(ciphertext, options.secretKey) : null;
      const credential = await resolveCredential({
        ownerToken,
        repoOwner: repository.owner,
        repoName: repository.repo,
        installationLookup: async (account) => installations.get(account.toLowerCase()) ?? null,
        app: options.app,
        githubToken: options.githubToken,
        baseUrl: options.baseUrl,
        budgets,
        now: options.now,
        fetch: options.fetch,
        log: options.log,
      });
      if (!credential) {
        const app = options.app ? 'the App is not installed there' : 'no GitHub App is set up';
        throw new AssetProblem(
          'no-credentials',
          `No GitHub credentials for ${repository.owner}/${repository.repo}: the asset's owner ` +
            `has no token, ${app}, and GITHUB_TOKEN is not set`,
        );
      }
      return credential;
    },
    clientFor(credential) {
      const key = credentialKey(credential.token);
      let client = clients.get(key);
      if (!client) {
        // Installation tokens are renewed hourly; forget the clients of old ones.
        if (clients.size >= 1000) clients.clear();
        client = createGithubClient({
          baseUrl: options.baseUrl,
          token: credential.token,
          key,
          budgets,
          retries: options.retries ?? 2,
          retryBaseMs: options.retryBaseMs ?? 500,
          maxWaitMs: options.maxWaitMs ?? 2_000,
          now: options.now,
          sleep: options.sleep,
          fetch: options.fetch,
          log: options.log,
        });
        clients.set(key, client);
      }
      return client;
    },
    rawCache: boundedCache(options.rawCacheSize ?? 200),
  };
}

/** A {@link RawCache} that forgets its oldest entry beyond `size`. */
function boundedCache(size: number): RawCache {
  const files = new Map<string, RawFile>();
  return {
    get: (key) => files.get(key),
    set(key, file) {
      files.delete(key);
      files.set(key, file);
      if (files.size > size) files.delete(files.keys().next().value!);
    },
  };
}
