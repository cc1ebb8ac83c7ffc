import { Type } from 'typebox';
import { sql } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { isPolice } from '../platform/access/actor.ts';
import { readAuditLog } from '../platform/audit/read.ts';
import { isRecipient, rowToEvent, type VigilEvent } from '../platform/events.ts';
import type { Platform } from '../platform/platform.ts';
import { DateTime } from './schemas.ts';
import { actorOf, type Api } from './types.ts';

const AuditEntry = Type.Object({
  seq: Type.Integer(), at: DateTime(), userId: Type.Union([Type.String(), Type.Null()]), username: Type.String(),
  orgId: Type.Union([Type.String(), Type.Null()]), action: Type.String(), outcome: Type.String(), recordType: Type.Union([Type.String(), Type.Null()]),
  recordIds: Type.Array(Type.String()), query: Type.Unknown(), purpose: Type.Union([Type.String(), Type.Null()]),
  resultCount: Type.Union([Type.Integer(), Type.Null()]), requestId: Type.Union([Type.String(), Type.Null()]),
});

const EventView = Type.Object({
  id: Type.Integer(), at: DateTime(), type: Type.String(), recordType: Type.Union([Type.String(), Type.Null()]),
  recordId: Type.Union([Type.String(), Type.Null()]), payload: Type.Record(Type.String(), Type.Unknown()), read: Type.Optional(Type.Boolean()),
});

/** Progress and other transient events go to the live stream only, never to the inbox. */
const inboxWorthy = sql<boolean>`not coalesce((e.payload->>'transient')::boolean, false)`;

/** Events addressed to an actor, in SQL, matching `isRecipient`. */
function recipientFilter(actor: Actor) {
  const forAll = isPolice(actor) ? sql`(recipient_orgs is null and recipient_users is null)` : sql`false`;
  return sql<boolean>`(not (${actor.orgId} = any(excluded_orgs)) and (
    ${actor.userId ?? '00000000-0000-0000-0000-000000000000'}::uuid = any(coalesce(recipient_users, '{}'))
    or ${actor.orgId} = any(coalesce(recipient_orgs, '{}')) or ${forAll}))`;
}

const publicEvent = (e: VigilEvent) => ({ id: e.id, at: e.at, type: e.type, recordType: e.recordType, recordId: e.recordId, payload: e.payload });

/** Routes of the platform itself: the audit log, the inbox and the live event stream. */
export function platformRoutes(api: Api, p: Platform): void {
  api.get('/audit', {
    config: { access: ['admin'] },
    schema: {
      tags: ['audit'], summary: "The audit log: my organisation's entries (all, for the secretariat)",
      querystring: Type.Object({
        username: Type.Optional(Type.String()), action: Type.Optional(Type.String()), recordId: Type.Optional(Type.String()),
        from: Type.Optional(Type.String({ format: 'date-time' })), to: Type.Optional(Type.String({ format: 'date-time' })),
        beforeSeq: Type.Optional(Type.Integer({ minimum: 1 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
      }, { additionalProperties: false }),
      response: { 200: Type.Array(AuditEntry) },
    },
  }, async (request) => {
    const rows = await readAuditLog(p.db, actorOf(request), request.query);
    return rows.map((r) => ({
      seq: r.seq, at: r.at, userId: r.user_id, username: r.username, orgId: r.org_id, action: r.action, outcome: r.outcome,
      recordType: r.record_type, recordIds: r.record_ids, query: r.query, purpose: r.purpose, resultCount: r.result_count, requestId: r.request_id,
    }));
  });

  api.get('/inbox', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['events'], summary: 'My inbox: alerts, hits and messages addressed to me or my organisation, newest first',
      querystring: Type.Object({ unread: Type.Optional(Type.Boolean()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ unread: Type.Integer(), items: Type.Array(EventView) }) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const uid = actor.userId ?? '00000000-0000-0000-0000-000000000000';
    let q = p.db.selectFrom('events as e')
      .leftJoin('event_reads as r', (j) => j.onRef('r.event_id', '=', 'e.id').on('r.user_id', '=', uid))
      .selectAll('e').select(sql<boolean>`r.event_id is not null`.as('read'))
      .where(recipientFilter(actor)).where(inboxWorthy).orderBy('e.id', 'desc').limit(request.query.limit ?? 100);
    if (request.query.unread) q = q.where('r.event_id', 'is', null);
    const rows = await q.execute();
    const unread = await p.db.selectFrom('events as e')
      .leftJoin('event_reads as r', (j) => j.onRef('r.event_id', '=', 'e.id').on('r.user_id', '=', uid))
      .select((eb) => eb.fn.countAll<number>().as('n')).where(recipientFilter(actor)).where(inboxWorthy).where('r.event_id', 'is', null).executeTakeFirstOrThrow();
    return { unread: Number(unread.n), items: rows.map((r) => ({ ...publicEvent(rowToEvent(r)), read: r.read })) };
  });

  api.post('/inbox/:id/read', {
    config: { access: 'authenticated' },
    schema: { tags: ['events'], summary: 'Mark an inbox item read', params: Type.Object({ id: Type.Integer() }) },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const row = await p.db.selectFrom('events').select('id').where('id', '=', request.params.id).where(recipientFilter(actor)).executeTakeFirst();
    if (row && actor.userId) {
      await p.db.insertInto('event_reads').values({ user_id: actor.userId, event_id: row.id }).onConflict((oc) => oc.doNothing()).execute();
    }
    return reply.status(204).send();
  });

  api.get('/events', {
    config: { access: 'authenticated' },
    schema: { tags: ['events'], summary: 'Server-sent events: what is addressed to me, live (resumes after Last-Event-ID)' },
  }, async (request, reply) => {
    const actor = actorOf(request);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    const send = (e: VigilEvent) => { res.write(`id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(publicEvent(e))}\n\n`); };
    res.write(': connected\n\n');
    const lastId = Number(request.headers['last-event-id'] ?? 0);
    if (lastId > 0) {
      const missed = await p.db.selectFrom('events').selectAll().where('id', '>', lastId).where(recipientFilter(actor)).orderBy('id').limit(500).execute();
      for (const r of missed) send(rowToEvent(r));
    }
    const unsubscribe = p.events.subscribe((e) => { if (isRecipient(actor, e)) send(e); });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    request.raw.on('close', () => { clearInterval(heartbeat); unsubscribe(); });
  });
}
