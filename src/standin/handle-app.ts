import { randomBytes } from 'node:crypto';
import type { HandlerContext } from './handler-context.js';
import { type Answer, errorAnswer } from './http-util.js';
import type { StandinInstallation } from './standin-types.js';

const PERMISSIONS = { contents: 'read', metadata: 'read' };

/** `GET /repos/{owner}/{repo}/installation` (App JWT): the installation covering a repo. */
export function handleRepoInstallation(
  ctx: HandlerContext,
  installations: Iterable<StandinInstallation>,
  owner: string,
  name: string,
  appId: string,
): Answer {
  if (ctx.identity.kind !== 'app') {
    return errorAnswer(401, 'A JSON web token could not be decoded');
  }
  const found = [...installations].find(
    (installation) =>
      installation.account.toLowerCase() === owner.toLowerCase() &&
      (!installation.repositories ||
        installation.repositories.some((repo) => repo.toLowerCase() === name.toLowerCase())),
  );
  if (!found) return errorAnswer(404, 'Not Found');
  return { status: 200, body: installationJson(found, appId) };
}

/**
 * `POST /app/installations/{id}/access_tokens` (App JWT): a fresh token each time, which
 * `register` makes usable on the installation's repositories.
 */
export function handleAccessToken(
  ctx: HandlerContext,
  installations: Map<number, StandinInstallation>,
  installationId: number,
  ttlMs: number,
  register: (token: string, installation: StandinInstallation, expiresAt: number) => void,
): Answer {
  if (ctx.identity.kind !== 'app') {
    return errorAnswer(401, 'A JSON web token could not be decoded');
  }
  const installation = installations.get(installationId);
  if (!installation) return errorAnswer(404, 'Not Found');
  const token = `ghs_${randomBytes(18).toString('base64url')}`;
  const expiresAt = ctx.now() + ttlMs;
  register(token, installation, expiresAt);
  return {
    status: 201,
    body: {
      token,
      expires_at: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      permissions: PERMISSIONS,
      repository_selection: installation.repositories ? 'selected' : 'all',
    },
  };
}

function installationJson(installation: StandinInstallation, appId: string) {
  return {
    id: installation.id,
    app_id: Number(appId),
    account: { login: installation.account, type: 'User' },
    target_type: 'User',
    repository_selection: installation.repositories ? 'selected' : 'all',
    permissions: PERMISSIONS,
    events: ['push', 'repository'],
    access_tokens_url: `/app/installations/${installation.id}/access_tokens`,
  };
}
