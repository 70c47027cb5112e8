import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createJobPublisher } from '../src/shared/broker/job-publisher.js';
import { benchResources } from './support/bench-resources.js';
import { type BenchResult, median, result } from './support/bench-result.js';
import { watchPeakRss } from './support/peak-rss.js';

// Sweep publishing rate and memory at 100k and 1M assets, against a bare confirmed publish loop
// measured in the same run. Sizes can be lowered with BENCH_SWEEP_SIZES=10000,100000.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SIZES = (process.env.BENCH_SWEEP_SIZES ?? '100000,1000000').split(',').map(Number);

export default async function sweepBench(): Promise<BenchResult[]> {
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const resources = await benchResources('sweep');
  const results: BenchResult[] = [];
  try {
    const baseline = await bareBaseline(resources);
    const best = Math.max(...Object.values(baseline));
    for (const [inFlight, rate] of Object.entries(baseline)) {
      results.push(result(`bare confirmed publish, ${inFlight} in flight`, rate, 'msg/s', null));
    }

    const rss: Record<number, number> = {};
    let seeded = 0;
    for (const size of SIZES) {
      await resources.sql(
        `insert into asset (slug, asset_type, status, lang, readme_url, created_at, updated_at)
         select 'bench-' || n, 'LESSON', 'PUBLISHED', 'en',
           'https://github.com/acme/lessons/blob/main/' || n || '.md', now(), now()
         from generate_series($1::int, $2::int) as n`,
        [seeded + 1, size],
      );
      seeded = size;
      const run = await timeSweep(resources.url, resources.prefix);
      await resources.connection.queuePurge({ queue: resources.topology.pull });
      rss[size] = run.peakRssMb;
      const rate = size / run.seconds;
      const params = { assets: size, batchSize: 1000, delay: 0 };
      results.push(
        result(
          `pull-and-clean --all, ${size} assets`,
          rate,
          'assets/s',
          { value: best, name: 'best bare publish' },
          params,
        ),
        result(
          `pull-and-clean peak RSS, ${size} assets`,
          run.peakRssMb,
          'MB',
          rss[SIZES[0]] && size !== SIZES[0]
            ? { value: rss[SIZES[0]], name: `RSS at ${SIZES[0]}` }
            : null,
          params,
        ),
      );
    }
  } finally {
    await resources.drop();
  }
  return results;
}

async function bareBaseline(resources: Awaited<ReturnType<typeof benchResources>>) {
  const publisher = createJobPublisher(resources.connection, resources.topology);
  const rates: Record<number, number> = {};
  const body = (n: number) => ({
    v: 1,
    kind: 'pull',
    slug: `bench-${n}`,
    owner: null,
    override: false,
    clean: true,
    source: { type: 'sweep', sweepId: '00000000-0000-4000-8000-000000000000' },
  });
  const send = (n: number) =>
    publisher.publishRaw({ routingKey: resources.topology.pull }, JSON.stringify(body(n)));

  for (const inFlight of [1, 64, 256]) {
    const count = inFlight === 1 ? 3_000 : 30_000;
    rates[inFlight] = await median(3, async () => {
      const started = performance.now();
      const pending = new Set<Promise<void>>();
      for (let n = 0; n < count; n++) {
        const p: Promise<void> = send(n).finally(() => pending.delete(p));
        pending.add(p);
        if (pending.size >= inFlight) await Promise.race(pending);
      }
      await Promise.all(pending);
      const seconds = (performance.now() - started) / 1000;
      await resources.connection.queuePurge({ queue: resources.topology.pull });
      return count / seconds;
    });
  }
  await publisher.close();
  return rates;
}

function timeSweep(databaseUrl: string, prefix: string) {
  return new Promise<{ seconds: number; peakRssMb: number }>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'pull-and-clean',
        '--all',
        '--delay',
        '0',
        '--batch-size',
        '1000',
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          QUEUE_PREFIX: prefix,
          LOG_LEVEL: 'warn',
          LOG_FORMAT: 'json',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const rss = watchPeakRss(child.pid!);
    let tail = '';
    child.stdout.on('data', (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-400);
    });
    child.on('error', reject);
    child.on('close', async (code) => {
      const seconds = (performance.now() - started) / 1000;
      const peakRssMb = await rss.stop();
      if (code !== 0) reject(new Error(`sweep exited ${code}: ${tail}`));
      else resolve({ seconds, peakRssMb });
    });
  });
}
