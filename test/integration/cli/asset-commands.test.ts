import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.js';
import { createTestBroker, type TestBroker } from '../../support/test-broker.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

const RECORDS = [
  {
    slug: 'intro-to-git',
    asset_type: 'lesson',
    lang: 'us',
    title: 'Intro to Git',
    readme_url: 'https://github.com/acme/lessons/blob/main/git/intro.md',
    owner: 'octocat',
  },
  { slug: 'todo-app', asset_type: 'PROJECT', lang: 'es', status: 'draft' },
];

describe('registry-sync assets, owners and status', () => {
  let db: TestDatabase;
  let broker: TestBroker;
  let env: Record<string, string>;

  beforeAll(async () => {
    [db, broker] = await Promise.all([createTestDatabase('cli_assets'), createTestBroker('cli_a')]);
    env = { DATABASE_URL: db.url, QUEUE_PREFIX: broker.prefix };
  });
  afterAll(async () => {
    await Promise.all([db.drop(), broker.destroy()]);
  });

  it('imports JSON lines from standard input', async () => {
    const lines = RECORDS.map((record) => JSON.stringify(record)).join('\n');
    const run = await runCli(['assets', 'import', '-'], env, lines);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe('imported 2 assets (2 new, 0 updated)');
  });

  it('reports a bad file with line and field, exit status 2, and imports nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rs-import-'));
    const file = join(dir, 'bad.json');
    await writeFile(
      file,
      '[\n  {"slug": "new-one", "asset_type": "LESSON", "lang": "en"},\n' +
        '  {"slug": "x", "asset_type": "LESSON", "lang": "en", "owner": "not a user"}\n]\n',
    );
    const run = await runCli(['assets', 'import', file], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('1 problem(s), nothing imported');
    expect(run.stderr).toContain('line 3 (x): owner: not a GitHub username');
    const rows = await db.orm.em
      .fork()
      .getConnection()
      .execute("select * from asset where slug = 'new-one'");
    expect(rows).toEqual([]);
  });

  it('lists assets with the sweep filters, as JSON lines', async () => {
    const run = await runCli(['assets', 'list', '--asset-type', 'project', '--json'], env);
    expect(run.code).toBe(0);
    const rows = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows).toEqual([
      expect.objectContaining({ slug: 'todo-app', asset_type: 'PROJECT', lang: 'es' }),
    ]);
  });

  it('shows one asset with its parsed URL and owner', async () => {
    const run = await runCli(['assets', 'show', 'intro-to-git', '--json'], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).asset).toMatchObject({
      slug: 'intro-to-git',
      lang: 'en',
      repo_owner: 'acme',
      repo_path: 'git/intro.md',
      owner: 'octocat',
    });
    const missing = await runCli(['assets', 'show', 'nope'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe("registry-sync: no asset with slug 'nope'");
  });

  it('stores an owner token from standard input only when a key is set', async () => {
    const refused = await runCli(['owners', 'set', 'octocat', '--token-stdin'], env, 'ghp_abc\n');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('REGISTRY_SECRET_KEY is not set');

    const stored = await runCli(
      ['owners', 'set', 'octocat', '--token-stdin'],
      { ...env, REGISTRY_SECRET_KEY: 'correct horse battery staple' },
      'ghp_abc\n',
    );
    expect(stored.code).toBe(0);
    const [owner] = await db.orm.em
      .fork()
      .getConnection()
      .execute("select token_ciphertext from owner where username = 'octocat'");
    expect(owner.token_ciphertext).toMatch(/^v1:/);
    expect(owner.token_ciphertext).not.toContain('ghp_abc');
  });

  it('prints counts by status and the depth of every queue', async () => {
    const run = await runCli(['status', '--json'], env);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.sync).toEqual({ 'never pulled': 2 });
    expect(report.queues[`${broker.prefix}.pull`]).toBe(0);
    expect(report.queues[`${broker.prefix}.dead`]).toBe(0);
  });
});
