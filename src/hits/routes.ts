import { Type } from 'typebox';
import { actorOf, type Api } from '../api/types.ts';
import { DateTime, Nullable, OneOf } from '../api/schemas.ts';
import { HIT_STATUSES } from './model.ts';
import type { Hits } from './service.ts';

const Message = Type.Object({ id: Type.Integer(), at: DateTime(), username: Type.String(), orgId: Type.String(), body: Type.String() });
const Hit = Type.Object({
  id: Type.String(), createdAt: DateTime(), recordType: Type.String(), recordId: Type.String(),
  title: Nullable(Type.String({ description: 'What the record is, for its owner (and for a querier shown the record); null when not shown' })),
  summary: Nullable(Type.String({ description: 'One sentence on the record, under the same rule' })), ownerOrg: Type.String(), querierOrg: Type.String(),
  querierName: Type.String(), query: Type.Unknown(), score: Type.Number(), explanation: Type.Unknown(), purpose: Nullable(Type.String()),
  status: Type.String(), replyDueAt: DateTime(), firstReplyAt: Nullable(DateTime()), overdue: Type.Boolean(), resolvedAt: Nullable(DateTime()),
  resolvedBy: Nullable(Type.String()), side: Type.String(),
});
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const police = ['frontline', 'officer', 'analyst', 'reviewer', 'admin'] as const;

export function hitRoutes(api: Api, hits: Hits): void {
  api.get('/hits', {
    config: { access: police },
    schema: {
      tags: ['hits'], summary: "Hits on my organisation's records (side=owner) and hits we raised (side=querier)",
      querystring: Type.Object({ side: Type.Optional(OneOf(['owner', 'querier'] as const)), status: Type.Optional(OneOf(HIT_STATUSES)), overdue: Type.Optional(Type.Boolean()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }, { additionalProperties: false }),
      response: { 200: Type.Array(Hit) },
    },
  }, async (request) => hits.listHits(actorOf(request), request.query));

  api.get('/hits/:id', {
    config: { access: police },
    schema: { tags: ['hits'], summary: 'A hit with its message thread', params: Id, response: { 200: Type.Object({ ...Hit.properties, messages: Type.Array(Message) }) } },
  }, async (request) => hits.getHit(actorOf(request), request.params.id));

  api.post('/hits/:id/messages', {
    config: { access: police },
    schema: { tags: ['hits'], summary: 'Write to the other side of a hit', params: Id, body: Type.Object({ body: Type.String({ minLength: 1, maxLength: 5000 }) }, { additionalProperties: false }), response: { 201: Message } },
  }, async (request, reply) => reply.status(201).send(await hits.postMessage(actorOf(request), request.params.id, request.body.body)));

  api.post('/hits/:id/resolve', {
    config: { access: ['officer', 'admin'] },
    schema: { tags: ['hits'], summary: 'Confirm a hit or mark it a false positive (owner only)', params: Id, body: Type.Object({ status: OneOf(['confirmed', 'false_positive'] as const) }, { additionalProperties: false }), response: { 200: Hit } },
  }, async (request) => hits.resolveHit(actorOf(request), request.params.id, request.body.status));
}
