import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261203131259Initial } from './migration-20261203131259-initial.js';

/**
 * Every migration, in order. Listed explicitly so the bundled Action can run them too; add a new
 * one here after creating it with the MikroORM CLI (see README, "Changing the model").
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'migration-20261203131259-initial', class: Migration20261203131259Initial },
];
