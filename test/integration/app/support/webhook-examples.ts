import { createRequire } from 'node:module';
import type { WebhookDefinition } from '@octokit/webhooks-examples';
import type { WebhookEventMap, WebhookEventName } from '@octokit/webhooks-types';

// The payloads GitHub documents, adjusted per test to the repository and files at hand.
const definitions = createRequire(import.meta.url)(
  '@octokit/webhooks-examples',
) as WebhookDefinition[];

function example<N extends WebhookEventName>(
  name: N,
  pick: (payload: WebhookEventMap[N]) => boolean,
): WebhookEventMap[N] {
  const definition = definitions.find((entry) => entry.name === name) as
    | WebhookDefinition<N>
    | undefined;
  const found = definition?.examples.find(pick);
  if (!found) throw new Error(`no ${name} example matches`);
  return structuredClone(found);
}

type WithRepository = {
  repository: { name: string; full_name: string; html_url: string; owner: { login: string } };
};

/** Rewrites the example's repository to `owner/name`. */
function onRepository<P extends WithRepository>(payload: P, owner: string, name: string): P {
  payload.repository.name = name;
  payload.repository.full_name = `${owner}/${name}`;
  payload.repository.owner.login = owner;
  payload.repository.html_url = `https://github.com/${owner}/${name}`;
  return payload;
}

/** What a push changed, per commit. */
export interface PushCommitSpec {
  added?: string[];
  modified?: string[];
  removed?: string[];
}

/** Fields of a push payload a test sets. */
export interface PushSpec {
  owner: string;
  repo: string;
  /** Default `refs/heads/main`. */
  ref?: string;
  before?: string;
  after?: string;
  commits?: PushCommitSpec[];
  created?: boolean;
  deleted?: boolean;
  installationId?: number;
}

/** A branch push payload from GitHub's examples, with `spec` applied. */
export function pushPayload(spec: PushSpec) {
  const payload = onRepository(
    example('push', (p) => p.ref.startsWith('refs/heads/') && !p.deleted && p.commits.length > 0),
    spec.owner,
    spec.repo,
  );
  const template = payload.commits[0];
  const count = spec.commits?.length ?? 0;
  payload.ref = spec.ref ?? 'refs/heads/main';
  payload.before = spec.before ?? '1'.repeat(40);
  payload.after = spec.after ?? '2'.repeat(40);
  payload.created = spec.created ?? false;
  payload.deleted = spec.deleted ?? false;
  payload.installation = { id: spec.installationId ?? 1, node_id: 'MDIzOkludGVncmF0aW9u' };
  payload.commits = (spec.commits ?? []).map((files, index) => ({
    ...template,
    id: index === count - 1 ? payload.after : `${index}`.padStart(40, 'c'),
    added: files.added ?? [],
    modified: files.modified ?? [],
    removed: files.removed ?? [],
  }));
  payload.head_commit = payload.commits.at(-1) ?? null;
  return payload;
}

/** A tag push payload from GitHub's examples that names a lesson file. */
export function tagPushPayload(owner: string, repo: string) {
  const payload = onRepository(
    example('push', (p) => p.ref.startsWith('refs/tags/') && !p.deleted),
    owner,
    repo,
  );
  const commit = example('push', (p) => p.commits.length > 0).commits[0];
  payload.commits = [{ ...commit, id: payload.after, modified: ['lessons/intro-to-html.md'] }];
  return payload;
}

/** A `repository` payload for `action`, with the `changes` of a rename or transfer. */
export function repositoryPayload(
  action: string,
  owner: string,
  repo: string,
  changes?: Record<string, unknown>,
) {
  const base = ['renamed', 'transferred'].includes(action) ? action : 'publicized';
  const { changes: _example, ...payload } = onRepository(
    example('repository', (p) => p.action === base),
    owner,
    repo,
  ) as WithRepository & { changes?: unknown };
  return changes ? { ...payload, action, changes } : { ...payload, action };
}

/** An `installation` or `installation_repositories` payload for `action` on `account`. */
export function installationPayload(
  event: 'installation' | 'installation_repositories',
  action: string,
  account: string,
  installationId: number,
) {
  const payload = example(event, () => true);
  payload.installation.id = installationId;
  payload.installation.account.login = account;
  return { ...payload, action };
}
