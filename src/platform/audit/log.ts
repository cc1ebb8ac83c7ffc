import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { currentContext, type CallContext } from '../context.ts';
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
interface Pending { actor: Actor; input: AuditInput; ctx: CallContext; at: Date; resolve: () => void; reject: (e: unknown) => void }

const queues = new WeakMap<Kysely<Database>, { pending: Pending[]; flushing: boolean }>();

/**
 * Appends an entry to the hash chain. Inside a transaction it commits or rolls back with the
 * write it describes. Outside one (reads, searches, refusals) concurrent entries are appended
 * together in one transaction (group commit): the caller still waits until its entry is
 * durable, but the locked chain head is taken once per group rather than once per request.
 */
export async function recordAudit(db: Db, actor: Actor, input: AuditInput): Promise<void> {
  const ctx = currentContext();
  if (db.isTransaction) return appendMany(db as Transaction<Database>, [{ actor, input, ctx, at: new Date() }]);
  const root = db as Kysely<Database>;
  let queue = queues.get(root);
  if (!queue) { queue = { pending: [], flushing: false }; queues.set(root, queue); }
  const q = queue;
  return new Promise<void>((resolve, reject) => {
    q.pending.push({ actor, input, ctx, at: new Date(), resolve, reject });
    if (!q.flushing) void flush(root, q);
  });
}

async function flush(db: Kysely<Database>, q: { pending: Pending[]; flushing: boolean }): Promise<void> {
  q.flushing = true;
  try {
    while (q.pending.length) {
      const batch = q.pending.splice(0, 500);
      try {
        await db.transaction().execute((tx) => appendMany(tx, batch));
        for (const b of batch) b.resolve();
      } catch (e) {
        for (const b of batch) b.reject(e);
      }
    }
  } finally {
    q.flushing = false;
  }
}

async function appendMany(tx: Transaction<Database>, items: Omit<Pending, 'resolve' | 'reject'>[]): Promise<void> {
  const head = await tx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).forUpdate().executeTakeFirst();
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  const rows = items.map(({ actor, input, ctx, at }) => {
    seq += 1;
    const entry: ChainedEntry = {
      seq,
      at,
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
    const row = { ...entry, outcome: entry.outcome as AuditOutcome, query: entry.query === null ? null : JSON.stringify(entry.query), prev_hash: prevHash, hash };
    prevHash = hash;
    return row;
  });
  await tx.insertInto('audit_log').values(rows).execute();
  await tx.updateTable('audit_head').set({ seq, hash: prevHash }).where('id', '=', 1).execute();
}
