/**
 * What a pull writes on an asset besides its status. Undefined fields are left as they are,
 * so metadata the job may not change (title on a later sync) is simply absent.
 */
export interface AssetChanges {
  readmeRaw?: string;
  blobSha?: string | null;
  configBlobSha?: string | null;
  title?: string;
  description?: string;
  tags?: string[];
  frontMatter?: Record<string, unknown> | null;
  config?: Record<string, unknown> | null;
}

/** Metadata read from an asset's files, applied on a first sync or when the job overrides. */
export interface AssetMetadata {
  title?: string;
  description?: string;
  tags?: string[];
}

/** Copies the defined metadata onto `changes` when `apply` is true. */
export function withMetadata(
  changes: AssetChanges,
  metadata: AssetMetadata,
  apply: boolean,
): AssetChanges {
  if (!apply) return changes;
  const defined = Object.entries(metadata).filter(([, value]) => value !== undefined);
  return { ...changes, ...Object.fromEntries(defined) };
}
