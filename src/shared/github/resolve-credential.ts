import { type Logger, pino } from 'pino';
import { createGithubClient } from './github-client.js';
import { GithubError } from './github-error.js';
import { type InstallationToken, InstallationTokens } from './installation-tokens.js';
import { RateBudgets } from './rate-budget.js';
import { signAppJwt } from './sign-app-jwt.js';

/** A credential for reading an asset's repository, and where it came from. */
export interface Credential {
  kind: 'owner' | 'installation' | 'env';
  token: string;
  /** When an installation token expires; absent for long-lived tokens. */
  expiresAt?: Date;
}

/** Options of {@link resolveCredential}. */
export interface ResolveCredentialOptions {
  /** The asset owner's token, already decrypted. */
  ownerToken?: string | null;
  /** The repository's owner (account). */
  repoOwner: string;
  /** The repository's name; needed to ask GitHub for the App's installation on it. */
  repoName?: string;
  /** Installation id of the App on an account, from stored installation events. */
  installationLookup?: (owner: string) => Promise<number | null>;
  /** The GitHub App (APP_ID, PRIVATE_KEY); without it no installation token is tried. */
  app?: { id: number | string; privateKey: string } | null;
  /** GITHUB_TOKEN, the last resort. */
  githubToken?: string | null;
  /** REST base URL. */
  baseUrl: string;
  /** Budgets for the App's own requests; default a process-wide set. */
  budgets?: RateBudgets;
  /** Token and installation cache; default a process-wide one. */
  tokens?: InstallationTokens;
  /** Clock in epoch ms; default `Date.now`. */
  now?: () => number;
  fetch?: typeof globalThis.fetch;
  /** Base delay of the retries of the App's requests; default the client's (1000 ms). */
  retryBaseMs?: number;
  log?: Logger;
}

const processTokens = new InstallationTokens();
const processBudgets = new RateBudgets();

/**
 * Picks the credential for an asset's repository: the owner's token, else the App's
 * installation token for the repository (minted and cached until a minute before it
 * expires), else GITHUB_TOKEN; null when there is none.
 *
 * A failure to reach GitHub while minting is thrown (retry later); an App that GitHub rejects
 * is logged and skipped so the other credentials still serve.
 */
export async function resolveCredential(
  options: ResolveCredentialOptions,
): Promise<Credential | null> {
  if (options.ownerToken) return { kind: 'owner', token: options.ownerToken };
  if (options.app) {
    const installation = await installationToken({ ...options, app: options.app });
    if (installation) return { kind: 'installation', ...installation };
  }
  if (options.githubToken) return { kind: 'env', token: options.githubToken };
  return null;
}

type AppOptions = ResolveCredentialOptions & { app: { id: number | string; privateKey: string } };

async function installationToken(options: AppOptions): Promise<InstallationToken | null> {
  const now = options.now ?? Date.now;
  const tokens = options.tokens ?? processTokens;
  const log = (options.log ?? pino({ level: 'silent' })).child({ module: 'credentials' });
  const appClient = () =>
    createGithubClient({
      baseUrl: options.baseUrl,
      token: signAppJwt(options.app.id, options.app.privateKey, now()),
      key: `app:${options.app.id}`,
      budgets: options.budgets ?? processBudgets,
      fetch: options.fetch,
      now,
      retryBaseMs: options.retryBaseMs,
      log,
    });

  try {
    const installationId = await findInstallation(options, tokens, appClient, now());
    if (installationId === null) return null;
    return await tokens.get(installationId, now(), async () => {
      const response = await appClient().request<{ token: string; expires_at: string }>(
        'POST /app/installations/{installation_id}/access_tokens',
        { installation_id: installationId },
      );
      log.debug({ installationId }, 'Minted an installation token');
      return { token: response.data.token, expiresAt: new Date(response.data.expires_at) };
    });
  } catch (error) {
    if (error instanceof GithubError && error.kind === 'bad-credentials') {
      log.error(
        { err: error, appId: options.app.id },
        'GitHub rejected the App credentials; check APP_ID and PRIVATE_KEY',
      );
      return null;
    }
    throw error;
  }
}

async function findInstallation(
  options: AppOptions,
  tokens: InstallationTokens,
  appClient: () => ReturnType<typeof createGithubClient>,
  now: number,
): Promise<number | null> {
  const fromStore = await options.installationLookup?.(options.repoOwner);
  if (fromStore) return fromStore;
  if (!options.repoName) return null;

  const repository = `${options.repoOwner}/${options.repoName}`;
  const known = tokens.lookup(repository, now);
  if (known !== undefined) return known;
  try {
    const response = await appClient().request<{ id: number }>(
      'GET /repos/{owner}/{repo}/installation',
      { owner: options.repoOwner, repo: options.repoName },
    );
    tokens.remember(repository, response.data.id, now);
    return response.data.id;
  } catch (error) {
    if (error instanceof GithubError && error.kind === 'not-found') {
      tokens.remember(repository, null, now);
      return null;
    }
    throw error;
  }
}
