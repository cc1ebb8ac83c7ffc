import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { envelopeColumns, existenceVisible, fullyVisible } from '../platform/access/sql.ts';
import type { Envelope } from '../platform/access/envelope.ts';
import type { Database } from '../platform/db/schema.ts';
import type { MarkKind } from './model.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A person's envelope and photos, read to decide whether biometrics may be attached to it. */
export const findPerson = (db: Db, id: string) => db.selectFrom('persons')
  .select(['id', 'owner_org', 'audience', 'audience_orgs', 'denied_orgs', 'tlp', 'handling', 'subject', 'review_at', 'source', 'reliability', 'accuracy', 'deleted_at', 'data'])
  .where('id', '=', id).executeTakeFirst();

export interface NewFingerprint {
  personId: string | null;
  markKind: MarkKind | null;
  caseReference: string | null;
  fingerPosition: number;
  impressionType: number;
  template: Uint8Array;
  sha256: string;
  minutiaeCount: number;
  quality: number;
}

export async function insertFingerprints(db: Db, items: NewFingerprint[], env: Envelope, createdBy: string | null): Promise<string[]> {
  if (!items.length) return [];
  const rows = await db.insertInto('fingerprints').values(items.map((f) => ({
    ...envelopeColumns(env), created_by: createdBy, person_id: f.personId, mark_kind: f.markKind, case_reference: f.caseReference,
    finger_position: f.fingerPosition, impression_type: f.impressionType, template: Buffer.from(f.template), template_sha256: f.sha256,
    minutiae_count: f.minutiaeCount, quality: f.quality,
  }))).returning('id').execute();
  return rows.map((r) => r.id);
}

const FINGERPRINT_FIELDS = ['f.id', 'f.person_id', 'f.mark_kind', 'f.case_reference', 'f.finger_position', 'f.impression_type', 'f.template_sha256', 'f.minutiae_count', 'f.quality', 'f.created_at', 'f.owner_org', 'f.subject', 'f.tlp', 'f.handling'] as const;

/**
 * A print (or mark) the actor may see in full: the print's own envelope and, for a person's
 * print, the person's too, so a person withdrawn or restricted later takes its prints along.
 */
export function findVisibleFingerprint(db: Db, actor: Actor, id: string) {
  return db.selectFrom('fingerprints as f').leftJoin('persons as p', 'p.id', 'f.person_id')
    .select([...FINGERPRINT_FIELDS, 'f.template', 'f.denied_orgs', 'f.deleted_at', 'f.audience', 'f.audience_orgs', 'f.review_at', 'f.source', 'f.reliability', 'f.accuracy'])
    .where('f.id', '=', id).where(fullyVisible(actor, 'f')).where((eb) => eb.or([eb('f.person_id', 'is', null), fullyVisible(actor, 'p')]))
    .executeTakeFirst();
}

/** A print regardless of who asks (for changes; the service checks ownership). */
export const findFingerprint = (db: Db, id: string) => db.selectFrom('fingerprints').selectAll().where('id', '=', id).executeTakeFirst();

export function listPersonFingerprints(db: Db, actor: Actor, personId: string) {
  return db.selectFrom('fingerprints as f').select(FINGERPRINT_FIELDS).where('f.person_id', '=', personId).where(fullyVisible(actor, 'f'))
    .orderBy('f.finger_position').orderBy('f.created_at').execute();
}

export async function markFingerprintDeleted(db: Db, id: string, reason: string): Promise<void> {
  await db.updateTable('fingerprints').set({ deleted_at: sql`now()`, deleted_reason: reason, updated_at: sql`now()` }).where('id', '=', id).execute();
}

/** Live prints in id order after `afterId`, for building the gallery in pages. */
export function fingerprintPage(db: Db, afterId: string | null, limit: number) {
  let q = db.selectFrom('fingerprints').select(['id', 'template', 'denied_orgs']).where('deleted_at', 'is', null).orderBy('id').limit(limit);
  if (afterId) q = q.where('id', '>', afterId);
  return q.execute();
}

export const countFingerprints = async (db: Db) => Number((await db.selectFrom('fingerprints').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow()).n);

/** Current rows of some prints, deleted ones included (so the gallery can drop them). */
export const fingerprintsByIds = (db: Db, ids: string[]) => (ids.length
  ? db.selectFrom('fingerprints').select(['id', 'template', 'denied_orgs', 'deleted_at']).where('id', 'in', ids).execute()
  : Promise.resolve([]));

/**
 * Of the candidate prints, those whose existence the actor may learn, with whether the details
 * may be shown too (print and person envelopes both apply), the person's nominal summary and the
 * owner's name. The access rule runs inside the query, as for every list.
 */
export function visibleFingerprintCandidates(db: Db, actor: Actor, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('fingerprints as f').leftJoin('persons as p', 'p.id', 'f.person_id').innerJoin('organisations as o', 'o.id', 'f.owner_org')
    .select([...FINGERPRINT_FIELDS, 'p.data as person_data', 'p.subject as person_subject', 'o.name as owner_name',
      sql<boolean>`(${fullyVisible(actor, 'f')} and (f.person_id is null or ${fullyVisible(actor, 'p')}))`.as('full')])
    .where('f.id', 'in', ids).where(existenceVisible(actor, 'f')).where((eb) => eb.or([eb('f.person_id', 'is', null), existenceVisible(actor, 'p')]))
    .execute();
}

export interface NewFace {
  personId: string;
  photoSha256: string;
  box: { x: number; y: number; width: number; height: number };
  detectionScore: number;
  model: string;
  embedding: Float32Array;
}

export async function insertFace(db: Db, f: NewFace, env: Envelope, createdBy: string | null, withVector: boolean): Promise<string> {
  const row = await db.insertInto('face_images').values({
    ...envelopeColumns(env), created_by: createdBy, person_id: f.personId, photo_sha256: f.photoSha256,
    box_x: f.box.x, box_y: f.box.y, box_width: f.box.width, box_height: f.box.height, detection_score: f.detectionScore,
  }).returning('id').executeTakeFirstOrThrow();
  const embedding = Array.from(f.embedding);
  await db.insertInto('face_embeddings').values({ face_id: row.id, model: f.model, dims: embedding.length, embedding }).execute();
  // The vector column exists only where pgvector does; it mirrors the real[] for SQL-side similarity.
  if (withVector) await sql`update face_embeddings set embedding_vector = ${`[${embedding.join(',')}]`}::vector where face_id = ${row.id} and model = ${f.model}`.execute(db);
  return row.id;
}

export const findFace = (db: Db, id: string) => db.selectFrom('face_images').selectAll().where('id', '=', id).executeTakeFirst();

/** A live face enrolment of this photo for this person, if any. */
export const findFaceOfPhoto = (db: Db, personId: string, sha256: string) => db.selectFrom('face_images').select('id')
  .where('person_id', '=', personId).where('photo_sha256', '=', sha256).where('deleted_at', 'is', null).executeTakeFirst();

export const findPhoto = (db: Db, sha256: string) => db.selectFrom('photos').select(['sha256', 'media_type', 'bytes']).where('sha256', '=', sha256).executeTakeFirst();

const FACE_FIELDS = ['fi.id', 'fi.person_id', 'fi.photo_sha256', 'fi.box_x', 'fi.box_y', 'fi.box_width', 'fi.box_height', 'fi.detection_score', 'fi.created_at', 'fi.owner_org', 'fi.subject', 'fi.tlp', 'fi.handling'] as const;

export function listPersonFaces(db: Db, actor: Actor, personId: string, model: string) {
  return db.selectFrom('face_images as fi').innerJoin('face_embeddings as e', 'e.face_id', 'fi.id').select([...FACE_FIELDS, 'e.model'])
    .where('fi.person_id', '=', personId).where('e.model', '=', model).where(fullyVisible(actor, 'fi')).orderBy('fi.created_at').execute();
}

export async function markFaceDeleted(db: Db, id: string, reason: string): Promise<void> {
  await db.updateTable('face_images').set({ deleted_at: sql`now()`, deleted_reason: reason, updated_at: sql`now()` }).where('id', '=', id).execute();
}

/** Live embeddings of one model in face id order after `afterId`, for building the index in pages. */
export function faceEmbeddingPage(db: Db, model: string, afterId: string | null, limit: number) {
  let q = db.selectFrom('face_embeddings as e').innerJoin('face_images as fi', 'fi.id', 'e.face_id').select(['e.face_id', 'e.embedding', 'fi.denied_orgs'])
    .where('e.model', '=', model).where('fi.deleted_at', 'is', null).orderBy('e.face_id').limit(limit);
  if (afterId) q = q.where('e.face_id', '>', afterId);
  return q.execute();
}

export const countFaceEmbeddings = async (db: Db, model: string) => Number((await db.selectFrom('face_embeddings as e').innerJoin('face_images as fi', 'fi.id', 'e.face_id')
  .select((eb) => eb.fn.countAll<number>().as('n')).where('e.model', '=', model).where('fi.deleted_at', 'is', null).executeTakeFirstOrThrow()).n);

/** Current embeddings of some faces, deleted ones included (so the index can drop them). */
export const facesByIds = (db: Db, model: string, ids: string[]) => (ids.length
  ? db.selectFrom('face_images as fi').leftJoin('face_embeddings as e', (j) => j.onRef('e.face_id', '=', 'fi.id').on('e.model', '=', model))
    .select(['fi.id', 'fi.deleted_at', 'fi.denied_orgs', 'e.embedding']).where('fi.id', 'in', ids).execute()
  : Promise.resolve([]));

/** Of the candidate faces, those whose existence the actor may learn, as for fingerprints. */
export function visibleFaceCandidates(db: Db, actor: Actor, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('face_images as fi').innerJoin('persons as p', 'p.id', 'fi.person_id').innerJoin('organisations as o', 'o.id', 'fi.owner_org')
    .select([...FACE_FIELDS, 'p.data as person_data', 'p.subject as person_subject', 'o.name as owner_name',
      sql<boolean>`(${fullyVisible(actor, 'fi')} and ${fullyVisible(actor, 'p')})`.as('full')])
    .where('fi.id', 'in', ids).where(existenceVisible(actor, 'fi')).where(existenceVisible(actor, 'p'))
    .execute();
}

/** Nearest faces by pgvector's cosine distance, where the extension exists (a cross-check of the in-memory index). */
export async function nearestFacesInSql(db: Db, model: string, embedding: Float32Array, limit: number): Promise<{ face_id: string; score: number }[]> {
  const r = await sql<{ face_id: string; score: number }>`
    select e.face_id, 1 - (e.embedding_vector <=> ${`[${Array.from(embedding).join(',')}]`}::vector) as score
    from face_embeddings e join face_images fi on fi.id = e.face_id
    where e.model = ${model} and fi.deleted_at is null
    order by e.embedding_vector <=> ${`[${Array.from(embedding).join(',')}]`}::vector limit ${limit}`.execute(db);
  return r.rows.map((x) => ({ face_id: x.face_id, score: Number(x.score) }));
}

/** Whether face embeddings also have a pgvector column here (created by the migration where pgvector exists). */
export async function hasVectorColumn(db: Db): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*)::int as n from information_schema.columns where table_name = 'face_embeddings' and column_name = 'embedding_vector'`.execute(db);
  return (r.rows[0]?.n ?? 0) > 0;
}
