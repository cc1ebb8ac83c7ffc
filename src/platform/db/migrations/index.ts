import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_platform.ts';

/** Every migration in order. Names sort lexically; Kysely refuses to run them out of order. */
const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() { return migrations; },
};
