import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { currentContext } from '../context.ts';
import type { Database } from '../db/schema.ts';
import { canonicalJson, entryHash, GENESIS_HASH, type ChainedEntry } from './chain.ts';

export type AuditOutcome = 'ok' | 'refused' | 'failed';

/** One access to record: who did what to which records, why, and with what result. */
export interface AuditInput {
  action: string;
  outcome?: AuditOutcome;
  recordType?: string;
  recordIds?: string[];
  query?: unknown;
  resultCount?: number;
  /** Overrides the purpose given with the request. */
  purpose?: string;
}

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Appends an entry to the hash chain. Inside a transaction it commits or rolls back with the
 * write it describes; the locked head row serialises appends across processes.
 */
export async function recordAudit(db: Db, actor: Actor, input: AuditInput): Promise<void> {
  if (db.isTransaction) return append(db as Transaction<Database>, actor, input);
  return db.transaction().execute((tx) => append(tx, actor, input));
}

async function append(tx: Transaction<Database>, actor: Actor, input: AuditInput): Promise<void> {
  const head = await tx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).forUpdate().executeTakeFirst();
  const prevSeq = head?.seq ?? 0;
  const prevHash = head?.hash ?? GENESIS_HASH;
  const ctx = currentContext();
  const entry: ChainedEntry = {
    seq: prevSeq + 1,
    at: new Date(),
    user_id: actor.userId,
    username: actor.username,
    org_id: actor.orgId,
    action: input.action,
    outcome: input.outcome ?? 'ok',
    record_type: input.recordType ?? null,
    record_ids: input.recordIds ?? [],
    query: input.query === undefined ? null : JSON.parse(canonicalJson(input.query)),
    purpose: input.purpose ?? ctx.purpose ?? null,
    result_count: input.resultCount ?? null,
    request_id: ctx.requestId ?? null,
  };
  const hash = entryHash(prevHash, entry);
  await tx.insertInto('audit_log').values({
    ...entry,
    outcome: entry.outcome as AuditOutcome,
    query: entry.query === null ? null : JSON.stringify(entry.query),
    prev_hash: prevHash,
    hash,
  }).execute();
  await tx.updateTable('audit_head').set({ seq: entry.seq, hash }).where('id', '=', 1).execute();
}
