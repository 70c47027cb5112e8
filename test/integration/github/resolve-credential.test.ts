import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InstallationTokens } from '../../../src/shared/github/installation-tokens.js';
import {
  type ResolveCredentialOptions,
  resolveCredential,
} from '../../../src/shared/github/resolve-credential.js';
import type { Standin } from '../../../src/standin/standin-types.js';
import { startStandin } from '../../../src/standin/start-standin.js';

const APP_ID = 9001;
const pem = (key: import('node:crypto').KeyObject, type: 'pkcs1' | 'spki') =>
  key.export({ type, format: 'pem' } as never).toString();
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const app = { id: APP_ID, privateKey: pem(keys.privateKey, 'pkcs1') };
const MINT = 'POST /app/installations/{installation_id}/access_tokens';
const LOOKUP = 'GET /repos/{owner}/{repo}/installation';

describe('resolveCredential', () => {
  let standin: Standin;
  let now = Date.parse('2026-03-01T10:00:00Z');
  let tokens: InstallationTokens;
  const appCalls = () => standin.counters(`app:${APP_ID}`).byRoute;
  const resolve = (options: Partial<ResolveCredentialOptions>) =>
    resolveCredential({
      repoOwner: 'acme',
      repoName: 'private',
      baseUrl: standin.url,
      tokens,
      now: () => now,
      ...options,
    });

  beforeAll(async () => {
    standin = await startStandin({
      app: { id: APP_ID, publicKeyPem: pem(keys.publicKey, 'spki') },
      installations: [{ id: 31, account: 'acme' }],
      repos: [{ owner: 'acme', name: 'private', private: true, files: { main: { 'a.md': 'x' } } }],
    });
    standin.setClock(() => now);
  });
  afterAll(async () => {
    await standin.close();
  });
  beforeEach(() => {
    tokens = new InstallationTokens();
    standin.resetCounters();
  });

  it("prefers the owner's token over the App and GITHUB_TOKEN", async () => {
    const credential = await resolve({ ownerToken: 'ghp_owner', app, githubToken: 'ghp_env' });
    expect(credential).toEqual({ kind: 'owner', token: 'ghp_owner' });
    expect(standin.counters().requests).toBe(0);
  });

  it('mints an installation token that reads the private repository', async () => {
    const credential = await resolve({ app, githubToken: 'ghp_env' });
    expect(credential).toMatchObject({
      kind: 'installation',
      token: expect.stringMatching(/^ghs_/),
    });
    expect(credential?.expiresAt?.getTime()).toBe(now + 3_600_000);

    const read = await fetch(`${standin.url}/repos/acme/private/contents/a.md`, {
      headers: { authorization: `token ${credential?.token}` },
    });
    expect(read.status).toBe(200);
    expect(appCalls()).toEqual({ [LOOKUP]: 1, [MINT]: 1 });
  });

  it('reuses the token until a minute before it expires, then mints another', async () => {
    const first = await resolve({ app });
    now += 58 * 60_000;
    expect((await resolve({ app }))?.token).toBe(first?.token);
    expect(appCalls()[MINT]).toBe(1);

    now += 60_000;
    const renewed = await resolve({ app });
    expect(renewed?.token).not.toBe(first?.token);
    expect(appCalls()[MINT]).toBe(2);
  });

  it('shares one mint among concurrent resolutions', async () => {
    const all = await Promise.all(Array.from({ length: 5 }, () => resolve({ app })));
    expect(new Set(all.map((credential) => credential?.token)).size).toBe(1);
    expect(appCalls()[MINT]).toBe(1);
  });

  it('uses a stored installation id without asking GitHub for it', async () => {
    const credential = await resolve({ app, installationLookup: async () => 31 });
    expect(credential?.kind).toBe('installation');
    expect(appCalls()).toEqual({ [MINT]: 1 });
  });

  it('falls back to GITHUB_TOKEN where the App is not installed, and remembers that', async () => {
    const elsewhere = { app, githubToken: 'ghp_env', repoOwner: 'stranger', repoName: 'x' };
    expect(await resolve(elsewhere)).toEqual({ kind: 'env', token: 'ghp_env' });
    expect(await resolve(elsewhere)).toEqual({ kind: 'env', token: 'ghp_env' });
    expect(appCalls()).toEqual({ [LOOKUP]: 1 });
  });

  it('falls back to GITHUB_TOKEN when GitHub rejects the App key', async () => {
    const wrongKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const credential = await resolve({
      app: { id: APP_ID, privateKey: pem(wrongKey, 'pkcs1') },
      githubToken: 'ghp_env',
    });
    expect(credential).toEqual({ kind: 'env', token: 'ghp_env' });
  });

  it('throws when GitHub cannot be reached to mint a token', async () => {
    standin.faults.failNext(4, 502, '/access_tokens');
    await expect(
      resolveCredential({
        repoOwner: 'acme',
        repoName: 'private',
        baseUrl: standin.url,
        tokens,
        now: () => now,
        app,
        installationLookup: async () => 31,
        retryBaseMs: 5,
      }),
    ).rejects.toMatchObject({ kind: 'server', status: 502 });
  });

  it('returns null when there is no credential at all', async () => {
    expect(await resolve({})).toBeNull();
  });
});
