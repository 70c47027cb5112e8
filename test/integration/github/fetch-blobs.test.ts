import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FetchRequest, fetchBlobs } from '../../../src/shared/github/fetch-blobs.js';
import type { RawCache, RawFile } from '../../../src/shared/github/fetch-raw-file.js';
import { gitBlobSha } from '../../../src/shared/github/git-blob-sha.js';
import { createGithubClient, type GithubClient } from '../../../src/shared/github/github-client.js';
import { RateBudgets } from '../../../src/shared/github/rate-budget.js';
import type { Standin } from '../../../src/standin/standin-types.js';
import { startStandin } from '../../../src/standin/start-standin.js';

const TOKEN = 'ghp_fetch_blobs';
const LONG = `# Long\n${'é'.repeat(100)}\n`;
const INVALID = Buffer.from([0x23, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]);
const sha = (text: string | Buffer) => gitBlobSha(Buffer.from(text));

describe('fetchBlobs against the stand-in', () => {
  let standin: Standin;
  let client: GithubClient;
  const at = { owner: 'acme', repo: 'docs', ref: 'main' };
  const blob = (id: string, path: string, extra: Partial<FetchRequest> = {}): FetchRequest => ({
    id,
    ...at,
    path,
    wantText: true,
    ...extra,
  });

  beforeAll(async () => {
    standin = await startStandin({
      graphqlTextLimit: 64,
      repos: [
        {
          owner: 'acme',
          name: 'docs',
          files: {
            main: {
              'a.md': '# A\n',
              'b.md': '# B\n',
              'long.md': LONG,
              'latin1.md': INVALID,
              'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
              'p/README.md': '# P\n',
              'p/README.es.md': '# P es\n',
              'p/.learn/learn.json': '{}',
            },
          },
        },
      ],
    });
    standin.addToken(TOKEN);
    client = createGithubClient({ baseUrl: standin.url, token: TOKEN, budgets: new RateBudgets() });
  });
  afterAll(async () => {
    await standin.close();
  });
  beforeEach(() => standin.resetCounters());

  it('reads text with its SHA in one GraphQL query', async () => {
    const results = await fetchBlobs(client, [blob('a', 'a.md'), blob('b', 'b.md')]);
    expect(results.get('a')).toEqual({
      status: 'ok',
      sha: sha('# A\n'),
      text: '# A\n',
      byteSize: 4,
    });
    expect(results.get('b')).toMatchObject({ status: 'ok', text: '# B\n' });
    expect(standin.counters(TOKEN)).toMatchObject({
      requests: 1,
      graphqlPoints: 1,
      primaryPoints: 0,
    });
  });

  it('reports unchanged files without their text, at no REST cost', async () => {
    const results = await fetchBlobs(client, [
      blob('a', 'a.md', { knownSha: sha('# A\n') }),
      blob('b', 'b.md', { knownSha: sha('# B\n') }),
    ]);
    expect(results.get('a')).toEqual({ status: 'unchanged', sha: sha('# A\n') });
    expect(results.get('b')).toEqual({ status: 'unchanged', sha: sha('# B\n') });
    expect(standin.counters(TOKEN)).toMatchObject({ graphqlPoints: 1, primaryPoints: 0 });
  });

  it('reads the text of a file whose SHA changed in a second query', async () => {
    const results = await fetchBlobs(client, [
      blob('a', 'a.md', { knownSha: 'f'.repeat(40) }),
      blob('b', 'b.md', { knownSha: sha('# B\n') }),
    ]);
    expect(results.get('a')).toMatchObject({ status: 'ok', text: '# A\n' });
    expect(results.get('b')).toMatchObject({ status: 'unchanged' });
    expect(standin.counters(TOKEN)).toMatchObject({ requests: 2, graphqlPoints: 2 });
  });

  it('learns only the SHA when no text is wanted', async () => {
    const results = await fetchBlobs(client, [blob('a', 'a.md', { wantText: false })]);
    expect(results.get('a')).toEqual({ status: 'ok', sha: sha('# A\n'), text: null, byteSize: 4 });
  });

  it('reports binary files, missing files and missing repositories', async () => {
    const results = await fetchBlobs(client, [
      blob('png', 'logo.png'),
      blob('missing', 'nope.md'),
      blob('folder', 'p'),
      { id: 'ghost', owner: 'acme', repo: 'ghost', ref: 'main', path: 'a.md', wantText: true },
      blob('badref', 'a.md', { ref: 'no-such-branch' }),
    ]);
    expect(results.get('png')).toEqual({ status: 'binary', sha: expect.any(String) });
    expect(results.get('missing')).toEqual({ status: 'not-found' });
    expect(results.get('folder')).toEqual({ status: 'not-found' });
    expect(results.get('ghost')).toEqual({ status: 'repo-not-found' });
    expect(results.get('badref')).toEqual({ status: 'not-found' });
    expect(standin.counters(TOKEN).requests).toBe(1);
  });

  it('falls back to REST raw bytes for truncated text', async () => {
    const results = await fetchBlobs(client, [blob('long', 'long.md')]);
    expect(results.get('long')).toEqual({
      status: 'ok',
      sha: sha(LONG),
      text: LONG,
      byteSize: Buffer.byteLength(LONG),
    });
    expect(standin.counters(TOKEN)).toMatchObject({ graphqlPoints: 1, primaryPoints: 1 });
  });

  it('re-reads a truncated file conditionally when its ETag is cached', async () => {
    const entries = new Map<string, RawFile>();
    const rawCache: RawCache = {
      get: (k) => entries.get(k),
      set: (k, v) => void entries.set(k, v),
    };
    await fetchBlobs(client, [blob('long', 'long.md')], { rawCache });
    const again = await fetchBlobs(client, [blob('long', 'long.md')], { rawCache });
    expect(again.get('long')).toMatchObject({ status: 'ok', text: LONG });
    expect(standin.counters(TOKEN)).toMatchObject({ primaryPoints: 1, notModified: 1 });
  });

  it('reports invalid UTF-8 after checking the raw bytes strictly', async () => {
    const results = await fetchBlobs(client, [blob('latin1', 'latin1.md')]);
    expect(results.get('latin1')).toEqual({ status: 'invalid-utf8', sha: sha(INVALID) });
  });

  it('lists folders in the same query as files', async () => {
    const results = await fetchBlobs(client, [
      { id: 'tree', kind: 'tree', ...at, path: 'p' },
      { id: 'learn', kind: 'tree', ...at, path: 'p/.learn' },
      { id: 'none', kind: 'tree', ...at, path: 'q' },
      blob('readme', 'p/README.md'),
    ]);
    const names = (id: string) => {
      const result = results.get(id);
      return result?.status === 'tree' ? result.entries.map((e) => `${e.type}:${e.name}`) : result;
    };
    expect(names('tree')).toEqual(['tree:.learn', 'blob:README.es.md', 'blob:README.md']);
    expect(names('learn')).toEqual(['blob:learn.json']);
    expect(results.get('none')).toEqual({ status: 'not-found' });
    expect(results.get('readme')).toMatchObject({ status: 'ok', text: '# P\n' });
    expect(standin.counters(TOKEN).requests).toBe(1);
  });

  it('returns results in the order of the requests', async () => {
    const results = await fetchBlobs(client, [
      blob('z', 'b.md', { knownSha: 'f'.repeat(40) }),
      blob('y', 'a.md'),
    ]);
    expect([...results.keys()]).toEqual(['z', 'y']);
  });

  it('costs one GraphQL point per 50 unchanged files on a warm sweep', async () => {
    const requests = Array.from({ length: 120 }, (_, i) =>
      blob(`a${i}`, i % 2 ? 'a.md' : 'b.md', { knownSha: i % 2 ? sha('# A\n') : sha('# B\n') }),
    );
    const results = await fetchBlobs(client, requests);
    expect([...results.values()].every((r) => r.status === 'unchanged')).toBe(true);
    expect(standin.counters(TOKEN)).toMatchObject({ graphqlPoints: 3, primaryPoints: 0 });
  });
});
