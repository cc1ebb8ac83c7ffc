import type { Actor } from '../platform/access/actor.ts';
import { hasRole, isPolice, systemActor } from '../platform/access/actor.ts';
import { forbidden } from '../platform/errors.ts';
import { recordAudit } from '../platform/audit/log.ts';
import type { Platform } from '../platform/platform.ts';
import type { Persons } from '../persons/service.ts';
import type { Documents } from '../documents/service.ts';
import type { Notices } from '../notices/service.ts';
import { byReviewDate, QUEUE_MONTHS, type ReviewItem } from './model.ts';

export { QUEUE_MONTHS, type ReviewItem } from './model.ts';
const SWEEP_EVERY_MS = 60 * 60 * 1000;

/**
 * Retention: every record carries a review date (five years after entry by default). Past it a
 * record is hidden from other members by the access rules themselves; this capability shows
 * owners what falls due and expires notices whose time has come, as a named system actor.
 */
export function makeRetention(p: Platform, deps: { persons: Persons; documents: Documents; notices: Notices }) {
  let timer: NodeJS.Timeout | undefined;

  async function reviewQueue(actor: Actor): Promise<ReviewItem[]> {
    if (!isPolice(actor) || !hasRole(actor, 'officer', 'admin')) {
      await recordAudit(p.db, actor, { action: 'retention.queue', outcome: 'refused' });
      throw forbidden('The retention queue is for the owning organisation\'s officers and administrators.');
    }
    const now = Date.now();
    // Persons, documents and notices of the organisation (notices still in force or in preparation).
    const [persons, documents, notices] = await Promise.all([
      deps.persons.reviewQueue(actor, QUEUE_MONTHS),
      deps.documents.retentionQueue(actor, QUEUE_MONTHS),
      deps.notices.retentionQueue(actor, QUEUE_MONTHS),
    ]);
    const items: Omit<ReviewItem, 'overdue'>[] = [
      ...persons.map(({ recordType, id, title, subject, reviewAt }) => ({ recordType, id, title, subject, reviewAt })),
      ...documents, ...notices,
    ];
    return items.map((r) => ({ ...r, overdue: r.reviewAt.getTime() <= now })).sort(byReviewDate);
  }

  /** Expires notices past their review (or Orange end) date; runs at start and hourly. */
  async function sweep(): Promise<string[]> {
    return deps.notices.expireDueNotices(systemActor('retention'));
  }

  function start(): void {
    const run = () => { void sweep().catch((e: unknown) => process.stderr.write(`retention sweep failed: ${String(e)}\n`)); };
    run();
    timer = setInterval(run, SWEEP_EVERY_MS);
    timer.unref();
  }

  function stop(): void { if (timer) clearInterval(timer); }

  return { reviewQueue, sweep, start, stop };
}

export type Retention = ReturnType<typeof makeRetention>;
