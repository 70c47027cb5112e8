import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { StandinCommit, StandinRepo } from './standin-types.js';

/** A repository held by the stand-in. */
export interface StoredRepo {
  owner: string;
  name: string;
  defaultBranch: string;
  private: boolean;
  archived: boolean;
  refs: Map<string, Map<string, Buffer>>;
  commits: Map<string, StandinCommit>;
}

/** One entry of a folder. */
export interface DirEntry {
  name: string;
  path: string;
  type: 'file' | 'dir';
  sha: string;
  size: number;
}

const keyOf = (owner: string, name: string) => `${owner}/${name}`.toLowerCase();

/** Repositories, files per ref and commits, in memory. */
export class RepoStore {
  private readonly repos = new Map<string, StoredRepo>();

  /** Adds or replaces a repository's settings, merging its files into any already held. */
  addRepo(repo: StandinRepo): StoredRepo {
    const stored = this.ensure(repo.owner, repo.name);
    if (repo.defaultBranch) stored.defaultBranch = repo.defaultBranch;
    if (repo.private !== undefined) stored.private = repo.private;
    if (repo.archived !== undefined) stored.archived = repo.archived;
    for (const [ref, files] of Object.entries(repo.files ?? {})) {
      for (const [path, content] of Object.entries(files)) {
        this.addFile(repo.owner, repo.name, ref, path, content);
      }
    }
    return stored;
  }

  get(owner: string, name: string): StoredRepo | undefined {
    return this.repos.get(keyOf(owner, name));
  }

  addFile(owner: string, name: string, ref: string, path: string, content: string | Buffer) {
    const repo = this.ensure(owner, name);
    let files = repo.refs.get(ref);
    if (!files) {
      files = new Map();
      repo.refs.set(ref, files);
    }
    files.set(normalizePath(path), Buffer.isBuffer(content) ? content : Buffer.from(content));
  }

  removeFile(owner: string, name: string, ref: string, path: string) {
    this.get(owner, name)?.refs.get(ref)?.delete(normalizePath(path));
  }

  setDefaultBranch(owner: string, name: string, branch: string) {
    this.ensure(owner, name).defaultBranch = branch;
  }

  addCommit(owner: string, name: string, commit: StandinCommit) {
    this.ensure(owner, name).commits.set(commit.sha, commit);
  }

  /** The files of a ref (`HEAD` is the default branch), or undefined for an unknown ref. */
  filesAt(repo: StoredRepo, ref: string): Map<string, Buffer> | undefined {
    return repo.refs.get(ref === 'HEAD' ? repo.defaultBranch : ref);
  }

  /** The entries of a folder (`''` is the root), or undefined when it is not a folder. */
  listDir(files: Map<string, Buffer>, path: string): DirEntry[] | undefined {
    const folder = normalizePath(path);
    const prefix = folder ? `${folder}/` : '';
    const entries = new Map<string, DirEntry>();
    for (const [filePath, bytes] of files) {
      if (!filePath.startsWith(prefix)) continue;
      const [name, ...deeper] = filePath.slice(prefix.length).split('/');
      const entryPath = prefix + name;
      if (deeper.length === 0) {
        entries.set(name, {
          name,
          path: entryPath,
          type: 'file',
          sha: blobSha(bytes),
          size: bytes.length,
        });
      } else if (!entries.has(name)) {
        entries.set(name, { name, path: entryPath, type: 'dir', sha: '', size: 0 });
      }
    }
    if (entries.size === 0 && folder !== '') return undefined;
    const sorted = [...entries.values()].sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of sorted) {
      if (entry.type === 'dir') entry.sha = treeSha(files, entry.path);
    }
    return sorted;
  }

  /** Loads `<root>/<owner>/<repo>/<ref>/**` as public repositories. */
  async loadRoot(root: string): Promise<number> {
    let count = 0;
    for (const owner of await subfolders(root)) {
      for (const name of await subfolders(join(root, owner))) {
        for (const ref of await subfolders(join(root, owner, name))) {
          const base = join(root, owner, name, ref);
          for (const file of await walk(base)) {
            const path = relative(base, file).split(sep).join('/');
            this.addFile(owner, name, ref, path, await readFile(file));
            count += 1;
          }
        }
      }
    }
    return count;
  }

  private ensure(owner: string, name: string): StoredRepo {
    const key = keyOf(owner, name);
    let repo = this.repos.get(key);
    if (!repo) {
      repo = {
        owner,
        name,
        defaultBranch: 'main',
        private: false,
        archived: false,
        refs: new Map(),
        commits: new Map(),
      };
      this.repos.set(key, repo);
    }
    return repo;
  }
}

/** The git blob SHA-1 of some bytes. */
export function blobSha(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

// Not git's tree hash, but stable and changing whenever anything under the folder changes.
function treeSha(files: Map<string, Buffer>, folder: string): string {
  const hash = createHash('sha1').update(`tree ${folder}\0`);
  for (const [path, bytes] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    if (path.startsWith(`${folder}/`)) hash.update(`${path}\0${blobSha(bytes)}\n`);
  }
  return hash.digest('hex');
}

export function normalizePath(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

async function subfolders(path: string): Promise<string[]> {
  const entries = await readdir(path, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}
