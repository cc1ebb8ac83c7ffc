import type { Actor } from '../platform/access/actor.ts';
import { hasRole, isPolice, systemActor } from '../platform/access/actor.ts';
import { buildEnvelope, envelopeView, mayChange, visibilityOf, type Envelope, type EnvelopeInput } from '../platform/access/envelope.ts';
import { envelopeFromRow } from '../platform/access/sql.ts';
import { recordAudit } from '../platform/audit/log.ts';
import { conflict, forbidden, invalid, invalidField, notFound, type FieldProblem } from '../platform/errors.ts';
import type { Platform } from '../platform/platform.ts';
import type { Identity } from '../identity/service.ts';
import type { Persons } from '../persons/service.ts';
import type { Hits } from '../hits/service.ts';
import { checkAnswer, documentQueryIdentity, hitCandidates, hitQuery, readCheckQuery, seenInFull, withHits, type DocumentCheck, type DocumentCheckQuery } from './check.ts';
import { makeDocumentRetention } from './retention.ts';
import { issuingCountryProblem, mayRecordStatus } from './model.ts';
import { normaliseCountryCode, normaliseDocumentNumber } from './mrz.ts';
import { makeDocumentImport } from './import.ts';
import { changedFields, validateDocumentRecord, validateSighting, type DocumentData, type DocumentRecordInput, type SightingInput } from './record.ts';
import * as store from './store.ts';

/** A seen / seized report as an actor may see it. */
export interface SightingView {
  id: string; kind: 'seen' | 'seized'; observedOn: string | null; place: string | null; country: string | null; circumstances: string | null;
  reportedBy: { org: string; username: string }; reportedAt: Date; envelope: ReturnType<typeof envelopeView>;
}

/** A document record as an actor may see it in full. */
export interface DocumentView extends DocumentData {
  id: string;
  version: number;
  cancelledAt: Date | null;
  cancelReason: string | null;
  envelope: ReturnType<typeof envelopeView>;
  createdAt: Date;
  updatedAt: Date;
  /** Given by get and check; lists leave it out. */
  sightings?: SightingView[];
}

export function dataOf(row: store.DocumentRow): DocumentData {
  const hasHolder = row.holder_person_id || row.holder_names.length || row.holder_birth_date || row.holder_sex || row.holder_nationality;
  return {
    number: row.number, numberNormalised: row.number_norm, issuingCountry: row.issuing_country, type: row.type as DocumentData['type'],
    status: row.status as DocumentData['status'],
    holder: hasHolder ? { personId: row.holder_person_id, names: row.holder_names, birthDate: row.holder_birth_date, sex: row.holder_sex, nationality: row.holder_nationality } : null,
    issueDate: row.issue_date, expiryDate: row.expiry_date, reportedOn: row.reported_on, reportedPlace: row.reported_place, circumstances: row.circumstances,
  };
}

export function sightingView(s: store.SightingRow): SightingView {
  return {
    id: s.id, kind: s.kind, observedOn: s.observedOn, place: s.place, country: s.country, circumstances: s.circumstances,
    reportedBy: { org: s.owner_org, username: s.reported_by_name }, reportedAt: new Date(s.created_at), envelope: envelopeView(envelopeFromRow(s)),
  };
}

export function documentView(row: store.DocumentRow, sightings?: store.SightingRow[]): DocumentView {
  return {
    ...dataOf(row), id: row.id, version: row.version, cancelledAt: row.cancelled_at ? new Date(row.cancelled_at) : null, cancelReason: row.cancel_reason,
    envelope: envelopeView(envelopeFromRow(row)), createdAt: row.created_at, updatedAt: row.updated_at,
    ...(sightings ? { sightings: sightings.map(sightingView) } : {}),
  };
}

export interface DocumentReportInput { document: DocumentRecordInput; envelope?: EnvelopeInput }
/** What the owner may change; the number, issuing country and type identify the document and never change. */
export type DocumentChange = Partial<Omit<DocumentRecordInput, 'number' | 'issuingCountry' | 'type'>>;

const UNIQUE_VIOLATION = '23505';
const isUniqueViolation = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: unknown }).code === UNIQUE_VIOLATION;

/** Stolen, lost, revoked, counterfeit and forged travel and identity documents; seen / seized reports; the document check. */
export function makeDocuments(p: Platform, identity: Identity, persons: Persons, hits: Hits) {
  let orgs: Map<string, { kind: string; country: string | null }> | undefined;
  const organisations = async () => {
    orgs ??= new Map((await identity.listOrganisations(systemActor('documents'))).map((o) => [o.id, { kind: o.kind, country: o.country }]));
    return orgs;
  };
  const knownOrg = async () => { const all = await organisations(); return (id: string) => all.has(id); };

  async function refuse(actor: Actor, action: string, ids: string[], error: Error): Promise<never> {
    await recordAudit(p.db, actor, { action, outcome: 'refused', recordType: 'document', recordIds: ids });
    throw error;
  }

  /** Partners never see police data; they are refused outright rather than told "not found". */
  async function requirePolice(actor: Actor, action: string, ids: string[]): Promise<void> {
    if (!isPolice(actor)) await refuse(actor, action, ids, forbidden('Partner organisations do not have access to police records.'));
  }

  async function requireOfficer(actor: Actor, action: string, ids: string[]): Promise<void> {
    if (!isPolice(actor) || !hasRole(actor, 'officer', 'admin')) await refuse(actor, action, ids, forbidden('Only officers of a police organisation report documents.'));
  }

  function announce(tx: Parameters<typeof recordAudit>[0], type: string, id: string, env: Envelope) {
    // Record changes feed other nodes (a screening index, say); no one is alerted by them.
    return p.events.publish(tx, { type, recordType: 'document', recordId: id, recipientOrgs: [], payload: { id, owner: env.owner } });
  }

  /** A record the secretariat enters for a member belongs to that member's NCB; it is the member's data. */
  async function ownerFor(actor: Actor, issuingCountry: string): Promise<string> {
    if (actor.orgKind !== 'secretariat' && !actor.system) return actor.orgId;
    const ncb = [...(await organisations()).entries()].find(([, o]) => o.kind === 'ncb' && o.country === issuingCountry);
    return ncb?.[0] ?? actor.orgId;
  }

  async function checkHolder(actor: Actor, data: DocumentData, problems: FieldProblem[]): Promise<void> {
    const personId = data.holder?.personId;
    if (!personId) return;
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(personId)) {
      problems.push({ field: 'holder.personId', message: 'a person id is a UUID' });
      return;
    }
    await persons.getPerson(actor, personId).catch(() => { problems.push({ field: 'holder.personId', message: 'no such person, or you may not see it' }); });
  }

  /** Records a document's status: only its issuing country, or the secretariat for it, may. */
  async function reportDocument(actor: Actor, input: DocumentReportInput): Promise<DocumentView> {
    await requireOfficer(actor, 'document.report', []);
    const { data, problems } = validateDocumentRecord(input.document);
    if (!issuingCountryProblem(input.document.issuingCountry)
      && !mayRecordStatus(actor.country ?? '', actor.orgKind === 'secretariat' || actor.system === true, data.issuingCountry, 'status')) {
      const existing = await store.findLive(p.db, data);
      const where = existing && visibilityOf(actor, envelopeFromRow(existing)) !== 'none' ? ` (its record is ${existing.id})` : '';
      return refuse(actor, 'document.report', existing ? [existing.id] : [], forbidden(
        `Only the issuing country's national central bureau, or the General Secretariat on its behalf, records a ${data.issuingCountry} document as ${DOCUMENT_STATUS_WORDS}. `
        + `If you have seen or seized this document, file a seen/seized report on its record instead${where}.`));
    }
    const owner = await ownerFor(actor, data.issuingCountry);
    const { envelope, problems: envProblems } = buildEnvelope(owner, { subject: 'other', ...input.envelope }, await knownOrg());
    problems.push(...envProblems.map((e) => ({ ...e, field: `envelope.${e.field}` })));
    if (!problems.length) await checkHolder(actor, data, problems);
    if (problems.length) throw invalid('The document was not recorded.', problems);
    const duplicate = () => store.findLive(p.db, data).then(async (existing) => {
      if (existing) {
        await recordAudit(p.db, actor, { action: 'document.report', outcome: 'failed', recordType: 'document', recordIds: [existing.id], query: { duplicate: true } });
        throw conflict(`This ${data.issuingCountry} ${data.type.replace('_', ' ')} (${data.numberNormalised}) is already recorded by ${existing.owner_org}: change its status there rather than recording it twice.`, existing.id);
      }
    });
    await duplicate();
    try {
      return await p.db.transaction().execute(async (tx) => {
        const id = await store.insertDocument(tx, data, envelope, actor.userId);
        await store.insertVersion(tx, { document_id: id, version: 1, changed_by: actor.userId, changed_by_name: actor.username, change: `reported ${data.status}`, reason: null, snapshot: { data, envelope } });
        await recordAudit(tx, actor, { action: 'document.report', recordType: 'document', recordIds: [id], query: { status: data.status, onBehalfOf: owner === actor.orgId ? undefined : owner } });
        await announce(tx, 'document.reported', id, envelope);
        return documentView((await store.findDocument(tx, id))!, []);
      });
    } catch (e) {
      // Two reports of one document at once: the unique index lets one through; the other is told where it is.
      if (isUniqueViolation(e)) await duplicate();
      throw e;
    }
  }

  /** Any police member reports having seen or seized a document; the issuing country always receives the report. */
  async function reportSighting(actor: Actor, documentId: string, input: { report: SightingInput; envelope?: EnvelopeInput }): Promise<SightingView> {
    await requireOfficer(actor, 'document.sighting', [documentId]);
    const doc = await store.findDocument(p.db, documentId);
    if (!doc || visibilityOf(actor, envelopeFromRow(doc)) === 'none') return refuse(actor, 'document.sighting', [documentId], notFound('document'));
    if (doc.cancelled_at) return refuse(actor, 'document.sighting', [documentId], conflict(`${doc.owner_org} has withdrawn this record (the document is no longer reported); contact them directly.`, documentId));
    const { data, problems } = validateSighting(input.report);
    const requested = { subject: 'other' as const, ...input.envelope };
    // The issuing country is told of every sighting of its document, whatever audience the reporter chose.
    if (requested.audience === 'owner' || requested.audience === 'listed') {
      requested.audience = 'listed';
      requested.audienceOrgs = [...new Set([...(requested.audienceOrgs ?? []), doc.owner_org])].filter((o) => o !== actor.orgId);
      if (requested.audienceOrgs.length === 0) requested.audience = 'owner';
    }
    if (requested.deniedOrgs?.includes(doc.owner_org)) problems.push({ field: 'envelope.deniedOrgs', message: `${doc.owner_org} owns the document and always receives reports of it` });
    const { envelope, problems: envProblems } = buildEnvelope(actor.orgId, requested, await knownOrg());
    problems.push(...envProblems.map((e) => ({ ...e, field: `envelope.${e.field}` })));
    if (problems.length) throw invalid('The report was not recorded.', problems);
    return p.db.transaction().execute(async (tx) => {
      const id = await store.insertSighting(tx, documentId, data, envelope, actor);
      await recordAudit(tx, actor, { action: 'document.sighting', recordType: 'document', recordIds: [documentId, id], query: { kind: data.kind } });
      await p.events.publish(tx, { type: `document.${data.kind}`, recordType: 'document', recordId: documentId, recipientOrgs: [doc.owner_org], payload: { id: documentId, report: id, kind: data.kind, by: actor.orgId } });
      return sightingView(await store.findSighting(tx, id));
    });
  }

  /** The document with the sightings the actor may see, or 404 whether it does not exist or the actor may not see it in full. */
  async function getDocument(actor: Actor, id: string): Promise<DocumentView> {
    await requirePolice(actor, 'document.read', [id]);
    const row = await store.findDocument(p.db, id);
    if (!row || visibilityOf(actor, envelopeFromRow(row)) !== 'full') return refuse(actor, 'document.read', [id], notFound('document'));
    const sightings = await store.sightingsOf(p.db, actor, id);
    await recordAudit(p.db, actor, { action: 'document.read', recordType: 'document', recordIds: [id, ...sightings.map((s) => s.id)] });
    return documentView(row, sightings);
  }

  const normaliseFilter = (f: store.DocumentFilter): store.DocumentFilter => ({
    ...f,
    ...(f.number !== undefined ? { number: normaliseDocumentNumber(f.number) } : {}),
    ...(f.issuingCountry !== undefined ? { issuingCountry: normaliseCountryCode(f.issuingCountry) } : {}),
  });

  async function listDocuments(actor: Actor, filter: store.DocumentFilter): Promise<{ total: number; items: DocumentView[] }> {
    await requirePolice(actor, 'document.search', []);
    const f = normaliseFilter({ ...filter, limit: Math.min(filter.limit ?? 50, 500) });
    const [rows, total] = await Promise.all([store.listVisible(p.db, actor, f), store.countVisible(p.db, actor, f)]);
    await recordAudit(p.db, actor, { action: 'document.search', recordType: 'document', recordIds: rows.map((r) => r.id), query: filter, resultCount: total });
    return { total, items: rows.map((r) => documentView(r)) };
  }

  async function countDocuments(actor: Actor, filter: store.DocumentFilter): Promise<number> {
    await requirePolice(actor, 'document.count', []);
    const total = await store.countVisible(p.db, actor, normaliseFilter(filter));
    await recordAudit(p.db, actor, { action: 'document.count', recordType: 'document', query: filter, resultCount: total });
    return total;
  }

  async function loadForChange(actor: Actor, id: string, action: string) {
    const row = await store.findDocument(p.db, id);
    const env = row ? envelopeFromRow(row) : undefined;
    if (!row || !env || visibilityOf(actor, env) !== 'full') return refuse(actor, action, [id], notFound('document'));
    if (!mayChange(actor, env)) return refuse(actor, action, [id], forbidden(`Only officers of ${env.owner}, which owns this record, change it; report what you know as a seen/seized report.`));
    return { row, env };
  }

  /** The owner changes the status or details; a status change re-activates a cancelled record. Kept in the history. */
  async function updateDocument(actor: Actor, id: string, input: { document?: DocumentChange; envelope?: EnvelopeInput; reason?: string; expectedVersion?: number }): Promise<DocumentView> {
    const { row, env } = await loadForChange(actor, id, 'document.update');
    if (input.expectedVersion !== undefined && input.expectedVersion !== row.version) {
      throw invalidField('expectedVersion', `the record is at version ${row.version}; reload it and apply your change again`);
    }
    const before = dataOf(row);
    const { data, problems } = validateDocumentRecord({ ...before, ...input.document, number: before.number, issuingCountry: before.issuingCountry, type: before.type });
    const { envelope, problems: envProblems } = input.envelope
      ? buildEnvelope(env.owner, { ...env, reviewAt: undefined, ...input.envelope }, await knownOrg())
      : { envelope: env, problems: [] };
    if (!input.envelope?.reviewAt) envelope.reviewAt = env.reviewAt;
    problems.push(...envProblems.map((e) => ({ ...e, field: `envelope.${e.field}` })));
    if (data.holder?.personId !== before.holder?.personId) await checkHolder(actor, data, problems);
    if (problems.length) throw invalid('The change was not stored.', problems);
    const changed = [...changedFields(before, data), ...(JSON.stringify(envelope) !== JSON.stringify(env) ? ['envelope'] : [])];
    const reactivate = row.cancelled_at !== null && input.document?.status !== undefined;
    const change = [data.status !== before.status ? `status ${before.status} → ${data.status}` : '', reactivate ? 'record re-activated' : '', `changed ${changed.join(', ') || 'nothing'}`].filter(Boolean).join('; ');
    return p.db.transaction().execute(async (tx) => {
      const version = await store.updateDocument(tx, id, data, envelope, reactivate);
      await store.insertVersion(tx, { document_id: id, version, changed_by: actor.userId, changed_by_name: actor.username, change, reason: input.reason ?? null, snapshot: { data, envelope } });
      await recordAudit(tx, actor, { action: 'document.update', recordType: 'document', recordIds: [id], query: { changed } });
      await announce(tx, 'document.updated', id, envelope);
      return documentView((await store.findDocument(tx, id))!, await store.sightingsOf(tx, actor, id));
    });
  }

  /** The owner withdraws the status (the document was recovered, or reported in error); checks no longer hit it. */
  async function cancelDocument(actor: Actor, id: string, reason: string): Promise<DocumentView> {
    if (!reason.trim()) throw invalidField('reason', 'say why the status no longer holds (recovered, reported in error…)');
    const { row, env } = await loadForChange(actor, id, 'document.cancel');
    if (row.cancelled_at) throw conflict('The record is already cancelled; change its status to re-activate it.', id);
    return p.db.transaction().execute(async (tx) => {
      const version = await store.cancelDocument(tx, id, reason);
      await store.insertVersion(tx, { document_id: id, version, changed_by: actor.userId, changed_by_name: actor.username, change: `cancelled ${row.status}`, reason, snapshot: { data: dataOf(row), envelope: env } });
      await recordAudit(tx, actor, { action: 'document.cancel', recordType: 'document', recordIds: [id], query: { reason } });
      await announce(tx, 'document.updated', id, env);
      return documentView((await store.findDocument(tx, id))!, await store.sightingsOf(tx, actor, id));
    });
  }

  async function deleteDocument(actor: Actor, id: string, reason: string): Promise<void> {
    if (!reason.trim()) throw invalidField('reason', 'say why the record is deleted; the reason is kept for audit');
    const { row, env } = await loadForChange(actor, id, 'document.delete');
    await p.db.transaction().execute(async (tx) => {
      const version = await store.markDeleted(tx, id, reason);
      await store.insertVersion(tx, { document_id: id, version, changed_by: actor.userId, changed_by_name: actor.username, change: 'deleted', reason, snapshot: { data: dataOf(row), envelope: env } });
      await recordAudit(tx, actor, { action: 'document.delete', recordType: 'document', recordIds: [id], query: { reason } });
      await announce(tx, 'document.deleted', id, env);
    });
  }

  /** Who changed what, when. Members who may see the document see its history. */
  async function documentHistory(actor: Actor, id: string) {
    await requirePolice(actor, 'document.history', [id]);
    const row = await store.findDocument(p.db, id);
    if (!row || visibilityOf(actor, envelopeFromRow(row)) !== 'full') return refuse(actor, 'document.history', [id], notFound('document'));
    const versions = await store.listVersions(p.db, id);
    await recordAudit(p.db, actor, { action: 'document.history', recordType: 'document', recordIds: [id], resultCount: versions.length });
    return versions.map((v) => ({ version: v.version, changedBy: v.changed_by_name, changedAt: v.changed_at, change: v.change, reason: v.reason, snapshot: v.snapshot }));
  }

  /**
   * Checks a document from its machine-readable zone or its number: parsed fields, failed check
   * digits, status records (in full, or only that one exists and whom to contact), sightings,
   * and the holder's names and date of birth for person screening.
   */
  async function checkDocument(actor: Actor, query: DocumentCheckQuery): Promise<DocumentCheck> {
    await requirePolice(actor, 'document.check', []);
    const lookup = readCheckQuery(query);
    const rows = lookup.numberNormalised === null ? [] : await store.findForCheck(p.db, actor, lookup.numberNormalised, lookup.issuingCountry);
    const withSightings = rows.filter((r) => r.sighting_count > 0 && seenInFull(actor, r)).map((r) => r.id);
    const answer = checkAnswer(actor, lookup, rows, await store.sightingsOfMany(p.db, actor, withSightings), documentView);
    // The owner of a status record is told of the check at once, whatever the checker may see of it.
    // Only another organisation's record raises a hit: a check that found none costs nothing more.
    const candidates = hitCandidates(actor, rows);
    const [raised] = await Promise.all([
      candidates.length ? hits.raiseHits(actor, documentQueryIdentity(lookup.issuingCountry ?? '*', lookup.numberNormalised ?? ''), hitQuery(lookup), candidates) : new Map<string, string>(),
      // The zone itself is personal data: the audit keeps what was looked up, not the traveller's details.
      recordAudit(p.db, actor, {
        action: 'document.check', recordType: 'document', recordIds: answer.matches.map((m) => m.reference), resultCount: answer.matches.length,
        query: { via: lookup.via, number: lookup.numberNormalised, issuingCountry: lookup.issuingCountry, mrzFormat: lookup.mrz?.format ?? undefined, mrzValid: lookup.mrz?.valid },
      }),
    ]);
    return withHits(answer, raised);
  }

  // Retention (retention.ts): the owner's review queue, renewal with a justification, and hit titles.
  const { retentionQueue, renewDocument, describeRecords } = makeDocumentRetention(p, {
    requirePolice, loadForChange, announce, dataOf, view: async (tx, actor, id) => documentView((await store.findDocument(tx, id))!, await store.sightingsOf(tx, actor, id)),
  });

  // Bulk import and export (import.ts) apply the same rules as reportDocument and the lists.
  const { importDocuments, exportDocuments } = makeDocumentImport(p, { knownOrg, ownerFor, checkHolder, refuse, view: (row) => documentView(row) });

  return { reportDocument, reportSighting, getDocument, listDocuments, countDocuments, updateDocument, cancelDocument, deleteDocument, documentHistory, checkDocument, importDocuments, exportDocuments,
    retentionQueue, renewDocument, describeRecords };
}

const DOCUMENT_STATUS_WORDS = 'stolen, lost, revoked, invalidated, counterfeit, forged or a stolen blank';

export type Documents = ReturnType<typeof makeDocuments>;
