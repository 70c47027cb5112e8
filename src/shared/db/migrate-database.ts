import { ensureDatabase } from './ensure-database.js';
import { openOrm } from './open-orm.js';

/** Creates the database when missing and applies pending migrations; returns their names. */
export async function migrateDatabase(databaseUrl: string): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const orm = await openOrm(databaseUrl, { poolMax: 2 });
  try {
    const applied = await orm.getMigrator().up();
    return applied.map((migration) => migration.name);
  } finally {
    await orm.close(true);
  }
}
