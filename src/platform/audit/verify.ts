import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { entryHash, GENESIS_HASH } from './chain.ts';

/** The first break found in the chain, or ok with the number of entries checked. */
export type VerifyResult =
  | { ok: true; entries: number }
  | { ok: false; entries: number; seq: number; problem: string };

/** Walks the whole log in order and names the first altered, inserted or deleted entry. */
export async function verifyAuditChain(db: Kysely<Database>, onProgress?: (done: number, total: number) => void): Promise<VerifyResult> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const total = head?.seq ?? 0;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  const page = 5000;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(page).execute();
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return { ok: false, entries: checked, seq: expectedSeq, problem: `entry ${expectedSeq} is missing (deleted); the next entry is ${row.seq}` };
      }
      if (row.seq > total) {
        return { ok: false, entries: checked, seq: row.seq, problem: `entry ${row.seq} was inserted after the last entry the log's head records (${total})` };
      }
      if (row.prev_hash !== prevHash) {
        return { ok: false, entries: checked, seq: row.seq, problem: `entry ${row.seq} does not link to entry ${row.seq - 1} (inserted, reordered or altered)` };
      }
      const recomputed = entryHash(prevHash, { ...row, at: new Date(row.at), query: row.query ?? null });
      if (recomputed !== row.hash) {
        return { ok: false, entries: checked, seq: row.seq, problem: `entry ${row.seq} was altered: its content no longer matches its hash` };
      }
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    onProgress?.(checked, total);
    if (rows.length < page) break;
  }
  if (checked < total || (total > 0 && prevHash !== head?.hash)) {
    return { ok: false, entries: checked, seq: checked + 1, problem: `the log ends at entry ${checked} but its head records ${total} entries: entries after ${checked} were deleted` };
  }
  return { ok: true, entries: checked };
}
