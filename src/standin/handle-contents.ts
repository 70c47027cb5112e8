import { canRead, type HandlerContext } from './handler-context.js';
import { type Answer, errorAnswer, etagMatches, weakEtag } from './http-util.js';
import { blobSha, type DirEntry, normalizePath, type StoredRepo } from './repo-store.js';

const MB = 1024 * 1024;
const RAW_TYPES = [
  'application/vnd.github.raw',
  'application/vnd.github.raw+json',
  'application/vnd.github.v3.raw',
];

/**
 * `GET /repos/{owner}/{repo}/contents/{path}?ref=`: a file as JSON (base64 content, or
 * `encoding: "none"` from 1 MB to 100 MB) or as raw bytes, a folder as a list; ETag and
 * If-None-Match, a 304 being free for authenticated calls.
 */
export function handleContents(
  ctx: HandlerContext,
  owner: string,
  name: string,
  path: string,
): Answer {
  const repo = ctx.store.get(owner, name);
  if (!repo || !canRead(ctx.identity, repo)) return errorAnswer(404, 'Not Found', 1);
  const ref = ctx.query.get('ref') || repo.defaultBranch;
  const files = ctx.store.filesAt(repo, ref);
  if (!files) return errorAnswer(404, `No commit found for the ref ${ref}`, 1);

  const clean = normalizePath(path);
  const bytes = files.get(clean);
  const accept = String(ctx.headers.accept ?? '');
  const raw = RAW_TYPES.some((type) => accept.includes(type));

  if (!bytes) {
    const entries = ctx.store.listDir(files, clean);
    if (!entries) return errorAnswer(404, 'Not Found', 1);
    const body = entries.map((entry) => entryJson(repo, ref, entry));
    return conditional(ctx, `dir:${raw}`, JSON.stringify(body), { status: 200, body });
  }

  const sha = blobSha(bytes);
  if (bytes.length > 100 * MB) {
    return errorAnswer(403, 'This API returns blobs up to 100 MB in size.', 1);
  }
  if (raw) {
    return conditional(ctx, 'raw', sha, {
      status: 200,
      body: bytes,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const large = bytes.length >= MB;
  const body = {
    ...entryJson(repo, ref, {
      name: clean.split('/').at(-1)!,
      path: clean,
      type: 'file',
      sha,
      size: bytes.length,
    }),
    content: large ? '' : base64Lines(bytes),
    encoding: large ? 'none' : 'base64',
  };
  return conditional(ctx, 'json', sha, { status: 200, body });
}

function conditional(ctx: HandlerContext, variant: string, content: string, answer: Answer) {
  const etag = weakEtag(ctx.identity.counterKey, variant, content);
  if (etagMatches(ctx.headers['if-none-match'], etag)) {
    // GitHub does not charge a 304 to an authenticated caller.
    return { status: 304, headers: { etag }, points: ctx.identity.kind === 'anonymous' ? 1 : 0 };
  }
  return { ...answer, headers: { ...answer.headers, etag }, points: 1 };
}

// GitHub wraps base64 content in lines of 60 characters, each ending with a newline.
function base64Lines(bytes: Buffer): string {
  const encoded = bytes.toString('base64');
  let result = '';
  for (let i = 0; i < encoded.length; i += 60) result += `${encoded.slice(i, i + 60)}\n`;
  return result;
}

function entryJson(repo: StoredRepo, ref: string, entry: DirEntry) {
  const full = `${repo.owner}/${repo.name}`;
  const api = `https://api.github.com/repos/${full}/contents/${entry.path}?ref=${ref}`;
  const dir = entry.type === 'dir';
  const html = `https://github.com/${full}/${dir ? 'tree' : 'blob'}/${ref}/${entry.path}`;
  const git = `https://api.github.com/repos/${full}/git/${dir ? 'trees' : 'blobs'}/${entry.sha}`;
  return {
    type: entry.type,
    name: entry.name,
    path: entry.path,
    sha: entry.sha,
    size: entry.size,
    url: api,
    html_url: html,
    git_url: git,
    download_url:
      entry.type === 'file'
        ? `https://raw.githubusercontent.com/${full}/${ref}/${entry.path}`
        : null,
    _links: { self: api, git, html },
  };
}
