import type { Actor } from '../platform/access/actor.ts';
import { hasRole, isPolice, systemActor } from '../platform/access/actor.ts';
import { forbidden } from '../platform/errors.ts';
import { recordAudit } from '../platform/audit/log.ts';
import type { Platform } from '../platform/platform.ts';
import type { Persons } from '../persons/service.ts';
import type { Notices } from '../notices/service.ts';

/** How far ahead owners see what falls due: six months, so a review can be prepared. */
export const QUEUE_MONTHS = 6;
const SWEEP_EVERY_MS = 60 * 60 * 1000;

export interface ReviewItem { recordType: string; id: string; title: string; subject: string; reviewAt: Date; overdue: boolean }

/**
 * Retention: every record carries a review date (five years after entry by default). Past it a
 * record is hidden from other members by the access rules themselves; this capability shows
 * owners what falls due and expires notices whose time has come, as a named system actor.
 */
export function makeRetention(p: Platform, deps: { persons: Persons; notices: Notices }) {
  let timer: NodeJS.Timeout | undefined;

  async function reviewQueue(actor: Actor): Promise<ReviewItem[]> {
    if (!isPolice(actor) || !hasRole(actor, 'officer', 'admin')) {
      await recordAudit(p.db, actor, { action: 'retention.queue', outcome: 'refused' });
      throw forbidden('The retention queue is for the owning organisation\'s officers and administrators.');
    }
    const now = Date.now();
    const persons = await deps.persons.reviewQueue(actor, QUEUE_MONTHS);
    return persons.map((r) => ({ ...r, overdue: r.reviewAt.getTime() <= now })).sort((a, b) => a.reviewAt.getTime() - b.reviewAt.getTime());
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
