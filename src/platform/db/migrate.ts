import { Migrator, sql, type Kysely } from 'kysely';
import { migrationProvider } from './migrations/index.ts';
import type { Database } from './schema.ts';

/** Brings the schema up to date; returns the names of the migrations that ran. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  // pgvector is optional: PGlite bundles it, Debian's PostgreSQL does not.
  try {
    await sql`create extension if not exists vector`.execute(db);
  } catch {
    // without it, face search falls back to an in-memory index
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function hasVectorExtension(db: Kysely<Database>): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*)::int as n from pg_extension where extname = 'vector'`.execute(db);
  return (r.rows[0]?.n ?? 0) > 0;
}
