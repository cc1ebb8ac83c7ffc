import { Type } from 'typebox';
import { actorOf, type Api } from '../api/types.ts';
import { DateTime } from '../api/schemas.ts';
import type { Retention } from './service.ts';

export function retentionRoutes(api: Api, retention: Retention): void {
  api.get('/retention/queue', {
    config: { access: ['officer', 'admin'] },
    schema: {
      tags: ['retention'], summary: "My organisation's records due for review within six months, or past it (hidden from other members until renewed)",
      response: { 200: Type.Array(Type.Object({ recordType: Type.String(), id: Type.String(), title: Type.String(), subject: Type.String(), reviewAt: DateTime(), overdue: Type.Boolean() })) },
    },
  }, async (request) => retention.reviewQueue(actorOf(request)));
}
