import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAppJwt } from '../../../src/shared/github/sign-app-jwt.js';
import type { Standin } from '../../../src/standin/standin-types.js';
import { startStandin } from '../../../src/standin/start-standin.js';
import { readJson } from '../../support/read-json.js';

const APP_ID = 4242;
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privateKey = keys.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const publicKeyPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();

describe('stand-in App installations', () => {
  let standin: Standin;
  let now = Date.parse('2026-03-01T10:00:00Z');
  const call = (method: string, path: string, token: string) =>
    fetch(`${standin.url}${path}`, { method, headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    standin = await startStandin({
      app: { id: APP_ID, publicKeyPem },
      installations: [
        { id: 11, account: 'acme' },
        { id: 12, account: 'other', repositories: ['one'] },
      ],
      repos: [
        { owner: 'acme', name: 'private', private: true, files: { main: { 'a.md': 'x' } } },
        { owner: 'other', name: 'two', private: true },
      ],
    });
    standin.setClock(() => now);
  });
  afterAll(async () => {
    await standin.close();
  });

  it('finds the installation of a repository with the App JWT', async () => {
    const response = await call(
      'GET',
      '/repos/acme/private/installation',
      signAppJwt(APP_ID, privateKey, now),
    );
    expect(response.status).toBe(200);
    expect(await readJson(response)).toMatchObject({
      id: 11,
      app_id: APP_ID,
      account: { login: 'acme' },
    });
    const notCovered = await call(
      'GET',
      '/repos/other/two/installation',
      signAppJwt(APP_ID, privateKey, now),
    );
    expect(notCovered.status).toBe(404);
  });

  it('refuses a JWT signed by another key or for another App', async () => {
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs1', format: 'pem' })
      .toString();
    for (const jwt of [signAppJwt(APP_ID, stranger, now), signAppJwt(1, privateKey, now)]) {
      expect((await call('GET', '/repos/acme/private/installation', jwt)).status).toBe(401);
    }
  });

  it('refuses an expired JWT', async () => {
    const old = signAppJwt(APP_ID, privateKey, now - 11 * 60_000);
    expect((await call('GET', '/repos/acme/private/installation', old)).status).toBe(401);
  });

  it('mints a fresh token each time, usable on the installation repositories', async () => {
    const jwt = signAppJwt(APP_ID, privateKey, now);
    const first = await call('POST', '/app/installations/11/access_tokens', jwt);
    expect(first.status).toBe(201);
    const { token, expires_at } = await readJson(first);
    expect(token).toMatch(/^ghs_/);
    expect(Date.parse(expires_at)).toBe(Math.floor((now + 3_600_000) / 1000) * 1000);
    const second = await readJson(await call('POST', '/app/installations/11/access_tokens', jwt));
    expect(second.token).not.toBe(token);

    const read = await call('GET', '/repos/acme/private/contents/a.md', token);
    expect(read.status).toBe(200);
    expect(read.headers.get('x-ratelimit-limit')).toBe('5000');
  });

  it('stops accepting an installation token once it expires', async () => {
    const jwt = signAppJwt(APP_ID, privateKey, now);
    const { token } = await readJson(
      await call('POST', '/app/installations/11/access_tokens', jwt),
    );
    now += 3_600_000;
    expect((await call('GET', '/repos/acme/private', token)).status).toBe(401);
  });

  it('answers 404 for an unknown installation', async () => {
    const jwt = signAppJwt(APP_ID, privateKey, now);
    expect((await call('POST', '/app/installations/99/access_tokens', jwt)).status).toBe(404);
  });
});
