/** An installation access token and when GitHub lets it expire. */
export interface InstallationToken {
  token: string;
  expiresAt: Date;
}

// Hand a token out only while it has more than a minute to live, so no request starts with a
// token that expires on the way.
const MARGIN_MS = 60_000;
// How long a repository without the App installed is remembered as such.
const ABSENT_TTL_MS = 10 * 60_000;

/**
 * Installation tokens and repository-to-installation answers of a process. Concurrent asks
 * for the same installation share one mint.
 */
export class InstallationTokens {
  private readonly tokens = new Map<number, InstallationToken>();
  private readonly minting = new Map<number, Promise<InstallationToken>>();
  private readonly installationOf = new Map<string, { id: number | null; until: number }>();

  /**
   * The cached token of an installation, or a fresh one from `mint`, shared with concurrent
   * callers. `now` is epoch ms.
   */
  async get(
    installationId: number,
    now: number,
    mint: () => Promise<InstallationToken>,
  ): Promise<InstallationToken> {
    const cached = this.tokens.get(installationId);
    if (cached && cached.expiresAt.getTime() - MARGIN_MS > now) return cached;
    let pending = this.minting.get(installationId);
    if (!pending) {
      pending = mint().then(
        (fresh) => {
          this.tokens.set(installationId, fresh);
          this.minting.delete(installationId);
          return fresh;
        },
        (error: unknown) => {
          this.minting.delete(installationId);
          throw error;
        },
      );
      this.minting.set(installationId, pending);
    }
    return pending;
  }

  /** The remembered installation of `owner/repo`: a number, null (none), or undefined. */
  lookup(repository: string, now: number): number | null | undefined {
    const known = this.installationOf.get(repository.toLowerCase());
    if (!known) return undefined;
    if (known.id === null && known.until <= now) return undefined;
    return known.id;
  }

  /** Remembers the installation of `owner/repo` (null: the App is not installed there). */
  remember(repository: string, installationId: number | null, now: number): void {
    this.installationOf.set(repository.toLowerCase(), {
      id: installationId,
      until: now + ABSENT_TTL_MS,
    });
  }

  /** Forgets a token GitHub refused, so the next ask mints a new one. */
  forget(installationId: number): void {
    this.tokens.delete(installationId);
  }
}
