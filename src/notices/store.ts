import { sql, type Kysely, type RawBuilder, type Transaction, type Updateable } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { isPolice } from '../platform/access/actor.ts';
import type { Envelope } from '../platform/access/envelope.ts';
import { envelopeColumns, existenceVisible, fullyVisible } from '../platform/access/sql.ts';
import type { Database, NoticeTable } from '../platform/db/schema.ts';
import { isSecretariatReviewer, REVIEW_STAGE } from './access.ts';
import type { NoticeContent } from './content-schema.ts';
import type { NoticeKind, NoticeStatus } from './model.ts';
import { normaliseName } from './review.ts';
import { birthYearsOf, searchTextOf, subjectNameOf } from './summary.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** What a member may filter notices by. */
export interface NoticeFilter {
  kind?: NoticeKind;
  status?: NoticeStatus;
  owner?: string;
  /** A name of the subject (or listed entity). */
  q?: string;
  limit?: number;
  offset?: number;
}

/** Columns derived from the content, rewritten whenever the content changes. */
function contentColumns(c: NoticeContent) {
  return {
    kind: c.kind,
    content: JSON.stringify(c),
    subject_name: subjectNameOf(c),
    search_text: searchTextOf(c),
    birth_years: birthYearsOf(c),
    public_extract_allowed: c.publicExtractAgreed === true,
    recipients: c.kind === 'diffusion' ? c.recipients : [],
    expires_at: c.kind === 'orange' && !Number.isNaN(Date.parse(c.expiresAt)) ? new Date(c.expiresAt) : null,
  };
}

/** Stores a new draft; returns its id. */
export async function insertNotice(db: Db, content: NoticeContent, env: Envelope, createdBy: string | null): Promise<string> {
  const row = await db.insertInto('notices').values({
    ...envelopeColumns(env), ...contentColumns(content), created_by: createdBy, status: 'draft', reference: null,
    review_checks: null, review_justification: null, decision_reasons: [], submitted_at: null, published_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Rewrites a draft's content and envelope if it is still at `version`; false if someone got there first. */
export async function updateDraft(db: Db, id: string, version: number, content: NoticeContent, env: Envelope): Promise<boolean> {
  const r = await db.updateTable('notices').set({ ...envelopeColumns(env), ...contentColumns(content), version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id).where('version', '=', version).where('status', '=', 'draft').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Fields a lifecycle step may set besides the status. */
export type StepColumns = Pick<Updateable<NoticeTable>, 'reference' | 'review_checks' | 'review_justification' | 'decision_reasons' | 'submitted_at' | 'published_at'>;

/** Moves a notice from `from` to `to` if nobody changed it since `version`; false otherwise. */
export async function moveNotice(db: Db, id: string, version: number, from: NoticeStatus, to: NoticeStatus, extra: StepColumns): Promise<boolean> {
  const r = await db.updateTable('notices').set({ ...extra, status: to, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id).where('version', '=', version).where('status', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** One row of notice_history. */
export interface HistoryEntry { notice_id: string; user_id: string | null; username: string; org_id: string; action: string; from_status: string | null; to_status: string; reasons: string[] }

/** Records one step of a notice's lifecycle. */
export async function insertHistory(db: Db, e: HistoryEntry): Promise<void> {
  await db.insertInto('notice_history').values(e).execute();
}

/** A notice's lifecycle, oldest step first. */
export const listHistory = (db: Db, id: string) => db.selectFrom('notice_history').selectAll().where('notice_id', '=', id).orderBy('id').execute();

/** A row regardless of who asks; the service decides what the actor may learn of it. */
export const findNotice = (db: Db, id: string) => db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();

/** A notices row as stored. */
export type NoticeRow = NonNullable<Awaited<ReturnType<typeof findNotice>>>;

/** The next control number under a prefix; the counter row is locked until the transaction ends. */
export async function nextReferenceNumber(db: Db, prefix: string): Promise<number> {
  const r = await db.insertInto('notice_counters').values({ prefix, last: 1 })
    .onConflict((oc) => oc.column('prefix').doUpdateSet({ last: sql`notice_counters.last + 1` }))
    .returning('last').executeTakeFirstOrThrow();
  return r.last;
}

/**
 * SQL twin of `mayViewNotice` (access.ts): the envelope filter, limited to notices that reached
 * members unless the actor's organisation owns them, widened for the secretariat's reviewers to
 * every notice waiting for review.
 */
export function noticeVisible(actor: Actor, alias: string): RawBuilder<boolean> {
  const c = (col: keyof NoticeTable) => sql.ref(`${alias}.${col}`);
  if (actor.system) return sql<boolean>`true`;
  if (!isPolice(actor)) return sql<boolean>`false`;
  const byEnvelope = sql<boolean>`(${fullyVisible(actor, alias)} and (${c('owner_org')} = ${actor.orgId} or ${c('published_at')} is not null))`;
  if (!isSecretariatReviewer(actor)) return byEnvelope;
  return sql<boolean>`(${byEnvelope} or (${c('deleted_at')} is null and ${c('status')} in (${sql.join([...REVIEW_STAGE])})))`;
}

function filtered(db: Db, actor: Actor, f: NoticeFilter) {
  let q = db.selectFrom('notices as n').where(noticeVisible(actor, 'n'));
  if (f.kind) q = q.where('n.kind', '=', f.kind);
  if (f.status) q = q.where('n.status', '=', f.status);
  if (f.owner) q = q.where('n.owner_org', '=', f.owner);
  if (f.q) {
    // Stored names are normalised (ASCII, sorted tokens); so is the query, so "Émile" finds "Emile".
    const needle = normaliseName(f.q) || f.q.toLowerCase();
    q = q.where(sql<boolean>`(n.search_text % ${needle} or n.search_text like ${`%${needle.replace(/[%_\\]/g, '\\$&')}%`})`);
  }
  return q;
}

/** A page of the notices the actor may see, newest change first. */
export function listVisible(db: Db, actor: Actor, f: NoticeFilter) {
  return filtered(db, actor, f).selectAll('n').orderBy('n.updated_at', 'desc').orderBy('n.id').limit(f.limit ?? 50).offset(f.offset ?? 0).execute();
}

/** How many notices the actor may see match the filter. */
export async function countVisible(db: Db, actor: Actor, f: NoticeFilter): Promise<number> {
  const r = await filtered(db, actor, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Notices waiting for the secretariat, oldest first: requests, and diffusions already sent. */
export function reviewQueue(db: Db, f: { kind?: NoticeKind; limit?: number; offset?: number }) {
  let q = db.selectFrom('notices').selectAll().where('deleted_at', 'is', null).where('status', 'in', [...REVIEW_STAGE]);
  if (f.kind) q = q.where('kind', '=', f.kind);
  return q.orderBy(sql`coalesce(submitted_at, published_at, created_at)`).orderBy('id').limit(f.limit ?? 50).offset(f.offset ?? 0).execute();
}

/** How many notices wait for the secretariat. */
export async function countReviewQueue(db: Db, f: { kind?: NoticeKind }): Promise<number> {
  let q = db.selectFrom('notices').where('deleted_at', 'is', null).where('status', 'in', [...REVIEW_STAGE]);
  if (f.kind) q = q.where('kind', '=', f.kind);
  const r = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Notices in force of one kind whose subject shares a year of birth: the candidates the review's
 * duplicate check compares in full. Every owner's notices count, whatever their audience: the
 * secretariat checks a request against all it has published.
 */
export function duplicateCandidates(db: Db, kind: NoticeKind, birthYears: string[], excludeId: string) {
  if (birthYears.length === 0) return Promise.resolve([] as NoticeRow[]);
  const inForce = kind === 'diffusion' ? ['sent', 'reviewed_ok'] : ['published'];
  return db.selectFrom('notices').selectAll().where('kind', '=', kind).where('status', 'in', inForce).where('deleted_at', 'is', null)
    .where('id', '!=', excludeId).where(sql<boolean>`birth_years && ${sql.val(birthYears)}::text[]`).limit(1000).execute();
}

/** Notices in force past their review date, or past an orange notice's own end. */
export function dueForExpiry(db: Db, now: Date) {
  return db.selectFrom('notices').selectAll().where('deleted_at', 'is', null).where('status', 'in', ['published', 'sent', 'reviewed_ok'])
    .where((eb) => eb.or([eb('review_at', '<=', now), eb('expires_at', '<=', now)])).orderBy('id').limit(1000).execute();
}

/** Published Red and Yellow notices whose owner agreed to a public extract. */
function publicRows(db: Db) {
  return db.selectFrom('notices').where('public_extract_allowed', '=', true).where('kind', 'in', ['red', 'yellow'])
    .where('status', '=', 'published').where('deleted_at', 'is', null).where('review_at', '>', sql<Date>`now()`);
}

/** A page of public extracts' rows, newest publication first. */
export function listPublic(db: Db, f: { kind?: 'red' | 'yellow'; limit?: number; offset?: number }) {
  let q = publicRows(db).selectAll();
  if (f.kind) q = q.where('kind', '=', f.kind);
  return q.orderBy('published_at', 'desc').orderBy('id').limit(f.limit ?? 50).offset(f.offset ?? 0).execute();
}

/** One row with a public extract, or nothing. */
export const findPublic = (db: Db, id: string) => publicRows(db).selectAll().where('id', '=', id).executeTakeFirst();

const IN_FORCE = ['published', 'sent', 'reviewed_ok'];

/** Notices in force, in id order after `afterId`: the screening index is built from these. */
export function inForcePage(db: Db, afterId: string | null, limit: number) {
  let q = db.selectFrom('notices').select(['id', 'kind', 'status', 'content']).where('deleted_at', 'is', null)
    .where('status', 'in', IN_FORCE).orderBy('id').limit(limit);
  if (afterId) q = q.where('id', '>', afterId);
  return q.execute();
}

/** Current rows of some notices, whatever their status, so the index can drop the ones no longer in force. */
export const noticesByIds = (db: Db, ids: string[]) => (ids.length
  ? db.selectFrom('notices').select(['id', 'kind', 'status', 'content', 'deleted_at']).where('id', 'in', ids).execute()
  : Promise.resolve([]));

/**
 * Of candidate notices in force, those whose existence the actor may learn by screening, and
 * whether the details may be shown (the same rule as every notice list).
 */
export function screenableNotices(db: Db, actor: Actor, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('notices as n').innerJoin('organisations as o', 'o.id', 'n.owner_org')
    .select(['n.id', 'n.kind', 'n.reference', 'n.content', 'n.owner_org', 'n.subject', 'n.tlp', 'n.handling', 'o.name as owner_name', noticeVisible(actor, 'n').as('full')])
    .where('n.id', 'in', ids).where('n.status', 'in', IN_FORCE).where(existenceVisible(actor, 'n')).execute();
}

/** Statuses after which a notice is over: nothing to renew, the review date only hides it. */
export const FINAL_STATUSES: readonly NoticeStatus[] = ['cancelled', 'withdrawn', 'expired'];

/**
 * The owner's notices not yet over whose review date falls before `before` (past ones included:
 * hidden from others until renewed, and expired by the retention sweep if in force).
 */
export function retentionQueue(db: Db, orgId: string, before: Date) {
  return db.selectFrom('notices').select(['id', 'kind', 'status', 'content', 'subject', 'review_at'])
    .where('owner_org', '=', orgId).where('deleted_at', 'is', null).where('status', 'not in', [...FINAL_STATUSES]).where('review_at', '<', before)
    .orderBy('review_at').orderBy('id').limit(1000).execute();
}

/** Sets a new review date if the notice is still at `version`; false if someone got there first. */
export async function renewNotice(db: Db, id: string, version: number, reviewAt: Date): Promise<boolean> {
  const r = await db.updateTable('notices').set({ review_at: reviewAt, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Rows by id, whoever owns them; the service decides what the actor may learn of each. */
export const findMany = (db: Db, ids: string[]) => (ids.length
  ? db.selectFrom('notices').selectAll().where('id', 'in', ids).execute()
  : Promise.resolve([] as NoticeRow[]));
