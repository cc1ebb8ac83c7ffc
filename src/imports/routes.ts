import { Readable } from 'node:stream';
import { Type } from 'typebox';
import { actorOf, type Api } from '../api/types.ts';
import { OneOf } from '../api/schemas.ts';
import type { Platform } from '../platform/platform.ts';
import { IMPORT_KINDS } from './model.ts';
import type { Imports } from './service.ts';
import type { Persons } from '../persons/service.ts';

const Report = Type.Object({
  kind: Type.String(), lines: Type.Integer(), stored: Type.Integer(),
  batches: Type.Array(Type.Object({ from: Type.Integer(), to: Type.Integer(), stored: Type.Integer(), errors: Type.Integer() })),
  errors: Type.Array(Type.Object({ line: Type.Integer(), field: Type.String(), message: Type.String() })),
});

export function importRoutes(api: Api, p: Platform, imports: Imports): void {
  // Import files are text; they get their own, larger body limit.
  for (const type of ['text/csv', 'application/x-ndjson']) {
    if (!api.hasContentTypeParser(type)) api.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 50 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  }

  api.post('/imports/:kind', {
    config: { access: ['officer', 'admin'] },
    bodyLimit: 50 * 1024 * 1024,
    schema: {
      tags: ['imports'], summary: 'Import records from NDJSON (application/x-ndjson) or CSV (text/csv), in transactional batches; progress arrives as import.progress events',
      params: Type.Object({ kind: OneOf(IMPORT_KINDS) }),
      querystring: Type.Object({ batchSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })) }, { additionalProperties: false }),
      response: { 200: Report },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const format = String(request.headers['content-type'] ?? '').startsWith('text/csv') ? 'csv' : 'ndjson';
    const importId = String(request.id);
    let lastAt = 0;
    return imports.importText(actor, request.params.kind, format, String(request.body ?? ''), {
      batchSize: request.query.batchSize,
      onProgress: (done, total) => {
        if (done !== total && Date.now() - lastAt < 500) return;
        lastAt = Date.now();
        void p.events.publish(p.db, { type: 'import.progress', recordType: 'import', recordId: importId, recipientOrgs: [], recipientUsers: actor.userId ? [actor.userId] : [], payload: { importId, done, total, transient: true } });
      },
    });
  });
}

/** Exports stream what the actor may see, as NDJSON in the import format; each page is audited. */
export function exportRoutes(api: Api, persons: Persons): void {
  api.get('/exports/persons', {
    config: { access: ['officer', 'analyst', 'admin'] },
    schema: { tags: ['imports'], summary: 'Every person I may see, as NDJSON (audited)', querystring: Type.Object({ owner: Type.Optional(Type.String()), subject: Type.Optional(Type.String()) }, { additionalProperties: false }) },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const pages = persons.exportPersons(actor, request.query);
    const first = await pages.next();
    reply.type('application/x-ndjson').header('content-disposition', 'attachment; filename="persons.ndjson"');
    async function* lines() {
      let page = first;
      while (!page.done) {
        for (const v of page.value) {
          const { id, version, envelope, createdAt, updatedAt, ...person } = v;
          const { owner: _owner, ...env } = envelope;
          yield `${JSON.stringify({ id, version, createdAt, updatedAt, owner: envelope.owner, person, envelope: env })}\n`;
        }
        page = await pages.next();
      }
    }
    return reply.send(Readable.from(lines()));
  });
}
