import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Standin } from '../../../src/standin/standin-types.js';
import { startStandin } from '../../../src/standin/start-standin.js';
import { readJson } from '../../support/read-json.js';

const TOKEN = 'ghp_contents';
const README = '# Sample\n\nSome text that is long enough to need two lines of base64 output.\n';

describe('stand-in repositories and contents', () => {
  let standin: Standin;
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${standin.url}${path}`, { headers: { authorization: `token ${TOKEN}`, ...headers } });

  beforeAll(async () => {
    standin = await startStandin({
      root: 'sample/repos',
      repos: [
        {
          owner: 'Acme',
          name: 'Docs',
          defaultBranch: 'trunk',
          files: { trunk: { 'README.md': README, 'guides/setup.md': 'setup', 'big.bin': '' } },
        },
        { owner: 'acme', name: 'secret', private: true, files: { main: { 'a.md': 'x' } } },
      ],
    });
    standin.addToken(TOKEN, { login: 'someone' });
    standin.addToken('ghp_insider', { installationFor: ['acme/secret'] });
  });
  afterAll(async () => {
    await standin.close();
  });
  beforeEach(() => standin.resetCounters());

  it('describes a repository with its default branch and visibility', async () => {
    const response = await get('/repos/acme/docs');
    expect(response.status).toBe(200);
    expect(await readJson(response)).toMatchObject({
      full_name: 'Acme/Docs',
      default_branch: 'trunk',
      private: false,
      visibility: 'public',
      archived: false,
    });
  });

  it('answers 404 for an unknown repository and a private one it may not see', async () => {
    for (const path of ['/repos/acme/nothing', '/repos/acme/secret']) {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(await readJson(response)).toMatchObject({
        message: 'Not Found',
        documentation_url: expect.stringContaining('docs.github.com'),
      });
    }
    const insider = await fetch(`${standin.url}/repos/acme/secret`, {
      headers: { authorization: 'token ghp_insider' },
    });
    expect(insider.status).toBe(200);
  });

  it('serves a file as JSON with its git blob SHA and base64 in 60-column lines', async () => {
    const response = await get('/repos/acme/docs/contents/README.md?ref=trunk');
    const body = await readJson(response);
    const gitSha = execFileSync('git', ['hash-object', '--stdin'], { input: README })
      .toString()
      .trim();

    expect(body).toMatchObject({ type: 'file', name: 'README.md', path: 'README.md' });
    expect(body.sha).toBe(gitSha);
    expect(body.size).toBe(Buffer.byteLength(README));
    expect(body.encoding).toBe('base64');
    const lines = body.content.split('\n');
    expect(lines[0]).toHaveLength(60);
    expect(lines.at(-1)).toBe('');
    expect(Buffer.from(body.content, 'base64').toString()).toBe(README);
  });

  it('serves the default branch when no ref is given, and 404 for an unknown ref', async () => {
    expect((await get('/repos/acme/docs/contents/guides/setup.md')).status).toBe(200);
    const unknown = await get('/repos/acme/docs/contents/README.md?ref=nope');
    expect(unknown.status).toBe(404);
    expect((await readJson(unknown)).message).toBe('No commit found for the ref nope');
  });

  it('serves the raw bytes with the raw media type', async () => {
    const response = await get('/repos/acme/docs/contents/guides%2Fsetup.md?ref=trunk', {
      accept: 'application/vnd.github.raw+json',
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('setup');
  });

  it('leaves content empty with encoding none for a file of 1 MB or more', async () => {
    standin.addFile('acme', 'docs', 'trunk', 'big.bin', Buffer.alloc(1024 * 1024, 'a'));
    const body = await readJson(await get('/repos/acme/docs/contents/big.bin?ref=trunk'));
    expect(body).toMatchObject({ content: '', encoding: 'none', size: 1024 * 1024 });
  });

  it('lists a folder as an array of entries', async () => {
    const body = await readJson(await get('/repos/acme/docs/contents/?ref=trunk'));
    expect(body.map((entry: { name: string; type: string }) => [entry.name, entry.type])).toEqual([
      ['big.bin', 'file'],
      ['guides', 'dir'],
      ['README.md', 'file'],
    ]);
  });

  it('answers a matching If-None-Match with an empty 304 that costs no point', async () => {
    const first = await get('/repos/acme/docs/contents/README.md?ref=trunk');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/".+"$/);
    const remaining = Number(first.headers.get('x-ratelimit-remaining'));

    const again = await get('/repos/acme/docs/contents/README.md?ref=trunk', {
      'if-none-match': etag,
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(Number(again.headers.get('x-ratelimit-remaining'))).toBe(remaining);
    expect(standin.counters(TOKEN)).toMatchObject({ primaryPoints: 1, notModified: 1 });
  });

  it('gives another token another ETag, and a changed file a new one', async () => {
    const path = '/repos/acme/docs/contents/README.md?ref=trunk';
    const mine = (await get(path)).headers.get('etag');
    standin.addToken('ghp_other');
    const theirs = (
      await fetch(`${standin.url}${path}`, {
        headers: { authorization: 'token ghp_other' },
      })
    ).headers.get('etag');
    expect(theirs).not.toBe(mine);

    standin.addFile('acme', 'docs', 'trunk', 'README.md', `${README}more\n`);
    const changed = await get(path, { 'if-none-match': mine! });
    expect(changed.status).toBe(200);
    standin.addFile('acme', 'docs', 'trunk', 'README.md', README);
  });

  it('charges a 304 to an anonymous caller', async () => {
    const path = '/repos/acme/docs/contents/README.md?ref=trunk';
    const etag = (await fetch(`${standin.url}${path}`)).headers.get('etag')!;
    const again = await fetch(`${standin.url}${path}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(standin.counters('')).toMatchObject({ primaryPoints: 2, notModified: 1 });
  });

  it('serves the repositories of a root folder', async () => {
    const response = await get(
      '/repos/learn-academy/projects/contents/todo-list/learn.json?ref=main',
      { accept: 'application/vnd.github.raw' },
    );
    expect(response.status).toBe(200);
    expect(JSON.parse(await response.text())).toMatchObject({ slug: 'todo-list' });
  });

  it('stops serving a removed file', async () => {
    standin.addFile('acme', 'docs', 'trunk', 'tmp.md', 'x');
    standin.removeFile('acme', 'docs', 'trunk', 'tmp.md');
    expect((await get('/repos/acme/docs/contents/tmp.md?ref=trunk')).status).toBe(404);
  });
});
