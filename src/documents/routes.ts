import { Type } from 'typebox';
import { actorOf, type Api } from '../api/types.ts';
import { DateTime, Nullable, OneOf } from '../api/schemas.ts';
import { EnvelopeInput, EnvelopeView } from '../api/envelope-schema.ts';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES } from './model.ts';
import { HOLDER_SEXES } from './record.ts';
import type { Documents } from './service.ts';
import { Renewal } from '../retention/schema.ts';

const str = (max = 200) => Type.String({ maxLength: max });
const opt = <T extends Parameters<typeof Type.Optional>[0]>(t: T) => Type.Optional(t);
// Dates and codes are checked by the service, which names the field and says what is wrong.
const HolderInput = Type.Object({
  personId: opt(str(36)), names: opt(Type.Array(str(), { maxItems: 20 })), birthDate: opt(str(10)), sex: opt(OneOf(HOLDER_SEXES)), nationality: opt(str(3)),
}, { additionalProperties: false });
const DetailFields = {
  status: OneOf(DOCUMENT_STATUSES),
  holder: opt(Nullable(HolderInput)),
  issueDate: opt(Nullable(str(10))),
  expiryDate: opt(Nullable(str(10))),
  reportedOn: opt(Nullable(str(10))),
  reportedPlace: opt(Nullable(str(500))),
  circumstances: opt(Nullable(str(5000))),
};
const DocumentInput = Type.Object({ number: str(50), issuingCountry: str(3), type: OneOf(DOCUMENT_TYPES), ...DetailFields }, { additionalProperties: false });
const DocumentChange = Type.Partial(Type.Object(DetailFields, { additionalProperties: false }), { additionalProperties: false });

const SightingView = Type.Object({
  id: Type.String(), kind: Type.String(), observedOn: Nullable(Type.String()), place: Nullable(Type.String()), country: Nullable(Type.String()),
  circumstances: Nullable(Type.String()), reportedBy: Type.Object({ org: Type.String(), username: Type.String() }), reportedAt: DateTime(), envelope: EnvelopeView,
});
export const DocumentView = Type.Object({
  id: Type.String(), number: Type.String(), numberNormalised: Type.String(), issuingCountry: Type.String(), type: Type.String(), status: Type.String(),
  holder: Nullable(Type.Object({
    personId: Nullable(Type.String()), names: Type.Array(Type.String()), birthDate: Nullable(Type.String()), sex: Nullable(Type.String()), nationality: Nullable(Type.String()),
  })),
  issueDate: Nullable(Type.String()), expiryDate: Nullable(Type.String()), reportedOn: Type.String(), reportedPlace: Nullable(Type.String()),
  circumstances: Nullable(Type.String()), version: Type.Integer(), cancelledAt: Nullable(DateTime()), cancelReason: Nullable(Type.String()),
  envelope: EnvelopeView, createdAt: DateTime(), updatedAt: DateTime(), sightings: opt(Type.Array(SightingView)),
});
const MrzReading = Type.Object({
  format: Nullable(Type.String()), valid: Type.Boolean(),
  fields: Type.Object({
    documentCode: Nullable(Type.String()), documentType: Nullable(Type.String()), issuingState: Nullable(Type.String()), documentNumber: Nullable(Type.String()),
    nationality: Nullable(Type.String()), lastName: Nullable(Type.String()), firstNames: Nullable(Type.String()), birthDate: Nullable(Type.String()),
    sex: Nullable(Type.String()), expirationDate: Nullable(Type.String()), issueDate: Nullable(Type.String()), optionalData: Type.Array(Type.String()),
    extra: Type.Record(Type.String(), Type.String()),
  }),
  errors: Type.Array(Type.Object({
    field: Type.String(), message: Type.String(), expected: opt(Type.String()), found: opt(Type.String()), line: opt(Type.Integer()), column: opt(Type.Integer()),
  })),
  corrections: Type.Array(Type.Object({ line: Type.Integer(), column: Type.Integer(), original: Type.String(), corrected: Type.String() })),
  expired: Nullable(Type.Boolean()),
});
const DocumentCheck = Type.Object({
  query: Type.Object({ via: Type.String(), number: Nullable(Type.String()), numberNormalised: Nullable(Type.String()), issuingCountry: Nullable(Type.String()) }),
  mrz: Nullable(MrzReading),
  hit: Type.Boolean(),
  matches: Type.Array(Type.Object({
    reference: Type.String(), owner: Type.String(), visibility: Type.String(), message: Type.String(), document: opt(DocumentView),
    hitId: Nullable(Type.String({ description: 'The hit raised to the owner by this check (GET /hits/{id} to follow it up); null for my own record or a pair the owner marked a false positive' })),
  })),
  holder: Nullable(Type.Object({
    names: Type.Array(Type.String()), birthDates: Type.Array(Type.String()), sex: Nullable(Type.String()), nationality: Nullable(Type.String()), namesTruncated: Type.Boolean(),
  })),
});
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Reason = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false });
const Filter = Type.Object({
  number: opt(str(50)), issuingCountry: opt(str(3)), type: opt(OneOf(DOCUMENT_TYPES)), status: opt(OneOf(DOCUMENT_STATUSES)), owner: opt(str(50)),
  cancelled: opt(Type.Boolean()), limit: opt(Type.Integer({ minimum: 1, maximum: 500 })), offset: opt(Type.Integer({ minimum: 0 })),
}, { additionalProperties: false });
const police = ['frontline', 'officer', 'analyst', 'reviewer', 'admin'] as const;
const writers = ['officer', 'admin'] as const;
const tags = ['documents'];

export function documentRoutes(api: Api, documents: Documents): void {
  api.post('/documents/check', {
    config: { access: police },
    schema: {
      tags, summary: 'Check a document by its machine-readable zone, or by number and issuing country: parsed fields, failed check digits, status records, holder for screening',
      body: Type.Object({ mrz: opt(str(300)), number: opt(str(50)), issuingCountry: opt(str(3)) }, { additionalProperties: false }),
      response: { 200: DocumentCheck },
    },
  }, async (request) => documents.checkDocument(actorOf(request), request.body));

  api.post('/documents', {
    config: { access: writers },
    schema: {
      tags, summary: 'Record a document of my country as stolen, lost, revoked, invalidated, counterfeit, forged or a stolen blank (the secretariat may for any country)',
      body: Type.Object({ document: DocumentInput, envelope: opt(EnvelopeInput) }, { additionalProperties: false }), response: { 201: DocumentView },
    },
  }, async (request, reply) => reply.status(201).send(await documents.reportDocument(actorOf(request), request.body)));

  api.get('/documents', {
    config: { access: police },
    schema: { tags, summary: 'Document records I may see, filtered and paged', querystring: Filter, response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(DocumentView) }) } },
  }, async (request) => documents.listDocuments(actorOf(request), request.query));

  api.get('/documents/count', {
    config: { access: police },
    schema: { tags, summary: 'How many document records I may see match a filter', querystring: Filter, response: { 200: Type.Object({ total: Type.Integer() }) } },
  }, async (request) => ({ total: await documents.countDocuments(actorOf(request), request.query) }));

  api.get('/documents/:id', {
    config: { access: police },
    schema: { tags, summary: 'One document record with the seen / seized reports I may see', params: Id, response: { 200: DocumentView } },
  }, async (request) => documents.getDocument(actorOf(request), request.params.id));

  api.patch('/documents/:id', {
    config: { access: writers },
    schema: {
      tags, summary: 'Change the status or details of a record my organisation owns (kept in its history); a new status re-activates a cancelled record', params: Id,
      body: Type.Object({ document: opt(DocumentChange), envelope: opt(EnvelopeInput), reason: opt(str(1000)), expectedVersion: opt(Type.Integer()) }, { additionalProperties: false }),
      response: { 200: DocumentView },
    },
  }, async (request) => documents.updateDocument(actorOf(request), request.params.id, request.body));

  api.post('/documents/:id/cancel', {
    config: { access: writers },
    schema: { tags, summary: 'Withdraw the status of a record my organisation owns (recovered, reported in error): checks no longer hit it', params: Id, body: Reason, response: { 200: DocumentView } },
  }, async (request) => documents.cancelDocument(actorOf(request), request.params.id, request.body.reason));

  api.delete('/documents/:id', {
    config: { access: writers },
    schema: { tags, summary: 'Delete a document record (kept for audit, hidden from members)', params: Id, body: Reason },
  }, async (request, reply) => {
    await documents.deleteDocument(actorOf(request), request.params.id, request.body.reason);
    return reply.status(204).send();
  });

  api.post('/documents/:id/renew', {
    config: { access: writers },
    schema: { tags: [...tags, 'retention'], summary: 'Keep a record my organisation owns past its review date, with a justification (kept in its history)', params: Id, body: Renewal, response: { 200: DocumentView } },
  }, async (request) => documents.renewDocument(actorOf(request), request.params.id, request.body));

  api.get('/documents/:id/history', {
    config: { access: police },
    schema: {
      tags, summary: 'Who changed the record, what and when', params: Id,
      response: { 200: Type.Array(Type.Object({ version: Type.Integer(), changedBy: Type.String(), changedAt: DateTime(), change: Type.String(), reason: Nullable(Type.String()), snapshot: Type.Unknown() })) },
    },
  }, async (request) => documents.documentHistory(actorOf(request), request.params.id));

  api.post('/documents/:id/reports', {
    config: { access: writers },
    schema: {
      tags, summary: 'Report that my organisation has seen or seized this document; the issuing country always receives the report', params: Id,
      body: Type.Object({
        kind: OneOf(['seen', 'seized'] as const), observedOn: opt(Nullable(str(10))), place: opt(Nullable(str(500))), country: opt(Nullable(str(3))),
        circumstances: opt(Nullable(str(5000))), envelope: opt(EnvelopeInput),
      }, { additionalProperties: false }),
      response: { 201: SightingView },
    },
  }, async (request, reply) => {
    const { envelope, ...report } = request.body;
    return reply.status(201).send(await documents.reportSighting(actorOf(request), request.params.id, { report, envelope }));
  });
}
