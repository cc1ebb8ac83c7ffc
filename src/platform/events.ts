import { EventEmitter } from 'node:events';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from './access/actor.ts';
import { isPolice } from './access/actor.ts';
import type { Database } from './db/schema.ts';
import type { Store } from './db/index.ts';

const CHANNEL = 'vigil_events';

/** An event as delivered to subscribers (SSE clients, the screening index, inboxes). */
export interface VigilEvent {
  id: number;
  at: Date;
  type: string;
  recordType: string | null;
  recordId: string | null;
  /** null: every police organisation; otherwise only these. */
  recipientOrgs: string[] | null;
  recipientUsers: string[] | null;
  excludedOrgs: string[];
  payload: Record<string, unknown>;
}

export type EventInput = Omit<VigilEvent, 'id' | 'at' | 'recipientOrgs' | 'recipientUsers' | 'excludedOrgs'> &
  Partial<Pick<VigilEvent, 'recipientOrgs' | 'recipientUsers' | 'excludedOrgs'>>;

/** Whether an event is meant for this actor; SSE and the inbox both ask this. */
export function isRecipient(actor: Actor, e: Pick<VigilEvent, 'recipientOrgs' | 'recipientUsers' | 'excludedOrgs'>): boolean {
  if (e.excludedOrgs.includes(actor.orgId)) return false;
  if (e.recipientUsers && actor.userId && e.recipientUsers.includes(actor.userId)) return true;
  if (e.recipientOrgs) return e.recipientOrgs.includes(actor.orgId);
  if (e.recipientUsers) return false;
  return isPolice(actor);
}

/**
 * Events are stored, then announced with NOTIFY inside the same transaction: PostgreSQL delivers
 * the notification at commit to every listening process (this one too), so an event reaches
 * every API node exactly when the write it describes is visible.
 */
export class EventBus {
  private readonly emitter = new EventEmitter();
  private stopListening: (() => Promise<void>) | undefined;

  constructor(private readonly store: Store) {
    this.emitter.setMaxListeners(0);
  }

  async start(): Promise<void> {
    this.stopListening = await this.store.listen(CHANNEL, (payload) => { void this.deliver(Number(payload)); });
  }

  async stop(): Promise<void> {
    await this.stopListening?.();
  }

  /** Stores and announces an event; pass the write's transaction so both commit together. */
  async publish(db: Kysely<Database> | Transaction<Database>, input: EventInput): Promise<number> {
    const row = await db.insertInto('events').values({
      type: input.type,
      record_type: input.recordType,
      record_id: input.recordId,
      recipient_orgs: input.recipientOrgs ?? null,
      recipient_users: input.recipientUsers ?? null,
      excluded_orgs: input.excludedOrgs ?? [],
      payload: JSON.stringify(input.payload),
    }).returning('id').executeTakeFirstOrThrow();
    await sql`select pg_notify(${CHANNEL}, ${String(row.id)})`.execute(db);
    return row.id;
  }

  subscribe(listener: (e: VigilEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => { this.emitter.off('event', listener); };
  }

  private async deliver(id: number): Promise<void> {
    const row = await this.store.db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return;
    this.emitter.emit('event', rowToEvent(row));
  }
}

export function rowToEvent(row: { id: number; at: Date; type: string; record_type: string | null; record_id: string | null; recipient_orgs: string[] | null; recipient_users: string[] | null; excluded_orgs: string[]; payload: unknown }): VigilEvent {
  return {
    id: row.id, at: row.at, type: row.type, recordType: row.record_type, recordId: row.record_id,
    recipientOrgs: row.recipient_orgs, recipientUsers: row.recipient_users, excludedOrgs: row.excluded_orgs,
    payload: (row.payload ?? {}) as Record<string, unknown>,
  };
}
