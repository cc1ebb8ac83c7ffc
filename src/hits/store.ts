import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { HitStatus } from './model.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewHit {
  record_type: string; record_id: string; owner_org: string; querier_org: string; querier_user: string | null; querier_name: string;
  query_identity: string; query: unknown; score: number; explanation: unknown; disclosure: 'full' | 'existence'; purpose: string | null; reply_due_at: Date;
}

export async function insertHit(db: Db, h: NewHit): Promise<string> {
  const row = await db.insertInto('hits').values({ ...h, query: JSON.stringify(h.query), explanation: JSON.stringify(h.explanation) }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Records already marked false positives for this query identity: they are not raised again. */
export async function falsePositiveRecords(db: Db, queryIdentity: string, recordIds: string[]): Promise<Set<string>> {
  if (!recordIds.length) return new Set();
  const rows = await db.selectFrom('hits').select('record_id').where('query_identity', '=', queryIdentity)
    .where('record_id', 'in', recordIds).where('status', '=', 'false_positive').execute();
  return new Set(rows.map((r) => r.record_id));
}

/** A pending hit for the same query identity and record from the same organisation, so repeats do not pile up. */
export const findOpenHit = (db: Db, queryIdentity: string, recordId: string, querierOrg: string) => db.selectFrom('hits').select('id')
  .where('query_identity', '=', queryIdentity).where('record_id', '=', recordId).where('querier_org', '=', querierOrg).where('status', '=', 'pending').executeTakeFirst();

export const findHit = (db: Db, id: string) => db.selectFrom('hits').selectAll().where('id', '=', id).executeTakeFirst();
export type HitRow = NonNullable<Awaited<ReturnType<typeof findHit>>>;

export interface HitFilter { side?: 'owner' | 'querier'; status?: HitStatus; overdue?: boolean; limit?: number }

/** Hits where the organisation is the owner or the querier: nobody else sees them. */
export function listHits(db: Db, orgId: string, f: HitFilter) {
  let q = db.selectFrom('hits').selectAll().orderBy('created_at', 'desc').limit(f.limit ?? 100);
  if (f.side === 'owner') q = q.where('owner_org', '=', orgId);
  else if (f.side === 'querier') q = q.where('querier_org', '=', orgId);
  else q = q.where((eb) => eb.or([eb('owner_org', '=', orgId), eb('querier_org', '=', orgId)]));
  if (f.status) q = q.where('status', '=', f.status);
  if (f.overdue) q = q.where('first_reply_at', 'is', null).where('resolved_at', 'is', null).where('reply_due_at', '<', sql<Date>`now()`);
  return q.execute();
}

export async function resolveHit(db: Db, id: string, status: HitStatus, by: string): Promise<void> {
  await db.updateTable('hits').set({ status, resolved_at: sql`now()`, resolved_by: by, first_reply_at: sql`coalesce(first_reply_at, now())` }).where('id', '=', id).execute();
}

export async function insertMessage(db: Db, m: { hit_id: string; user_id: string | null; username: string; org_id: string; body: string }) {
  return db.insertInto('hit_messages').values(m).returningAll().executeTakeFirstOrThrow();
}

export async function markReplied(db: Db, id: string): Promise<void> {
  await db.updateTable('hits').set({ first_reply_at: sql`coalesce(first_reply_at, now())` }).where('id', '=', id).execute();
}

export const listMessages = (db: Db, hitId: string) => db.selectFrom('hit_messages').selectAll().where('hit_id', '=', hitId).orderBy('id').execute();
