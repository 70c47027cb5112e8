import { type Command, InvalidArgumentError } from 'commander';
import { createGithubAccess } from '../../consumers/pull/github-access.js';
import { LANE_NAMES, type LaneName } from '../../consumers/runtime/lane.js';
import { DEFAULT_CONCURRENCY, startWorker } from '../../consumers/start-worker.js';
import { declareTopology } from '../../shared/broker/connect-broker.js';
import type { Config } from '../../shared/config/load-config.js';
import { readAppSettings } from '../../shared/config/read-app-settings.js';
import { openRuntime } from '../open-runtime.js';

interface WorkerFlags {
  concurrency: number;
  prefetch?: number;
  queues: LaneName[];
  exitWhenIdle?: boolean;
}

const SUMMARY_EVERY_MS = 30_000;

/** `registry-sync worker`: consume pull and clean jobs until stopped (or idle). */
export function register(program: Command): void {
  program
    .command('worker')
    .description('consume pull and clean jobs; SIGTERM or SIGINT finishes the jobs in hand')
    .option(
      '--concurrency <n>',
      'jobs in hand at once on each queue',
      positiveInt,
      DEFAULT_CONCURRENCY,
    )
    .option(
      '--prefetch <n>',
      'messages each queue hands over ahead (default: concurrency)',
      positiveInt,
    )
    .option(
      '--queues <list>',
      `queues to consume, comma-separated: ${LANE_NAMES.join(',')}`,
      queues,
      [...LANE_NAMES],
    )
    .option('--exit-when-idle', 'exit once the queues are empty and no job is in hand for 1 s')
    .action(async (flags: WorkerFlags) => {
      const runtime = openRuntime();
      const log = runtime.log.child({ process: 'worker' });
      try {
        const [orm, connection] = await Promise.all([runtime.orm(), runtime.broker()]);
        await declareTopology(connection, runtime.topology);
        const { config } = runtime;
        const worker = startWorker({
          orm,
          connection,
          publisher: await runtime.publisher(),
          topology: runtime.topology,
          github: createGithubAccess({
            baseUrl: config.GITHUB_API_URL,
            githubToken: config.GITHUB_TOKEN,
            secretKey: config.REGISTRY_SECRET_KEY,
            app: workerApp(config),
            log,
          }),
          log,
          lanes: flags.queues,
          concurrency: flags.concurrency,
          prefetch: flags.prefetch,
        });
        log.info(
          { queues: flags.queues, concurrency: flags.concurrency, prefetch: flags.prefetch },
          'Worker started',
        );
        const progress = setInterval(() => {
          log.info(
            { counts: worker.stats.counts, inFlight: worker.stats.inFlight },
            'Worker progress',
          );
        }, SUMMARY_EVERY_MS);

        const reason = await Promise.race([
          stopSignal(),
          flags.exitWhenIdle
            ? worker.idle().then(() => 'queues idle')
            : new Promise<never>(() => {}),
        ]);
        log.info(`Stopping (${reason}); finishing the jobs in hand`);
        await worker.stop();
        clearInterval(progress);
        log.info(
          { counts: worker.stats.counts, jobs: worker.stats.total() },
          `Worker stopped after ${worker.stats.total()} job(s)`,
        );
      } finally {
        await runtime.close();
      }
    });
}

/** Resolves on the first SIGTERM or SIGINT; a second one ends the process at once. */
function stopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.once(signal, () => process.exit(130));
      resolve(signal);
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  });
}

/** The GitHub App, when APP_ID is set: its installation tokens pull assets without a token. */
function workerApp(config: Config) {
  if (!config.APP_ID) return null;
  const settings = readAppSettings(config, undefined, { webhook: false });
  return { id: settings.appId, privateKey: settings.privateKey };
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number >= 1');
  return n;
}

function queues(value: string): LaneName[] {
  const names = value
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter((name) => !LANE_NAMES.includes(name as LaneName));
  if (unknown.length || names.length === 0) {
    throw new InvalidArgumentError(
      `unknown queue '${unknown[0] ?? value}'; allowed: ${LANE_NAMES.join(', ')}`,
    );
  }
  return [...new Set(names)] as LaneName[];
}
