import { createGithubAccess } from '../../src/consumers/pull/github-access.js';
import type { WorkerCounts } from '../../src/consumers/runtime/worker-stats.js';
import { startWorker } from '../../src/consumers/start-worker.js';
import { connectBroker } from '../../src/shared/broker/connect-broker.js';
import { createJobPublisher } from '../../src/shared/broker/job-publisher.js';
import type { Topology } from '../../src/shared/broker/topology.js';
import { openOrm } from '../../src/shared/db/open-orm.js';
import { AMQP_URL } from './bench-resources.js';
import type { createPushTimeline } from './push-timeline.js';

/** Where a bench worker reads and writes, and what watches it. */
export interface BenchWorkerOptions {
  databaseUrl: string;
  topology: Topology;
  /** GitHub (or the stand-in) and the token to read it with. */
  githubUrl: string;
  githubToken: string;
  timeline: ReturnType<typeof createPushTimeline>;
}

/**
 * Starts a worker with its default settings and its own database pool and broker connection,
 * as its own process would have them; its log, GitHub requests and clean publishes go through
 * `timeline`. `stop()` stops it and closes what it opened.
 */
export async function startBenchWorker(options: BenchWorkerOptions) {
  const { timeline } = options;
  const orm = await openOrm(options.databaseUrl);
  const connection = await connectBroker(AMQP_URL);
  const publisher = createJobPublisher(connection, options.topology);
  const worker = startWorker({
    orm,
    connection,
    publisher: timeline.timedPublisher(publisher),
    topology: options.topology,
    github: createGithubAccess({
      baseUrl: options.githubUrl,
      githubToken: options.githubToken,
      fetch: timeline.fetch,
      log: timeline.log,
    }),
    log: timeline.log,
  });
  return {
    worker,
    orm,
    async stop() {
      await worker.stop();
      await publisher.close();
      await connection.close();
      await orm.close(true);
    },
  };
}

/** Jobs a worker finished so far on each lane, whatever their outcome. */
export function laneTotals(counts: WorkerCounts) {
  const sum = (lane: keyof WorkerCounts) =>
    Object.values(counts[lane]).reduce<number>((total, n) => total + (n ?? 0), 0);
  return { pull: sum('pull'), clean: sum('clean'), webhook: sum('webhook') };
}
