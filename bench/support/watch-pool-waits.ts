import type { MikroORM } from '../../src/shared/db/open-orm.js';
import { percentile } from './bench-result.js';

/** The events of knex's connection pool (tarn) that time a wait for a connection. */
interface PoolEvents {
  max: number;
  on(event: PoolEvent, listener: (id: number) => void): void;
  removeListener(event: PoolEvent, listener: (id: number) => void): void;
}

type PoolEvent = 'acquireRequest' | 'acquireSuccess' | 'acquireFail';

/**
 * Times every wait for a connection of `orm`'s pool from now until `stop()`: how long queries
 * queued in the process before PostgreSQL even saw them.
 */
export function watchPoolWaits(orm: MikroORM) {
  const knex = orm.em.getConnection().getKnex() as unknown as { client: { pool: PoolEvents } };
  const pool = knex.client.pool;
  const asked = new Map<number, number>();
  const waits: number[] = [];
  const ask = (id: number) => asked.set(id, performance.now());
  const settle = (id: number) => {
    const at = asked.get(id);
    asked.delete(id);
    if (at !== undefined) waits.push(performance.now() - at);
  };
  pool.on('acquireRequest', ask);
  pool.on('acquireSuccess', settle);
  pool.on('acquireFail', settle);
  return {
    /** Stops timing; the count, p50 and p95 (ms) of the waits, and the pool's size. */
    stop() {
      pool.removeListener('acquireRequest', ask);
      pool.removeListener('acquireSuccess', settle);
      pool.removeListener('acquireFail', settle);
      return {
        poolMax: pool.max,
        acquires: waits.length,
        waitP50Ms: Math.round(percentile(waits, 50)),
        waitP95Ms: Math.round(percentile(waits, 95)),
      };
    },
  };
}
