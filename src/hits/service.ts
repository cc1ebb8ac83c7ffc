import type { Actor } from '../platform/access/actor.ts';
import { hasRole, isPolice } from '../platform/access/actor.ts';
import { recordAudit } from '../platform/audit/log.ts';
import { conflict, forbidden, invalidField, notFound } from '../platform/errors.ts';
import { currentContext } from '../platform/context.ts';
import type { Platform } from '../platform/platform.ts';
import { DEFAULT_REPLY_HOURS, isOverdue, mayResolve, type HitMessageView, type HitStatus, type HitView } from './model.ts';
import * as store from './store.ts';

/** A match found by screening, ready to be raised as a hit. */
export interface HitCandidate {
  recordType: string;
  recordId: string;
  ownerOrg: string;
  score: number;
  explanation: unknown;
  disclosure: 'full' | 'existence';
  /** What was looked for, when it differs from one candidate to another (a document's issuing country, say). */
  queryIdentity?: string;
  /** A line naming the record for its owner's alert (the owner may always see its own record). */
  title?: string;
}

/** A record named for one side of a hit: what it is, and what it says in one sentence. */
export interface RecordDescription { title: string; summary: string }

/**
 * Names the records of one type for an actor: only those the actor may see in full (an owner
 * always sees its own). Each capability whose records can be hit registers one.
 */
export type RecordDescriber = (actor: Actor, ids: string[]) => Promise<Map<string, RecordDescription>>;

function view(row: store.HitRow, side: 'owner' | 'querier', record?: RecordDescription): HitView {
  const showExplanation = side === 'owner' || row.disclosure === 'full';
  return {
    id: row.id, createdAt: row.created_at, recordType: row.record_type, recordId: row.record_id,
    title: record?.title ?? null, summary: record?.summary ?? null, ownerOrg: row.owner_org,
    querierOrg: row.querier_org, querierName: row.querier_name, query: row.query, score: row.score,
    explanation: showExplanation ? row.explanation : null, purpose: row.purpose, status: row.status,
    replyDueAt: new Date(row.reply_due_at), firstReplyAt: row.first_reply_at ? new Date(row.first_reply_at) : null,
    overdue: isOverdue(row), resolvedAt: row.resolved_at ? new Date(row.resolved_at) : null, resolvedBy: row.resolved_by, side,
  };
}

/** Hits: the owner of a matched record is told at once; owner and querier talk it through and the owner decides. */
export function makeHits(p: Platform, opts: { replyHours?: number } = {}) {
  const replyHours = opts.replyHours ?? Number(process.env.VIGIL_HIT_REPLY_HOURS ?? DEFAULT_REPLY_HOURS);

  const describers = new Map<string, RecordDescriber>();

  /** Lets hit views name records of this type (title and summary), as the viewer may see them. */
  function describeWith(recordType: string, describer: RecordDescriber): void {
    describers.set(recordType, describer);
  }

  /** Titles of the hits' records: for the owner side, and for a querier that was shown the record. */
  async function describe(actor: Actor, rows: store.HitRow[]): Promise<Map<string, RecordDescription>> {
    const wanted = new Map<string, Set<string>>();
    for (const r of rows) {
      if (!describers.has(r.record_type) || (r.owner_org !== actor.orgId && r.disclosure !== 'full')) continue;
      const ids = wanted.get(r.record_type) ?? new Set<string>();
      wanted.set(r.record_type, ids.add(r.record_id));
    }
    const found = new Map<string, RecordDescription>();
    await Promise.all([...wanted].map(async ([type, ids]) => {
      for (const [id, d] of await describers.get(type)!(actor, [...ids])) found.set(`${type}:${id}`, d);
    }));
    return found;
  }
  const recordOf = (described: Map<string, RecordDescription>, r: store.HitRow) => described.get(`${r.record_type}:${r.record_id}`);

  /**
   * Raises hits on other organisations' records (never one's own), skipping known false positives
   * and reusing this organisation's open hit on the same pair. What is already known is read in one
   * statement; a transaction is opened only when there is a new hit to write.
   */
  async function raiseHits(actor: Actor, queryIdentity: string, query: unknown, candidates: HitCandidate[]): Promise<Map<string, string>> {
    const foreign = candidates.filter((c) => c.ownerOrg !== actor.orgId);
    const raised = new Map<string, string>();
    if (!foreign.length) return raised;
    const identityOf = (c: HitCandidate) => c.queryIdentity ?? queryIdentity;
    const pair = (identity: string, recordId: string) => `${identity}\u0000${recordId}`;
    const known = await store.knownPairs(p.db, foreign.map(identityOf), foreign.map((c) => c.recordId), actor.orgId);
    const falsePositives = new Set(known.filter((k) => k.status === 'false_positive').map((k) => pair(k.query_identity, k.record_id)));
    const open = new Map(known.filter((k) => k.status === 'pending').map((k) => [pair(k.query_identity, k.record_id), k.id]));
    const fresh: HitCandidate[] = [];
    for (const c of foreign) {
      const key = pair(identityOf(c), c.recordId);
      if (falsePositives.has(key)) continue;
      const existing = open.get(key);
      if (existing) raised.set(c.recordId, existing);
      else fresh.push(c);
    }
    if (!fresh.length) return raised;
    const purpose = currentContext().purpose ?? null;
    const replyDueAt = new Date(Date.now() + replyHours * 3600_000);
    await p.db.transaction().execute(async (tx) => {
      for (const c of fresh) {
        const id = await store.insertHit(tx, {
          record_type: c.recordType, record_id: c.recordId, owner_org: c.ownerOrg, querier_org: actor.orgId, querier_user: actor.userId,
          querier_name: actor.username, query_identity: identityOf(c), query, score: c.score, explanation: c.explanation,
          disclosure: c.disclosure, purpose, reply_due_at: replyDueAt,
        });
        raised.set(c.recordId, id);
        await recordAudit(tx, actor, { action: 'hit.raise', recordType: 'hit', recordIds: [id, c.recordId] });
        await p.events.publish(tx, {
          type: 'hit.created', recordType: 'hit', recordId: id, recipientOrgs: [c.ownerOrg],
          payload: {
            id, recordType: c.recordType, recordId: c.recordId, querierOrg: actor.orgId, score: c.score, replyDueAt: replyDueAt.toISOString(),
            ...(c.title ? { title: c.title } : {}),
          },
        });
      }
    });
    return raised;
  }

  async function loadAsParticipant(actor: Actor, id: string, action: string) {
    const row = await store.findHit(p.db, id);
    const side = row?.owner_org === actor.orgId ? 'owner' : row?.querier_org === actor.orgId ? 'querier' : undefined;
    if (!row || !side || !isPolice(actor)) {
      await recordAudit(p.db, actor, { action, outcome: 'refused', recordType: 'hit', recordIds: [id] });
      throw notFound('hit');
    }
    return { row, side } as const;
  }

  async function listHits(actor: Actor, filter: store.HitFilter): Promise<HitView[]> {
    if (!isPolice(actor)) {
      await recordAudit(p.db, actor, { action: 'hit.list', outcome: 'refused', recordType: 'hit' });
      throw forbidden('Hits are for police organisations.');
    }
    const rows = await store.listHits(p.db, actor.orgId, filter);
    const [described] = await Promise.all([
      describe(actor, rows),
      recordAudit(p.db, actor, { action: 'hit.list', recordType: 'hit', recordIds: rows.map((r) => r.id), query: filter, resultCount: rows.length }),
    ]);
    return rows.map((r) => view(r, r.owner_org === actor.orgId ? 'owner' : 'querier', recordOf(described, r)));
  }

  async function getHit(actor: Actor, id: string): Promise<HitView & { messages: HitMessageView[] }> {
    const { row, side } = await loadAsParticipant(actor, id, 'hit.read');
    const [messages, described] = await Promise.all([store.listMessages(p.db, id), describe(actor, [row])]);
    await recordAudit(p.db, actor, { action: 'hit.read', recordType: 'hit', recordIds: [id] });
    return { ...view(row, side, recordOf(described, row)), messages: messages.map((m) => ({ id: m.id, at: m.at, username: m.username, orgId: m.org_id, body: m.body })) };
  }

  async function postMessage(actor: Actor, id: string, body: string): Promise<HitMessageView> {
    const text = body.trim();
    if (!text) throw invalidField('body', 'write a message');
    if (text.length > 5000) throw invalidField('body', 'at most 5,000 characters');
    const { row, side } = await loadAsParticipant(actor, id, 'hit.message');
    if (!hasRole(actor, 'frontline', 'officer', 'analyst', 'admin')) throw forbidden('Your role cannot write on hits.');
    return p.db.transaction().execute(async (tx) => {
      const m = await store.insertMessage(tx, { hit_id: id, user_id: actor.userId, username: actor.username, org_id: actor.orgId, body: text });
      if (side === 'owner') await store.markReplied(tx, id);
      await recordAudit(tx, actor, { action: 'hit.message', recordType: 'hit', recordIds: [id] });
      await p.events.publish(tx, {
        type: 'hit.message', recordType: 'hit', recordId: id, recipientOrgs: [row.owner_org, row.querier_org],
        payload: { id, messageId: m.id, from: actor.username, fromOrg: actor.orgId, preview: text.slice(0, 140) },
      });
      return { id: m.id, at: m.at, username: m.username, orgId: m.org_id, body: m.body };
    });
  }

  /** The owner confirms the hit or marks it a false positive (not raised again for the same query). */
  async function resolveHit(actor: Actor, id: string, status: HitStatus): Promise<HitView> {
    const { row, side } = await loadAsParticipant(actor, id, 'hit.resolve');
    if (side !== 'owner' || !hasRole(actor, 'officer', 'admin')) {
      await recordAudit(p.db, actor, { action: 'hit.resolve', outcome: 'refused', recordType: 'hit', recordIds: [id] });
      throw forbidden('Only the officers of the organisation that owns the record confirm a hit or mark it a false positive.');
    }
    if (!mayResolve(row.status, status)) throw conflict(`This hit is already ${row.status.replace('_', ' ')}.`);
    return p.db.transaction().execute(async (tx) => {
      await store.resolveHit(tx, id, status, actor.username);
      await recordAudit(tx, actor, { action: 'hit.resolve', recordType: 'hit', recordIds: [id], query: { status } });
      await p.events.publish(tx, {
        type: 'hit.resolved', recordType: 'hit', recordId: id, recipientOrgs: [row.owner_org, row.querier_org],
        payload: { id, status, by: actor.username },
      });
      return (await store.findHit(tx, id))!;
    }).then(async (after) => view(after, side, recordOf(await describe(actor, [after]), after)));
  }

  return { raiseHits, describeWith, listHits, getHit, postMessage, resolveHit };
}

export type Hits = ReturnType<typeof makeHits>;
