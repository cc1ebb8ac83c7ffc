import type { Actor } from '../platform/access/actor.ts';
import { visibilityOf, type Envelope } from '../platform/access/envelope.ts';
import { envelopeFromRow } from '../platform/access/sql.ts';
import { recordAudit } from '../platform/audit/log.ts';
import { invalid } from '../platform/errors.ts';
import type { Platform } from '../platform/platform.ts';
import type { RecordDescription } from '../hits/service.ts';
import { queueHorizon, QUEUE_MONTHS, renewal, type RenewalInput, type ReviewItem } from '../retention/model.ts';
import { documentTitle } from './check.ts';
import type { DocumentData } from './record.ts';
import * as store from './store.ts';

type Tx = Parameters<typeof recordAudit>[0];

/** What the document service lends its retention: its access checks, its views and its announcements. */
export interface RetentionDeps<View> {
  requirePolice: (actor: Actor, action: string, ids: string[]) => Promise<void>;
  loadForChange: (actor: Actor, id: string, action: string) => Promise<{ row: store.DocumentRow; env: Envelope }>;
  announce: (tx: Tx, type: string, id: string, env: Envelope) => Promise<unknown>;
  dataOf: (row: store.DocumentRow) => DocumentData;
  view: (tx: Tx, actor: Actor, id: string) => Promise<View>;
}

const words = (s: string) => s.replace(/_/g, ' ');

/** A document record in a line and a sentence, for the hits raised on it. */
export function describeDocument(d: DocumentData, row: store.DocumentRow): RecordDescription {
  const holder = d.holder && (d.holder.names.length || d.holder.birthDate)
    ? ` Holder: ${[d.holder.names.join(' / '), d.holder.birthDate ? `born ${d.holder.birthDate}` : '', d.holder.nationality ?? ''].filter(Boolean).join(', ')}.` : '';
  const validity = d.issueDate || d.expiryDate ? ` Issued ${d.issueDate ?? 'on an unknown date'}, expires ${d.expiryDate ?? 'on an unknown date'}.` : '';
  const withdrawn = row.cancelled_at ? ` Withdrawn on ${new Date(row.cancelled_at).toISOString().slice(0, 10)}${row.cancel_reason ? `: ${row.cancel_reason}` : ''}.` : '';
  return {
    title: documentTitle(row),
    summary: `Recorded as ${words(d.status)} on ${d.reportedOn}${d.reportedPlace ? ` (${d.reportedPlace})` : ''}.${holder}${validity}${withdrawn}`,
  };
}

/** Retention of document records: the owner's review queue, renewal with a justification, and hit titles. */
export function makeDocumentRetention<View>(p: Platform, deps: RetentionDeps<View>) {
  /** The organisation's live records due for review within `monthsAhead` months, or past it. */
  async function retentionQueue(actor: Actor, monthsAhead = QUEUE_MONTHS): Promise<Omit<ReviewItem, 'overdue'>[]> {
    await deps.requirePolice(actor, 'document.review_queue', []);
    const rows = await store.retentionQueue(p.db, actor.orgId, queueHorizon(monthsAhead));
    await recordAudit(p.db, actor, { action: 'document.review_queue', recordType: 'document', recordIds: rows.map((r) => r.id), resultCount: rows.length });
    return rows.map((r) => ({
      recordType: 'document', id: r.id, title: `${r.issuing_country} ${words(r.type)} ${r.number_norm}`, subject: r.subject,
      reviewAt: new Date(r.review_at), status: r.status,
    }));
  }

  /**
   * Keeps a record past its review date, as for persons: the owner justifies it in writing, and the
   * record runs five more years (or until an earlier date the owner gives). Kept in the history, audited.
   */
  async function renewDocument(actor: Actor, id: string, input: RenewalInput): Promise<View> {
    const { justification, reviewAt, problems } = renewal(input);
    if (problems.length) throw invalid('The record was not renewed.', problems);
    const { row, env } = await deps.loadForChange(actor, id, 'document.renew');
    return p.db.transaction().execute(async (tx) => {
      const version = await store.renew(tx, id, reviewAt);
      await store.insertVersion(tx, {
        document_id: id, version, changed_by: actor.userId, changed_by_name: actor.username, change: `renewed until ${reviewAt.toISOString().slice(0, 10)}`,
        reason: justification, snapshot: { data: deps.dataOf(row), envelope: { ...env, reviewAt } },
      });
      await recordAudit(tx, actor, { action: 'document.renew', recordType: 'document', recordIds: [id], query: { justification, reviewAt: reviewAt.toISOString() } });
      await deps.announce(tx, 'document.updated', id, { ...env, reviewAt });
      return deps.view(tx, actor, id);
    });
  }

  /** Names records for the hits raised on them, as far as the actor may see them in full (an owner always). */
  async function describeRecords(actor: Actor, ids: string[]): Promise<Map<string, RecordDescription>> {
    const rows = await store.findMany(p.db, ids);
    return new Map(rows.filter((r) => visibilityOf(actor, envelopeFromRow(r)) === 'full').map((r) => [r.id, describeDocument(deps.dataOf(r), r)]));
  }

  return { retentionQueue, renewDocument, describeRecords };
}
