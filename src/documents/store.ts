import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { envelopeColumns, existenceVisible, fullyVisible } from '../platform/access/sql.ts';
import type { Envelope } from '../platform/access/envelope.ts';
import type { Database } from '../platform/db/schema.ts';
import type { DocumentData, SightingData } from './record.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface DocumentFilter {
  /** Compared in normalised form. */
  number?: string;
  issuingCountry?: string;
  type?: string;
  status?: string;
  owner?: string;
  /** true: only cancelled records; false: only live ones; absent: both. */
  cancelled?: boolean;
  limit?: number;
  offset?: number;
}

/** A document's own columns (the envelope's are `envelopeColumns`). */
export function dataColumns(d: DocumentData) {
  return {
    number: d.number, number_norm: d.numberNormalised, issuing_country: d.issuingCountry, type: d.type, status: d.status,
    holder_person_id: d.holder?.personId ?? null, holder_names: d.holder?.names ?? [], holder_birth_date: d.holder?.birthDate ?? null,
    holder_sex: d.holder?.sex ?? null, holder_nationality: d.holder?.nationality ?? null,
    issue_date: d.issueDate, expiry_date: d.expiryDate, reported_on: d.reportedOn, reported_place: d.reportedPlace, circumstances: d.circumstances,
  };
}

export async function insertDocument(db: Db, data: DocumentData, env: Envelope, createdBy: string | null): Promise<string> {
  const row = await db.insertInto('documents').values({ ...envelopeColumns(env), ...dataColumns(data), created_by: createdBy })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Writes new data and envelope; `reactivate` lifts a cancellation (the owner set a status again). */
export async function updateDocument(db: Db, id: string, data: DocumentData, env: Envelope, reactivate: boolean): Promise<number> {
  const row = await db.updateTable('documents').set({
    ...envelopeColumns(env), ...dataColumns(data), ...(reactivate ? { cancelled_at: null, cancel_reason: null } : {}), version: sql`version + 1`, updated_at: sql`now()`,
  }).where('id', '=', id).returning('version').executeTakeFirstOrThrow();
  return row.version;
}

export async function cancelDocument(db: Db, id: string, reason: string): Promise<number> {
  const row = await db.updateTable('documents').set({ cancelled_at: sql`now()`, cancel_reason: reason, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id).returning('version').executeTakeFirstOrThrow();
  return row.version;
}

export async function markDeleted(db: Db, id: string, reason: string): Promise<number> {
  const row = await db.updateTable('documents').set({ deleted_at: sql`now()`, deleted_reason: reason, version: sql`version + 1` })
    .where('id', '=', id).returning('version').executeTakeFirstOrThrow();
  return row.version;
}

/** A row regardless of who asks; services decide what the actor may learn of it. */
export const findDocument = (db: Db, id: string) => db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();

export type DocumentRow = NonNullable<Awaited<ReturnType<typeof findDocument>>>;

/** The live record of this document, if any, whoever owns it (for the duplicate check). */
export const findLive = (db: Db, d: Pick<DocumentData, 'numberNormalised' | 'issuingCountry' | 'type'>) => db.selectFrom('documents').selectAll()
  .where('number_norm', '=', d.numberNormalised).where('issuing_country', '=', d.issuingCountry).where('type', '=', d.type).where('deleted_at', 'is', null)
  .executeTakeFirst();

function filtered(db: Db, actor: Actor, f: DocumentFilter) {
  let q = db.selectFrom('documents as d').where(fullyVisible(actor, 'd'));
  if (f.number) q = q.where('d.number_norm', '=', f.number);
  if (f.issuingCountry) q = q.where('d.issuing_country', '=', f.issuingCountry);
  if (f.type) q = q.where('d.type', '=', f.type);
  if (f.status) q = q.where('d.status', '=', f.status);
  if (f.owner) q = q.where('d.owner_org', '=', f.owner);
  if (f.cancelled !== undefined) q = q.where('d.cancelled_at', f.cancelled ? 'is not' : 'is', null);
  return q;
}

export function listVisible(db: Db, actor: Actor, f: DocumentFilter) {
  return filtered(db, actor, f).selectAll('d').orderBy('d.created_at', 'desc').orderBy('d.id', 'desc').limit(f.limit ?? 50).offset(f.offset ?? 0).execute();
}

export async function countVisible(db: Db, actor: Actor, f: DocumentFilter): Promise<number> {
  const r = await filtered(db, actor, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A sighting as read back, from a row or from the JSON the check query builds. */
export interface SightingRow extends SightingData {
  id: string; document_id: string; owner_org: string; reported_by_name: string; created_at: Date | string;
  audience: Envelope['audience']; audience_orgs: string[]; denied_orgs: string[]; tlp: string; handling: string; subject: string;
  review_at: Date | string; source: string | null; reliability: string; accuracy: string; deleted_at: Date | string | null;
}

const SIGHTING_JSON = (alias: string) => sql.raw(`json_build_object(
  'id', ${alias}.id, 'document_id', ${alias}.document_id, 'kind', ${alias}.kind, 'observedOn', ${alias}.observed_on, 'place', ${alias}.place,
  'country', ${alias}.country, 'circumstances', ${alias}.circumstances, 'owner_org', ${alias}.owner_org, 'reported_by_name', ${alias}.reported_by_name,
  'created_at', ${alias}.created_at, 'audience', ${alias}.audience, 'audience_orgs', ${alias}.audience_orgs, 'denied_orgs', ${alias}.denied_orgs,
  'tlp', ${alias}.tlp, 'handling', ${alias}.handling, 'subject', ${alias}.subject, 'review_at', ${alias}.review_at, 'source', ${alias}.source,
  'reliability', ${alias}.reliability, 'accuracy', ${alias}.accuracy, 'deleted_at', ${alias}.deleted_at)`);

const SIGHTING_JSON_R = SIGHTING_JSON('r');

/** The seen / seized reports of a document that the actor may see, oldest first. */
export async function sightingsOf(db: Db, actor: Actor, documentId: string): Promise<SightingRow[]> {
  const r = await sql<{ s: SightingRow }>`select ${SIGHTING_JSON_R} as s from document_reports r
    where r.document_id = ${documentId} and ${fullyVisible(actor, 'r')} order by r.created_at, r.id`.execute(db);
  return r.rows.map((x) => x.s);
}

export async function findSighting(db: Db, id: string): Promise<SightingRow> {
  const r = await sql<{ s: SightingRow }>`select ${SIGHTING_JSON_R} as s from document_reports r where r.id = ${id}`.execute(db);
  return r.rows[0].s;
}

export async function insertSighting(db: Db, documentId: string, s: SightingData, env: Envelope, actor: Actor): Promise<string> {
  const row = await db.insertInto('document_reports').values({
    ...envelopeColumns(env), document_id: documentId, kind: s.kind, observed_on: s.observedOn, place: s.place, country: s.country,
    circumstances: s.circumstances, created_by: actor.userId, reported_by_name: actor.username,
  }).returning('id').executeTakeFirstOrThrow();
  await db.updateTable('documents').set({ sighting_count: sql`sighting_count + 1` }).where('id', '=', documentId).execute();
  return row.id;
}

/**
 * Live records of a document number whose existence the actor may learn: one probe of
 * `documents_number`. Sightings are fetched apart (`sightingsOfMany`), only when there are some.
 */
export async function findForCheck(db: Db, actor: Actor, numberNormalised: string, issuingCountry: string | null): Promise<DocumentRow[]> {
  const { rows } = await checkQuery(actor, numberNormalised, issuingCountry).execute(db);
  // Sorted here rather than in SQL: a Sort node costs more planning than one or two rows cost to sort.
  return rows.length > 1 ? rows.sort((a, b) => a.created_at.getTime() - b.created_at.getTime()) : rows;
}

/** The query behind `findForCheck`, for the benchmark's plans. */
export function checkQuery(actor: Actor, numberNormalised: string, issuingCountry: string | null) {
  const country = issuingCountry === null ? sql`` : sql`and d.issuing_country = ${issuingCountry}`;
  return sql<DocumentRow>`select d.* from documents d
    where d.number_norm = ${numberNormalised} ${country} and d.deleted_at is null and d.cancelled_at is null and ${existenceVisible(actor, 'd')}`;
}

/** The seen / seized reports the actor may see of several documents, by document. */
export async function sightingsOfMany(db: Db, actor: Actor, documentIds: string[]): Promise<Map<string, SightingRow[]>> {
  const byDocument = new Map<string, SightingRow[]>(documentIds.map((id) => [id, []]));
  if (!documentIds.length) return byDocument;
  const r = await sql<{ s: SightingRow }>`select ${SIGHTING_JSON_R} as s from document_reports r
    where r.document_id = any(${documentIds}::uuid[]) and ${fullyVisible(actor, 'r')} order by r.created_at, r.id`.execute(db);
  for (const { s } of r.rows) byDocument.get(s.document_id)?.push(s);
  return byDocument;
}

export async function insertVersion(db: Db, v: { document_id: string; version: number; changed_by: string | null; changed_by_name: string; change: string; reason: string | null; snapshot: unknown }): Promise<void> {
  await db.insertInto('document_versions').values({ ...v, snapshot: JSON.stringify(v.snapshot) }).execute();
}

export const listVersions = (db: Db, id: string) => db.selectFrom('document_versions').selectAll().where('document_id', '=', id).orderBy('version').execute();

/** Sets a new review date (a renewal); returns the new version. */
export async function renew(db: Db, id: string, reviewAt: Date): Promise<number> {
  const row = await db.updateTable('documents').set({ review_at: reviewAt, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id).returning('version').executeTakeFirstOrThrow();
  return row.version;
}

/**
 * The owner's live records whose review date falls before `before` (past ones included: hidden
 * from others until renewed). Cancelled records are left out: checks no longer find them.
 */
export function retentionQueue(db: Db, orgId: string, before: Date) {
  return db.selectFrom('documents')
    .select(['id', 'number_norm', 'issuing_country', 'type', 'status', 'subject', 'review_at'])
    .where('owner_org', '=', orgId).where('deleted_at', 'is', null).where('cancelled_at', 'is', null).where('review_at', '<', before)
    .orderBy('review_at').orderBy('id').limit(1000).execute();
}

/** Rows by id, whoever owns them; the service decides what the actor may learn of each. */
export const findMany = (db: Db, ids: string[]) => (ids.length
  ? db.selectFrom('documents').selectAll().where('id', 'in', ids).execute()
  : Promise.resolve([] as DocumentRow[]));
