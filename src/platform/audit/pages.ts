import type { Actor } from '../access/actor.ts';
import { recordAudit } from './log.ts';
import type { AuditInput } from './log.ts';

/**
 * Records read page by page in id order for an export, each page audited before it is handed
 * out: what left the server is in the log even when the export is cut short.
 */
export async function* auditedPages<R extends { id: string }, V>(
  db: Parameters<typeof recordAudit>[0], actor: Actor,
  audit: Required<Pick<AuditInput, 'action' | 'recordType'>> & { query: unknown },
  pageSize: number, readPage: (after: string | null, size: number) => Promise<R[]>, view: (row: R) => V,
): AsyncGenerator<V[]> {
  for (let after: string | null = null; ;) {
    const rows = await readPage(after, pageSize);
    if (rows.length === 0) return;
    after = rows[rows.length - 1].id;
    await recordAudit(db, actor, { ...audit, recordIds: rows.map((r) => r.id), resultCount: rows.length });
    yield rows.map(view);
    if (rows.length < pageSize) return;
  }
}
