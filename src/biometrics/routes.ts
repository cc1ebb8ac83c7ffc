import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { actorOf, type Api } from '../api/types.ts';
import { DateTime, Nullable, OneOf } from '../api/schemas.ts';
import { ACCURACIES, AUDIENCES, HANDLING_CODES, RELIABILITIES, TLPS } from '../platform/access/envelope.ts';
import { invalidField } from '../platform/errors.ts';
import { MARK_KINDS } from './model.ts';
import type { Biometrics } from './service.ts';

const police = ['frontline', 'officer', 'analyst', 'reviewer', 'admin'] as const;
const enrollers = ['officer', 'admin'] as const;
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });
const Reason = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false });

const FingerprintView = Type.Object({
  id: Type.String(), personId: Nullable(Type.String()), markKind: Nullable(Type.String()), caseReference: Nullable(Type.String()),
  fingerPosition: Type.Integer(), finger: Type.String(), impressionType: Type.Integer(), impression: Type.String(),
  minutiaeCount: Type.Integer(), quality: Type.Integer(), sha256: Type.String(), owner: Type.String(), subject: Type.String(), createdAt: DateTime(),
});
const Box = Type.Object({ x: Type.Integer(), y: Type.Integer(), width: Type.Integer(), height: Type.Integer() });
const FaceView = Type.Object({
  id: Type.String(), personId: Type.String(), photoSha256: Type.String(), box: Box, detectionScore: Type.Number(), model: Type.String(), owner: Type.String(), createdAt: DateTime(),
});
const Candidate = Type.Object({
  recordType: Type.String(), recordId: Nullable(Type.String()), sampleId: Nullable(Type.String()), owner: Type.String(), ownerName: Type.String(),
  disclosure: Type.String(), score: Type.Number(), match: Type.Boolean(), fingerPosition: Nullable(Type.Integer()), subject: Type.String(),
  person: Nullable(Type.Object({ names: Type.Array(Type.Object({ value: Type.String(), kind: Type.String(), script: Type.Optional(Type.String()) })), birthDates: Type.Array(Type.String()), nationalities: Type.Array(Type.String()), sex: Type.String(), photos: Type.Array(Type.String()) })),
  mark: Nullable(Type.Object({ kind: Type.String(), caseReference: Nullable(Type.String()) })),
  tlp: Nullable(Type.String()), handling: Nullable(Type.String()), hitId: Nullable(Type.String()),
});
const FingerprintSearchResult = Type.Object({
  outcome: OneOf(['hit', 'no_hit'] as const), action: Type.String(), threshold: Type.Number(),
  probe: Type.Object({ sha256: Type.String(), minutiaeCount: Type.Integer(), fingerPosition: Type.Integer(), impressionType: Type.Integer(), latent: Type.Boolean() }),
  candidates: Type.Array(Candidate), searched: Type.Integer(), tookMs: Type.Number(),
});
const FaceSearchResult = Type.Object({
  outcome: OneOf(['hit', 'no_hit'] as const), action: Type.String(), threshold: Type.Number(), model: Type.String(), imageSha256: Type.String(),
  faces: Type.Array(Type.Object({ box: Box, detectionScore: Type.Number(), candidates: Type.Array(Candidate) })),
  searched: Type.Integer(), tookMs: Type.Number(), modelMs: Type.Number(), modelCpuMs: Type.Number(),
});
const Search = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  minScore: Type.Optional(Type.Number({ minimum: -1, maximum: 1 })),
}, { additionalProperties: false });

/** Raw bytes of a template or image: the octet-stream and image parsers hand over a Buffer. */
function bytesOf(request: FastifyRequest): Buffer {
  if (!Buffer.isBuffer(request.body)) throw invalidField('content-type', 'send the raw bytes (application/octet-stream for a template; image/jpeg, image/png or image/webp for an image)');
  return request.body;
}

const mediaTypeOf = (request: FastifyRequest) => String(request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();

export function biometricRoutes(api: Api, biometrics: Biometrics): void {
  api.post('/biometrics/fingerprints', {
    config: { access: enrollers },
    bodyLimit: 1024 * 1024,
    schema: {
      tags: ['biometrics'],
      summary: 'Enrol an ISO/IEC 19794-2:2005 record (application/octet-stream): the prints of a person my organisation owns (?person=, one view or a ten-print set; ?finger= sets the position of a single view), or an unidentified mark (?kind=latent|unidentified_body&case=, with its audience)',
      querystring: Type.Object({
        person: Type.Optional(Type.String({ format: 'uuid' })), finger: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
        kind: Type.Optional(OneOf(MARK_KINDS)), case: Type.Optional(Type.String({ maxLength: 100 })),
        audience: Type.Optional(OneOf(AUDIENCES)), audienceOrgs: Type.Optional(Type.String({ maxLength: 3000 })), deniedOrgs: Type.Optional(Type.String({ maxLength: 3000 })),
        tlp: Type.Optional(OneOf(TLPS)), handling: Type.Optional(OneOf(HANDLING_CODES)), source: Type.Optional(Type.String({ maxLength: 500 })),
        reliability: Type.Optional(OneOf(RELIABILITIES)), accuracy: Type.Optional(OneOf(ACCURACIES)),
      }, { additionalProperties: false }),
      response: { 201: Type.Array(FingerprintView) },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const bytes = bytesOf(request);
    const q = request.query;
    if (q.person && q.kind) throw invalidField('kind', 'a print belongs to a person or is an unidentified mark, not both');
    if (q.person) return reply.status(201).send(await biometrics.enrolFingerprints(actor, q.person, bytes, { finger: q.finger }));
    if (!q.kind) throw invalidField('person', 'name the person the prints belong to, or give kind=latent|unidentified_body for an unidentified mark');
    const list = (v?: string) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);
    const envelope = { audience: q.audience, audienceOrgs: list(q.audienceOrgs), deniedOrgs: list(q.deniedOrgs), tlp: q.tlp, handling: q.handling, source: q.source, reliability: q.reliability, accuracy: q.accuracy };
    return reply.status(201).send(await biometrics.storeMark(actor, bytes, { kind: q.kind, caseReference: q.case, finger: q.finger, envelope }));
  });

  api.get('/biometrics/persons/:id/fingerprints', {
    config: { access: police },
    schema: { tags: ['biometrics'], summary: "A person's enrolled prints (without template bytes)", params: Id, response: { 200: Type.Array(FingerprintView) } },
  }, async (request) => biometrics.listPersonFingerprints(actorOf(request), request.params.id));

  api.delete('/biometrics/fingerprints/:id', {
    config: { access: enrollers },
    schema: { tags: ['biometrics'], summary: 'Delete a print or mark my organisation owns (kept for audit, gone from searches)', params: Id, body: Reason },
  }, async (request, reply) => {
    await biometrics.deleteFingerprint(actorOf(request), request.params.id, request.body.reason);
    return reply.status(204).send();
  });

  api.post('/biometrics/fingerprints/:id/verify', {
    config: { access: police },
    bodyLimit: 1024 * 1024,
    schema: {
      tags: ['biometrics'], summary: '1:1: compare a probe record (application/octet-stream, one finger view) with a stored print', params: Id,
      response: { 200: Type.Object({ fingerprintId: Type.String(), personId: Nullable(Type.String()), score: Type.Number(), threshold: Type.Number(), match: Type.Boolean() }) },
    },
  }, async (request) => biometrics.verifyFingerprint(actorOf(request), request.params.id, bytesOf(request)));

  api.post('/biometrics/fingerprints/identify', {
    config: { access: police },
    bodyLimit: 1024 * 1024,
    schema: {
      tags: ['biometrics'],
      summary: '1:N: search a probe record (application/octet-stream, one finger view) against every print and mark I may learn of; ranked candidates, and the owners of matches are told. latent=true searches every rotation (the default for latent impression types).',
      querystring: Type.Object({ ...Search.properties, latent: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: { 200: FingerprintSearchResult },
    },
  }, async (request) => biometrics.identifyFingerprint(actorOf(request), bytesOf(request), request.query));

  api.post('/biometrics/faces', {
    config: { access: enrollers },
    schema: {
      tags: ['biometrics'], summary: "Enrol the face in one of a person's photos (uploaded with POST /photos and listed on the person)",
      body: Type.Object({ person: Type.String({ format: 'uuid' }), photo: Sha256 }, { additionalProperties: false }),
      response: { 201: FaceView },
    },
  }, async (request, reply) => reply.status(201).send(await biometrics.enrolFace(actorOf(request), request.body.person, request.body.photo)));

  api.get('/biometrics/persons/:id/faces', {
    config: { access: police },
    schema: { tags: ['biometrics'], summary: "A person's enrolled faces", params: Id, response: { 200: Type.Array(FaceView) } },
  }, async (request) => biometrics.listPersonFaces(actorOf(request), request.params.id));

  api.delete('/biometrics/faces/:id', {
    config: { access: enrollers },
    schema: { tags: ['biometrics'], summary: 'Delete an enrolled face my organisation owns', params: Id, body: Reason },
  }, async (request, reply) => {
    await biometrics.deleteFace(actorOf(request), request.params.id, request.body.reason);
    return reply.status(204).send();
  });

  api.post('/biometrics/faces/identify', {
    config: { access: police },
    bodyLimit: 10 * 1024 * 1024,
    schema: {
      tags: ['biometrics'], summary: '1:N: search every face in an image (image/jpeg, image/png or image/webp) against the enrolled faces I may learn of; ranked candidates, and the owners of matches are told',
      querystring: Search, response: { 200: FaceSearchResult },
    },
  }, async (request) => biometrics.identifyFace(actorOf(request), bytesOf(request), mediaTypeOf(request), request.query));

  api.get('/biometrics/status', {
    config: { access: police },
    schema: { tags: ['biometrics'], summary: 'Whether the in-memory indexes are built, and their sizes', response: { 200: Type.Object({ ready: Type.Boolean(), fingerprints: Type.Integer(), faces: Type.Integer() }) } },
  }, async () => ({ ready: biometrics.isReady(), fingerprints: biometrics.gallerySize(), faces: biometrics.faceIndexSize() }));
}
