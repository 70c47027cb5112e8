import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGithubClient } from '../../../src/shared/github/github-client.js';
import { GithubError, RateLimitedError } from '../../../src/shared/github/github-error.js';
import { RateBudgets } from '../../../src/shared/github/rate-budget.js';
import type { Standin } from '../../../src/standin/standin-types.js';
import { startStandin } from '../../../src/standin/start-standin.js';

const REPO = { owner: 'acme', repo: 'docs' };

describe('GitHub client against the stand-in', () => {
  let standin: Standin;
  let now = Date.parse('2026-03-01T10:00:00Z');
  let tokens = 0;
  const clock = () => now;

  /** A fresh token with its own budget, and a client factory sharing one RateBudgets. */
  const credential = (budget?: number) => {
    tokens += 1;
    const token = `ghp_client_${tokens}`;
    standin.addToken(token, { budget });
    const budgets = new RateBudgets();
    const client = () =>
      createGithubClient({ baseUrl: standin.url, token, budgets, now: clock, retryBaseMs: 5 });
    return { token, budgets, client };
  };
  const readRepo = (client: ReturnType<typeof createGithubClient>) =>
    client.request('GET /repos/{owner}/{repo}', REPO);
  const caught = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      return error;
    }
    throw new Error('expected the call to fail');
  };

  beforeAll(async () => {
    standin = await startStandin({
      repos: [{ owner: 'acme', name: 'docs', files: { main: { 'README.md': '# Docs\n' } } }],
    });
    standin.setClock(clock);
  });
  afterAll(async () => {
    await standin.close();
  });

  it('keys budgets by a hash of the token, never the token itself', () => {
    const { token, client } = credential();
    expect(client().key).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(client().key).not.toContain(token);
  });

  it('shares one budget across concurrent calls of clients of the same credential', async () => {
    const { token, client } = credential(5);
    await readRepo(client());
    const [a, b] = [client(), client()];
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => readRepo(i % 2 ? a : b)),
    );

    const sent = outcomes.filter((o) => o.status === 'fulfilled');
    const held = outcomes.filter(
      (o) => o.status === 'rejected' && o.reason instanceof RateLimitedError && !o.reason.sent,
    );
    expect(sent).toHaveLength(4);
    expect(held).toHaveLength(6);
    expect(standin.counters(token)).toMatchObject({ requests: 5, limited: 0, sentWhileLimited: 0 });
  });

  it('throws RateLimitedError without sending into a known exhausted budget', async () => {
    const { token, client } = credential();
    standin.faults.exhaust(token);
    const first = await caught(readRepo(client()));
    expect(first).toBeInstanceOf(RateLimitedError);
    expect(first).toMatchObject({
      sent: true,
      status: 403,
      resource: 'core',
      kind: 'rate-limited',
    });
    const { resetAt } = first as RateLimitedError;
    expect(resetAt.getTime()).toBeGreaterThan(now);

    const second = await caught(readRepo(client()));
    expect(second).toMatchObject({ sent: false, owner: 'acme', repo: 'docs' });
    expect((second as RateLimitedError).resetAt.getTime()).toBe(resetAt.getTime());
    expect((second as RateLimitedError).retryAfterMs).toBe(resetAt.getTime() - now);
    expect(standin.counters(token)).toMatchObject({ requests: 1, sentWhileLimited: 0 });
  });

  it('sends again once the reset time has passed', async () => {
    const { token, client } = credential(1);
    await readRepo(client());
    expect(await caught(readRepo(client()))).toMatchObject({ sent: false });
    now += 3_600_000 + 1000;
    expect((await readRepo(client())).status).toBe(200);
    expect(standin.counters(token).sentWhileLimited).toBe(0);
  });

  it('waits out a secondary limit for its retry-after', async () => {
    const { token, client } = credential();
    standin.faults.secondaryLimit(token, 30);
    const first = await caught(readRepo(client()));
    expect(first).toMatchObject({ secondary: true, sent: true, retryAfterMs: 30_000 });
    expect(await caught(readRepo(client()))).toMatchObject({ secondary: true, sent: false });
    now += 31_000;
    expect((await readRepo(client())).status).toBe(200);
    expect(standin.counters(token)).toMatchObject({ requests: 2, sentWhileLimited: 0 });
  });

  it('retries a 502, warning with the delay, and returns the answer that follows', async () => {
    const { token, budgets } = credential();
    const lines: { level: number; msg: string; delayMs?: number }[] = [];
    const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const client = createGithubClient({
      baseUrl: standin.url,
      token,
      budgets,
      log,
      retryBaseMs: 5,
    });
    standin.faults.failNext(2, 502, '/repos/acme/docs');

    const response = await readRepo(client);
    expect(response.status).toBe(200);
    expect(standin.counters(token).requests).toBe(3);
    const warnings = lines.filter((line) => line.level === 40);
    expect(warnings.map((line) => line.delayMs)).toEqual([5, 20]);
    expect(JSON.stringify(lines)).not.toContain(token);
  });

  it('gives up after the bounded retries with a server error', async () => {
    const { token, client } = credential();
    standin.faults.failNext(4, 503, '/repos/acme/docs');
    const error = await caught(readRepo(client()));
    expect(error).toBeInstanceOf(GithubError);
    expect(error).toMatchObject({ kind: 'server', status: 503, owner: 'acme', repo: 'docs' });
    expect(standin.counters(token).requests).toBe(4);
  });

  it('retries a reset connection, and reports a network failure when it persists', async () => {
    const { client } = credential();
    standin.faults.resetNext(1, '/repos/acme/docs');
    expect((await readRepo(client())).status).toBe(200);
    standin.faults.resetNext(4, '/repos/acme/docs');
    expect(await caught(readRepo(client()))).toMatchObject({ kind: 'network', status: null });
  });

  it('maps 404 and 401 to typed errors naming the target', async () => {
    const { client } = credential();
    const missing = await caught(
      client().request('GET /repos/{owner}/{repo}/contents/{path}', {
        ...REPO,
        path: 'nope.md',
        ref: 'main',
      }),
    );
    expect(missing).toMatchObject({ kind: 'not-found', status: 404, path: 'nope.md' });
    expect((missing as Error).message).toContain('acme/docs nope.md');

    const stranger = createGithubClient({
      baseUrl: standin.url,
      token: 'ghp_unknown',
      budgets: new RateBudgets(),
    });
    expect(await caught(readRepo(stranger))).toMatchObject({
      kind: 'bad-credentials',
      status: 401,
    });
  });

  it('returns a 304 as a status with the ETag', async () => {
    const { client } = credential();
    const route = 'GET /repos/{owner}/{repo}/contents/{path}';
    const params = { ...REPO, path: 'README.md', ref: 'main' };
    const first = await client().request(route, params);
    const again = await client().request(route, params, {
      headers: { 'if-none-match': first.headers.etag },
    });
    expect(again.status).toBe(304);
    expect(again.headers.etag).toBe(first.headers.etag);
  });

  it('reads raw contents as bytes', async () => {
    const { client } = credential();
    const response = await client().request<Uint8Array>(
      'GET /repos/{owner}/{repo}/contents/{path}',
      { ...REPO, path: 'README.md', ref: 'main' },
      { headers: { accept: 'application/vnd.github.raw+json' }, bytes: true },
    );
    expect(Buffer.from(response.data).toString()).toBe('# Docs\n');
  });

  it('returns GraphQL data with its cost', async () => {
    const { client } = credential();
    const result = await client().graphql<{ repository: { nameWithOwner: string } }>(
      `query($n: String!) {
        repository(owner: "acme", name: $n) { nameWithOwner }
        rateLimit { cost } }`,
      { n: 'docs' },
    );
    expect(result.data.repository.nameWithOwner).toBe('acme/docs');
    expect(result.cost).toBe(1);
  });

  it('refuses a GraphQL query GitHub cannot run as a permanent error', async () => {
    const { client } = credential();
    const error = await caught(
      client().graphql('{ repository(owner: "acme", name: "docs") { x } }'),
    );
    expect(error).toBeInstanceOf(GithubError);
    expect(error).toMatchObject({ kind: 'forbidden', status: 200 });
    expect((error as Error).message).toContain("Field 'x' doesn't exist");
  });

  it('turns a GraphQL RATE_LIMITED answer into RateLimitedError, holding the next', async () => {
    const { token, client } = credential();
    standin.faults.exhaust(token, 'graphql');
    const first = await caught(client().graphql('{ rateLimit { cost } }'));
    expect(first).toMatchObject({ resource: 'graphql', sent: true, status: 200 });
    expect(await caught(client().graphql('{ rateLimit { cost } }'))).toMatchObject({ sent: false });
    // The core budget is a different one.
    expect((await readRepo(client())).status).toBe(200);
    expect(standin.counters(token)).toMatchObject({ requests: 2, sentWhileLimited: 0 });
  });
});
