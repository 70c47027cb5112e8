/** Why an asset cannot be pulled until someone changes its files, URL or credentials. */
export type AssetProblemKind =
  | 'asset-not-found'
  | 'invalid-url'
  | 'no-credentials'
  | 'bad-credentials'
  | 'repository-not-found'
  | 'file-not-found'
  | 'missing-config'
  | 'missing-preview'
  | 'bad-config'
  | 'bad-front-matter'
  | 'invalid-utf8'
  | 'binary-file';

/** What a failed pull still stores: the raw file, so an author can see what was read. */
export interface KeptContent {
  readmeRaw: string;
  /** The asset's version when it was read, so an older file never replaces a newer one. */
  version: number;
}

/**
 * A permanent problem of one asset (its URL, credentials or files): retrying cannot help, so it
 * is recorded on the asset and the job is acknowledged. `message` is the asset's status_text.
 */
export class AssetProblem extends Error {
  readonly kind: AssetProblemKind;
  readonly kept?: KeptContent;

  constructor(kind: AssetProblemKind, message: string, kept?: KeptContent) {
    super(message);
    this.name = 'AssetProblem';
    this.kind = kind;
    this.kept = kept;
  }

  /** The same problem, keeping `kept` to store with it. */
  keeping(kept: KeptContent): AssetProblem {
    return new AssetProblem(this.kind, this.message, kept);
  }
}
