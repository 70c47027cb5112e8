import { randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createJobPublisher } from '../src/shared/broker/job-publisher.js';
import { openOrm } from '../src/shared/db/open-orm.js';
import { benchResources } from './support/bench-resources.js';
import { type BenchResult, median, result } from './support/bench-result.js';
import { startBenchApp } from './support/start-bench-app.js';
import {
  type Delivery,
  sendDelivery,
  signBody,
  signedDelivery,
  webhookUrl,
} from './support/webhook-delivery.js';

const ASSETS = 1_000;
const REPOS = 50;
const DELIVERIES = 500;
const CONCURRENCY = 20;
const RUNS = 3;
/** Assets one large push touches, all in the repository `bench-org/large`. */
const LARGE_PUSH = 500;
/** A signed push to `bench-org/<repo>` modifying `modified` on main. */
function pushDelivery(repo: string, modified: string[]): Delivery {
  const after = randomUUID().replace(/-/g, '').padEnd(40, '0');
  return signedDelivery({
    ref: 'refs/heads/main',
    before: '1'.repeat(40),
    after,
    created: false,
    deleted: false,
    forced: false,
    repository: { name: repo, full_name: `bench-org/${repo}`, owner: { login: 'bench-org' } },
    installation: { id: 1 },
    commits: [{ id: after, distinct: true, added: [], removed: [], modified }],
  });
}

/** DELIVERIES pushes, each to one repository and touching 1-3 of its lessons. */
function burstDeliveries(seed: number): Delivery[] {
  const perRepo = ASSETS / REPOS;
  return Array.from({ length: DELIVERIES }, (_, i) => {
    const repo = (i * 7 + seed) % REPOS;
    const modified = Array.from(
      { length: 1 + ((i + seed) % 3) },
      (_, k) => `lessons/lesson-${repo * perRepo + ((i + k * 5) % perRepo)}.md`,
    );
    return pushDelivery(`repo-${repo}`, modified);
  });
}

/** Sends `deliveries` with CONCURRENCY in flight: deliveries per second and p99 in ms. */
async function burst(url: string, deliveries: Delivery[]) {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < deliveries.length) times.push(await sendDelivery(url, deliveries[next++]));
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    perSecond: deliveries.length / seconds,
    p99Ms: times[Math.ceil(times.length * 0.99) - 1],
  };
}

/** The least a webhook receiver does: read the body, check its HMAC, answer 200. */
async function startBareServer(): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const expected = Buffer.from(signBody(Buffer.concat(chunks).toString('utf8')));
      const given = Buffer.from(String(request.headers['x-hub-signature-256'] ?? ''));
      const ok = given.length === expected.length && timingSafeEqual(given, expected);
      response.writeHead(ok ? 200 : 400).end(ok ? 'ok\n' : 'bad signature\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: webhookUrl(`http://127.0.0.1:${port}`), server };
}

// Lessons `<prefix>-<n>` in repository `bench-org/<repo of n>` on main.
const SEED = `insert into asset (slug, asset_type, status, lang, readme_url, repo_owner, repo_name,
    repo_ref, repo_path, created_at, updated_at)
  select $1 || '-' || n, 'LESSON', 'PUBLISHED', 'en',
    'https://github.com/bench-org/' || r.repo || '/blob/main/lessons/' || $1 || '-' || n || '.md',
    'bench-org', r.repo, 'main', 'lessons/' || $1 || '-' || n || '.md', now(), now()
  from generate_series(0, $2 - 1) as n,
    lateral (select case when $3 > 0 then 'repo-' || (n / $3) else 'large' end as repo) as r`;

/**
 * Push webhook handling: a burst of signed push deliveries (each touching 1-3 of 1,000 assets
 * in 50 repositories) to the app server, against a bare server that only checks the HMAC; and
 * the response time of one push touching 500 assets.
 */
export default async function appBench(): Promise<BenchResult[]> {
  const resources = await benchResources('app');
  await resources.sql(SEED, ['lesson', ASSETS, ASSETS / REPOS]);
  await resources.sql(SEED, ['large', LARGE_PUSH, 0]);
  const orm = await openOrm(resources.url, { poolMax: 10 });
  const publisher = createJobPublisher(resources.connection, resources.topology);
  const app = await startBenchApp({
    orm,
    publisher,
    broker: resources.connection,
    githubApiUrl: 'http://127.0.0.1:9',
  });
  const bare = await startBareServer();
  const purge = () => resources.connection.queuePurge(resources.topology.pullWebhook);

  try {
    let seed = 0;
    const p99s = { app: [] as number[], bare: [] as number[] };
    const appRate = await median(RUNS, async () => {
      const figures = await burst(app.url, burstDeliveries(seed++));
      p99s.app.push(figures.p99Ms);
      await purge();
      return figures.perSecond;
    });
    const bareRate = await median(RUNS, async () => {
      const figures = await burst(bare.url, burstDeliveries(seed++));
      p99s.bare.push(figures.p99Ms);
      return figures.perSecond;
    });
    const [{ jobs }] = await resources.sql(
      'select sum(jobs_queued)::int as jobs from webhook_delivery',
    );
    const modified = Array.from({ length: LARGE_PUSH }, (_, n) => `lessons/large-${n}.md`);
    const largeMs = await median(RUNS, async () => {
      const ms = await sendDelivery(app.url, pushDelivery('large', modified));
      await purge();
      return ms;
    });

    const params = { assets: ASSETS, repositories: REPOS, deliveries: DELIVERIES, runs: RUNS };
    const burstParams = { ...params, concurrency: CONCURRENCY, jobsQueued: jobs };
    const baseline = (value: number) => ({ value, name: 'bare HMAC check' });
    const p99 = (figures: number[]) => median(figures.length, () => figures.pop()!);
    return [
      result(
        'app: push deliveries handled',
        appRate,
        'deliveries/s',
        baseline(bareRate),
        burstParams,
      ),
      result(
        'app: push delivery p99 response',
        await p99(p99s.app),
        'ms',
        baseline(await p99(p99s.bare)),
        burstParams,
      ),
      result(`app: one push touching ${LARGE_PUSH} assets`, largeMs, 'ms', null, {
        assets: LARGE_PUSH,
        runs: RUNS,
      }),
    ];
  } finally {
    await app.close();
    bare.server.closeAllConnections();
    await new Promise((resolve) => bare.server.close(resolve));
    await publisher.close();
    await orm.close(true);
    await resources.drop();
  }
}
