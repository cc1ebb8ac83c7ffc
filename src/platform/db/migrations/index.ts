import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_platform.ts';
import * as m0002 from './0002_records.ts';
import * as m0003 from './0003_documents.ts';
import * as m0004 from './0004_notices.ts';
import * as m0005 from './0005_hits.ts';
import * as m0006 from './0006_biometrics.ts';

/** Every migration in order. Names sort lexically; Kysely refuses to run them out of order. */
const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_records': m0002,
  '0003_documents': m0003,
  '0004_notices': m0004,
  '0005_hits': m0005,
  '0006_biometrics': m0006,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() { return migrations; },
};
