import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { actorOf, type Api } from '../api/types.ts';
import { OneOf } from '../api/schemas.ts';
import type { Platform } from '../platform/platform.ts';
import { IMPORT_KINDS } from './model.ts';
import type { Imports } from './service.ts';
import type { Persons } from '../persons/service.ts';
import type { Documents } from '../documents/service.ts';
import { documentExportLine } from '../documents/import.ts';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES } from '../documents/model.ts';
import type { Notices } from '../notices/service.ts';
import { NOTICE_KINDS, NOTICE_STATUSES } from '../notices/model.ts';

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

/** Streams pages of export lines as NDJSON; the first page is read before replying, so a refusal is a problem document. */
async function sendNdjson(reply: FastifyReply, filename: string, pages: AsyncGenerator<Record<string, unknown>[]>) {
  const first = await pages.next();
  reply.type('application/x-ndjson').header('content-disposition', `attachment; filename="${filename}"`);
  async function* lines() {
    for (let page = first; !page.done; page = await pages.next()) {
      for (const v of page.value) yield `${JSON.stringify(v)}\n`;
    }
  }
  return reply.send(Readable.from(lines()));
}

async function* mapPages<T>(pages: AsyncGenerator<T[]>, line: (v: T) => Record<string, unknown>): AsyncGenerator<Record<string, unknown>[]> {
  for await (const page of pages) yield page.map(line);
}

const exporters = ['officer', 'analyst', 'admin'] as const;

/** Exports stream what the actor may see, as NDJSON in the import format; each page is audited. */
export function exportRoutes(api: Api, s: { persons: Persons; documents: Documents; notices: Notices }): void {
  api.get('/exports/persons', {
    config: { access: exporters },
    schema: { tags: ['imports'], summary: 'Every person I may see, as NDJSON (audited)', querystring: Type.Object({ owner: Type.Optional(Type.String()), subject: Type.Optional(Type.String()) }, { additionalProperties: false }) },
  }, async (request, reply) => sendNdjson(reply, 'persons.ndjson', mapPages(s.persons.exportPersons(actorOf(request), request.query), (v) => {
    const { id, version, envelope, createdAt, updatedAt, ...person } = v;
    const { owner: _owner, ...env } = envelope;
    return { id, version, createdAt, updatedAt, owner: envelope.owner, person, envelope: env };
  })));

  api.get('/exports/documents', {
    config: { access: exporters },
    schema: {
      tags: ['imports'], summary: 'Every live document record I may see in full, as NDJSON in the import format (audited; cancelled records are left out)',
      querystring: Type.Object({
        issuingCountry: Type.Optional(Type.String({ maxLength: 3 })), type: Type.Optional(OneOf(DOCUMENT_TYPES)), status: Type.Optional(OneOf(DOCUMENT_STATUSES)),
        owner: Type.Optional(Type.String({ maxLength: 64 })),
      }, { additionalProperties: false }),
    },
  }, async (request, reply) => sendNdjson(reply, 'documents.ndjson', mapPages(s.documents.exportDocuments(actorOf(request), request.query), documentExportLine)));

  api.get('/exports/notices', {
    config: { access: exporters },
    schema: {
      tags: ['imports'], summary: 'Every notice I may see in full as a member (my organisation\'s, and those that reached it), as NDJSON in the import format (audited)',
      querystring: Type.Object({
        kind: Type.Optional(OneOf(NOTICE_KINDS)), status: Type.Optional(OneOf(NOTICE_STATUSES)), owner: Type.Optional(Type.String({ maxLength: 64 })),
      }, { additionalProperties: false }),
    },
  }, async (request, reply) => sendNdjson(reply, 'notices.ndjson', s.notices.exportNotices(actorOf(request), request.query)));
}
