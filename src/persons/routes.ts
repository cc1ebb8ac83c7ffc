import { Type } from 'typebox';
import { actorOf, type Api } from '../api/types.ts';
import { DateTime, Nullable } from '../api/schemas.ts';
import { EnvelopeInput } from '../api/envelope-schema.ts';
import { PersonInput, PersonView, str } from './schema.ts';
import type { Persons } from './service.ts';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Filter = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })), nationality: Type.Optional(Type.String({ maxLength: 3 })), subject: Type.Optional(Type.String()),
  owner: Type.Optional(Type.String()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), offset: Type.Optional(Type.Integer({ minimum: 0 })),
}, { additionalProperties: false });
const police = ['frontline', 'officer', 'analyst', 'reviewer', 'admin'] as const;

export function personRoutes(api: Api, persons: Persons): void {
  api.post('/persons', {
    config: { access: ['officer', 'admin'] },
    schema: { tags: ['persons'], summary: 'Enter a person (nominal data) with its access envelope', body: Type.Object({ person: PersonInput, envelope: Type.Optional(EnvelopeInput) }, { additionalProperties: false }), response: { 201: PersonView } },
  }, async (request, reply) => reply.status(201).send(await persons.createPerson(actorOf(request), request.body)));

  api.get('/persons', {
    config: { access: police },
    schema: { tags: ['persons'], summary: 'Persons I may see, filtered and paged', querystring: Filter, response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(PersonView) }) } },
  }, async (request) => persons.listPersons(actorOf(request), request.query));

  api.get('/persons/count', {
    config: { access: police },
    schema: { tags: ['persons'], summary: 'How many persons I may see match a filter', querystring: Filter, response: { 200: Type.Object({ total: Type.Integer() }) } },
  }, async (request) => ({ total: await persons.countPersons(actorOf(request), request.query) }));

  api.get('/persons/:id', {
    config: { access: police },
    schema: { tags: ['persons'], summary: 'One person', params: Id, response: { 200: PersonView } },
  }, async (request) => persons.getPerson(actorOf(request), request.params.id));

  api.patch('/persons/:id', {
    config: { access: ['officer', 'admin'] },
    schema: {
      tags: ['persons'], summary: 'Change a person my organisation owns (kept in its history)', params: Id,
      body: Type.Object({ person: Type.Optional(PersonInput), envelope: Type.Optional(EnvelopeInput), reason: Type.Optional(str(1000)), expectedVersion: Type.Optional(Type.Integer()) }, { additionalProperties: false }),
      response: { 200: PersonView },
    },
  }, async (request) => persons.updatePerson(actorOf(request), request.params.id, request.body));

  api.delete('/persons/:id', {
    config: { access: ['officer', 'admin'] },
    schema: { tags: ['persons'], summary: 'Delete a person (kept for audit, hidden from members)', params: Id, body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }) },
  }, async (request, reply) => {
    await persons.deletePerson(actorOf(request), request.params.id, request.body.reason);
    return reply.status(204).send();
  });

  api.get('/persons/:id/history', {
    config: { access: police },
    schema: {
      tags: ['persons'], summary: 'Who changed what, when', params: Id,
      response: { 200: Type.Array(Type.Object({ version: Type.Integer(), changedBy: Type.String(), changedAt: DateTime(), change: Type.String(), reason: Nullable(Type.String()), snapshot: Type.Unknown() })) },
    },
  }, async (request) => persons.personHistory(actorOf(request), request.params.id));

  api.post('/persons/:id/renew', {
    config: { access: ['officer', 'admin'] },
    schema: { tags: ['persons', 'retention'], summary: 'Keep a person past its review date, with a justification', params: Id, body: Type.Object({ justification: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }), response: { 200: PersonView } },
  }, async (request) => persons.renewPerson(actorOf(request), request.params.id, request.body.justification));

  api.post('/photos', {
    config: { access: ['officer', 'admin'] },
    bodyLimit: 6 * 1024 * 1024,
    schema: { tags: ['persons'], summary: 'Upload a photo (JPEG, PNG or WebP bytes); returns its SHA-256 to reference from a person', response: { 201: Type.Object({ sha256: Type.String() }) } },
  }, async (request, reply) => {
    const body = request.body as Buffer;
    return reply.status(201).send(await persons.uploadPhoto(actorOf(request), body, String(request.headers['content-type'] ?? '').split(';')[0]));
  });

  api.get('/photos/:sha256', {
    config: { access: police },
    schema: { tags: ['persons'], summary: 'A photo shown on a person I may see', params: Type.Object({ sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }) }) },
  }, async (request, reply) => {
    const photo = await persons.getPhoto(actorOf(request), request.params.sha256);
    return reply.type(photo.media_type).header('cache-control', 'private, max-age=3600').send(photo.bytes);
  });
}
