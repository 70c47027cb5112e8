import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createJobPublisher, type JobPublisher } from '../src/shared/broker/job-publisher.js';
import type { Standin } from '../src/standin/standin-types.js';
import { startStandin } from '../src/standin/start-standin.js';
import { AMQP_URL, benchResources } from './support/bench-resources.js';
import { type BenchResult, median, result } from './support/bench-result.js';
import { type CorpusAsset, pullCorpus } from './support/pull-corpus.js';

// Pull-and-clean throughput of one `registry-sync worker` with its default settings, and the
// GitHub points it spends per asset cold (nothing pulled before) and warm (nothing changed),
// read from the stand-in's counters. The stand-in and the publisher run in this process, the
// worker in its own. The size can be lowered with BENCH_PULL_ASSETS=2000.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ASSETS = Number(process.env.BENCH_PULL_ASSETS ?? 10_000);
const REPOS = 50;
const TOKEN = 'ghp_bench_token';
const SWEEP_ID = '00000000-0000-4000-8000-00000000b0b0';
const GIVE_UP_MS = 15 * 60_000;

type Resources = Awaited<ReturnType<typeof benchResources>>;

export default async function pullBench(): Promise<BenchResult[]> {
  const resources = await benchResources('pull');
  const corpus = pullCorpus(ASSETS, REPOS);
  const standin = await startStandin({ repos: corpus.repositories });
  standin.addToken(TOKEN, { budget: 10_000_000 });
  const publisher = createJobPublisher(resources.connection, resources.topology);
  try {
    await seed(resources, corpus.rows);
    const params = { assets: ASSETS, repositories: REPOS, worker: 'registry-sync worker' };
    const cold = await timedSweep(resources, publisher, standin, corpus.rows, true);
    const warm = await timedSweep(resources, publisher, standin, corpus.rows, true);
    // Cold again, without the cleans: what the pull side alone costs.
    await resources.sql('update asset set blob_sha = null, config_blob_sha = null');
    const pullOnly = await timedSweep(resources, publisher, standin, corpus.rows, false);
    const bareRate = await median(3, () => bareUpdateRate(resources.url));
    const naive = corpus.rows.reduce((sum, row) => sum + row.files, 0) / ASSETS;
    const bare = { value: bareRate, name: 'bare PostgreSQL update loop' };
    const perFile = { value: naive, name: 'one request per file' };

    return [
      result('pull and clean, cold', cold.rate, 'assets/s', bare, params),
      result('pull, warm (nothing changed)', warm.rate, 'assets/s', bare, params),
      result('pull without clean, cold', pullOnly.rate, 'assets/s', bare, params),
      result('GitHub points per asset, cold', cold.points, 'points', perFile, {
        ...params,
        requests: cold.requests,
      }),
      result('GitHub points per asset, warm', warm.points, 'points', perFile, {
        ...params,
        requests: warm.requests,
      }),
    ];
  } finally {
    await publisher.close();
    await standin.close();
    await resources.drop();
  }
}

/**
 * Queues a pull (and clean, when `clean`) of every asset, then times a worker from its start
 * until every asset was pulled and every clean that followed a pull has run.
 */
async function timedSweep(
  resources: Resources,
  publisher: JobPublisher,
  standin: Standin,
  rows: CorpusAsset[],
  clean: boolean,
) {
  const [{ before }] = await resources.sql(
    'select coalesce(max(id), 0) as before from asset_event',
  );
  await publishAll(publisher, rows, clean);
  standin.resetCounters();
  const worker = await startWorkerProcess(resources, standin);
  let seconds: number;
  try {
    const started = performance.now();
    for (;;) {
      const [progress] = await resources.sql(
        `select count(distinct asset_id) filter (where kind = 'PULL')::int as pulled,
                count(*) filter (where kind = 'PULL' and outcome = 'OK' and $2::boolean)::int
                  as changed,
                count(*) filter (where kind = 'CLEAN')::int as cleaned
           from asset_event where id > $1`,
        [before, clean],
      );
      if (progress.pulled >= rows.length && progress.cleaned >= progress.changed) break;
      if (performance.now() - started > GIVE_UP_MS) {
        throw new Error(`the worker did not finish in time: ${JSON.stringify(progress)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    seconds = (performance.now() - started) / 1000;
  } finally {
    await stop(worker);
  }
  const counters = standin.counters(TOKEN);
  return {
    rate: rows.length / seconds,
    points: (counters.primaryPoints + counters.graphqlPoints) / rows.length,
    requests: counters.requests,
  };
}

async function publishAll(publisher: JobPublisher, rows: CorpusAsset[], clean: boolean) {
  const pending = new Set<Promise<void>>();
  for (const { slug } of rows) {
    const sent: Promise<void> = publisher
      .publishPull({
        v: 1,
        kind: 'pull',
        slug,
        owner: null,
        override: false,
        clean,
        source: { type: 'sweep', sweepId: SWEEP_ID },
      })
      .finally(() => pending.delete(sent));
    pending.add(sent);
    if (pending.size >= 256) await Promise.race(pending);
  }
  await Promise.all(pending);
}

/** Starts `registry-sync worker` and resolves once it says it consumes. */
function startWorkerProcess(resources: Resources, standin: Standin): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'worker'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: resources.url,
      AMQP_URL,
      QUEUE_PREFIX: resources.prefix,
      GITHUB_API_URL: standin.url,
      GITHUB_TOKEN: TOKEN,
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-2_000);
      if (seen.includes('"msg":"Worker started"')) resolve(child);
    };
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`worker exited ${code}: ${seen}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function seed(resources: Resources, rows: CorpusAsset[]) {
  await resources.sql(
    `insert into asset (slug, asset_type, status, lang, readme_url, version, created_at,
       updated_at)
     select slug, type, 'PUBLISHED', 'en', url, 1, now(), now()
     from unnest($1::text[], $2::text[], $3::text[]) as t(slug, type, url)`,
    [rows.map((r) => r.slug), rows.map((r) => r.assetType), rows.map((r) => r.readmeUrl)],
  );
}

/** Assets/s of one connection updating assets one by one: what a pull costs at the least. */
async function bareUpdateRate(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const count = 2_000;
    const started = performance.now();
    for (let id = 1; id <= count; id++) {
      await client.query(
        `update asset set sync_status = 'OK', last_synch_at = now() where id = $1`,
        [id],
      );
    }
    return count / ((performance.now() - started) / 1000);
  } finally {
    await client.end();
  }
}
