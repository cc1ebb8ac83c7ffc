import type { Actor } from '../platform/access/actor.ts';
import { hasRole, isPolice } from '../platform/access/actor.ts';
import { buildEnvelope, mayChange, visibilityOf, type Envelope, type EnvelopeInput } from '../platform/access/envelope.ts';
import { envelopeFromRow, type EnvelopeRow } from '../platform/access/sql.ts';
import { recordAudit } from '../platform/audit/log.ts';
import { DomainError, forbidden, invalid, invalidField, notFound } from '../platform/errors.ts';
import type { Platform } from '../platform/platform.ts';
import type { VigilEvent } from '../platform/events.ts';
import type { Identity } from '../identity/service.ts';
import type { Hits } from '../hits/service.ts';
import type { PersonData } from '../persons/model.ts';
import { parseIsoTemplate } from './iso19794.ts';
import { DEFAULT_MAX_ROTATION, FingerprintGallery, MATCH_THRESHOLD, compare, prepare } from './matcher.ts';
import { FINGER_NAMES, IMPRESSION_NAMES, checkTemplate, isLatentImpression, nextStep, probeIdentity, round, type BiometricCandidate, type CheckedView, type MarkKind } from './model.ts';
import * as store from './store.ts';
import { makeFaces } from './faces.ts';

/** A stored print or unidentified mark, without its template bytes. */
export interface FingerprintView {
  id: string;
  personId: string | null;
  markKind: MarkKind | null;
  caseReference: string | null;
  fingerPosition: number;
  finger: string;
  impressionType: number;
  impression: string;
  minutiaeCount: number;
  quality: number;
  sha256: string;
  owner: string;
  subject: string;
  createdAt: Date;
}

type FingerprintRow = Awaited<ReturnType<typeof store.listPersonFingerprints>>[number];

export function fingerprintView(r: FingerprintRow): FingerprintView {
  return {
    id: r.id, personId: r.person_id, markKind: r.mark_kind, caseReference: r.case_reference, fingerPosition: r.finger_position,
    finger: FINGER_NAMES[r.finger_position] ?? 'unknown finger', impressionType: r.impression_type, impression: IMPRESSION_NAMES[r.impression_type] ?? 'reserved',
    minutiaeCount: r.minutiae_count, quality: r.quality, sha256: r.template_sha256, owner: r.owner_org, subject: r.subject, createdAt: r.created_at,
  };
}

export interface FingerprintSearchResult {
  outcome: 'hit' | 'no_hit';
  action: string;
  threshold: number;
  probe: { sha256: string; minutiaeCount: number; fingerPosition: number; impressionType: number; latent: boolean };
  candidates: BiometricCandidate[];
  searched: number;
  tookMs: number;
}

const FINGERPRINT_EVENTS = new Set(['fingerprint.enrolled', 'fingerprint.deleted']);
export const ENROLLERS = ['officer', 'admin'] as const;

/** Biometrics: fingerprints (ISO/IEC 19794-2, 1:1 and 1:N) and faces, with access rules, audit and hits. */
export function makeBiometrics(p: Platform, deps: { identity: Identity; hits: Hits }) {
  let gallery = new FingerprintGallery();
  /** Organisations denied each print, so a search skips what the SQL check would drop anyway. */
  let denied = new Map<string, string[]>();
  let ready = false;
  let replay: string[] | undefined;
  let unsubscribe: (() => void) | undefined;
  const faces = makeFaces(p, { hits: deps.hits, refuse, fail, loadPersonForChange });

  async function refuse(actor: Actor, action: string, ids: string[], error: Error, recordType = 'fingerprint'): Promise<never> {
    await recordAudit(p.db, actor, { action, outcome: 'refused', recordType, recordIds: ids });
    throw error;
  }

  /** Partners never see police data; they are refused outright rather than told "not found". */
  async function requirePolice(actor: Actor, action: string, recordType = 'fingerprint'): Promise<void> {
    if (!isPolice(actor) || !hasRole(actor, 'frontline', 'officer', 'analyst', 'reviewer', 'admin')) {
      await refuse(actor, action, [], forbidden('Biometric searches are for police users.'), recordType);
    }
  }

  /** The person, if the actor's organisation owns it and the actor may change it (else 404/403, audited). */
  async function loadPersonForChange(actor: Actor, personId: string, action: string, recordType: string) {
    if (!isPolice(actor) || !hasRole(actor, ...ENROLLERS)) return refuse(actor, action, [personId], forbidden('Only officers of the owning organisation enrol biometrics.'), recordType);
    const row = await store.findPerson(p.db, personId);
    const env = row ? envelopeFromRow(row as EnvelopeRow) : undefined;
    if (!row || !env || visibilityOf(actor, env) !== 'full') return refuse(actor, action, [personId], notFound('person'), recordType);
    if (!mayChange(actor, env)) return refuse(actor, action, [personId], forbidden('Only the owning organisation\'s officers attach biometrics to this person.'), recordType);
    return { row, env, data: row.data as PersonData };
  }

  /** Refuses input that cannot be used, naming what is wrong; the attempt is audited. */
  async function fail(actor: Actor, action: string, error: DomainError, recordType = 'fingerprint'): Promise<never> {
    await recordAudit(p.db, actor, { action, outcome: 'failed', recordType, query: { problem: error.message } });
    throw error;
  }

  /** Refuses a template that cannot be used, naming what is wrong; the attempt is audited. */
  async function checked(actor: Actor, action: string, bytes: Uint8Array, opts: Parameters<typeof checkTemplate>[1]): Promise<CheckedView[]> {
    const r = checkTemplate(bytes, opts);
    if ('views' in r) return r.views;
    await recordAudit(p.db, actor, { action, outcome: 'failed', recordType: 'fingerprint', query: { problem: r.problem.message, bytes: bytes.length } });
    if (r.problem.tooLarge) throw new DomainError('payload_too_large', r.problem.message, { fields: [{ field: r.problem.field, message: r.problem.message }] });
    throw invalidField(r.problem.field, r.problem.message);
  }

  function addToGallery(id: string, template: Uint8Array, deniedOrgs: string[]): void {
    gallery.add(id, prepare(parseIsoTemplate(template)));
    if (deniedOrgs.length) denied.set(id, deniedOrgs);
    else denied.delete(id);
  }

  async function refresh(ids: string[]): Promise<void> {
    if (replay) { replay.push(...ids); return; }
    for (const r of await store.fingerprintsByIds(p.db, ids)) {
      if (r.deleted_at) { gallery.remove(r.id); denied.delete(r.id); } else addToGallery(r.id, r.template, r.denied_orgs);
    }
  }

  function onEvent(e: VigilEvent): void {
    if (FINGERPRINT_EVENTS.has(e.type)) {
      void refresh(e.payload.ids as string[]).catch((err: unknown) => { process.stderr.write(`fingerprint gallery update failed: ${String(err)}\n`); });
    }
    faces.onEvent(e);
  }

  /**
   * Builds the fingerprint gallery and the face index from the database. Changes committed while
   * it runs arrive as events (the subscription is taken first) and are replayed once it is built.
   */
  async function start(onProgress?: (what: string, done: number, total: number) => void): Promise<void> {
    replay = [];
    unsubscribe = p.events.subscribe(onEvent);
    const fresh = new FingerprintGallery();
    const freshDenied = new Map<string, string[]>();
    const total = await store.countFingerprints(p.db);
    let done = 0;
    for (let after: string | null = null; ;) {
      const rows = await store.fingerprintPage(p.db, after, 2000);
      if (!rows.length) break;
      for (const r of rows) {
        fresh.add(r.id, prepare(parseIsoTemplate(r.template)));
        if (r.denied_orgs.length) freshDenied.set(r.id, r.denied_orgs);
      }
      done += rows.length;
      after = rows[rows.length - 1].id;
      onProgress?.('fingerprint gallery', done, total);
    }
    fresh.build();
    gallery = fresh;
    denied = freshDenied;
    const missed = replay;
    replay = undefined;
    await refresh(missed);
    await faces.start((d, t) => onProgress?.('face index', d, t));
    ready = true;
  }

  function stop(): void { unsubscribe?.(); }

  async function enrolFingerprints(actor: Actor, personId: string, bytes: Uint8Array, opts: { finger?: number } = {}): Promise<FingerprintView[]> {
    const { env } = await loadPersonForChange(actor, personId, 'fingerprint.enrol', 'fingerprint');
    if (opts.finger !== undefined && (!Number.isInteger(opts.finger) || opts.finger < 0 || opts.finger > 10)) return fail(actor, 'fingerprint.enrol', invalidField('finger', 'a finger position 0–10 (1–5 right thumb to little, 6–10 left)'));
    const views = await checked(actor, 'fingerprint.enrol', bytes, { fingerPosition: opts.finger });
    return save(views.map((v) => ({ ...v, personId, markKind: null, caseReference: null })), env, actor, 'fingerprint.enrol');
  }

  async function storeMark(actor: Actor, bytes: Uint8Array, opts: { kind: MarkKind; caseReference?: string; finger?: number; envelope?: EnvelopeInput }): Promise<FingerprintView[]> {
    if (!isPolice(actor) || !hasRole(actor, ...ENROLLERS)) return refuse(actor, 'fingerprint.mark', [], forbidden('Only officers of a police organisation store unidentified marks.'));
    if (opts.caseReference !== undefined && opts.caseReference.length > 100) return fail(actor, 'fingerprint.mark', invalidField('case', 'a case reference of at most 100 characters'));
    const known = new Set((await deps.identity.listOrganisations(actor)).map((o) => o.id));
    const { envelope, problems } = buildEnvelope(actor.orgId, { ...opts.envelope, subject: 'unidentified' }, (id) => known.has(id));
    if (problems.length) return fail(actor, 'fingerprint.mark', invalid('The mark was not stored.', problems.map((pr) => ({ ...pr, field: `envelope.${pr.field}` }))));
    const views = await checked(actor, 'fingerprint.mark', bytes, { fingerPosition: opts.finger, singleViewOnly: opts.kind === 'latent' });
    return save(views.map((v) => ({ ...v, personId: null, markKind: opts.kind, caseReference: opts.caseReference?.trim() || null })), envelope, actor, 'fingerprint.mark');
  }

  async function save(items: store.NewFingerprint[], env: Envelope, actor: Actor, action: string): Promise<FingerprintView[]> {
    const ids = await p.db.transaction().execute(async (tx) => {
      const stored = await store.insertFingerprints(tx, items, env, actor.userId);
      await recordAudit(tx, actor, { action, recordType: 'fingerprint', recordIds: [...new Set(items.map((i) => i.personId).filter((x): x is string => x !== null)), ...stored], resultCount: stored.length });
      // Feeds the gallery of every API node; nobody is alerted by an enrolment.
      await p.events.publish(tx, { type: 'fingerprint.enrolled', recordType: 'fingerprint', recordId: null, recipientOrgs: [], payload: { ids: stored } });
      return stored;
    });
    // This node need not wait for its own event to search the new prints.
    ids.forEach((id, i) => addToGallery(id, items[i].template, env.deniedOrgs));
    const rows = await Promise.all(ids.map((id) => store.findVisibleFingerprint(p.db, actor, id)));
    return rows.filter((r): r is NonNullable<typeof r> => r !== undefined).map(fingerprintView);
  }

  async function listPersonFingerprints(actor: Actor, personId: string): Promise<FingerprintView[]> {
    await requirePolice(actor, 'fingerprint.list');
    const person = await store.findPerson(p.db, personId);
    if (!person || visibilityOf(actor, envelopeFromRow(person as EnvelopeRow)) !== 'full') return refuse(actor, 'fingerprint.list', [personId], notFound('person'));
    const rows = await store.listPersonFingerprints(p.db, actor, personId);
    await recordAudit(p.db, actor, { action: 'fingerprint.list', recordType: 'fingerprint', recordIds: [personId, ...rows.map((r) => r.id)], resultCount: rows.length });
    return rows.map(fingerprintView);
  }

  /** 1:1: does the probe come from the same finger as a stored print? */
  async function verifyFingerprint(actor: Actor, fingerprintId: string, bytes: Uint8Array): Promise<{ fingerprintId: string; personId: string | null; score: number; threshold: number; match: boolean }> {
    await requirePolice(actor, 'fingerprint.verify');
    const row = await store.findVisibleFingerprint(p.db, actor, fingerprintId);
    if (!row) return refuse(actor, 'fingerprint.verify', [fingerprintId], notFound('fingerprint'));
    const [probe] = await checked(actor, 'fingerprint.verify', bytes, { singleViewOnly: true });
    const latent = isLatentImpression(probe.impressionType) || isLatentImpression(row.impression_type);
    const score = compare(prepare(parseIsoTemplate(probe.template)), prepare(parseIsoTemplate(row.template)), { maxRotation: latent ? Math.PI : DEFAULT_MAX_ROTATION });
    const match = score >= MATCH_THRESHOLD;
    await recordAudit(p.db, actor, { action: 'fingerprint.verify', recordType: 'fingerprint', recordIds: [fingerprintId, ...(row.person_id ? [row.person_id] : [])], query: { probeSha256: probe.sha256, score, match } });
    return { fingerprintId, personId: row.person_id, score: round(score), threshold: MATCH_THRESHOLD, match };
  }

  /** 1:N: ranked candidates for a probe print across every record the actor may learn of; the owners of matches are told. */
  async function identifyFingerprint(actor: Actor, bytes: Uint8Array, opts: { limit?: number; latent?: boolean; minScore?: number } = {}): Promise<FingerprintSearchResult> {
    const started = performance.now();
    await requirePolice(actor, 'fingerprint.identify');
    const [probe] = await checked(actor, 'fingerprint.identify', bytes, { singleViewOnly: true });
    const latent = opts.latent ?? isLatentImpression(probe.impressionType);
    const limit = Math.min(Math.max(opts.limit ?? 10, 1), 50);
    const floor = Math.min(opts.minScore ?? MATCH_THRESHOLD, MATCH_THRESHOLD);
    const found = gallery.identify(prepare(parseIsoTemplate(probe.template)), {
      // Extra candidates: some will be dropped by the access check, several may be one person's prints.
      limit: limit * 3 + 10, minScore: floor, maxRotation: latent ? Math.PI : DEFAULT_MAX_ROTATION,
      filter: (id) => !denied.get(id)?.includes(actor.orgId),
    });
    const scores = new Map(found.map((c) => [c.id, c.score]));
    const rows = await store.visibleFingerprintCandidates(p.db, actor, [...scores.keys()]);
    const best = new Map<string, { row: (typeof rows)[number]; score: number }>();
    for (const row of rows) {
      const score = scores.get(row.id)!;
      // Where details are withheld, only a match is worth telling: "contact the owner" for a weak score would mislead.
      if (!row.full && score < MATCH_THRESHOLD) continue;
      const key = row.person_id ?? row.id;
      if ((best.get(key)?.score ?? -1) < score) best.set(key, { row, score });
    }
    const ranked = [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
    const query = { modality: 'fingerprint', probeSha256: probe.sha256, minutiaeCount: probe.minutiaeCount, fingerPosition: probe.fingerPosition, impressionType: probe.impressionType, latent };
    const raised = await deps.hits.raiseHits(actor, probeIdentity('fingerprint', probe.sha256), query, ranked.filter((c) => c.score >= MATCH_THRESHOLD).map(({ row, score }) => ({
      recordType: row.person_id ? 'person' : 'fingerprint', recordId: row.person_id ?? row.id, ownerOrg: row.owner_org, score: round(score),
      explanation: { modality: 'fingerprint', fingerprintId: row.id, finger: FINGER_NAMES[row.finger_position], score: round(score), threshold: MATCH_THRESHOLD },
      disclosure: row.full ? 'full' as const : 'existence' as const,
    })));
    const candidates = ranked.map(({ row, score }) => candidateOf(row, score, raised.get(row.person_id ?? row.id) ?? null));
    await recordAudit(p.db, actor, { action: 'fingerprint.identify', recordType: 'fingerprint', recordIds: ranked.map((c) => c.row.person_id ?? c.row.id), query: { ...query, limit }, resultCount: candidates.length });
    return {
      outcome: candidates.some((c) => c.match) ? 'hit' : 'no_hit', action: nextStep(candidates), threshold: MATCH_THRESHOLD,
      probe: { sha256: probe.sha256, minutiaeCount: probe.minutiaeCount, fingerPosition: probe.fingerPosition, impressionType: probe.impressionType, latent },
      candidates, searched: gallery.size, tookMs: round(performance.now() - started, 1),
    };
  }

  async function deleteFingerprint(actor: Actor, id: string, reason: string): Promise<void> {
    if (!reason.trim()) throw invalidField('reason', 'say why the print is deleted; the reason is kept for audit');
    const row = await store.findFingerprint(p.db, id);
    const env = row ? envelopeFromRow(row) : undefined;
    if (!row || !env || visibilityOf(actor, env) !== 'full') return refuse(actor, 'fingerprint.delete', [id], notFound('fingerprint'));
    if (!mayChange(actor, env)) return refuse(actor, 'fingerprint.delete', [id], forbidden('Only the owning organisation\'s officers delete its prints.'));
    await p.db.transaction().execute(async (tx) => {
      await store.markFingerprintDeleted(tx, id, reason);
      await recordAudit(tx, actor, { action: 'fingerprint.delete', recordType: 'fingerprint', recordIds: [id], query: { reason } });
      await p.events.publish(tx, { type: 'fingerprint.deleted', recordType: 'fingerprint', recordId: id, recipientOrgs: [], payload: { ids: [id] } });
    });
    gallery.remove(id);
    denied.delete(id);
  }

  return {
    start, stop, isReady: () => ready && faces.isReady(), gallerySize: () => gallery.size, faceIndexSize: faces.indexSize, nearestFacesInSql: faces.nearestInSql,
    enrolFingerprints, storeMark, listPersonFingerprints, verifyFingerprint, identifyFingerprint, deleteFingerprint,
    ...faces.useCases,
  };
}

type CandidateRow = Awaited<ReturnType<typeof store.visibleFingerprintCandidates>>[number];

function candidateOf(row: CandidateRow, score: number, hitId: string | null): BiometricCandidate {
  const full = Boolean(row.full);
  const d = row.person_data as PersonData | null;
  return {
    recordType: row.person_id ? 'person' : 'fingerprint', recordId: full ? row.person_id ?? row.id : null, sampleId: full ? row.id : null,
    owner: row.owner_org, ownerName: row.owner_name, disclosure: full ? 'full' : 'existence', score: round(score), match: score >= MATCH_THRESHOLD,
    fingerPosition: full ? row.finger_position : null, subject: full ? row.person_subject ?? row.subject : 'withheld',
    person: full && d ? { names: d.names, birthDates: d.birthDates, nationalities: d.nationalities, sex: d.sex, photos: d.photos } : null,
    mark: full && row.mark_kind ? { kind: row.mark_kind, caseReference: row.case_reference } : null,
    tlp: full ? row.tlp : null, handling: full ? row.handling : null, hitId,
  };
}

export type Biometrics = ReturnType<typeof makeBiometrics>;
