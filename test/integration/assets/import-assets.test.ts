import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ImportValidationError, importAssets } from '../../../src/shared/assets/import-assets.js';
import { ImportSyntaxError } from '../../../src/shared/assets/read-records.js';
import { setOwnerToken } from '../../../src/shared/assets/set-owner-token.js';
import { decryptToken, TokenCipherError } from '../../../src/shared/crypto/token-cipher.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

const KEY = 'a'.repeat(64);

describe('importAssets', () => {
  let db: TestDatabase;
  const rows = (sql: string) => db.orm.em.fork().getConnection().execute(sql);

  beforeAll(async () => {
    db = await createTestDatabase('import');
  });
  afterAll(() => db.drop());
  beforeEach(() => rows('truncate asset, owner cascade'));

  it('imports a JSON array, parsing readme_url into indexed columns', async () => {
    const result = await importAssets(
      db.orm.em.fork(),
      JSON.stringify([
        {
          slug: 'intro-to-git',
          asset_type: 'lesson',
          lang: 'us',
          title: 'Intro to Git',
          readme_url: 'https://github.com/Learn-Academy/Lessons/blob/main/git/intro.md',
          owner: 'OctoCat',
        },
      ]),
    );
    expect(result).toMatchObject({ created: 1, updated: 0, warnings: [] });
    const [asset] = await rows(
      `select a.*, o.username from asset a join owner o on o.id = a.owner_id`,
    );
    expect(asset).toMatchObject({
      slug: 'intro-to-git',
      asset_type: 'LESSON',
      lang: 'en',
      status: 'NOT_STARTED',
      repo_owner: 'learn-academy',
      repo_name: 'lessons',
      repo_ref: 'main',
      repo_path: 'git/intro.md',
      username: 'octocat',
      sync_status: null,
    });
  });

  it('imports JSON lines and updates existing assets by slug', async () => {
    const em = db.orm.em.fork();
    await importAssets(em, '{"slug":"a","asset_type":"QUIZ","lang":"es"}\n');
    const result = await importAssets(
      db.orm.em.fork(),
      '{"slug":"a","asset_type":"QUIZ","lang":"es","title":"Quiz A","status":"published"}\n\n' +
        '{"slug":"b","asset_type":"PROJECT","lang":"en"}\n',
    );
    expect(result).toMatchObject({ created: 1, updated: 1 });
    expect(await rows('select slug, title, status from asset order by slug')).toEqual([
      { slug: 'a', title: 'Quiz A', status: 'PUBLISHED' },
      { slug: 'b', title: null, status: 'NOT_STARTED' },
    ]);
  });

  it('reports every bad record with its line and field, and applies nothing', async () => {
    const text = [
      '[',
      '  {"slug": "good", "asset_type": "LESSON", "lang": "en"},',
      '  {"slug": "bad type", "asset_type": "POEM", "lang": "en"},',
      '  {',
      '    "slug": "typo",',
      '    "asset_type": "LESSON",',
      '    "lang": "english",',
      '    "readme_ur": "x"',
      '  },',
      '  {"slug": "good", "asset_type": "LESSON", "lang": "en"}',
      ']',
    ].join('\n');
    const error = await importAssets(db.orm.em.fork(), text).catch((e) => e);

    expect(error).toBeInstanceOf(ImportValidationError);
    const problems = (error as ImportValidationError).problems.map((p) => `${p.line}:${p.field}`);
    expect(problems).toEqual(['3:slug', '3:asset_type', '4:lang', '4:fields', '10:slug']);
    expect((error as Error).message).toContain("unknown asset type 'POEM'; allowed: PROJECT");
    expect(await rows('select * from asset')).toEqual([]);
  });

  it('points at the line of a JSON syntax error', async () => {
    const error = await importAssets(
      db.orm.em.fork(),
      '{"slug":"a","asset_type":"LESSON","lang":"en"}\n{"slug": oops}\n',
    ).catch((e) => e);
    expect(error).toBeInstanceOf(ImportSyntaxError);
    expect((error as ImportSyntaxError).line).toBe(2);
  });

  it('keeps an asset whose readme_url is not a GitHub file URL, with a warning', async () => {
    const result = await importAssets(
      db.orm.em.fork(),
      '{"slug":"x","asset_type":"LESSON","lang":"en","readme_url":"https://gitlab.com/a/b"}',
    );
    expect(result.warnings).toEqual([
      { line: 1, slug: 'x', field: 'readme_url', message: 'not a GitHub URL' },
    ]);
    expect(await rows('select readme_url, repo_owner from asset')).toEqual([
      { readme_url: 'https://gitlab.com/a/b', repo_owner: null },
    ]);
  });

  it('forgets the blob SHA when a re-import moves the file', async () => {
    await importAssets(
      db.orm.em.fork(),
      '{"slug":"m","asset_type":"LESSON","lang":"en",' +
        '"readme_url":"https://github.com/a/b/blob/main/x.md"}',
    );
    await rows(`update asset set blob_sha = '${'f'.repeat(40)}'`);
    await importAssets(
      db.orm.em.fork(),
      '{"slug":"m","asset_type":"LESSON","lang":"en",' +
        '"readme_url":"https://github.com/a/b/blob/main/y.md"}',
    );
    expect(await rows('select blob_sha, repo_path from asset')).toEqual([
      { blob_sha: null, repo_path: 'y.md' },
    ]);
  });
});

describe('setOwnerToken', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('owners');
  });
  afterAll(() => db.drop());

  it('never stores the token in clear, and it decrypts back with the key', async () => {
    const token = 'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB';
    await setOwnerToken(db.orm.em.fork(), 'OctoCat', token, KEY);
    const [row] = await db.orm.em
      .fork()
      .getConnection()
      .execute('select * from owner where username = ?', ['octocat']);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.token_ciphertext).toMatch(/^v1:/);
    expect(decryptToken(row.token_ciphertext, KEY)).toBe(token);
  });

  it('refuses to store a token when no secret key is configured', async () => {
    await expect(setOwnerToken(db.orm.em.fork(), 'someone', 'ghp_x', undefined)).rejects.toThrow(
      TokenCipherError,
    );
    const rows = await db.orm.em
      .fork()
      .getConnection()
      .execute('select * from owner where username = ?', ['someone']);
    expect(rows).toEqual([]);
  });
});
