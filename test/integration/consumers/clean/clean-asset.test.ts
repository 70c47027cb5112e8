import { Writable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanAsset } from '../../../../src/consumers/clean/clean-asset.js';
import type { CleanJob } from '../../../../src/shared/jobs/job-schemas.js';
import { createTestDatabase, type TestDatabase } from '../../../support/test-database.js';

const NOW = new Date('2026-03-01T10:00:00Z');
const RAW = 'https://raw.githubusercontent.com/acme/lessons/main/git';
const DELIVERY = { type: 'webhook', deliveryId: 'd-1', commitSha: 'a'.repeat(40) } as const;

interface Row {
  slug: string;
  title?: string | null;
  lang?: string;
  readme_raw?: string | null;
  readme?: string | null;
  html?: string | null;
}

describe('cleanAsset', () => {
  let db: TestDatabase;
  let lines: Array<Record<string, unknown>>;
  const log = pino(
    { level: 'debug' },
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()));
        done();
      },
    }),
  );

  // Timestamps come back as text from a raw query; read them as dates.
  const sql = async (query: string, params: unknown[] = []) => {
    const rows = await db.orm.em
      .fork()
      .getConnection()
      .execute<Record<string, unknown>[]>(query, params);
    for (const row of rows) {
      for (const [key, value] of Object.entries(row)) {
        if (key.endsWith('_at') && typeof value === 'string') row[key] = new Date(value);
      }
    }
    return rows;
  };
  const insert = (row: Row) =>
    sql(
      `insert into asset (slug, asset_type, lang, title, readme_url, repo_owner, repo_name,
         repo_ref, repo_path, readme_raw, readme, html, created_at, updated_at)
       values (?, 'LESSON', ?, ?, ?, 'acme', 'lessons', 'main', 'git/intro.md', ?, ?, ?,
         now(), now())`,
      [
        row.slug,
        row.lang ?? 'en',
        row.title === undefined ? 'Intro to Git' : row.title,
        'https://github.com/acme/lessons/blob/main/git/intro.md',
        row.readme_raw ?? null,
        row.readme ?? null,
        row.html ?? null,
      ],
    );
  const asset = async (slug: string) =>
    (await sql('select * from asset where slug = ?', [slug]))[0];
  const events = (slug: string) =>
    sql(
      'select kind, outcome, detail, source_type, source_id, commit_sha, created_at ' +
        'from asset_event where slug = ? order by id',
      [slug],
    );
  const job = (slug: string): CleanJob => ({ v: 1, kind: 'clean', slug, source: DELIVERY });
  const clean = (slug: string, wrap: (em: EntityManager) => EntityManager = (em) => em) =>
    db.orm.em
      .fork()
      .transactional((em) => cleanAsset(wrap(em), job(slug), { log, now: () => NOW }));

  beforeAll(async () => {
    db = await createTestDatabase('clean_asset');
  });
  afterAll(async () => {
    await db.drop();
  });
  beforeEach(() => {
    lines = [];
  });

  it('stores the cleaned readme and html, status OK, the time and one CLEAN event', async () => {
    await insert({
      slug: 'ok',
      readme_raw: '---\ntitle: Intro to Git\n---\n# Intro to Git\n\n![Branches](./img/b.png)\n',
    });
    const before = await asset('ok');

    expect(await clean('ok')).toEqual({ outcome: 'OK', detail: null });
    const after = await asset('ok');
    expect(after).toMatchObject({
      readme: `---\ntitle: Intro to Git\n---\n![Branches](${RAW}/img/b.png)\n`,
      html: `<p><img src="${RAW}/img/b.png" alt="Branches"></p>\n`,
      cleaning_status: 'OK',
      cleaning_status_details: null,
      last_cleaning_at: NOW,
      title: 'Intro to Git',
      version: (before.version as number) + 1,
    });
    expect(await events('ok')).toEqual([
      {
        kind: 'CLEAN',
        outcome: 'OK',
        detail: null,
        source_type: 'webhook',
        source_id: 'd-1',
        commit_sha: 'a'.repeat(40),
        created_at: NOW,
      },
    ]);
    expect(lines.filter((line) => line.msg === 'asset cleaned')).toMatchObject([
      { slug: 'ok', outcome: 'OK', errors: 0, warnings: 0 },
    ]);
  });

  it('records a WARNING saying where the unknown variable is, cleaned text stored', async () => {
    await insert({ slug: 'warn', readme_raw: 'Intro\n\nAsk {% mentor %} for help.\n' });
    const result = await clean('warn');
    const details =
      'line 3: unknown variable {% mentor %} (no value for this language, no default)';
    expect(result).toEqual({ outcome: 'WARNING', detail: details });
    expect(await asset('warn')).toMatchObject({
      readme: 'Intro\n\nAsk {% mentor %} for help.\n',
      cleaning_status: 'WARNING',
      cleaning_status_details: details,
    });
    expect(await events('warn')).toMatchObject([{ outcome: 'WARNING', detail: details }]);
  });

  it('records an ERROR with its line and keeps the readme and html already stored', async () => {
    await insert({
      slug: 'error',
      readme_raw: 'Intro\n\n<!-- hide -->\nnever closed\n',
      readme: 'Old readme\n',
      html: '<p>Old readme</p>\n',
    });
    const result = await clean('error');
    const details = 'line 3: unpaired <!-- hide -->: no <!-- endhide --> closes it';
    expect(result).toEqual({ outcome: 'ERROR', detail: details });
    expect(await asset('error')).toMatchObject({
      readme: 'Old readme\n',
      html: '<p>Old readme</p>\n',
      cleaning_status: 'ERROR',
      cleaning_status_details: details,
      last_cleaning_at: NOW,
    });
    expect(await events('error')).toMatchObject([
      { kind: 'CLEAN', outcome: 'ERROR', detail: details },
    ]);
  });

  it('takes the title from the H1 when the asset has none', async () => {
    await insert({ slug: 'untitled', title: null, readme_raw: '# Branching: a guide\n\nText\n' });
    expect((await clean('untitled')).outcome).toBe('OK');
    expect(await asset('untitled')).toMatchObject({
      title: 'Branching: a guide',
      readme: 'Text\n',
    });
  });

  it("substitutes the asset language's variables over the language-neutral ones", async () => {
    await sql(
      `insert into content_variable (key, value, lang, academy, updated_at) values
         ('mentor', 'a mentor', '', '', now()), ('mentor', 'un mentor', 'es', '', now()),
         ('mentor', 'mentor academia', 'es', 'other-academy', now())`,
    );
    await insert({ slug: 'vars-es', lang: 'es', readme_raw: 'Pregunta a {% mentor %}.\n' });
    await insert({ slug: 'vars-en', lang: 'en', readme_raw: 'Ask {% mentor %}.\n' });
    await clean('vars-es');
    await clean('vars-en');
    expect((await asset('vars-es')).readme).toBe('Pregunta a un mentor.\n');
    expect((await asset('vars-en')).readme).toBe('Ask a mentor.\n');
  });

  it('cleans again what a pull stored between the read and the write', async () => {
    await insert({ slug: 'raced', readme_raw: 'Old text\n' });
    let pulls = 0;
    const result = await clean('raced', (em) =>
      interceptUpdates(em, async () => {
        if (pulls++ > 0) return;
        await sql(
          "update asset set readme_raw = 'New text\n', version = version + 1 where slug = 'raced'",
        );
      }),
    );
    expect(result.outcome).toBe('OK');
    expect((await asset('raced')).readme).toBe('New text\n');
    expect(await events('raced')).toHaveLength(1);
    expect(lines.map((line) => line.msg)).toContain(
      'asset changed while it was cleaned; cleaning it again',
    );
  });

  it('gives up when the asset changes again, writing nothing over the newer pull', async () => {
    await insert({ slug: 'busy', readme_raw: 'Text 0\n', readme: 'Stored\n' });
    let pulls = 0;
    const result = await clean('busy', (em) =>
      interceptUpdates(em, async () => {
        pulls++;
        await sql(
          `update asset set readme_raw = 'Text ${pulls}\n', version = version + 1 ` +
            "where slug = 'busy'",
        );
      }),
    );
    expect(result).toEqual({
      outcome: 'SKIPPED',
      detail: 'the asset changed again while it was cleaned; left for the next clean',
    });
    expect(await asset('busy')).toMatchObject({
      readme_raw: 'Text 2\n',
      readme: 'Stored\n',
      cleaning_status: null,
    });
    expect(await events('busy')).toEqual([]);
    expect(lines.find((line) => line.msg === 'clean given up')).toMatchObject({ level: 50 });
  });

  it('skips an asset that no longer exists, with a debug line that says why', async () => {
    expect(await clean('gone')).toEqual({
      outcome: 'SKIPPED',
      detail: 'the asset no longer exists',
    });
    expect(lines).toMatchObject([
      { level: 20, slug: 'gone', reason: 'the asset no longer exists', msg: 'clean skipped' },
    ]);
  });

  it('skips an asset that was never pulled and leaves it as it is', async () => {
    await insert({ slug: 'never-pulled', readme_raw: null });
    expect(await clean('never-pulled')).toEqual({
      outcome: 'SKIPPED',
      detail: 'the asset has no readme_raw (never pulled)',
    });
    expect(await asset('never-pulled')).toMatchObject({ cleaning_status: null, version: 1 });
    expect(await events('never-pulled')).toEqual([]);
  });
});

/**
 * `em` whose statements sent through `getConnection()` (the clean's one write) first run
 * `before` (another writer, on its own connection).
 */
function interceptUpdates(em: EntityManager, before: () => Promise<void>): EntityManager {
  return new Proxy(em, {
    get(target, property) {
      if (property === 'getConnection') {
        return () => {
          const connection = target.getConnection();
          return new Proxy(connection, {
            get(conn, name) {
              const value = Reflect.get(conn, name, conn);
              if (name !== 'execute') return typeof value === 'function' ? value.bind(conn) : value;
              return async (...args: Parameters<typeof connection.execute>) => {
                await before();
                return connection.execute(...args);
              };
            },
          });
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
