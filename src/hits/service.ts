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
}

function view(row: store.HitRow, side: 'owner' | 'querier'): HitView {
  const showExplanation = side === 'owner' || row.disclosure === 'full';
  return {
    id: row.id, createdAt: row.created_at, recordType: row.record_type, recordId: row.record_id, ownerOrg: row.owner_org,
    querierOrg: row.querier_org, querierName: row.querier_name, query: row.query, score: row.score,
    explanation: showExplanation ? row.explanation : null, purpose: row.purpose, status: row.status,
    replyDueAt: new Date(row.reply_due_at), firstReplyAt: row.first_reply_at ? new Date(row.first_reply_at) : null,
    overdue: isOverdue(row), resolvedAt: row.resolved_at ? new Date(row.resolved_at) : null, resolvedBy: row.resolved_by, side,
  };
}

/** Hits: the owner of a matched record is told at once; owner and querier talk it through and the owner decides. */
export function makeHits(p: Platform, opts: { replyHours?: number } = {}) {
  const replyHours = opts.replyHours ?? Number(process.env.VIGIL_HIT_REPLY_HOURS ?? DEFAULT_REPLY_HOURS);

  /** Raises hits on other organisations' records (never one's own), skipping known false positives and open repeats. */
  async function raiseHits(actor: Actor, queryIdentity: string, query: unknown, candidates: HitCandidate[]): Promise<Map<string, string>> {
    const foreign = candidates.filter((c) => c.ownerOrg !== actor.orgId);
    const raised = new Map<string, string>();
    if (!foreign.length) return raised;
    const falsePositives = await store.falsePositiveRecords(p.db, queryIdentity, foreign.map((c) => c.recordId));
    const purpose = currentContext().purpose ?? null;
    await p.db.transaction().execute(async (tx) => {
      for (const c of foreign) {
        if (falsePositives.has(c.recordId)) continue;
        const open = await store.findOpenHit(tx, queryIdentity, c.recordId, actor.orgId);
        if (open) { raised.set(c.recordId, open.id); continue; }
        const id = await store.insertHit(tx, {
          record_type: c.recordType, record_id: c.recordId, owner_org: c.ownerOrg, querier_org: actor.orgId, querier_user: actor.userId,
          querier_name: actor.username, query_identity: queryIdentity, query, score: c.score, explanation: c.explanation,
          disclosure: c.disclosure, purpose, reply_due_at: new Date(Date.now() + replyHours * 3600_000),
        });
        raised.set(c.recordId, id);
        await recordAudit(tx, actor, { action: 'hit.raise', recordType: 'hit', recordIds: [id, c.recordId] });
        await p.events.publish(tx, {
          type: 'hit.created', recordType: 'hit', recordId: id, recipientOrgs: [c.ownerOrg],
          payload: { id, recordType: c.recordType, recordId: c.recordId, querierOrg: actor.orgId, score: c.score, replyDueAt: new Date(Date.now() + replyHours * 3600_000).toISOString() },
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
    await recordAudit(p.db, actor, { action: 'hit.list', recordType: 'hit', recordIds: rows.map((r) => r.id), query: filter, resultCount: rows.length });
    return rows.map((r) => view(r, r.owner_org === actor.orgId ? 'owner' : 'querier'));
  }

  async function getHit(actor: Actor, id: string): Promise<HitView & { messages: HitMessageView[] }> {
    const { row, side } = await loadAsParticipant(actor, id, 'hit.read');
    const messages = await store.listMessages(p.db, id);
    await recordAudit(p.db, actor, { action: 'hit.read', recordType: 'hit', recordIds: [id] });
    return { ...view(row, side), messages: messages.map((m) => ({ id: m.id, at: m.at, username: m.username, orgId: m.org_id, body: m.body })) };
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
      return view((await store.findHit(tx, id))!, side);
    });
  }

  return { raiseHits, listHits, getHit, postMessage, resolveHit };
}

export type Hits = ReturnType<typeof makeHits>;
