import type { GqlField, GqlSelection } from './parse-graphql.js';
import { blobSha, normalizePath, type RepoStore, type StoredRepo } from './repo-store.js';

export type Path = (string | number)[];
export type FieldResolver = (field: GqlField, args: Record<string, unknown>, path: Path) => unknown;

/** How the executor resolves a selection set, and reports a field a type does not have. */
export interface Selector {
  select(
    selections: GqlSelection[],
    typeNames: string[],
    resolve: FieldResolver,
    path: Path,
  ): Record<string, unknown>;
  undefinedField(typeName: string): (field: GqlField) => null;
}

/** Where to find the object and how to answer. */
export interface ObjectLookup {
  repo: StoredRepo;
  ref: string;
  path: string;
  field: GqlField;
  at: Path;
}

// Git's own test for binary content: a NUL byte in the first 8000 bytes.
const isBinary = (bytes: Buffer) => bytes.subarray(0, 8000).includes(0);
const lenient = new TextDecoder('utf-8');

/**
 * Resolves `object(expression: "ref:path")`: a Blob (text truncated past `textLimit` bytes,
 * null for binary) or a Tree with its entries; null when the ref or path does not exist.
 */
export function resolveGitObject(
  selector: Selector,
  context: { store: RepoStore; textLimit: number },
  lookup: ObjectLookup,
): Record<string, unknown> | null {
  const { select, undefinedField } = selector;
  const { repo, ref, path, field, at } = lookup;
  const object = (entryPath: string, entryField: GqlField, entryAt: Path) =>
    resolveGitObject(selector, context, {
      repo,
      ref,
      path: entryPath,
      field: entryField,
      at: entryAt,
    });
  const files = context.store.filesAt(repo, ref);
  if (!files) return null;
  const clean = normalizePath(path);
  const bytes = files.get(clean);
  if (bytes) return blob(selector, context.textLimit, bytes, field.selections ?? [], at);
  const entries = context.store.listDir(files, clean);
  if (!entries) return null;
  return select(
    field.selections ?? [],
    ['Tree', 'GitObject', 'Node'],
    (f, _args, p) => {
      if (f.name === 'oid') return treeOid(entries.map((e) => e.sha).join());
      if (f.name === 'entries') {
        return entries.map((entry, index) =>
          select(
            f.selections ?? [],
            ['TreeEntry'],
            (ef, _a, ep) => {
              if (ef.name === 'name') return entry.name;
              if (ef.name === 'path') return entry.path;
              if (ef.name === 'type') return entry.type === 'dir' ? 'tree' : 'blob';
              if (ef.name === 'oid') return entry.sha;
              if (ef.name === 'mode') return entry.type === 'dir' ? 16384 : 33188;
              if (ef.name === 'object') return object(entry.path, ef, ep);
              return undefinedField('TreeEntry')(ef);
            },
            [...p, index],
          ),
        );
      }
      return undefinedField('Tree')(f);
    },
    at,
  );
}

function blob(
  { select, undefinedField }: Selector,
  textLimit: number,
  bytes: Buffer,
  selections: GqlSelection[],
  at: Path,
) {
  const binary = isBinary(bytes);
  const truncated = !binary && bytes.length > textLimit;
  return select(
    selections,
    ['Blob', 'GitObject', 'Node'],
    (f) => {
      if (f.name === 'oid') return blobSha(bytes);
      if (f.name === 'abbreviatedOid') return blobSha(bytes).slice(0, 7);
      if (f.name === 'byteSize') return bytes.length;
      if (f.name === 'isBinary') return binary;
      if (f.name === 'isTruncated') return truncated;
      if (f.name === 'text') {
        if (binary) return null;
        return lenient.decode(truncated ? bytes.subarray(0, textLimit) : bytes);
      }
      return undefinedField('Blob')(f);
    },
    at,
  );
}

function treeOid(seed: string): string {
  return blobSha(Buffer.from(`tree:${seed}`));
}
