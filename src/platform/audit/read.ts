import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { hasRole } from '../access/actor.ts';
import type { Database } from '../db/schema.ts';
import { forbidden } from '../errors.ts';
import { recordAudit } from './log.ts';

export interface AuditFilter {
  username?: string;
  action?: string;
  recordId?: string;
  from?: string;
  to?: string;
  /** Entries before this sequence number (paging backwards from the newest). */
  beforeSeq?: number;
  limit?: number;
}

const SECRETARIAT = 'SECRETARIAT';

/** Audit entries for auditors: an organisation's administrators see its entries, the secretariat's all. Reading the log is itself audited. */
export async function readAuditLog(db: Kysely<Database>, actor: Actor, f: AuditFilter) {
  if (!hasRole(actor, 'admin')) {
    await recordAudit(db, actor, { action: 'audit.read', outcome: 'refused', query: f });
    throw forbidden('Only administrators read the audit log.');
  }
  let q = db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(Math.min(f.limit ?? 100, 1000));
  if (actor.orgId !== SECRETARIAT && !actor.system) q = q.where('org_id', '=', actor.orgId);
  if (f.username) q = q.where('username', '=', f.username);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.recordId) q = q.where('record_ids', '@>', [f.recordId]);
  if (f.from) q = q.where('at', '>=', new Date(f.from));
  if (f.to) q = q.where('at', '<', new Date(f.to));
  if (f.beforeSeq) q = q.where('seq', '<', f.beforeSeq);
  const rows = await q.execute();
  await recordAudit(db, actor, { action: 'audit.read', query: f, resultCount: rows.length });
  return rows;
}
