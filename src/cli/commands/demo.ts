import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { createGithubAccess } from '../../consumers/pull/github-access.js';
import { startWorker } from '../../consumers/start-worker.js';
import { importAssets } from '../../shared/assets/import-assets.js';
import { declareTopology } from '../../shared/broker/connect-broker.js';
import { migrateDatabase } from '../../shared/db/migrate-database.js';
import { runSweep } from '../../shared/sweeps/run-sweep.js';
import { parseSweepOptions } from '../../shared/sweeps/sweep-options.js';
import { startStandin } from '../../standin/start-standin.js';
import { packageRoot } from '../demo/package-root.js';
import { printOutcomes } from '../demo/print-outcomes.js';
import { openRuntime } from '../open-runtime.js';

const STANDIN_TOKEN = 'sample-token';

/**
 * `registry-sync demo` (what `npm start` runs): the whole pipeline on the sample content. With
 * no GITHUB_TOKEN it serves sample/repos from a local GitHub stand-in.
 */
export function register(program: Command): void {
  program
    .command('demo')
    .description('migrate, import the sample registry, sweep, work the queue, print the outcomes')
    .option('--registry <file>', 'registry to import', 'sample/registry.json')
    .action(async (flags: { registry: string }) => {
      const root = packageRoot();
      const runtime = openRuntime();
      const { config } = runtime;
      const say = (line = '') => process.stdout.write(`${line}\n`);
      const standin = config.GITHUB_TOKEN
        ? null
        : await startStandin({ root: join(root, 'sample/repos'), acceptAnyToken: true });
      try {
        const applied = await migrateDatabase(config.DATABASE_URL);
        say(`database ready (${applied.length} migration(s) applied)`);
        const [orm, connection] = await Promise.all([runtime.orm(), runtime.broker()]);
        await declareTopology(connection, runtime.topology);

        const registry = await readFile(join(root, flags.registry), 'utf8');
        const imported = await importAssets(orm.em.fork(), registry);
        say(`imported ${imported.created + imported.updated} assets from ${flags.registry}`);
        const slugs = (JSON.parse(registry) as { slug: string }[]).map((record) => record.slug);

        const github = standin
          ? {
              baseUrl: standin.url,
              token: STANDIN_TOKEN,
              where: `a local stand-in (${standin.url})`,
            }
          : {
              baseUrl: config.GITHUB_API_URL,
              token: config.GITHUB_TOKEN,
              where: config.GITHUB_API_URL,
            };
        say(`GitHub: ${github.where}`);

        const publisher = await runtime.publisher();
        const sweep = await runSweep(
          parseSweepOptions('pull-and-clean', { force: true, delay: 0, batchSize: 100 }),
          { em: orm.em.fork(), publisher, log: runtime.log },
        );
        say(`sweep ${sweep.sweepId}: queued ${sweep.queued} of ${sweep.found}`);

        const worker = startWorker({
          orm,
          connection,
          publisher,
          topology: runtime.topology,
          github: createGithubAccess({
            baseUrl: github.baseUrl,
            githubToken: github.token,
            secretKey: config.REGISTRY_SECRET_KEY,
            log: runtime.log,
          }),
          log: runtime.log,
        });
        await worker.idle();
        await worker.stop();
        say('queue worked through\n');
        await printOutcomes(orm.em.fork(), slugs, say);
      } finally {
        await runtime.close();
        await standin?.close();
      }
    });
}
