import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectBroker, declareTopology } from '../../src/shared/broker/connect-broker.js';
import { declarations, topology } from '../../src/shared/broker/topology.js';
import { migrateDatabase } from '../../src/shared/db/migrate-database.js';

const SERVER = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
export const AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** A migrated database and a queue prefix of their own for one benchmark, removed by drop(). */
export async function benchResources(label: string) {
  const suffix = randomBytes(3).toString('hex');
  const name = `rs_bench_${label}_${suffix}`;
  const url = `${SERVER}/${name}`;
  await migrateDatabase(url);
  const prefix = `bench_${label}_${suffix}`;
  const t = topology(prefix);
  const connection = await connectBroker(AMQP_URL);
  await declareTopology(connection, t);

  return {
    url,
    prefix,
    topology: t,
    connection,
    async sql(text: string, params: unknown[] = []) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(text, params)).rows;
      } finally {
        await client.end();
      }
    },
    async drop() {
      for (const queue of declarations(t).queues)
        await connection.queueDelete({ queue: queue.queue });
      for (const exchange of declarations(t).exchanges) {
        await connection.exchangeDelete({ exchange: exchange.exchange });
      }
      await connection.close();
      const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
      await admin.connect();
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
