import { hasRole, isPolice, type Actor } from '../platform/access/actor.ts';
import { envelopeFromRow } from '../platform/access/sql.ts';
import { recordAudit } from '../platform/audit/log.ts';
import { conflict, forbidden, invalid } from '../platform/errors.ts';
import type { Platform } from '../platform/platform.ts';
import type { RecordDescription } from '../hits/service.ts';
import { queueHorizon, QUEUE_MONTHS, renewal, type RenewalInput, type ReviewItem } from '../retention/model.ts';
import { mayViewNotice } from './access.ts';
import type { NoticeContent } from './content-schema.ts';
import type { NoticeStatus } from './model.ts';
import * as store from './store.ts';
import { titleOf } from './summary.ts';

type Tx = Parameters<typeof recordAudit>[0];

/** What the notice service lends its retention: its access check, refusals, history and view. */
export interface RetentionDeps<View> {
  /** The row if the actor may see it; a refusal (404) otherwise, whether it exists or not. */
  load: (actor: Actor, id: string, action: string) => Promise<store.NoticeRow>;
  refuse: (actor: Actor, action: string, ids: string[], error: Error) => Promise<never>;
  history: (tx: Tx, actor: Actor, id: string, action: string, from: NoticeStatus | null, to: NoticeStatus, reasons?: readonly string[]) => Promise<void>;
  view: (actor: Actor, row: store.NoticeRow) => View;
}

const words = (s: string) => s.replace(/_/g, ' ');

/** A notice in a line and a sentence, for the hits raised on it. */
export function describeNotice(row: store.NoticeRow): RecordDescription {
  const published = row.published_at ? `, published ${new Date(row.published_at).toISOString().slice(0, 10)}` : '';
  return {
    title: titleOf(row.content as NoticeContent),
    summary: `${row.reference ? `Control number ${row.reference}` : 'No control number yet'}: ${words(row.status)}${published}; requested by ${row.owner_org}.`,
  };
}

/**
 * Retention of notices: the owner's review queue, renewal with a justification (as for persons
 * and documents), and hit titles. A notice that is over (cancelled, withdrawn, expired) is neither
 * queued nor renewed: renewal keeps a notice in force, and one that has ended is requested anew.
 */
export function makeNoticeRetention<View>(p: Platform, deps: RetentionDeps<View>) {
  async function retentionQueue(actor: Actor, monthsAhead = QUEUE_MONTHS): Promise<Omit<ReviewItem, 'overdue'>[]> {
    if (!isPolice(actor)) return deps.refuse(actor, 'notice.retention_queue', [], forbidden('Partner organisations do not have access to police notices.'));
    const rows = await store.retentionQueue(p.db, actor.orgId, queueHorizon(monthsAhead));
    await recordAudit(p.db, actor, { action: 'notice.retention_queue', recordType: 'notice', recordIds: rows.map((r) => r.id), resultCount: rows.length });
    return rows.map((r) => ({ recordType: 'notice', id: r.id, title: titleOf(r.content as NoticeContent), subject: r.subject, reviewAt: new Date(r.review_at), status: r.status }));
  }

  /** Keeps a notice past its review date: the owner's officers justify it in writing; kept in its history, audited. */
  async function renewNotice(actor: Actor, id: string, input: RenewalInput): Promise<View> {
    const { justification, reviewAt, problems } = renewal(input);
    if (problems.length) throw invalid('The notice was not renewed.', problems);
    const row = await deps.load(actor, id, 'notice.renew');
    if (row.owner_org !== actor.orgId || actor.system || !hasRole(actor, 'officer', 'admin')) {
      return deps.refuse(actor, 'notice.renew', [id], forbidden(`Only officers of ${row.owner_org}, which requested this notice, keep it past its review date.`));
    }
    const status = row.status as NoticeStatus;
    if (store.FINAL_STATUSES.includes(status)) {
      return deps.refuse(actor, 'notice.renew', [id], conflict(`This notice is ${status} and no longer in force; request a new one if it is needed again.`, id));
    }
    return p.db.transaction().execute(async (tx) => {
      if (!(await store.renewNotice(tx, id, row.version, reviewAt))) throw conflict('The notice changed meanwhile; reload it and try again.');
      await deps.history(tx, actor, id, 'renew', status, status, [justification, `review date ${reviewAt.toISOString().slice(0, 10)}`]);
      await recordAudit(tx, actor, { action: 'notice.renew', recordType: 'notice', recordIds: [id], query: { justification, reviewAt: reviewAt.toISOString() } });
      // Other API nodes (the screening index) learn of the change; nobody is alerted.
      await p.events.publish(tx, { type: 'notice.renewed', recordType: 'notice', recordId: id, recipientOrgs: [], payload: { id, owner: row.owner_org } });
      return deps.view(actor, (await store.findNotice(tx, id))!);
    });
  }

  /** Names notices for the hits raised on them, as far as the actor may see them. */
  async function describeRecords(actor: Actor, ids: string[]): Promise<Map<string, RecordDescription>> {
    const rows = await store.findMany(p.db, ids);
    const visible = rows.filter((r) => mayViewNotice(actor, { envelope: envelopeFromRow(r), status: r.status as NoticeStatus, publishedAt: r.published_at ? new Date(r.published_at) : null }));
    return new Map(visible.map((r) => [r.id, describeNotice(r)]));
  }

  return { retentionQueue, renewNotice, describeRecords };
}
