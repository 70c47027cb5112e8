import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CliError } from '../../../src/cli/cli-error.js';
import { register } from '../../../src/cli/commands/variables.js';
import { runCli } from '../../support/run-cli.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

describe('registry-sync variables', () => {
  let db: TestDatabase;
  const rows = () =>
    db.orm.em
      .fork()
      .getConnection()
      .execute(
        'select key, value, lang, academy from content_variable order by key, lang, academy',
      );

  /** Runs `registry-sync variables ARGS` in this process; returns what it printed. */
  async function variables(...args: string[]): Promise<string> {
    const program = new Command('registry-sync').exitOverride();
    register(program);
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line) => printed.push(String(line)));
    try {
      await program.parseAsync(['variables', ...args], { from: 'user' });
    } finally {
      log.mockRestore();
    }
    return printed.join('\n');
  }

  beforeAll(async () => {
    db = await createTestDatabase('cli_variables');
    vi.stubEnv('DATABASE_URL', db.url);
    vi.stubEnv('LOG_LEVEL', 'warn');
    vi.stubEnv('LOG_FORMAT', 'json');
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await db.drop();
  });

  it('stores a language-neutral variable and one per language and academy', async () => {
    expect(await variables('set', 'mentor', 'a mentor')).toBe(
      'set {% mentor %} for any language, any academy',
    );
    expect(await variables('set', 'mentor', 'un mentor', '--lang', 'es')).toBe(
      'set {% mentor %} for lang es, any academy',
    );
    expect(
      await variables(
        'set',
        'api_url',
        'https://api.example.com',
        '--lang',
        'US',
        '--academy',
        'miami',
      ),
    ).toBe('set {% api_url %} for lang en, academy miami');
    expect(await rows()).toEqual([
      { key: 'api_url', value: 'https://api.example.com', lang: 'en', academy: 'miami' },
      { key: 'mentor', value: 'a mentor', lang: '', academy: '' },
      { key: 'mentor', value: 'un mentor', lang: 'es', academy: '' },
    ]);
  });

  it('replaces the value of a variable set again for the same language and academy', async () => {
    await variables('set', 'mentor', 'una mentora', '--lang', 'es');
    expect((await rows()).filter((row) => row.key === 'mentor')).toEqual([
      { key: 'mentor', value: 'a mentor', lang: '', academy: '' },
      { key: 'mentor', value: 'una mentora', lang: 'es', academy: '' },
    ]);
  });

  it('lists the variables that apply to a language as a table', async () => {
    expect(await variables('list', '--lang', 'es')).toBe(
      [
        'KEY     LANG  ACADEMY  VALUE',
        'mentor  *     *        a mentor',
        'mentor  es    *        una mentora',
      ].join('\n'),
    );
  });

  it('lists every variable as JSON lines', async () => {
    const printed = await variables('list', '--json');
    expect(printed.split('\n').map((line) => JSON.parse(line))).toEqual([
      { key: 'api_url', value: 'https://api.example.com', lang: 'en', academy: 'miami' },
      { key: 'mentor', value: 'a mentor', lang: '', academy: '' },
      { key: 'mentor', value: 'una mentora', lang: 'es', academy: '' },
    ]);
  });

  it('refuses an invalid language', async () => {
    await expect(variables('list', '--lang', 'english')).rejects.toThrow(
      new CliError("invalid language 'english'; expected a code such as en, es or pt-br"),
    );
  });

  it('refuses a name that cannot appear as {% name %}: status 2, nothing stored', async () => {
    const run = await runCli(['variables', 'set', 'two words', 'x'], { DATABASE_URL: db.url });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("registry-sync: invalid variable name 'two words'");
    expect(await rows()).toHaveLength(3);
  });
});
