import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptToken } from '../../../src/shared/crypto/token-cipher.js';
import { Owner } from '../../../src/shared/db/entities/index.js';
import { createWorkerHarness, type WorkerHarness } from './worker-harness.js';

const url = (path: string, repo = 'learn') => `https://github.com/acme/${repo}/blob/main/${path}`;
const SECRET = 'a-test-secret-key';
const LAST_SYNC = new Date('2024-01-02T03:04:05Z');
const BIG = `# Big\n\n${'Lorem ipsum dolor sit amet. '.repeat(40_000)}\n`;
const BAD_YAML = '---\ntitle: ok\ntags: [a, b\n---\n# Body kept\n';

describe('failed pulls', () => {
  let harness: WorkerHarness;

  beforeAll(async () => {
    harness = await createWorkerHarness('pull_fail', {
      repos: [
        {
          owner: 'acme',
          name: 'learn',
          files: {
            main: {
              'lessons/bad-yaml.md': BAD_YAML,
              'lessons/big.md': BIG,
              'lessons/logo.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]),
              'lessons/latin1.md': Buffer.from('caf\xe9 cr\xe8me', 'latin1'),
              'projects/no-config/README.md': '# No config\n',
              'projects/no-preview/README.md': '# No preview\n',
              'projects/no-preview/learn.json': JSON.stringify({ title: 'No preview' }),
            },
          },
        },
        { owner: 'acme', name: 'secret', private: true, files: { main: { 'a.md': 'hidden' } } },
      ],
    });
    const em = harness.db.orm.em.fork();
    const owner = em.create(Owner, {
      username: 'revoked',
      tokenCiphertext: encryptToken('ghp_revoked_token', SECRET),
    });
    await em.flush();
    const failing = (slug: string, readmeUrl: string | null, type = 'LESSON' as const) => ({
      slug,
      assetType: type,
      readmeUrl,
      lastSynchAt: LAST_SYNC,
    });
    await harness.seed([
      failing('gitlab', 'https://gitlab.com/acme/learn/blob/main/a.md'),
      failing('no-url', null),
      { ...failing('revoked', url('lessons/big.md')), owner: owner.id },
      failing('private', url('a.md', 'secret')),
      failing('moved', url('lessons/moved.md')),
      { ...failing('no-config', url('projects/no-config/README.md')), assetType: 'PROJECT' },
      { ...failing('no-preview', url('projects/no-preview/README.md')), assetType: 'EXERCISE' },
      failing('bad-yaml', url('lessons/bad-yaml.md')),
      failing('logo', url('lessons/logo.md')),
      failing('latin1', url('lessons/latin1.md')),
      { slug: 'big', assetType: 'LESSON', readmeUrl: url('lessons/big.md') },
    ]);
    const worker = harness.start({ lanes: ['pull'], github: { secretKey: SECRET } });
    const slugs = ['gitlab', 'no-url', 'revoked', 'private', 'moved', 'no-config', 'no-preview'];
    for (const slug of [...slugs, 'bad-yaml', 'logo', 'latin1', 'big']) await harness.pull(slug);
    await worker.idle(200);
  });
  afterAll(async () => {
    await harness?.destroy();
  });

  it.each([
    ['gitlab', /^Invalid URL: invalid readme_url .*host 'gitlab\.com'/],
    ['no-url', /^Invalid URL: the asset has no readme_url$/],
    ['revoked', /^Bad GitHub credentials: .*401/],
    ['private', /^Repository not found or not accessible: acme\/secret/],
    ['moved', /^File not found at ref: lessons\/moved\.md in acme\/learn at main$/],
    ['no-config', /^Missing config: none of learn\.json, .* in projects\/no-config of acme\/learn/],
    ['no-preview', /^Missing preview: learn\.json has no "preview"/],
    ['bad-yaml', /^Front matter is not valid YAML: .*\(line \d+\)$/],
    ['logo', /^Binary file: lessons\/logo\.md/],
    ['latin1', /^Invalid UTF-8: lessons\/latin1\.md/],
  ])('records %s as an ERROR with its own status text', async (slug, statusText) => {
    const asset = await harness.asset(slug);
    expect(asset.sync_status).toBe('ERROR');
    expect(asset.status_text).toMatch(statusText);
    const events = await harness.events(slug);
    expect(events).toMatchObject([{ kind: 'PULL', outcome: 'ERROR' }]);
    expect(events[0].detail).toBe(asset.status_text);
  });

  it('leaves last_synch_at alone when a pull fails', async () => {
    for (const slug of ['gitlab', 'revoked', 'moved', 'bad-yaml']) {
      expect((await harness.asset(slug)).last_synch_at).toEqual(LAST_SYNC);
    }
  });

  it('still stores the raw file whose front matter is bad, and forgets its SHA', async () => {
    expect(await harness.asset('bad-yaml')).toMatchObject({ readme_raw: BAD_YAML, blob_sha: null });
  });

  it('reads a README over 1 MB in full', async () => {
    const asset = await harness.asset('big');
    expect(asset.sync_status).toBe('OK');
    expect(asset.readme_raw).toBe(BIG);
  });
});

describe('a worker without any credential', () => {
  let harness: WorkerHarness;

  beforeAll(async () => {
    harness = await createWorkerHarness('pull_nocred', {
      repos: [{ owner: 'acme', name: 'learn', files: { main: { 'a.md': 'A' } } }],
    });
    await harness.seed([{ slug: 'a', assetType: 'LESSON', readmeUrl: url('a.md') }]);
    const worker = harness.start({ lanes: ['pull'], github: { githubToken: null } });
    await harness.pull('a');
    await worker.idle(200);
  });
  afterAll(async () => {
    await harness?.destroy();
  });

  it('records that there are no GitHub credentials and sends no request', async () => {
    const asset = await harness.asset('a');
    expect(asset.sync_status).toBe('ERROR');
    expect(asset.status_text).toMatch(
      /^No GitHub credentials for acme\/learn: .*GITHUB_TOKEN is not set$/,
    );
    expect(harness.standin.counters().requests).toBe(0);
  });
});
