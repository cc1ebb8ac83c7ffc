import type { Actor } from '../platform/access/actor.ts';
import { hasRole, isPolice } from '../platform/access/actor.ts';
import { buildEnvelope, type EnvelopeInput } from '../platform/access/envelope.ts';
import { recordAudit } from '../platform/audit/log.ts';
import { auditedPages } from '../platform/audit/pages.ts';
import { forbidden, type FieldProblem, type LineProblem } from '../platform/errors.ts';
import type { Platform } from '../platform/platform.ts';
import { issuingCountryProblem, mayRecordStatus } from './model.ts';
import { normaliseCountryCode } from './mrz.ts';
import { validateDocumentRecord, type DocumentData, type DocumentRecordInput } from './record.ts';
import { documentKey, findLiveByKeys, insertDocumentsBatch, pageVisible, type DocumentExportFilter } from './import-store.ts';
import type { DocumentRow } from './store.ts';

/** One line of an import file, already parsed: the document as `POST /documents` takes it, and its envelope. */
export interface DocumentImportRow { line: number; document: Partial<DocumentRecordInput>; envelope?: EnvelopeInput }
export type DocumentLineProblem = LineProblem;
export interface DocumentImportOutcome { stored: number; ids: string[]; errors: DocumentLineProblem[] }
export interface DocumentImportOptions {
  /** Check only: nothing is stored (another line of the batch is already known to be bad). */
  validateOnly?: boolean;
  /** Documents seen on earlier lines of the same file, by key → line; read and added to, so a repeat across batches is reported. */
  seen?: Map<string, number>;
}

/** What the import needs from the documents service: the same rules `reportDocument` applies. */
export interface DocumentImportDeps {
  knownOrg: () => Promise<(id: string) => boolean>;
  ownerFor: (actor: Actor, issuingCountry: string) => Promise<string>;
  checkHolder: (actor: Actor, data: DocumentData, problems: FieldProblem[]) => Promise<void>;
  refuse: (actor: Actor, action: string, ids: string[], error: Error) => Promise<never>;
  /** Turns a stored row into what the actor sees (the service's `documentView`). */
  view: (row: DocumentRow) => DocumentExportView;
}

/** The parts of a document view an export writes. */
export interface DocumentExportView extends DocumentData {
  id: string; version: number; createdAt: Date; updatedAt: Date;
  envelope: { owner: string } & Record<string, unknown>;
}

const REQUIRED = ['number', 'issuingCountry', 'type', 'status'] as const;
const UNIQUE_VIOLATION = '23505';
// Fields of the line: the document's own under `document.`, the envelope's already under `envelope.`.
const inLine = (line: number) => (p: FieldProblem): DocumentLineProblem => ({ line, field: p.field.startsWith('envelope.') ? p.field : `document.${p.field}`, message: p.message });

/** Bulk import and export of document records; `makeDocuments` wires it in with its own rules. */
export function makeDocumentImport(p: Platform, deps: DocumentImportDeps) {
  /** One row checked as `reportDocument` checks it, problems named by field. */
  async function checkRow(actor: Actor, row: DocumentImportRow, known: (id: string) => boolean) {
    const input = row.document ?? {};
    const problems: FieldProblem[] = [];
    for (const f of REQUIRED) if (typeof input[f] !== 'string' || !input[f].trim()) problems.push({ field: f, message: 'required' });
    const missing = new Set(problems.map((x) => x.field));
    const text = (f: (typeof REQUIRED)[number]) => (typeof input[f] === 'string' ? input[f] : '');
    const { data, problems: dataProblems } = validateDocumentRecord({ ...input, number: text('number'), issuingCountry: text('issuingCountry'), type: text('type'), status: text('status') });
    problems.push(...dataProblems.filter((x) => !missing.has(x.field)));
    const secretariat = actor.orgKind === 'secretariat' || actor.system === true;
    if (!missing.has('issuingCountry') && !issuingCountryProblem(data.issuingCountry) && !mayRecordStatus(actor.country ?? '', secretariat, data.issuingCountry, 'status')) {
      problems.push({
        field: 'status', message: `only ${data.issuingCountry}'s national central bureau, or the General Secretariat on its behalf, records the status of a ${data.issuingCountry} document; `
          + 'if you have seen or seized it, file a seen/seized report on its record instead',
      });
    }
    const owner = await deps.ownerFor(actor, normaliseCountryCode(data.issuingCountry));
    const { envelope, problems: envProblems } = buildEnvelope(owner, { subject: 'other', ...row.envelope }, known);
    problems.push(...envProblems.map((e) => ({ ...e, field: `envelope.${e.field}` })));
    if (!problems.length) await deps.checkHolder(actor, data, problems);
    return { data, env: envelope, problems, keyed: !['number', 'issuingCountry', 'type'].some((f) => problems.some((x) => x.field === f)) };
  }

  /** Lines whose document is already recorded (naming the record), or repeats an earlier line of the file. */
  async function duplicates(rows: DocumentImportRow[], items: { data: DocumentData; keyed: boolean }[], seen: Map<string, number>): Promise<DocumentLineProblem[]> {
    const keyed = items.flatMap((it, i) => (it.keyed ? [{ row: rows[i], data: it.data }] : []));
    const existing = await findLiveByKeys(p.db, keyed.map((k) => k.data));
    const out: DocumentLineProblem[] = [];
    for (const { row, data } of keyed) {
      const key = documentKey(data);
      const stored = existing.get(key);
      const earlier = seen.get(key);
      if (stored) {
        out.push({ line: row.line, field: 'document.number', message: `this ${data.issuingCountry} ${data.type.replace('_', ' ')} (${data.numberNormalised}) is already recorded by ${stored.owner_org} as record ${stored.id}: change its status there rather than recording it twice` });
      } else if (earlier !== undefined && earlier !== row.line) {
        out.push({ line: row.line, field: 'document.number', message: `the same document as line ${earlier} of this file` });
      }
      if (earlier === undefined) seen.set(key, row.line);
    }
    return out;
  }

  /**
   * Validates every row as `reportDocument` would (the issuing-country rule, codes, dates,
   * duplicates); a batch with any error stores nothing and reports every error (line, field,
   * message). A clean batch is stored in one transaction with one audit entry and one event.
   */
  async function importDocuments(actor: Actor, rows: DocumentImportRow[], opts: DocumentImportOptions = {}): Promise<DocumentImportOutcome> {
    if (!isPolice(actor) || !hasRole(actor, 'officer', 'admin')) return deps.refuse(actor, 'document.import', [], forbidden('Only officers of a police organisation import documents.'));
    const known = await deps.knownOrg();
    const items: Awaited<ReturnType<typeof checkRow>>[] = [];
    for (const row of rows) items.push(await checkRow(actor, row, known));
    const errors = items.flatMap((it, i) => it.problems.map(inLine(rows[i].line)));
    errors.push(...await duplicates(rows, items, opts.seen ?? new Map()));
    errors.sort((a, b) => a.line - b.line);
    if (opts.validateOnly) return { stored: 0, ids: [], errors };
    const onBehalfOf = [...new Set(items.map((it) => it.env.owner).filter((o) => o !== actor.orgId))];
    const failed = async (problems: DocumentLineProblem[]) => {
      await recordAudit(p.db, actor, { action: 'document.import', outcome: 'failed', recordType: 'document', query: { lines: rows.length, errors: problems.length }, resultCount: 0 });
      return { stored: 0, ids: [], errors: problems };
    };
    if (errors.length) return failed(errors);
    try {
      const ids = await p.db.transaction().execute(async (tx) => {
        const stored = await insertDocumentsBatch(tx, items, actor.userId, actor.username);
        await recordAudit(tx, actor, { action: 'document.import', recordType: 'document', recordIds: stored, resultCount: stored.length, ...(onBehalfOf.length ? { query: { onBehalfOf } } : {}) });
        // As each single report announces itself: feeds other nodes, alerts no one.
        await p.events.publish(tx, { type: 'document.imported', recordType: 'document', recordId: null, recipientOrgs: [], payload: { ids: stored } });
        return stored;
      });
      return { stored: ids.length, ids, errors: [] };
    } catch (e) {
      // Someone recorded one of these documents meanwhile: the unique index refused the batch; say which.
      if ((e as { code?: unknown }).code !== UNIQUE_VIOLATION) throw e;
      return failed(await duplicates(rows, items, new Map()));
    }
  }

  /** Every live document the actor may see in full, page by page, for export (audited once per page). */
  async function* exportDocuments(actor: Actor, filter: DocumentExportFilter = {}): AsyncGenerator<DocumentExportView[]> {
    if (!isPolice(actor)) await deps.refuse(actor, 'document.export', [], forbidden('Partner organisations do not have access to police records.'));
    const f = { ...filter, ...(filter.issuingCountry ? { issuingCountry: normaliseCountryCode(filter.issuingCountry) } : {}) };
    yield* auditedPages(p.db, actor, { action: 'document.export', recordType: 'document', query: filter }, 1000,
      (after, size) => pageVisible(p.db, actor, f, after, size), deps.view);
  }

  return { importDocuments, exportDocuments };
}

/**
 * A document as one line of an export, in the import format. The holder's person id is left out:
 * it names a record of this database only, which the importer may not have or may not see.
 */
export function documentExportLine(v: DocumentExportView): Record<string, unknown> {
  const { owner, ...envelope } = v.envelope;
  const holder = v.holder && { names: v.holder.names, ...(v.holder.birthDate ? { birthDate: v.holder.birthDate } : {}), ...(v.holder.sex ? { sex: v.holder.sex } : {}), ...(v.holder.nationality ? { nationality: v.holder.nationality } : {}) };
  const document = {
    number: v.number, issuingCountry: v.issuingCountry, type: v.type, status: v.status, ...(holder ? { holder } : {}),
    issueDate: v.issueDate, expiryDate: v.expiryDate, reportedOn: v.reportedOn, reportedPlace: v.reportedPlace, circumstances: v.circumstances,
  };
  return { id: v.id, version: v.version, createdAt: v.createdAt, updatedAt: v.updatedAt, owner, document, envelope };
}
