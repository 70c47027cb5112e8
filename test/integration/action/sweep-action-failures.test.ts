import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { createWorkspace, type Workspace, withoutMaskCommands } from './run-bundle.js';

const SERVER = process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';

// Every case here fails before a job could be queued, so they share nothing and run at once.
describe.concurrent('the registry-sync Action bundle when it cannot sweep', () => {
  let workspace: Workspace;
  let db: TestDatabase;
  let emptyDatabase: string;

  beforeAll(async () => {
    [workspace, db] = await Promise.all([createWorkspace(), createTestDatabase('action_fail')]);
    emptyDatabase = `rs_action_empty_${process.pid}_${Date.now()}`;
    await admin(`create database "${emptyDatabase}"`);
  });
  afterAll(async () => {
    await admin(`drop database if exists "${emptyDatabase}" with (force)`);
    await Promise.all([workspace.remove(), db.drop()]);
  });

  it.each([
    ['batch-size', 'zero', "Input 'batch-size': 'zero' is not a whole number from 1 to 100000"],
    ['delay', '-1', "Input 'delay': '-1' is not a number of seconds (0-3600)"],
    [
      'all',
      'yes',
      "Input 'all': 'yes' is not a boolean; allowed: true, True, TRUE, false, False, FALSE",
    ],
    [
      'dry-run',
      '1',
      "Input 'dry-run': '1' is not a boolean; allowed: true, True, TRUE, false, False, FALSE",
    ],
    [
      'command',
      'delete',
      "Input 'command': unknown sweep command 'delete'; allowed: pull-and-clean, clean",
    ],
    [
      'asset-type',
      'poem',
      "Input 'asset-type': unknown asset type 'poem'; allowed: PROJECT, EXERCISE, LESSON, " +
        'QUIZ, VIDEO, STARTER, ARTICLE',
    ],
    [
      'database-url',
      'mysql://root:pw@db/registry',
      "Input 'database-url': must be a URL starting with postgres:// or postgresql:// " +
        '(or set DATABASE_URL)',
    ],
  ])(
    'fails the step when %s is %s, naming the input and the allowed values',
    async (input, value, message) => {
      const run = await workspace.run({ [input]: value });

      expect(run.code).toBe(1);
      expect(run.stdout.split('\n')).toContain(`::error::${message}`);
      expect(run.outputs).toEqual({});
      expect(run.summary).toContain('## Registry sweep failed');
      expect(run.stderr).toBe('');
    },
  );

  it('says the database is unreachable without printing its password', async () => {
    const run = await workspace.run({
      'database-url': 'postgres://sweeper:db-Pa55word@127.0.0.1:1/registry',
    });

    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error::Database not reachable at postgres://sweeper:***@127.0.0.1:1/registry: ',
    );
    expect(run.stdout).toContain('Check the database-url input (or DATABASE_URL).');
    expect(run.stdout).toContain('::add-mask::db-Pa55word');
    expect(withoutMaskCommands(run.stdout)).not.toContain('Pa55word');
    expect(run.stderr).not.toContain('Pa55word');
    expect(run.summary).not.toContain('Pa55word');
  });

  it('says the broker is unreachable without printing its password', async () => {
    const run = await workspace.run({
      'database-url': db.url,
      'amqp-url': 'amqp://sweeper:mq%40Secret@127.0.0.1:1',
    });

    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error::Message broker not reachable: connect ECONNREFUSED 127.0.0.1:1 at ' +
        'amqp://sweeper:***@127.0.0.1:1. Check the amqp-url input (or AMQP_URL)',
    );
    // The runner unescapes %25 to %: both the written and the decoded password are masked.
    expect(run.stdout).toContain('::add-mask::mq%2540Secret');
    expect(run.stdout).toContain('::add-mask::mq@Secret');
    expect(withoutMaskCommands(run.stdout)).not.toContain('Secret');
    expect(run.stderr).not.toContain('Secret');
    expect(run.summary).not.toContain('Secret');
  });

  it('says a database without the registry tables needs migrating', async () => {
    const run = await workspace.run({ 'database-url': `${SERVER}/${emptyDatabase}` });

    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `::error::The database at ${SERVER}/${emptyDatabase} has no registry tables. ` +
        'Run `registry-sync migrate` against it first; the Action does not migrate.',
    );
  });
});

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
