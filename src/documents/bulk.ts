import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { hasRole, isPolice, systemActor } from '../platform/access/actor.ts';
import { buildEnvelope, type Envelope, type EnvelopeInput } from '../platform/access/envelope.ts';
import { envelopeColumns } from '../platform/access/sql.ts';
import { recordAudit } from '../platform/audit/log.ts';
import type { Database } from '../platform/db/schema.ts';
import { forbidden, invalid } from '../platform/errors.ts';
import type { Platform } from '../platform/platform.ts';
import type { Identity } from '../identity/service.ts';
import type { Persons } from '../persons/service.ts';
import { issuingCountryProblem, mayRecordStatus } from './model.ts';
import { validateDocumentRecord, type DocumentData, type DocumentRecordInput } from './record.ts';
import { dataColumns } from './store.ts';

// Bulk loading of document status records: validation, ownership and audit as in
// `reportDocument`, but thousands of rows per statement and one audit entry per batch, so that
// millions of records (a benchmark world, a national database's first upload) load at database
// speed rather than one transaction each.

type Db = Kysely<Database> | Transaction<Database>;

/** A document as stored by a batch; `id` is chosen by the caller (a fresh UUID unless it has one). */
export interface DocumentBatchItem { id: string; data: DocumentData; env: Envelope }

/** Rows per INSERT: large enough to amortise a statement, small enough to keep its JSON parameter a few MB. */
export const ROWS_PER_STATEMENT = 2500;

const FOREIGN_KEY_VIOLATION = '23503';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Inserts documents with their first version, many rows per statement. A document already
 * recorded live (same normalised number, issuing country and type, in the database or earlier in
 * the batch) is skipped, not an error: the ids actually stored are returned.
 */
export async function insertDocumentRecords(db: Db, items: readonly DocumentBatchItem[], createdBy: string | null, createdByName: string): Promise<Set<string>> {
  const stored = new Set<string>();
  for (let from = 0; from < items.length; from += ROWS_PER_STATEMENT) {
    const rows = items.slice(from, from + ROWS_PER_STATEMENT).map(({ id, data, env }) => ({
      id, ...envelopeColumns(env), ...dataColumns(data), change: `imported ${data.status}`, snapshot: { data, envelope: env },
    }));
    // One JSON parameter per statement, unpacked by the server: no parameter limit, arrays stay arrays.
    const { rows: inserted } = await sql<{ document_id: string }>`
      with x as (
        select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(
          id uuid, owner_org text, audience text, audience_orgs text[], denied_orgs text[], tlp text, handling text, subject text,
          review_at timestamptz, source text, reliability text, accuracy text,
          number text, number_norm text, issuing_country text, type text, status text,
          holder_person_id uuid, holder_names text[], holder_birth_date text, holder_sex text, holder_nationality text,
          issue_date date, expiry_date date, reported_on date, reported_place text, circumstances text, change text, snapshot jsonb)
      ), ins as (
        insert into documents (id, owner_org, audience, audience_orgs, denied_orgs, tlp, handling, subject, review_at, source, reliability, accuracy,
          number, number_norm, issuing_country, type, status, holder_person_id, holder_names, holder_birth_date, holder_sex, holder_nationality,
          issue_date, expiry_date, reported_on, reported_place, circumstances, created_by)
        select id, owner_org, audience, audience_orgs, denied_orgs, tlp, handling, subject, review_at, source, reliability, accuracy,
          number, number_norm, issuing_country, type, status, holder_person_id, holder_names, holder_birth_date, holder_sex, holder_nationality,
          issue_date, expiry_date, reported_on, reported_place, circumstances, ${createdBy}::uuid
        from x
        on conflict (number_norm, issuing_country, type) where deleted_at is null do nothing
        returning id
      )
      insert into document_versions (document_id, version, changed_by, changed_by_name, change, reason, snapshot)
      select x.id, 1, ${createdBy}::uuid, ${createdByName}, x.change, null, x.snapshot from ins join x on x.id = ins.id
      returning document_id`.execute(db);
    for (const r of inserted) stored.add(r.document_id);
  }
  return stored;
}

/** One line of a bulk load: a status record as `reportDocument` takes it. */
export interface DocumentBulkRow { line: number; document: DocumentRecordInput; envelope?: EnvelopeInput }
export interface DocumentBulkProblem { line: number; field: string; message: string }
export interface DocumentBulkOutcome {
  stored: number;
  /** The new record's id for each row, in order; null for a row not stored (a duplicate, or the batch failed). */
  ids: (string | null)[];
  /** Lines skipped because the document is already recorded. */
  duplicates: number[];
  errors: DocumentBulkProblem[];
}

/** Loads many document status records at once, with the rules of `reportDocument` and one audit entry per call. */
export function makeDocumentBulk(p: Platform, identity: Identity, persons: Persons) {
  let orgs: Map<string, { kind: string; country: string | null }> | undefined;
  const organisations = async () => {
    orgs ??= new Map((await identity.listOrganisations(systemActor('documents'))).map((o) => [o.id, { kind: o.kind, country: o.country }]));
    return orgs;
  };

  /**
   * Records every row or none (a row with a problem stores nothing and names the line); rows
   * describing a document already recorded are skipped and listed. Only the issuing country, or
   * the secretariat / a system task on its behalf (the record then belongs to that country's NCB),
   * records a status. Holders linked to person records must exist (and, for users, be visible).
   */
  async function reportDocumentsInBulk(actor: Actor, rows: readonly DocumentBulkRow[], opts: { validateOnly?: boolean } = {}): Promise<DocumentBulkOutcome> {
    if (!isPolice(actor) || !hasRole(actor, 'officer', 'admin')) {
      await recordAudit(p.db, actor, { action: 'document.import', outcome: 'refused', recordType: 'document' });
      throw forbidden('Only officers of a police organisation report documents.');
    }
    const all = await organisations();
    const ncbOf = new Map([...all.entries()].filter(([, o]) => o.kind === 'ncb' && o.country).map(([id, o]) => [o.country!, id]));
    const onBehalf = actor.orgKind === 'secretariat' || actor.system === true;
    const now = new Date();
    const errors: DocumentBulkProblem[] = [];
    const items: DocumentBatchItem[] = [];
    const holders = new Map<string, number[]>();
    for (const row of rows) {
      const { data, problems } = validateDocumentRecord(row.document, now);
      if (!issuingCountryProblem(row.document.issuingCountry) && !mayRecordStatus(actor.country ?? '', onBehalf, data.issuingCountry, 'status')) {
        problems.push({ field: 'issuingCountry', message: `only the ${data.issuingCountry} national central bureau, or the General Secretariat on its behalf, records the status of a ${data.issuingCountry} document` });
      }
      const owner = onBehalf ? ncbOf.get(data.issuingCountry) ?? actor.orgId : actor.orgId;
      const { envelope, problems: envProblems } = buildEnvelope(owner, { subject: 'other', ...row.envelope }, (id) => all.has(id), now);
      problems.push(...envProblems.map((e) => ({ ...e, field: `envelope.${e.field}` })));
      const personId = data.holder?.personId;
      if (personId && !UUID.test(personId)) problems.push({ field: 'holder.personId', message: 'a person id is a UUID' });
      else if (personId) holders.set(personId, [...(holders.get(personId) ?? []), row.line]);
      for (const pr of problems) errors.push({ line: row.line, ...pr });
      items.push({ id: randomUUID(), data, env: envelope });
    }
    // A user may link only a person they can see, as in `reportDocument`; a system task's links are held by the foreign key.
    if (!actor.system) {
      for (const [personId, lines] of holders) {
        await persons.getPerson(actor, personId).catch(() => {
          for (const line of lines) errors.push({ line, field: 'holder.personId', message: 'no such person, or you may not see it' });
        });
      }
    }
    const none = { stored: 0, ids: rows.map(() => null), duplicates: [] };
    if (opts.validateOnly) return { ...none, errors };
    if (errors.length) {
      await recordAudit(p.db, actor, { action: 'document.import', outcome: 'failed', recordType: 'document', query: { lines: rows.length, errors: errors.length }, resultCount: 0 });
      return { ...none, errors };
    }
    const stored = await p.db.transaction().execute(async (tx) => {
      // A system task's holder links are checked by the foreign key; one that names no person stops the batch.
      const ids = await insertDocumentRecords(tx, items, actor.userId, actor.username).catch((e: unknown) => {
        if ((e as { code?: unknown }).code === FOREIGN_KEY_VIOLATION) throw invalid('A holder.personId names no person record: nothing was stored.', [{ field: 'holder.personId', message: 'no such person' }]);
        throw e;
      });
      const list = items.filter((i) => ids.has(i.id)).map((i) => i.id);
      const owners = [...new Set(items.map((i) => i.env.owner))].filter((o) => o !== actor.orgId);
      await recordAudit(tx, actor, {
        action: 'document.import', recordType: 'document', recordIds: list, resultCount: list.length,
        query: { lines: rows.length, duplicates: rows.length - list.length, ...(owners.length ? { onBehalfOf: owners } : {}) },
      });
      // Record changes feed other nodes; no one is alerted by them.
      if (list.length) await p.events.publish(tx, { type: 'document.imported', recordType: 'document', recordId: null, recipientOrgs: [], payload: { ids: list } });
      return ids;
    });
    return {
      stored: stored.size,
      ids: items.map((i) => (stored.has(i.id) ? i.id : null)),
      duplicates: rows.filter((_, i) => !stored.has(items[i].id)).map((r) => r.line),
      errors: [],
    };
  }

  return { reportDocumentsInBulk };
}

export type DocumentBulk = ReturnType<typeof makeDocumentBulk>;
