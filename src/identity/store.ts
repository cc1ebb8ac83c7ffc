import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { OrganisationSeed } from './members.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function upsertOrganisations(db: Db, seeds: OrganisationSeed[]): Promise<void> {
  if (seeds.length === 0) return;
  await db.insertInto('organisations').values(seeds).onConflict((oc) => oc.column('id').doNothing()).execute();
}

export const listOrganisations = (db: Db) => db.selectFrom('organisations').selectAll().orderBy('id').execute();
export const findOrganisation = (db: Db, id: string) => db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();

const userWithOrg = (db: Db) => db.selectFrom('users').innerJoin('organisations as o', 'o.id', 'users.org_id')
  .select(['users.id', 'users.username', 'users.display_name', 'users.org_id', 'users.roles', 'users.password_hash',
    'users.disabled', 'users.created_at', 'o.kind as org_kind', 'o.country as org_country']);

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUserByName>>>;

export const findUserByName = (db: Db, username: string) => userWithOrg(db).where('users.username', '=', username).executeTakeFirst();
export const findUserById = (db: Db, id: string) => userWithOrg(db).where('users.id', '=', id).executeTakeFirst();

export function listUsers(db: Db, orgId: string | null) {
  let q = userWithOrg(db).orderBy('users.username');
  if (orgId) q = q.where('users.org_id', '=', orgId);
  return q.execute();
}

export async function insertUser(db: Db, u: { username: string; display_name: string; org_id: string; roles: string[]; password_hash: string }): Promise<string> {
  const row = await db.insertInto('users').values(u).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function setPassword(db: Db, userId: string, hash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: hash, password_changed_at: sql`now()` }).where('id', '=', userId).execute();
  // A new password ends every session of the old one.
  await db.updateTable('sessions').set({ revoked_at: sql`now()` }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}

export async function insertSession(db: Db, s: { id: string; user_id: string; csrf_token: string; expires_at: Date }): Promise<void> {
  await db.insertInto('sessions').values(s).execute();
}

export const findLiveSession = (db: Db, id: string) => db.selectFrom('sessions').selectAll()
  .where('id', '=', id).where('revoked_at', 'is', null).where('expires_at', '>', sql<Date>`now()`).executeTakeFirst();

export async function revokeSession(db: Db, id: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: sql`now()` }).where('id', '=', id).execute();
}

export async function insertToken(db: Db, t: { user_id: string; name: string; token_hash: string; expires_at: Date }) {
  return db.insertInto('api_tokens').values(t).returningAll().executeTakeFirstOrThrow();
}

export const findTokenByHash = (db: Db, hash: string) => db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
export const findToken = (db: Db, id: string) => db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();

export function listTokens(db: Db, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('api_tokens').selectAll().where('user_id', 'in', userIds).orderBy('created_at', 'desc').execute();
}

export async function revokeToken(db: Db, id: string): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: sql`now()` }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function touchToken(db: Db, id: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: sql`now()` }).where('id', '=', id).execute();
}

export async function countUsers(db: Db): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
