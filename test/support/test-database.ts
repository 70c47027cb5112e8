import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateDatabase } from '../../src/shared/db/migrate-database.js';
import { type MikroORM, openOrm } from '../../src/shared/db/open-orm.js';

const SERVER = process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';

/** A migrated database of its own for one test file, dropped by `drop()`. */
export interface TestDatabase {
  url: string;
  orm: MikroORM;
  drop(): Promise<void>;
}

/** Creates and migrates a fresh database named `rs_<label>_<random>`. */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const name = `rs_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`.toLowerCase();
  const url = `${SERVER}/${name}`;
  await migrateDatabase(url);
  const orm = await openOrm(url, { poolMax: 5 });

  return {
    url,
    orm,
    async drop() {
      await orm.close(true);
      const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
      await admin.connect();
      try {
        await admin.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await admin.end();
      }
    },
  };
}
