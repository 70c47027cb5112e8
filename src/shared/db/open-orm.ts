import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from './mikro-orm.config.js';

export type { EntityManager } from '@mikro-orm/postgresql';
export { MikroORM };

/** Options of {@link openOrm}. */
export interface OpenOrmOptions {
  /** Pool size; default 10. */
  poolMax?: number;
}

/**
 * Connects to `databaseUrl` and checks the connection, so an unreachable database is found at
 * start rather than at the first job.
 */
export async function openOrm(databaseUrl: string, options: OpenOrmOptions = {}) {
  const orm = await MikroORM.init(ormConfig({ databaseUrl, poolMax: options.poolMax }));
  const check = await orm.isConnected();
  if (!check) {
    await orm.close(true);
    throw new Error('database is not reachable');
  }
  return orm;
}
