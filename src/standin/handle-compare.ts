import { canRead, type HandlerContext } from './handler-context.js';
import { type Answer, errorAnswer } from './http-util.js';
import type { StandinCommit, StandinFileStatus } from './standin-types.js';

type ChangedFile = { filename: string; status: StandinFileStatus; previous_filename?: string };

/**
 * `GET /repos/{owner}/{repo}/compare/{base}...{head}`: walks registered commits from head
 * back to base and lists the files they changed, a page at a time (`per_page`, default 30,
 * at most 100; `page`), with a `Link` header to the next and last pages.
 */
export function handleCompare(
  ctx: HandlerContext,
  owner: string,
  name: string,
  basehead: string,
  baseUrl: string,
): Answer {
  const repo = ctx.store.get(owner, name);
  if (!repo || !canRead(ctx.identity, repo)) return errorAnswer(404, 'Not Found', 1);
  const match = /^(.+?)\.\.\.(.+)$/.exec(basehead);
  if (!match) return errorAnswer(404, 'Not Found', 1);
  const [, base, head] = match;

  const walked: StandinCommit[] = [];
  let sha: string | null = head;
  while (sha && sha !== base) {
    const commit = repo.commits.get(sha);
    if (!commit) return errorAnswer(404, `No common ancestor between ${base} and ${head}.`, 1);
    walked.unshift(commit);
    sha = commit.parent;
  }
  if (sha !== base) return errorAnswer(404, `No common ancestor between ${base} and ${head}.`, 1);

  const files = mergeChanges(walked);
  const perPage = Math.min(100, Math.max(1, Number(ctx.query.get('per_page') ?? 30) || 30));
  const page = Math.max(1, Number(ctx.query.get('page') ?? 1) || 1);
  const last = Math.max(1, Math.ceil(files.length / perPage));
  const headers: Record<string, string> = {};
  if (page < last) {
    const link = (n: number) =>
      `<${baseUrl}/repos/${repo.owner}/${repo.name}/compare/${basehead}?per_page=${perPage}` +
      `&page=${n}>`;
    headers.link = `${link(page + 1)}; rel="next", ${link(last)}; rel="last"`;
  }
  return {
    status: 200,
    headers,
    points: 1,
    body: {
      status: walked.length ? 'ahead' : 'identical',
      ahead_by: walked.length,
      behind_by: 0,
      total_commits: walked.length,
      commits: walked.map((commit) => ({ sha: commit.sha, parents: [{ sha: commit.parent }] })),
      files: files.slice((page - 1) * perPage, page * perPage),
    },
  };
}

// The net change of a file over several commits: added then removed is no change at all.
function mergeChanges(commits: StandinCommit[]): ChangedFile[] {
  const files = new Map<string, ChangedFile>();
  for (const commit of commits) {
    for (const file of commit.files) {
      const before = files.get(file.filename);
      if (before?.status === 'added' && file.status === 'removed') {
        files.delete(file.filename);
      } else if (before?.status === 'added' && file.status === 'modified') {
        // Still an addition as far as the range is concerned.
      } else {
        files.set(file.filename, { ...file });
      }
    }
  }
  return [...files.values()];
}
