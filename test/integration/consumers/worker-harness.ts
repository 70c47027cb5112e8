import { pino } from 'pino';
import {
  createGithubAccess,
  type GithubAccessOptions,
} from '../../../src/consumers/pull/github-access.js';
import {
  startWorker,
  type Worker,
  type WorkerOptions,
} from '../../../src/consumers/start-worker.js';
import { createJobPublisher, type JobPublisher } from '../../../src/shared/broker/job-publisher.js';
import { Asset } from '../../../src/shared/db/entities/index.js';
import { parseReadmeUrl } from '../../../src/shared/github/parse-readme-url.js';
import type { JobSource, PullJob } from '../../../src/shared/jobs/job-schemas.js';
import type { AssetType } from '../../../src/shared/model/asset-enums.js';
import type { Standin, StandinOptions } from '../../../src/standin/standin-types.js';
import { startStandin } from '../../../src/standin/start-standin.js';
import { createTestBroker, type TestBroker } from '../../support/test-broker.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

/** The token the harness's worker uses as GITHUB_TOKEN. */
export const TOKEN = 'ghp_harness_token';

/** A database row, by column name. */
export type Row = Record<string, unknown>;

/** A seeded asset: slug, type and readme_url, the rest optional. */
export interface SeedAsset {
  slug: string;
  assetType: AssetType;
  readmeUrl: string | null;
  lang?: string;
  title?: string;
  [column: string]: unknown;
}

/** A real database, broker prefix and GitHub stand-in, and workers started on them. */
export interface WorkerHarness {
  db: TestDatabase;
  broker: TestBroker;
  standin: Standin;
  publisher: JobPublisher;
  seed(assets: SeedAsset[]): Promise<void>;
  start(
    options?: Omit<Partial<WorkerOptions>, 'github'> & { github?: Partial<GithubAccessOptions> },
  ): Worker;
  /** Publishes a pull job (sweep lane unless the source is a webhook). */
  pull(slug: string, job?: Partial<PullJob>): Promise<void>;
  /** The asset's row with the contract's snake_case columns. */
  asset(slug: string): Promise<Row>;
  events(slug: string): Promise<Row[]>;
  destroy(): Promise<void>;
}

/** A webhook source with a commit SHA made of `digit`. */
export const webhookSource = (digit = 'a', delivery = 'delivery-1'): JobSource => ({
  type: 'webhook',
  deliveryId: delivery,
  commitSha: digit.repeat(40),
});

/** Creates a harness; `standin` options add repositories and limits. */
export async function createWorkerHarness(
  label: string,
  standinOptions: StandinOptions = {},
): Promise<WorkerHarness> {
  const [db, broker, standin] = await Promise.all([
    createTestDatabase(label),
    createTestBroker(label),
    startStandin(standinOptions),
  ]);
  standin.addToken(TOKEN, { login: 'harness' });
  const publisher = createJobPublisher(broker.connection, broker.topology);
  const workers: Worker[] = [];
  const sql = (query: string, params: unknown[]) =>
    db.orm.em.fork().getConnection().execute(query, params);

  return {
    db,
    broker,
    standin,
    publisher,
    async seed(assets) {
      const now = new Date();
      const rows = assets.map(({ slug, assetType, readmeUrl, lang, ...rest }) => {
        let parts = {};
        try {
          const location = readmeUrl ? parseReadmeUrl(readmeUrl) : null;
          if (location) {
            parts = {
              repoOwner: location.owner.toLowerCase(),
              repoName: location.repo.toLowerCase(),
              repoRef: location.ref,
              repoPath: location.path,
            };
          }
        } catch {
          // An invalid URL is seeded as it is: the pull reports it.
        }
        return {
          slug,
          assetType,
          readmeUrl,
          lang: lang ?? 'en',
          status: 'PUBLISHED' as const,
          version: 1,
          createdAt: now,
          updatedAt: now,
          ...parts,
          ...rest,
        };
      });
      await db.orm.em.fork().insertMany(Asset, rows);
    },
    start(options = {}) {
      const { github, ...rest } = options;
      const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
      const worker = startWorker({
        orm: db.orm,
        connection: broker.connection,
        publisher,
        topology: broker.topology,
        github: createGithubAccess({
          baseUrl: standin.url,
          githubToken: TOKEN,
          retries: 0,
          log,
          ...github,
        }),
        log,
        concurrency: 10,
        batchWaitMs: 20,
        ...rest,
      });
      workers.push(worker);
      return worker;
    },
    async pull(slug, job = {}) {
      const full: PullJob = {
        v: 1,
        kind: 'pull',
        slug,
        owner: null,
        override: false,
        clean: false,
        source: { type: 'cli' },
        ...job,
      };
      await publisher.publishPull(full, {
        lane: full.source.type === 'webhook' ? 'webhook' : 'sweep',
      });
    },
    async asset(slug) {
      const [row] = await sql('select * from asset where slug = ?', [slug]);
      return row && withDates(row);
    },
    async events(slug) {
      const rows = await sql('select * from asset_event where slug = ? order by id', [slug]);
      return rows.map(withDates);
    },
    async destroy() {
      await Promise.all(workers.map((worker) => worker.stop()));
      await publisher.close();
      await Promise.all([broker.destroy(), standin.close()]);
      await db.drop();
    },
  };
}

/** The row with its `*_at` timestamps as dates (raw queries return them as text). */
function withDates(row: Row): Row {
  const entries = Object.entries(row).map(([column, value]) => [
    column,
    column.endsWith('_at') && typeof value === 'string' ? new Date(value) : value,
  ]);
  return Object.fromEntries(entries);
}

/** Polls `check` until it returns a truthy value; fails after `timeoutMs` (default 10 s). */
export async function eventually<T>(
  check: () => Promise<T>,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
