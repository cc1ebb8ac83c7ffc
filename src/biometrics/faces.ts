import type { Actor } from '../platform/access/actor.ts';
import { hasRole, isPolice } from '../platform/access/actor.ts';
import { visibilityOf, type Envelope } from '../platform/access/envelope.ts';
import { envelopeFromRow, type EnvelopeRow } from '../platform/access/sql.ts';
import { recordAudit } from '../platform/audit/log.ts';
import { DomainError, conflict, forbidden, invalidField, notFound } from '../platform/errors.ts';
import type { Platform } from '../platform/platform.ts';
import type { VigilEvent } from '../platform/events.ts';
import type { Hits } from '../hits/service.ts';
import type { PersonData } from '../persons/model.ts';
import { FACE_MODEL, ImageError, loadFaceEngine, type FaceAnalysis, type FaceBox, type FaceEngine } from './face-engine.ts';
import { FaceIndex } from './face-index.ts';
import { MAX_FACE_IMAGE_BYTES, nextStep, probeIdentity, round, sha256Hex, type BiometricCandidate } from './model.ts';
import * as store from './store.ts';

/**
 * Cosine similarity (of unit embeddings) at or above which two faces are called the same person,
 * for FACE_MODEL (human's faceres). In eval/faces.ts (22 faces of the photographs shipped in
 * face-api's package) different people scored at most 0.695 and altered copies of the same face
 * at least 0.700 (p5 0.81): 0.70 is the lowest round threshold without a false match there. The
 * margin is thin and the genuine pairs were altered copies, not second photographs, so real
 * mates will score lower: a match is a lead for an expert, never an identification.
 */
export const FACE_MATCH_THRESHOLD = 0.7;
/** A probe image may show a group; at most this many of its faces are searched. */
const MAX_PROBE_FACES = 5;
const IMAGE_TYPES: Record<string, (b: Uint8Array) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8,
  'image/png': (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  'image/webp': (b) => Buffer.from(b.subarray(0, 4)).toString() === 'RIFF' && Buffer.from(b.subarray(8, 12)).toString() === 'WEBP',
};
const FACE_EVENTS = new Set(['face.enrolled', 'face.deleted']);

/** A face found in one of a person's photos and enrolled for search. */
export interface FaceView {
  id: string;
  personId: string;
  photoSha256: string;
  box: FaceBox;
  detectionScore: number;
  model: string;
  owner: string;
  createdAt: Date;
}

export interface FaceSearchResult {
  outcome: 'hit' | 'no_hit';
  action: string;
  threshold: number;
  model: string;
  imageSha256: string;
  faces: { box: FaceBox; detectionScore: number; candidates: BiometricCandidate[] }[];
  searched: number;
  tookMs: number;
  /** Time the model spent on this image, wall clock and CPU. */
  modelMs: number;
  modelCpuMs: number;
}

type PersonForChange = { env: Envelope; data: PersonData };

interface FaceDeps {
  hits: Hits;
  refuse: (actor: Actor, action: string, ids: string[], error: Error, recordType?: string) => Promise<never>;
  fail: (actor: Actor, action: string, error: DomainError, recordType?: string) => Promise<never>;
  loadPersonForChange: (actor: Actor, personId: string, action: string, recordType: string) => Promise<PersonForChange>;
  /** The face model; tests and benchmarks may pass another. */
  engine?: () => Promise<FaceEngine>;
}

/** Face enrolment and 1:N search over an in-memory index kept current by events. */
export function makeFaces(p: Platform, deps: FaceDeps) {
  const engine = deps.engine ?? (() => loadFaceEngine());
  const model = FACE_MODEL.name;
  let index = new FaceIndex(FACE_MODEL.dims);
  let denied = new Map<string, string[]>();
  let ready = false;
  let replay: string[] | undefined;
  let withVector: boolean | undefined;

  async function refresh(ids: string[]): Promise<void> {
    if (replay) { replay.push(...ids); return; }
    for (const r of await store.facesByIds(p.db, model, ids)) {
      if (r.deleted_at || !r.embedding) { index.remove(r.id); denied.delete(r.id); continue; }
      index.add(r.id, r.embedding);
      if (r.denied_orgs.length) denied.set(r.id, r.denied_orgs);
    }
  }

  function onEvent(e: VigilEvent): void {
    if (!FACE_EVENTS.has(e.type)) return;
    void refresh(e.payload.ids as string[]).catch((err: unknown) => { process.stderr.write(`face index update failed: ${String(err)}\n`); });
  }

  /** Builds the index from stored embeddings (the model itself loads on first enrolment or search). */
  async function start(onProgress?: (done: number, total: number) => void): Promise<void> {
    replay = [];
    const total = await store.countFaceEmbeddings(p.db, model);
    const fresh = new FaceIndex(FACE_MODEL.dims, Math.max(total, 1));
    const freshDenied = new Map<string, string[]>();
    let done = 0;
    for (let after: string | null = null; ;) {
      const rows = await store.faceEmbeddingPage(p.db, model, after, 5000);
      if (!rows.length) break;
      for (const r of rows) {
        fresh.add(r.face_id, r.embedding);
        if (r.denied_orgs.length) freshDenied.set(r.face_id, r.denied_orgs);
      }
      done += rows.length;
      after = rows[rows.length - 1].face_id;
      onProgress?.(done, total);
    }
    index = fresh;
    denied = freshDenied;
    const missed = replay;
    replay = undefined;
    await refresh(missed);
    withVector = await store.hasVectorColumn(p.db);
    ready = true;
  }

  async function requirePolice(actor: Actor, action: string): Promise<void> {
    if (!isPolice(actor) || !hasRole(actor, 'frontline', 'officer', 'analyst', 'reviewer', 'admin')) await deps.refuse(actor, action, [], forbidden('Biometric searches are for police users.'), 'face');
  }

  async function analysed(actor: Actor, action: string, bytes: Uint8Array, mediaType: string | undefined, field: string): Promise<FaceAnalysis> {
    const fail = (error: DomainError) => deps.fail(actor, action, error, 'face');
    if (bytes.length === 0) return fail(invalidField(field, 'the image is empty'));
    if (bytes.length > MAX_FACE_IMAGE_BYTES) return fail(new DomainError('payload_too_large', `an image may be at most ${MAX_FACE_IMAGE_BYTES / 1024 / 1024} MB`, { fields: [{ field, message: 'too large' }] }));
    if (mediaType !== undefined) {
      const check = IMAGE_TYPES[mediaType];
      if (!check) return fail(invalidField('content-type', `send image/jpeg, image/png or image/webp, not ${mediaType}`));
      if (!check(bytes)) return fail(invalidField(field, `the bytes are not a ${mediaType} image`));
    }
    try {
      return await (await engine()).analyse(bytes, { maxFaces: 10 });
    } catch (e) {
      if (e instanceof ImageError) return fail(invalidField(field, e.message));
      throw e;
    }
  }

  /** Detects the face in one of a person's photos and enrols its embedding. */
  async function enrolFace(actor: Actor, personId: string, photoSha256: string): Promise<FaceView> {
    const { env, data } = await deps.loadPersonForChange(actor, personId, 'face.enrol', 'face');
    const fail = (error: DomainError) => deps.fail(actor, 'face.enrol', error, 'face');
    if (!data.photos.includes(photoSha256)) return fail(invalidField('photo', 'attach the photo to the person first (its SHA-256 must be among the person\'s photos)'));
    if (await store.findFaceOfPhoto(p.db, personId, photoSha256)) return fail(conflict('This photo\'s face is already enrolled for this person.'));
    const photo = await store.findPhoto(p.db, photoSha256);
    if (!photo) return fail(invalidField('photo', 'no photo with this hash was uploaded'));
    const analysis = await analysed(actor, 'face.enrol', photo.bytes, undefined, 'photo');
    const [face, next] = analysis.faces;
    if (!face) return fail(invalidField('photo', 'no face was found in the photo'));
    // A group photo is refused unless one face clearly dominates: enrolling a bystander would be worse than nothing.
    if (next && next.box.width * next.box.height * 2 > face.box.width * face.box.height) {
      return fail(invalidField('photo', `${analysis.faces.length} faces of similar size were found; upload a photo cropped to this person's face`));
    }
    withVector ??= await store.hasVectorColumn(p.db);
    const id = await p.db.transaction().execute(async (tx) => {
      const stored = await store.insertFace(tx, { personId, photoSha256, box: face.box, detectionScore: face.score, model, embedding: face.embedding }, env, actor.userId, withVector === true);
      await recordAudit(tx, actor, { action: 'face.enrol', recordType: 'face', recordIds: [personId, stored], query: { photoSha256, model } });
      await p.events.publish(tx, { type: 'face.enrolled', recordType: 'face', recordId: stored, recipientOrgs: [], payload: { ids: [stored] } });
      return stored;
    });
    index.add(id, face.embedding);
    if (env.deniedOrgs.length) denied.set(id, env.deniedOrgs);
    return { id, personId, photoSha256, box: face.box, detectionScore: round(face.score), model, owner: env.owner, createdAt: new Date() };
  }

  async function listPersonFaces(actor: Actor, personId: string): Promise<FaceView[]> {
    await requirePolice(actor, 'face.list');
    const person = await store.findPerson(p.db, personId);
    if (!person || visibilityOf(actor, envelopeFromRow(person as EnvelopeRow)) !== 'full') return deps.refuse(actor, 'face.list', [personId], notFound('person'), 'face');
    const rows = await store.listPersonFaces(p.db, actor, personId, model);
    await recordAudit(p.db, actor, { action: 'face.list', recordType: 'face', recordIds: [personId, ...rows.map((r) => r.id)], resultCount: rows.length });
    return rows.map((r) => ({
      id: r.id, personId: r.person_id, photoSha256: r.photo_sha256, box: { x: r.box_x, y: r.box_y, width: r.box_width, height: r.box_height },
      detectionScore: round(r.detection_score), model: r.model, owner: r.owner_org, createdAt: r.created_at,
    }));
  }

  /** 1:N: every face in the image against every enrolled face the actor may learn of; the owners of matches are told. */
  async function identifyFace(actor: Actor, bytes: Uint8Array, mediaType: string, opts: { limit?: number; minScore?: number } = {}): Promise<FaceSearchResult> {
    const started = performance.now();
    await requirePolice(actor, 'face.identify');
    const analysis = await analysed(actor, 'face.identify', bytes, mediaType, 'body');
    const imageSha256 = sha256Hex(bytes);
    const limit = Math.min(Math.max(opts.limit ?? 10, 1), 50);
    const floor = Math.min(opts.minScore ?? FACE_MATCH_THRESHOLD, FACE_MATCH_THRESHOLD);
    const probes = analysis.faces.slice(0, MAX_PROBE_FACES);
    const found = probes.map((f) => index.search(f.embedding, { limit: limit * 2 + 5, minScore: floor, filter: (id) => !denied.get(id)?.includes(actor.orgId) }));
    const rows = await store.visibleFaceCandidates(p.db, actor, [...new Set(found.flat().map((c) => c.id))]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const faces: FaceSearchResult['faces'] = [];
    const recordIds: string[] = [];
    for (const [i, face] of probes.entries()) {
      const best = new Map<string, { row: (typeof rows)[number]; score: number }>();
      for (const c of found[i]) {
        const row = byId.get(c.id);
        if (!row || (!row.full && c.score < FACE_MATCH_THRESHOLD)) continue;
        if ((best.get(row.person_id)?.score ?? -2) < c.score) best.set(row.person_id, { row, score: c.score });
      }
      const ranked = [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
      const query = { modality: 'face', imageSha256, face: i + 1, box: face.box, model };
      const raised = await deps.hits.raiseHits(actor, probeIdentity('face', `${imageSha256}:${i}`), query, ranked.filter((c) => c.score >= FACE_MATCH_THRESHOLD).map(({ row, score }) => ({
        recordType: 'person', recordId: row.person_id, ownerOrg: row.owner_org, score: round(score),
        explanation: { modality: 'face', faceId: row.id, photoSha256: row.photo_sha256, score: round(score), threshold: FACE_MATCH_THRESHOLD, model },
        disclosure: row.full ? 'full' as const : 'existence' as const,
      })));
      recordIds.push(...ranked.map((c) => c.row.person_id));
      faces.push({ box: face.box, detectionScore: round(face.score), candidates: ranked.map(({ row, score }) => faceCandidate(row, score, raised.get(row.person_id) ?? null)) });
    }
    await recordAudit(p.db, actor, { action: 'face.identify', recordType: 'face', recordIds: [...new Set(recordIds)], query: { imageSha256, faces: analysis.faces.length, model, limit }, resultCount: recordIds.length });
    const all = faces.flatMap((f) => f.candidates).sort((a, b) => b.score - a.score);
    return {
      outcome: all.some((c) => c.match) ? 'hit' : 'no_hit', action: analysis.faces.length ? nextStep(all) : 'No face was found in the image.',
      threshold: FACE_MATCH_THRESHOLD, model, imageSha256, faces, searched: index.size, tookMs: round(performance.now() - started, 1),
      modelMs: round(analysis.tookMs, 1), modelCpuMs: round(analysis.cpuMs, 1),
    };
  }

  async function deleteFace(actor: Actor, id: string, reason: string): Promise<void> {
    if (!reason.trim()) throw invalidField('reason', 'say why the face is deleted; the reason is kept for audit');
    const row = await store.findFace(p.db, id);
    if (!row || row.deleted_at) return deps.refuse(actor, 'face.delete', [id], notFound('face'), 'face');
    await deps.loadPersonForChange(actor, row.person_id, 'face.delete', 'face');
    await p.db.transaction().execute(async (tx) => {
      await store.markFaceDeleted(tx, id, reason);
      await recordAudit(tx, actor, { action: 'face.delete', recordType: 'face', recordIds: [id, row.person_id], query: { reason } });
      await p.events.publish(tx, { type: 'face.deleted', recordType: 'face', recordId: id, recipientOrgs: [], payload: { ids: [id] } });
    });
    index.remove(id);
    denied.delete(id);
  }

  /** Nearest faces by pgvector where the database has it, else null (cross-check of the in-memory index). */
  async function nearestInSql(embedding: Float32Array, limit: number) {
    withVector ??= await store.hasVectorColumn(p.db);
    return withVector ? store.nearestFacesInSql(p.db, model, embedding, limit) : null;
  }

  return {
    start, onEvent, isReady: () => ready, indexSize: () => index.size, nearestInSql,
    useCases: { enrolFace, listPersonFaces, identifyFace, deleteFace },
  };
}

type FaceRow = Awaited<ReturnType<typeof store.visibleFaceCandidates>>[number];

function faceCandidate(row: FaceRow, score: number, hitId: string | null): BiometricCandidate {
  const full = Boolean(row.full);
  const d = row.person_data as PersonData;
  return {
    recordType: 'person', recordId: full ? row.person_id : null, sampleId: full ? row.id : null, owner: row.owner_org, ownerName: row.owner_name,
    disclosure: full ? 'full' : 'existence', score: round(score), match: score >= FACE_MATCH_THRESHOLD, fingerPosition: null,
    subject: full ? row.person_subject : 'withheld',
    person: full ? { names: d.names, birthDates: d.birthDates, nationalities: d.nationalities, sex: d.sex, photos: d.photos } : null,
    mark: null, tlp: full ? row.tlp : null, handling: full ? row.handling : null, hitId,
  };
}
