import { Migrator } from '@mikro-orm/migrations';
import { defineConfig } from '@mikro-orm/postgresql';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

/** Options of {@link ormConfig}. */
export interface OrmConfigOptions {
  /** PostgreSQL URL; default DATABASE_URL or the local default database `registry`. */
  databaseUrl?: string;
  /** Pool size; default 10. */
  poolMax?: number;
  /** Log SQL (debug only). */
  debug?: boolean;
}

/** The one ORM configuration shared by the CLI, the workers, the app and the Action. */
export function ormConfig(options: OrmConfigOptions = {}) {
  return defineConfig({
    clientUrl:
      options.databaseUrl ??
      process.env.DATABASE_URL ??
      'postgres://postgres@127.0.0.1:5432/registry',
    entities: ENTITIES,
    discovery: { warnWhenNoEntities: false },
    extensions: [Migrator],
    migrations: {
      // Migrations are imported explicitly so they also run from the bundled Action.
      migrationsList: MIGRATIONS,
      pathTs: 'src/shared/db/migrations',
      path: 'src/shared/db/migrations',
      transactional: true,
      silent: true,
      snapshot: false,
      emit: 'ts',
      fileName: (timestamp: string, name?: string) => `migration-${timestamp}-${name ?? 'change'}`,
    },
    pool: { min: 0, max: options.poolMax ?? 10 },
    debug: options.debug ?? false,
    // Each unit of work forks its own EntityManager; the global one must never be used.
    allowGlobalContext: false,
  });
}

export default ormConfig();
