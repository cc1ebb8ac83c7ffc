import { Type } from 'typebox';
import { actorOf, type Api } from '../api/types.ts';
import { DateTime } from '../api/schemas.ts';
import type { Retention } from './service.ts';

export function retentionRoutes(api: Api, retention: Retention): void {
  api.get('/retention/queue', {
    config: { access: ['officer', 'admin'] },
    schema: {
      tags: ['retention'], summary: "My organisation's persons, documents and notices (not yet over) due for review within six months, or past it (hidden from other members until renewed: POST /persons|documents|notices/{id}/renew)",
      response: {
        200: Type.Array(Type.Object({
          recordType: Type.String({ description: 'person, document or notice' }), id: Type.String(), title: Type.String(), subject: Type.String(), reviewAt: DateTime(), overdue: Type.Boolean(),
          status: Type.Optional(Type.String({ description: "A document's status or a notice's lifecycle status" })),
        })),
      },
    },
  }, async (request) => retention.reviewQueue(actorOf(request)));
}
