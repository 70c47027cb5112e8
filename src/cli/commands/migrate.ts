import type { Command } from 'commander';
import { declareTopology } from '../../shared/broker/connect-broker.js';
import { redactUrl } from '../../shared/config/load-config.js';
import { migrateDatabase } from '../../shared/db/migrate-database.js';
import { CliError } from '../cli-error.js';
import { openRuntime } from '../open-runtime.js';

/** `registry-sync migrate`: create the database if missing, migrate it, declare the queues. */
export function register(program: Command): void {
  program
    .command('migrate')
    .description('create the database if missing, apply migrations, declare the queues')
    .action(async () => {
      const runtime = openRuntime();
      try {
        const applied = await migrateDatabase(runtime.config.DATABASE_URL).catch((error) => {
          throw new CliError(
            `cannot migrate ${redactUrl(runtime.config.DATABASE_URL)}: ${error.message}`,
          );
        });
        console.log(
          applied.length
            ? `applied ${applied.length} migration(s): ${applied.join(', ')}`
            : 'database is up to date',
        );
        await declareTopology(await runtime.broker(), runtime.topology);
        console.log(`queues declared under '${runtime.topology.prefix}'`);
      } finally {
        await runtime.close();
      }
    });
}
