import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_platform.ts';
import * as m0002 from './0002_records.ts';

/** Every migration in order. Names sort lexically; Kysely refuses to run them out of order. */
const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_records': m0002,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() { return migrations; },
};
