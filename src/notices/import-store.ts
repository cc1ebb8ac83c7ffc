import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import type { Database } from '../platform/db/schema.ts';
import type { NoticeKind, NoticeStatus } from './model.ts';
import { noticeVisible } from './store.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** What a notice export may be narrowed to. */
export interface NoticeExportFilter { kind?: NoticeKind; status?: NoticeStatus; owner?: string }

/**
 * The actor as a member: the secretariat's reviewers see requests waiting for review whatever
 * their audience, so they can review them, but that is no licence to take copies in bulk.
 */
const asMember = (actor: Actor): Actor => ({ ...actor, roles: actor.roles.filter((r) => r !== 'reviewer') });

/**
 * Notices the actor may see in full as a member (`noticeVisible`, the list filter: the envelope's
 * `fullyVisible`, and only notices that reached members unless the actor's organisation owns
 * them), in id order after `afterId`: keyset paging for exports.
 */
export function exportPage(db: Db, actor: Actor, f: NoticeExportFilter, afterId: string | null, limit: number) {
  let q = db.selectFrom('notices as n').selectAll('n').where(noticeVisible(asMember(actor), 'n')).where('n.deleted_at', 'is', null);
  if (f.kind) q = q.where('n.kind', '=', f.kind);
  if (f.status) q = q.where('n.status', '=', f.status);
  if (f.owner) q = q.where('n.owner_org', '=', f.owner);
  if (afterId) q = q.where('n.id', '>', afterId);
  return q.orderBy('n.id').limit(limit).execute();
}
