import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { envelopeColumns, fullyVisible } from '../platform/access/sql.ts';
import type { Envelope } from '../platform/access/envelope.ts';
import type { Database } from '../platform/db/schema.ts';
import { normaliseIdentifier, primaryNameOf, searchTextOf, type PersonData } from './model.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface PersonFilter {
  q?: string;
  nationality?: string;
  subject?: string;
  owner?: string;
  limit?: number;
  offset?: number;
}

export async function insertPerson(db: Db, data: PersonData, env: Envelope, createdBy: string | null): Promise<string> {
  const row = await db.insertInto('persons').values({
    ...envelopeColumns(env), created_by: createdBy, primary_name: primaryNameOf(data), search_text: searchTextOf(data), data: JSON.stringify(data),
  }).returning('id').executeTakeFirstOrThrow();
  await writeIdentifiers(db, row.id, data);
  return row.id;
}

async function writeIdentifiers(db: Db, personId: string, data: PersonData): Promise<void> {
  await db.deleteFrom('person_identifiers').where('person_id', '=', personId).execute();
  const rows = data.identifiers.map((i) => ({ person_id: personId, kind: i.kind, country: i.country ?? null, normalised: normaliseIdentifier(i.value) }));
  const unique = [...new Map(rows.map((r) => [`${r.kind}|${r.normalised}`, r])).values()];
  if (unique.length) await db.insertInto('person_identifiers').values(unique).execute();
}

export async function updatePerson(db: Db, id: string, data: PersonData, env: Envelope): Promise<number> {
  const row = await db.updateTable('persons').set({
    ...envelopeColumns(env), primary_name: primaryNameOf(data), search_text: searchTextOf(data), data: JSON.stringify(data),
    version: sql`version + 1`, updated_at: sql`now()`,
  }).where('id', '=', id).returning('version').executeTakeFirstOrThrow();
  await writeIdentifiers(db, id, data);
  return row.version;
}

export async function markDeleted(db: Db, id: string, reason: string): Promise<void> {
  await db.updateTable('persons').set({ deleted_at: sql`now()`, deleted_reason: reason, version: sql`version + 1` }).where('id', '=', id).execute();
}

export async function renew(db: Db, id: string, reviewAt: Date): Promise<number> {
  const row = await db.updateTable('persons').set({ review_at: reviewAt, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id).returning('version').executeTakeFirstOrThrow();
  return row.version;
}

/** A row regardless of who asks; services decide what the actor may learn of it. */
export const findPerson = (db: Db, id: string) => db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();

export type PersonRow = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

function filtered(db: Db, actor: Actor, f: PersonFilter) {
  let q = db.selectFrom('persons as p').where(fullyVisible(actor, 'p'));
  if (f.q) q = q.where(sql<boolean>`(p.search_text % ${f.q.toLowerCase()} or p.search_text like ${`%${f.q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`})`);
  if (f.nationality) q = q.where(sql<boolean>`p.data->'nationalities' ? ${f.nationality}`);
  if (f.subject) q = q.where('p.subject', '=', f.subject);
  if (f.owner) q = q.where('p.owner_org', '=', f.owner);
  return q;
}

export function listVisible(db: Db, actor: Actor, f: PersonFilter) {
  return filtered(db, actor, f).selectAll('p').orderBy('p.created_at', 'desc').orderBy('p.id').limit(f.limit ?? 50).offset(f.offset ?? 0).execute();
}

export async function countVisible(db: Db, actor: Actor, f: PersonFilter): Promise<number> {
  const r = await filtered(db, actor, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertVersion(db: Db, v: { person_id: string; version: number; changed_by: string | null; changed_by_name: string; change: string; reason: string | null; snapshot: unknown }): Promise<void> {
  await db.insertInto('person_versions').values({ ...v, snapshot: JSON.stringify(v.snapshot) }).execute();
}

export const listVersions = (db: Db, id: string) => db.selectFrom('person_versions').selectAll().where('person_id', '=', id).orderBy('version').execute();

export async function savePhoto(db: Db, sha256: string, mediaType: string, bytes: Buffer): Promise<void> {
  await db.insertInto('photos').values({ sha256, media_type: mediaType, bytes }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
}

/** A photo, if the actor may see at least one person that shows it (or uploaded it for their own record). */
export function findVisiblePhoto(db: Db, actor: Actor, sha256: string) {
  return db.selectFrom('photos').selectAll().where('sha256', '=', sha256)
    .where((eb) => eb.exists(db.selectFrom('persons as p').select('p.id').where(fullyVisible(actor, 'p')).where(sql<boolean>`p.data->'photos' ? ${sha256}`)))
    .executeTakeFirst();
}

export const findPhoto = (db: Db, sha256: string) => db.selectFrom('photos').select(['sha256', 'media_type']).where('sha256', '=', sha256).executeTakeFirst();

/** Persons holding an identifier, in normalised form (exact look-up, SQL index). */
export function findByIdentifier(db: Db, actor: Actor, value: string) {
  return db.selectFrom('person_identifiers as i').innerJoin('persons as p', 'p.id', 'i.person_id')
    .selectAll('p').where('i.normalised', '=', normaliseIdentifier(value)).where(fullyVisible(actor, 'p')).execute();
}

/** Rows in pages by id, for building the screening index and for exports. */
export function pageAll(db: Db, afterId: string | null, limit: number) {
  let q = db.selectFrom('persons').selectAll().where('deleted_at', 'is', null).orderBy('id').limit(limit);
  if (afterId) q = q.where('id', '>', afterId);
  return q.execute();
}

/** Many persons in three statements (rows, first versions, identifiers), for imports and demo worlds. */
export async function insertPersonsBatch(db: Db, items: { data: PersonData; env: Envelope }[], createdBy: string | null, createdByName: string): Promise<string[]> {
  if (items.length === 0) return [];
  const rows = await db.insertInto('persons').values(items.map(({ data, env }) => ({
    ...envelopeColumns(env), created_by: createdBy, primary_name: primaryNameOf(data), search_text: searchTextOf(data), data: JSON.stringify(data),
  }))).returning('id').execute();
  const ids = rows.map((r) => r.id);
  await db.insertInto('person_versions').values(items.map(({ data, env }, i) => ({
    person_id: ids[i], version: 1, changed_by: createdBy, changed_by_name: createdByName, change: 'imported', reason: null, snapshot: JSON.stringify({ data, envelope: env }),
  }))).execute();
  const identifiers = items.flatMap(({ data }, i) => [...new Map(data.identifiers.map((x) => {
    const normalised = normaliseIdentifier(x.value);
    return [`${x.kind}|${normalised}`, { person_id: ids[i], kind: x.kind, country: x.country ?? null, normalised }];
  })).values()]);
  for (let i = 0; i < identifiers.length; i += 5000) await db.insertInto('person_identifiers').values(identifiers.slice(i, i + 5000)).execute();
  return ids;
}

/** Visible rows after an id, in id order: keyset paging for exports of any size. */
export function pageVisible(db: Db, actor: Actor, f: PersonFilter, afterId: string | null, limit: number) {
  let q = filtered(db, actor, f).selectAll('p').orderBy('p.id').limit(limit);
  if (afterId) q = q.where('p.id', '>', afterId);
  return q.execute();
}

/** The owner's persons whose review date falls before `before` (past ones included, hidden from others). */
export function reviewQueue(db: Db, orgId: string, before: Date) {
  return db.selectFrom('persons').select(['id', 'primary_name', 'subject', 'review_at', 'created_at'])
    .where('owner_org', '=', orgId).where('deleted_at', 'is', null).where('review_at', '<', before).orderBy('review_at').limit(1000).execute();
}
