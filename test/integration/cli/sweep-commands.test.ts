import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.js';
import { seedAssets } from '../../support/seed-assets.js';
import { createTestBroker, type TestBroker } from '../../support/test-broker.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

describe('registry-sync pull-and-clean and clean', () => {
  let db: TestDatabase;
  let broker: TestBroker;
  let env: Record<string, string>;

  beforeAll(async () => {
    [db, broker] = await Promise.all([createTestDatabase('cli_sweep'), createTestBroker('cli')]);
    env = { DATABASE_URL: db.url, QUEUE_PREFIX: broker.prefix };
    await seedAssets(
      db.orm.em.fork(),
      Array.from({ length: 23 }, (_, i) => ({ slug: `lesson-${String(i).padStart(2, '0')}` })),
    );
  });
  afterAll(async () => {
    await Promise.all([db.drop(), broker.destroy()]);
  });

  it('documents every flag in --help', async () => {
    const run = await runCli(['pull-and-clean', '--help']);
    expect(run.code).toBe(0);
    for (const flag of ['--all', '--force', '--asset-type', '--status', '--lang', '--delay']) {
      expect(run.stdout).toContain(flag);
    }
    expect(run.stdout).toContain('--batch-size');
    expect(run.stdout).toContain('--dry-run');
  });

  it('lists 20 assets and the count of the rest on a dry run', async () => {
    const run = await runCli(['pull-and-clean', '--dry-run'], env);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('Found 23 assets to process');
    expect(lines).toContain('  lesson-00 (LESSON) - Last sync: Never');
    expect(lines.filter((line) => line.includes('Last sync'))).toHaveLength(20);
    expect(lines.at(-1)).toBe('  ... and 3 more assets');
    expect(await broker.depth(broker.topology.pull)).toBe(0);
  });

  it('prints batches, outcomes, progress and a summary, and queues every asset', async () => {
    const run = await runCli(['pull-and-clean', '--delay', '0', '--batch-size', '10'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Processing batch 1/3 (10 assets)');
    expect(run.stdout).toContain('Processing batch 3/3 (3 assets)');
    expect(run.stdout).toContain('  queued  lesson-22 (LESSON)');
    expect(run.stdout).toContain('Progress: 5/23 assets (22%)');
    expect(run.stdout).toContain('Progress: 23/23 assets (100%)');
    expect(run.stdout).toMatch(/Sweep [0-9a-f-]{36}: found 23, queued 23, failed 0 in \d+\.\ds/);
    expect(await broker.drain(broker.topology.pull)).toHaveLength(23);
  });

  it('says so when nothing matches', async () => {
    const run = await runCli(['clean'], env);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe('No assets found matching the criteria.');
  });

  it('rejects an unknown filter value, listing the allowed ones, with exit status 2', async () => {
    const run = await runCli(['clean', '--asset-type', 'poem'], env);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      "registry-sync: --asset-type: unknown asset type 'poem'; allowed: PROJECT, EXERCISE, " +
        'LESSON, QUIZ, VIDEO, STARTER, ARTICLE',
    );
  });

  it('says in one line that the broker is unreachable, with exit status 2', async () => {
    const run = await runCli(['pull-and-clean', '--all'], {
      ...env,
      AMQP_URL: 'amqp://guest:secret-pw@127.0.0.1:1',
    });
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^registry-sync: message broker not reachable: .* at amqp:/);
    expect(run.stderr).not.toContain('secret-pw');
  });

  it('says in one line that the database is unreachable, with exit status 2', async () => {
    const run = await runCli(['clean'], {
      DATABASE_URL: 'postgres://postgres:pw@127.0.0.1:1/registry',
    });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(
      /database not reachable at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1/,
    );
  });

  it('names the variable of a malformed setting', async () => {
    const run = await runCli(['clean'], { DATABASE_URL: 'mysql://x' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'DATABASE_URL: must be a URL starting with postgres:// or postgresql://',
    );
  });
});
