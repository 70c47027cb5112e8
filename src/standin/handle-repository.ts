import { canRead, type HandlerContext } from './handler-context.js';
import { type Answer, errorAnswer, etagMatches, weakEtag } from './http-util.js';

/** `GET /repos/{owner}/{repo}`: the fields registry-sync reads, GitHub-shaped. */
export function handleRepository(ctx: HandlerContext, owner: string, name: string): Answer {
  const repo = ctx.store.get(owner, name);
  if (!repo || !canRead(ctx.identity, repo)) return errorAnswer(404, 'Not Found', 1);
  const full = `${repo.owner}/${repo.name}`;
  const body = {
    id: idOf(full),
    name: repo.name,
    full_name: full,
    owner: { login: repo.owner, type: 'User' },
    private: repo.private,
    visibility: repo.private ? 'private' : 'public',
    archived: repo.archived,
    disabled: false,
    default_branch: repo.defaultBranch,
    html_url: `https://github.com/${full}`,
    url: `https://api.github.com/repos/${full}`,
  };
  const etag = weakEtag(ctx.identity.counterKey, 'repo', JSON.stringify(body));
  if (etagMatches(ctx.headers['if-none-match'], etag)) {
    return { status: 304, headers: { etag }, points: ctx.identity.kind === 'anonymous' ? 1 : 0 };
  }
  return { status: 200, body, headers: { etag }, points: 1 };
}

/** A stable numeric id for a name, since GitHub ids are numbers. */
export function idOf(text: string): number {
  let hash = 7;
  for (const char of text.toLowerCase()) hash = (hash * 31 + char.charCodeAt(0)) % 2_000_000_000;
  return hash;
}
