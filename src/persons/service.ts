import { createHash } from 'node:crypto';
import type { Actor } from '../platform/access/actor.ts';
import { hasRole, isPolice } from '../platform/access/actor.ts';
import { buildEnvelope, defaultReviewDate, envelopeView, mayChange, visibilityOf, type Envelope, type EnvelopeInput } from '../platform/access/envelope.ts';
import { envelopeFromRow } from '../platform/access/sql.ts';
import { recordAudit } from '../platform/audit/log.ts';
import { auditedPages } from '../platform/audit/pages.ts';
import { forbidden, invalid, invalidField, notFound, type LineProblem } from '../platform/errors.ts';
import type { Platform } from '../platform/platform.ts';
import type { Identity } from '../identity/service.ts';
import { changedFields, validatePerson, type PersonData } from './model.ts';
import * as store from './store.ts';

const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const PHOTO_TYPES: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.subarray(0, 4).toString() === 'RIFF' && b.subarray(8, 12).toString() === 'WEBP',
};

/** A person as an actor may see it in full. */
export interface PersonView extends PersonData {
  id: string;
  version: number;
  envelope: ReturnType<typeof envelopeView>;
  createdAt: Date;
  updatedAt: Date;
}

export function personView(row: store.PersonRow): PersonView {
  return { ...(row.data as PersonData), id: row.id, version: row.version, envelope: envelopeView(envelopeFromRow(row)), createdAt: row.created_at, updatedAt: row.updated_at };
}

export interface PersonInput { person: Partial<PersonData>; envelope?: EnvelopeInput }

/** One line of an import file, already parsed. */
export interface ImportRow { line: number; person: Partial<PersonData>; envelope?: EnvelopeInput }
export type { LineProblem };
export interface ImportOutcome { stored: number; ids: string[]; errors: LineProblem[] }

/** Nominal data: persons with names across scripts, partial dates of birth, identifiers, photos and full history. */
export function makePersons(p: Platform, identity: Identity) {
  let orgIds: Set<string> | undefined;
  const knownOrg = async () => {
    orgIds ??= new Set((await identity.listOrganisations({ userId: null, username: 'system', orgId: 'SECRETARIAT', orgKind: 'secretariat', country: null, roles: [], system: true })).map((o) => o.id));
    return (id: string) => orgIds!.has(id);
  };

  /** Partners never see police data; they are refused outright rather than told "not found". */
  async function requirePolice(actor: Actor, action: string, ids: string[]): Promise<void> {
    if (!isPolice(actor)) await refuse(actor, action, ids, forbidden('Partner organisations do not have access to police records.'));
  }

  async function refuse(actor: Actor, action: string, ids: string[], error: Error): Promise<never> {
    await recordAudit(p.db, actor, { action, outcome: 'refused', recordType: 'person', recordIds: ids });
    throw error;
  }

  function announce(tx: Parameters<typeof recordAudit>[0], type: string, id: string, env: Envelope) {
    // Record changes feed the screening index of every API node; no person is alerted by them.
    return p.events.publish(tx, { type, recordType: 'person', recordId: id, recipientOrgs: [], payload: { id, owner: env.owner } });
  }

  async function createPerson(actor: Actor, input: PersonInput): Promise<PersonView> {
    if (!isPolice(actor) || !hasRole(actor, 'officer', 'admin')) return refuse(actor, 'person.create', [], forbidden('Only officers of a police organisation enter persons.'));
    const { envelope, problems: envProblems } = buildEnvelope(actor.orgId, { subject: 'suspect', ...input.envelope }, await knownOrg());
    const { data, problems } = validatePerson(input.person, { unidentified: envelope.subject === 'unidentified' });
    problems.push(...envProblems.map((e) => ({ ...e, field: `envelope.${e.field}` })));
    await checkPhotosExist(data, problems);
    if (problems.length) throw invalid('The person was not stored.', problems);
    return p.db.transaction().execute(async (tx) => {
      const id = await store.insertPerson(tx, data, envelope, actor.userId);
      await store.insertVersion(tx, { person_id: id, version: 1, changed_by: actor.userId, changed_by_name: actor.username, change: 'created', reason: null, snapshot: { data, envelope } });
      await recordAudit(tx, actor, { action: 'person.create', recordType: 'person', recordIds: [id] });
      await announce(tx, 'person.created', id, envelope);
      return personView((await store.findPerson(tx, id))!);
    });
  }

  async function checkPhotosExist(data: PersonData, problems: { field: string; message: string }[]) {
    for (const [i, h] of data.photos.entries()) {
      if (/^[0-9a-f]{64}$/.test(h) && !(await store.findPhoto(p.db, h))) problems.push({ field: `photos.${i}`, message: 'no photo with this hash was uploaded' });
    }
  }

  /** The person, or 404 whether it does not exist or the actor may not see it in full. */
  async function getPerson(actor: Actor, id: string): Promise<PersonView> {
    await requirePolice(actor, 'person.read', [id]);
    const row = await store.findPerson(p.db, id);
    if (!row || visibilityOf(actor, envelopeFromRow(row)) !== 'full') return refuse(actor, 'person.read', [id], notFound('person'));
    await recordAudit(p.db, actor, { action: 'person.read', recordType: 'person', recordIds: [id] });
    return personView(row);
  }

  async function listPersons(actor: Actor, filter: store.PersonFilter): Promise<{ total: number; items: PersonView[] }> {
    await requirePolice(actor, 'person.search', []);
    const limit = Math.min(filter.limit ?? 50, 500);
    const [rows, total] = await Promise.all([store.listVisible(p.db, actor, { ...filter, limit }), store.countVisible(p.db, actor, filter)]);
    await recordAudit(p.db, actor, { action: 'person.search', recordType: 'person', recordIds: rows.map((r) => r.id), query: filter, resultCount: total });
    return { total, items: rows.map(personView) };
  }

  async function countPersons(actor: Actor, filter: store.PersonFilter): Promise<number> {
    await requirePolice(actor, 'person.count', []);
    const total = await store.countVisible(p.db, actor, filter);
    await recordAudit(p.db, actor, { action: 'person.count', recordType: 'person', query: filter, resultCount: total });
    return total;
  }

  async function loadForChange(actor: Actor, id: string, action: string) {
    const row = await store.findPerson(p.db, id);
    const env = row ? envelopeFromRow(row) : undefined;
    if (!row || !env || visibilityOf(actor, env) !== 'full') return refuse(actor, action, [id], notFound('person'));
    if (!mayChange(actor, env)) return refuse(actor, action, [id], forbidden('Only the owning organisation\'s officers change this record.'));
    return { row, env };
  }

  async function updatePerson(actor: Actor, id: string, input: Partial<PersonInput> & { reason?: string; expectedVersion?: number }): Promise<PersonView> {
    const { row, env } = await loadForChange(actor, id, 'person.update');
    if (input.expectedVersion !== undefined && input.expectedVersion !== row.version) {
      throw invalidField('expectedVersion', `the record is at version ${row.version}; reload it and apply your change again`);
    }
    const before = row.data as PersonData;
    const { envelope, problems: envProblems } = input.envelope
      ? buildEnvelope(env.owner, { ...env, reviewAt: undefined, ...input.envelope }, await knownOrg())
      : { envelope: env, problems: [] };
    const { data, problems } = input.person ? validatePerson({ ...before, ...input.person }, { unidentified: envelope.subject === 'unidentified' }) : { data: before, problems: [] };
    if (!input.envelope?.reviewAt) envelope.reviewAt = env.reviewAt;
    problems.push(...envProblems.map((e) => ({ ...e, field: `envelope.${e.field}` })));
    await checkPhotosExist(data, problems);
    if (problems.length) throw invalid('The change was not stored.', problems);
    const changed = [...changedFields(before, data), ...(JSON.stringify(envelope) !== JSON.stringify(env) ? ['envelope'] : [])];
    return p.db.transaction().execute(async (tx) => {
      const version = await store.updatePerson(tx, id, data, envelope);
      await store.insertVersion(tx, { person_id: id, version, changed_by: actor.userId, changed_by_name: actor.username, change: `changed ${changed.join(', ') || 'nothing'}`, reason: input.reason ?? null, snapshot: { data, envelope } });
      await recordAudit(tx, actor, { action: 'person.update', recordType: 'person', recordIds: [id], query: { changed } });
      await announce(tx, 'person.updated', id, envelope);
      return personView((await store.findPerson(tx, id))!);
    });
  }

  async function deletePerson(actor: Actor, id: string, reason: string): Promise<void> {
    if (!reason.trim()) throw invalidField('reason', 'say why the record is deleted; the reason is kept for audit');
    const { row, env } = await loadForChange(actor, id, 'person.delete');
    await p.db.transaction().execute(async (tx) => {
      await store.markDeleted(tx, id, reason);
      await store.insertVersion(tx, { person_id: id, version: row.version + 1, changed_by: actor.userId, changed_by_name: actor.username, change: 'deleted', reason, snapshot: { data: row.data, envelope: env } });
      await recordAudit(tx, actor, { action: 'person.delete', recordType: 'person', recordIds: [id], query: { reason } });
      await announce(tx, 'person.deleted', id, env);
    });
  }

  /** Who changed what, when. Members who may see the person see its history. */
  async function personHistory(actor: Actor, id: string) {
    await requirePolice(actor, 'person.history', [id]);
    const row = await store.findPerson(p.db, id);
    if (!row || visibilityOf(actor, envelopeFromRow(row)) !== 'full') return refuse(actor, 'person.history', [id], notFound('person'));
    const versions = await store.listVersions(p.db, id);
    await recordAudit(p.db, actor, { action: 'person.history', recordType: 'person', recordIds: [id], resultCount: versions.length });
    return versions.map((v) => ({ version: v.version, changedBy: v.changed_by_name, changedAt: v.changed_at, change: v.change, reason: v.reason, snapshot: v.snapshot }));
  }

  /** Keeps a record past its review date: the owner justifies it, and it runs another five years. */
  async function renewPerson(actor: Actor, id: string, justification: string): Promise<PersonView> {
    if (!justification.trim()) throw invalidField('justification', 'say why the record must be kept');
    const { row, env } = await loadForChange(actor, id, 'person.renew');
    const reviewAt = defaultReviewDate();
    return p.db.transaction().execute(async (tx) => {
      const version = await store.renew(tx, id, reviewAt);
      await store.insertVersion(tx, { person_id: id, version, changed_by: actor.userId, changed_by_name: actor.username, change: `renewed until ${reviewAt.toISOString().slice(0, 10)}`, reason: justification, snapshot: { data: row.data, envelope: { ...env, reviewAt } } });
      await recordAudit(tx, actor, { action: 'person.renew', recordType: 'person', recordIds: [id], query: { justification } });
      await announce(tx, 'person.updated', id, env);
      return personView((await store.findPerson(tx, id))!);
    });
  }

  async function uploadPhoto(actor: Actor, bytes: Buffer, mediaType: string): Promise<{ sha256: string }> {
    if (!isPolice(actor) || !hasRole(actor, 'officer', 'admin')) return refuse(actor, 'photo.upload', [], forbidden('Only officers upload photos.'));
    if (bytes.length === 0) throw invalidField('body', 'the photo is empty');
    if (bytes.length > MAX_PHOTO_BYTES) throw invalidField('body', `a photo may be at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB`);
    const check = PHOTO_TYPES[mediaType];
    if (!check) throw invalidField('content-type', `send image/jpeg, image/png or image/webp, not ${mediaType}`);
    if (!check(bytes)) throw invalidField('body', `the bytes are not a ${mediaType} image`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await store.savePhoto(p.db, sha256, mediaType, bytes);
    await recordAudit(p.db, actor, { action: 'photo.upload', recordType: 'photo', recordIds: [sha256] });
    return { sha256 };
  }

  async function getPhoto(actor: Actor, sha256: string) {
    const photo = await store.findVisiblePhoto(p.db, actor, sha256);
    if (!photo) return refuse(actor, 'photo.read', [sha256], notFound('photo'));
    await recordAudit(p.db, actor, { action: 'photo.read', recordType: 'photo', recordIds: [sha256] });
    return photo;
  }

  /**
   * Validates every row first; a batch with any error stores nothing and reports every error
   * (line, field, message). A clean batch is stored in one transaction with one audit entry.
   */
  async function importPersons(actor: Actor, rows: ImportRow[], opts: { validateOnly?: boolean } = {}): Promise<ImportOutcome> {
    if (!isPolice(actor) || !hasRole(actor, 'officer', 'admin')) return refuse(actor, 'person.import', [], forbidden('Only officers of a police organisation import persons.'));
    const known = await knownOrg();
    const errors: LineProblem[] = [];
    const items = rows.map((row) => {
      const { envelope, problems: envProblems } = buildEnvelope(actor.orgId, { subject: 'suspect', ...row.envelope }, known);
      const { data, problems } = validatePerson(row.person, { unidentified: envelope.subject === 'unidentified' });
      for (const pr of [...problems, ...envProblems.map((e) => ({ ...e, field: `envelope.${e.field}` }))]) errors.push({ line: row.line, ...pr });
      return { data, env: envelope };
    });
    if (opts.validateOnly) return { stored: 0, ids: [], errors };
    if (errors.length) {
      await recordAudit(p.db, actor, { action: 'person.import', outcome: 'failed', recordType: 'person', query: { lines: rows.length, errors: errors.length }, resultCount: 0 });
      return { stored: 0, ids: [], errors };
    }
    const ids = await p.db.transaction().execute(async (tx) => {
      const stored = await store.insertPersonsBatch(tx, items, actor.userId, actor.username);
      await recordAudit(tx, actor, { action: 'person.import', recordType: 'person', recordIds: stored, resultCount: stored.length });
      await p.events.publish(tx, { type: 'person.imported', recordType: 'person', recordId: null, recipientOrgs: [], payload: { ids: stored } });
      return stored;
    });
    return { stored: ids.length, ids, errors: [] };
  }

  /** Every person the actor may see, page by page, for export (audited once per page). */
  async function* exportPersons(actor: Actor, filter: store.PersonFilter = {}): AsyncGenerator<PersonView[]> {
    await requirePolice(actor, 'person.export', []);
    yield* auditedPages(p.db, actor, { action: 'person.export', recordType: 'person', query: filter }, 1000,
      (after, size) => store.pageVisible(p.db, actor, filter, after, size), personView);
  }

  /** The owner's persons due for review within `monthsAhead` months, or already past it. */
  async function reviewQueue(actor: Actor, monthsAhead = 6) {
    const before = new Date();
    before.setUTCMonth(before.getUTCMonth() + monthsAhead);
    const rows = await store.reviewQueue(p.db, actor.orgId, before);
    await recordAudit(p.db, actor, { action: 'person.review_queue', recordType: 'person', recordIds: rows.map((r) => r.id), resultCount: rows.length });
    return rows.map((r) => ({ recordType: 'person' as const, id: r.id, title: r.primary_name, subject: r.subject, reviewAt: new Date(r.review_at), createdAt: r.created_at }));
  }

  return { reviewQueue, importPersons, exportPersons, createPerson, getPerson, listPersons, countPersons, updatePerson, deletePerson, personHistory, renewPerson, uploadPhoto, getPhoto };
}

export type Persons = ReturnType<typeof makePersons>;
