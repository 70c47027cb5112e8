import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.js';
import { createTestBroker, type TestBroker } from '../../support/test-broker.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

describe('registry-sync demo (npm start)', () => {
  let db: TestDatabase;
  let broker: TestBroker;

  beforeAll(async () => {
    [db, broker] = await Promise.all([createTestDatabase('demo'), createTestBroker('demo')]);
  });
  afterAll(async () => {
    await Promise.all([db.drop(), broker.destroy()]);
  });

  it('runs the sample content through the stand-in and prints every outcome', async () => {
    const run = await runCli(['demo'], { DATABASE_URL: db.url, QUEUE_PREFIX: broker.prefix });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('imported 13 assets from sample/registry.json');
    expect(run.stdout).toMatch(/GitHub: a local stand-in \(http:\/\/127\.0\.0\.1:\d+\)/);

    const row = (slug: string) =>
      run.stdout.split('\n').find((line) => line.startsWith(`${slug} `));
    expect(row('intro-to-python')).toMatch(/LESSON\s+OK\s+Successfully synced\s+(OK|WARNING)/);
    expect(row('todo-list-react')).toMatch(/PROJECT\s+OK\s+Successfully synced/);
    expect(row('html-basics-quiz')).toMatch(/QUIZ\s+OK\s+Successfully synced/);
    expect(row('intro-to-rust')).toMatch(/ERROR\s+Repository not found or not accessible/);
    expect(row('git-branching')).toMatch(/ERROR\s+Invalid URL/);
    expect(row('rule-based-chat-bot')).toMatch(/ERROR\s+Missing preview/);
    expect(row('cookies-and-sessions')).toMatch(/ERROR\s+Front matter is not valid YAML/);

    const [cleaned] = await db.orm.em
      .fork()
      .getConnection()
      .execute(`select readme, html from asset where slug = 'intro-to-python'`);
    expect(cleaned.html).toContain('<');
    expect(cleaned.readme).toContain('https://raw.githubusercontent.com/learn-academy/');
  });
});
