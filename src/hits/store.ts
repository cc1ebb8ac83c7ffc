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

/**
 * What is already known of these (query identity, record) pairs, in one statement: pairs marked a
 * false positive (by anyone), and this organisation's pending hits, which a repeat reuses.
 */
export async function knownPairs(db: Db, queryIdentities: string[], recordIds: string[], querierOrg: string) {
  if (!recordIds.length) return [];
  return db.selectFrom('hits').select(['id', 'query_identity', 'record_id', 'status'])
    .where('query_identity', 'in', [...new Set(queryIdentities)]).where('record_id', 'in', [...new Set(recordIds)])
    .where((eb) => eb.or([eb('status', '=', 'false_positive'), eb.and([eb('status', '=', 'pending'), eb('querier_org', '=', querierOrg)])]))
    .orderBy('created_at').execute();
}

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
