import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Standin } from '../../../src/standin/standin-types.js';
import { startStandin } from '../../../src/standin/start-standin.js';
import { readJson } from '../../support/read-json.js';

const T0 = Date.parse('2026-03-01T10:00:00Z');

describe('stand-in rate limits', () => {
  let standin: Standin;
  let now = T0;
  const get = (path: string, token: string | null) =>
    fetch(`${standin.url}${path}`, {
      headers: token ? { authorization: `token ${token}` } : {},
    });

  beforeAll(async () => {
    standin = await startStandin({
      budget: 3,
      repos: [{ owner: 'acme', name: 'docs', files: { main: { 'README.md': 'x' } } }],
    });
    standin.setClock(() => now);
  });
  afterAll(async () => {
    await standin.close();
  });
  beforeEach(() => {
    now += 2 * 3_600_000;
    standin.resetCounters();
  });

  it('sends the x-ratelimit headers on every answer', async () => {
    standin.addToken('ghp_headers');
    const response = await get('/repos/acme/docs', 'ghp_headers');
    expect(
      Object.fromEntries([...response.headers].filter(([k]) => k.startsWith('x-ratelimit'))),
    ).toEqual({
      'x-ratelimit-limit': '3',
      'x-ratelimit-remaining': '2',
      'x-ratelimit-used': '1',
      'x-ratelimit-reset': String(Math.ceil((now + 3_600_000) / 1000)),
      'x-ratelimit-resource': 'core',
    });
    const missing = await get('/repos/acme/ghost', 'ghp_headers');
    expect(missing.headers.get('x-ratelimit-remaining')).toBe('1');
  });

  it('refuses with 403 once the budget is spent, and serves again after the reset', async () => {
    standin.addToken('ghp_spend');
    for (let i = 0; i < 3; i += 1)
      expect((await get('/repos/acme/docs', 'ghp_spend')).status).toBe(200);

    const refused = await get('/repos/acme/docs', 'ghp_spend');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await readJson(refused)).message).toMatch(/^API rate limit exceeded/);
    // The third answer already said remaining 0: this request was sent into a known limit.
    expect(standin.counters('ghp_spend')).toMatchObject({ limited: 1, sentWhileLimited: 1 });

    now += 3_600_001;
    const after = await get('/repos/acme/docs', 'ghp_spend');
    expect(after.status).toBe(200);
    expect(after.headers.get('x-ratelimit-remaining')).toBe('2');
  });

  it('counts only requests sent after the client was told about an exhausted budget', async () => {
    standin.addToken('ghp_exhausted');
    standin.faults.exhaust('ghp_exhausted');
    expect((await get('/repos/acme/docs', 'ghp_exhausted')).status).toBe(403);
    expect(standin.counters('ghp_exhausted')).toMatchObject({ limited: 1, sentWhileLimited: 0 });
    await get('/repos/acme/docs', 'ghp_exhausted');
    expect(standin.counters('ghp_exhausted')).toMatchObject({ limited: 2, sentWhileLimited: 1 });
  });

  it('refuses with a secondary limit and retry-after, then lets requests through', async () => {
    standin.addToken('ghp_secondary');
    standin.faults.secondaryLimit('ghp_secondary', 30);
    const refused = await get('/repos/acme/docs', 'ghp_secondary');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect((await readJson(refused)).message).toContain('secondary rate limit');

    now += 10_000;
    expect((await get('/repos/acme/docs', 'ghp_secondary')).status).toBe(403);
    expect(standin.counters('ghp_secondary').sentWhileLimited).toBe(1);

    now += 21_000;
    expect((await get('/repos/acme/docs', 'ghp_secondary')).status).toBe(200);
  });

  it('answers 401 Bad credentials for an unknown token', async () => {
    const response = await get('/repos/acme/docs', 'ghp_unknown');
    expect(response.status).toBe(401);
    expect((await readJson(response)).message).toBe('Bad credentials');
    expect(response.headers.get('x-ratelimit-limit')).toBe('60');
  });

  it('gives anonymous callers 60 requests per IP', async () => {
    const response = await get('/repos/acme/docs', null);
    expect(response.headers.get('x-ratelimit-limit')).toBe('60');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('59');
  });

  it('does not charge /rate_limit and answers it even when the budget is spent', async () => {
    standin.addToken('ghp_rate');
    standin.faults.exhaust('ghp_rate');
    const response = await get('/rate_limit', 'ghp_rate');
    expect(response.status).toBe(200);
    const body = await readJson(response);
    expect(body.resources.core).toMatchObject({ limit: 3, remaining: 0 });
    expect(body.resources.graphql).toMatchObject({ limit: 3, remaining: 3 });
    expect(standin.counters('ghp_rate')).toMatchObject({ primaryPoints: 0, limited: 0 });
  });

  it('gives each token its own budget', async () => {
    standin.addToken('ghp_big', { budget: 100 });
    const response = await get('/repos/acme/docs', 'ghp_big');
    expect(response.headers.get('x-ratelimit-limit')).toBe('100');
  });
});
