import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptToken } from '../../../src/shared/crypto/token-cipher.js';
import { Installation, Owner } from '../../../src/shared/db/entities/index.js';
import { createWorkerHarness, TOKEN, type WorkerHarness } from './worker-harness.js';

const APP_ID = 4242;
const SECRET = 'credentials-test-secret';
const OWNER_TOKEN = 'ghp_owner_of_team_repo';
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = (key: KeyObject, type: 'pkcs1' | 'spki') =>
  key.export({ type, format: 'pem' } as never).toString();
const url = (owner: string, repo: string) => `https://github.com/${owner}/${repo}/blob/main/a.md`;

describe('credentials of a pull', () => {
  let harness: WorkerHarness;

  beforeAll(async () => {
    harness = await createWorkerHarness('pull_creds', {
      app: { id: APP_ID, publicKeyPem: pem(keys.publicKey, 'spki') },
      installations: [{ id: 77, account: 'school' }],
      repos: [
        { owner: 'team', name: 'owned', private: true, files: { main: { 'a.md': '# Owned' } } },
        { owner: 'school', name: 'app', private: true, files: { main: { 'a.md': '# App' } } },
        { owner: 'public', name: 'open', files: { main: { 'a.md': '# Open' } } },
      ],
    });
    harness.standin.addToken(OWNER_TOKEN, { installationFor: ['team/owned'] });
    const em = harness.db.orm.em.fork();
    const owner = em.create(Owner, {
      username: 'teacher',
      tokenCiphertext: encryptToken(OWNER_TOKEN, SECRET),
    });
    em.create(Installation, { account: 'school', installationId: 77 });
    await em.flush();
    await harness.seed([
      { slug: 'owned', assetType: 'LESSON', readmeUrl: url('team', 'owned'), owner: owner.id },
      { slug: 'by-app', assetType: 'LESSON', readmeUrl: url('school', 'app') },
      { slug: 'open', assetType: 'LESSON', readmeUrl: url('public', 'open') },
    ]);
    const worker = harness.start({
      lanes: ['pull'],
      github: { secretKey: SECRET, app: { id: APP_ID, privateKey: pem(keys.privateKey, 'pkcs1') } },
    });
    for (const slug of ['owned', 'by-app', 'open']) await harness.pull(slug);
    await worker.idle(200);
  });
  afterAll(async () => {
    await harness?.destroy();
  });

  it("reads with the owner's stored token first", async () => {
    expect(await harness.asset('owned')).toMatchObject({
      sync_status: 'OK',
      readme_raw: '# Owned',
    });
    expect(harness.standin.counters(OWNER_TOKEN).requests).toBeGreaterThan(0);
  });

  it("reads with the App's installation token for the repository's account", async () => {
    expect(await harness.asset('by-app')).toMatchObject({ sync_status: 'OK', readme_raw: '# App' });
    expect(harness.standin.counters(`app:${APP_ID}`).byRoute).toMatchObject({
      'POST /app/installations/{installation_id}/access_tokens': 1,
    });
  });

  it('falls back to GITHUB_TOKEN where the App is not installed', async () => {
    expect(await harness.asset('open')).toMatchObject({ sync_status: 'OK', readme_raw: '# Open' });
    expect(harness.standin.counters(TOKEN).requests).toBeGreaterThan(0);
  });
});
