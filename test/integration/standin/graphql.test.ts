import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Standin } from '../../../src/standin/standin-types.js';
import { startStandin } from '../../../src/standin/start-standin.js';
import { readJson } from '../../support/read-json.js';

const TOKEN = 'ghp_graphql';
const BLOB = '... on Blob { oid byteSize isBinary isTruncated text }';

describe('stand-in GraphQL', () => {
  let standin: Standin;
  const query = async (text: string, variables?: object, token: string | null = TOKEN) => {
    const response = await fetch(`${standin.url}/graphql`, {
      method: 'POST',
      headers: token ? { authorization: `bearer ${token}` } : {},
      body: JSON.stringify({ query: text, variables }),
    });
    return { response, body: await readJson(response) };
  };

  beforeAll(async () => {
    standin = await startStandin({
      graphqlTextLimit: 16,
      repos: [
        {
          owner: 'acme',
          name: 'docs',
          files: {
            main: {
              'README.md': '# Docs\n',
              'long.md': 'x'.repeat(40),
              'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]),
              'latin1.md': Buffer.from([0x63, 0x61, 0x66, 0xe9]),
              'p/learn.json': '{}',
              'p/.learn/bc.json': '{}',
            },
          },
        },
      ],
    });
    standin.addToken(TOKEN);
  });
  afterAll(async () => {
    await standin.close();
  });
  beforeEach(() => standin.resetCounters());

  it('answers aliased repository objects, with variables, for 1 point', async () => {
    const { response, body } = await query(
      `query($o: String!, $e: String!) {
        a: repository(owner: $o, name: "docs") {
          readme: object(expression: $e) { ${BLOB} }
          nothing: object(expression: "main:missing.md") { ${BLOB} }
        }
        rateLimit { cost remaining limit resetAt }
      }`,
      { o: 'acme', e: 'main:README.md' },
    );

    expect(body.errors).toBeUndefined();
    expect(body.data.a.readme).toEqual({
      oid: expect.stringMatching(/^[0-9a-f]{40}$/),
      byteSize: 7,
      isBinary: false,
      isTruncated: false,
      text: '# Docs\n',
    });
    expect(body.data.a.nothing).toBeNull();
    expect(body.data.rateLimit).toMatchObject({ cost: 1, remaining: 4999, limit: 5000 });
    expect(body.data.rateLimit.resetAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(response.headers.get('x-ratelimit-resource')).toBe('graphql');
    expect(response.headers.get('x-ratelimit-used')).toBe('1');
    expect(standin.counters(TOKEN)).toMatchObject({ graphqlPoints: 1, primaryPoints: 0 });
  });

  it('gives the same oid as the contents API', async () => {
    const { body } = await query(
      `{ r: repository(owner: "acme", name: "docs") {
          f: object(expression: "main:README.md") { ... on Blob { oid } } } }`,
    );
    const contents = await fetch(`${standin.url}/repos/acme/docs/contents/README.md`, {
      headers: { authorization: `token ${TOKEN}` },
    });
    expect(body.data.r.f.oid).toBe((await readJson(contents)).sha);
  });

  it('answers a missing repository with null and a NOT_FOUND error naming its alias', async () => {
    const { response, body } = await query(
      `{ ok: repository(owner: "acme", name: "docs") { nameWithOwner }
         gone: repository(owner: "acme", name: "ghost") {
           object(expression: "main:a") { ${BLOB} } } }`,
    );
    expect(response.status).toBe(200);
    expect(body.data).toEqual({ ok: { nameWithOwner: 'acme/docs' }, gone: null });
    expect(body.errors).toEqual([
      expect.objectContaining({
        type: 'NOT_FOUND',
        path: ['gone'],
        message: "Could not resolve to a Repository with the name 'acme/ghost'.",
      }),
    ]);
  });

  it('gives null text for a binary blob and truncates long text', async () => {
    const { body } = await query(
      `{ r: repository(owner: "acme", name: "docs") {
          bin: object(expression: "main:logo.png") { ${BLOB} }
          long: object(expression: "main:long.md") { ${BLOB} } } }`,
    );
    expect(body.data.r.bin).toMatchObject({ isBinary: true, text: null, byteSize: 7 });
    expect(body.data.r.long).toMatchObject({ isTruncated: true, byteSize: 40 });
    expect(body.data.r.long.text).toHaveLength(16);
  });

  it('replaces invalid UTF-8 in text with U+FFFD', async () => {
    const { body } = await query(
      `{ r: repository(owner: "acme", name: "docs") {
          f: object(expression: "main:latin1.md") { ${BLOB} } } }`,
    );
    expect(body.data.r.f).toMatchObject({ isBinary: false, text: 'caf\uFFFD' });
  });

  it('lists a folder with a Tree fragment, hidden folders included', async () => {
    const { body } = await query(
      `fragment T on Tree { entries { name type oid } }
       { r: repository(owner: "acme", name: "docs") {
          folder: object(expression: "main:p") { ...T }
          learn: object(expression: "main:p/.learn") { ...T }
          notTree: object(expression: "main:README.md") { ...T } } }`,
    );
    expect(body.data.r.folder.entries).toEqual([
      { name: '.learn', type: 'tree', oid: expect.stringMatching(/^[0-9a-f]{40}$/) },
      { name: 'learn.json', type: 'blob', oid: expect.stringMatching(/^[0-9a-f]{40}$/) },
    ]);
    expect(body.data.r.learn.entries).toEqual([expect.objectContaining({ name: 'bc.json' })]);
    expect(body.data.r.notTree).toEqual({});
  });

  it('refuses an unknown field like GitHub validation, without charging', async () => {
    const { body } = await query('{ repository(owner: "acme", name: "docs") { stars } }');
    expect(body.data).toBeUndefined();
    expect(body.errors[0].message).toBe("Field 'stars' doesn't exist on type 'Repository'");
    expect(standin.counters(TOKEN).graphqlPoints).toBe(0);
  });

  it('reports a syntax error with its location', async () => {
    const { body } = await query('{ repository(owner: "acme" { x } }');
    expect(body.errors[0].message).toMatch(/^Parse error/);
    expect(body.errors[0].locations[0]).toMatchObject({ line: 1 });
  });

  it('requires authentication', async () => {
    const { response } = await query('{ rateLimit { cost } }', undefined, null);
    expect(response.status).toBe(401);
  });

  it('answers an exhausted GraphQL budget with HTTP 200 and a RATE_LIMITED error', async () => {
    standin.addToken('ghp_spent');
    standin.faults.exhaust('ghp_spent', 'graphql');
    const { response, body } = await query('{ rateLimit { cost } }', undefined, 'ghp_spent');
    expect(response.status).toBe(200);
    expect(body.errors[0].type).toBe('RATE_LIMITED');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(response.headers.get('x-ratelimit-resource')).toBe('graphql');
  });
});
