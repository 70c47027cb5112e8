import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Standin } from '../../../src/standin/standin-types.js';
import { startStandin } from '../../../src/standin/start-standin.js';
import { readJson } from '../../support/read-json.js';

describe('stand-in faults', () => {
  let standin: Standin;
  const get = (path: string) =>
    fetch(`${standin.url}${path}`, { headers: { authorization: 'token ghp_faults' } });

  beforeAll(async () => {
    standin = await startStandin({
      repos: [{ owner: 'acme', name: 'docs', files: { main: { 'a.md': 'x' } } }],
    });
    standin.addToken('ghp_faults');
  });
  afterAll(async () => {
    await standin.close();
  });

  it('answers the next matching requests with the injected status, uncharged', async () => {
    standin.resetCounters();
    standin.faults.failNext(2, 502, /\/contents\//);
    expect((await get('/repos/acme/docs')).status).toBe(200);
    expect((await get('/repos/acme/docs/contents/a.md')).status).toBe(502);
    expect((await get('/repos/acme/docs/contents/a.md')).status).toBe(502);
    expect((await get('/repos/acme/docs/contents/a.md')).status).toBe(200);
    expect(standin.counters('ghp_faults')).toMatchObject({ requests: 4, primaryPoints: 2 });
  });

  it('resets the connection of the next request', async () => {
    standin.faults.resetNext(1);
    await expect(get('/repos/acme/docs')).rejects.toThrow();
    expect((await get('/repos/acme/docs')).status).toBe(200);
  });

  it('holds answers back by the configured latency', async () => {
    standin.faults.latencyMs = 400;
    const answer = get('/repos/acme/docs').then((response) => response.status);
    const first = await Promise.race([answer, delay(20).then(() => 'still waiting')]);
    standin.faults.latencyMs = 0;
    expect(first).toBe('still waiting');
    expect(await answer).toBe(200);
  });

  it('answers an unknown route with 404 Not Found', async () => {
    const response = await get('/repos/acme/docs/pulls');
    expect(response.status).toBe(404);
    expect((await readJson(response)).message).toBe('Not Found');
  });
});

describe('stand-in accepting any token', () => {
  it('serves unknown tokens as users when asked to', async () => {
    const standin = await startStandin({
      acceptAnyToken: true,
      repos: [{ owner: 'acme', name: 'docs' }],
    });
    try {
      const response = await fetch(`${standin.url}/repos/acme/docs`, {
        headers: { authorization: 'token whatever' },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-ratelimit-limit')).toBe('5000');
    } finally {
      await standin.close();
    }
  });
});
