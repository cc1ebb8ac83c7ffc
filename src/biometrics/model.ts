/**
 * Biometrics vocabulary and pure checks: finger positions, impression types, unidentified marks,
 * size limits, and the identity of a probe (so a repeated search is recognised as the same query).
 */
import { createHash } from 'node:crypto';
import type { FingerMinutiaeRecord, FingerView } from './iso19794.ts';
import { TemplateError, parseIsoTemplate, serializeIsoTemplate } from './iso19794.ts';
import type { PersonData } from '../persons/model.ts';

/** ISO/IEC 19794-2 finger positions (0 unknown). */
export const FINGER_NAMES = [
  'unknown finger', 'right thumb', 'right index', 'right middle', 'right ring', 'right little',
  'left thumb', 'left index', 'left middle', 'left ring', 'left little',
] as const;

/** ISO/IEC 19794-2 impression types (4–7 are latents). */
export const IMPRESSION_NAMES: Record<number, string> = {
  0: 'live-scan plain', 1: 'live-scan rolled', 2: 'non-live plain', 3: 'non-live rolled',
  4: 'latent impression', 5: 'latent tracing', 6: 'latent photo', 7: 'latent lift', 8: 'swipe', 9: 'contactless',
};

/** An unidentified mark: a latent lifted at a crime scene, or the prints of an unidentified body. */
export const MARK_KINDS = ['latent', 'unidentified_body'] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

/** A ten-print record of 10 views × 255 minutiae is about 15 KB; 64 KiB leaves room for extended data. */
export const MAX_TEMPLATE_BYTES = 64 * 1024;
/** Fewer minutiae than this cannot be compared reliably (the matcher needs 8 agreeing pairs). */
export const MIN_MINUTIAE = 8;
export const MAX_FACE_IMAGE_BYTES = 8 * 1024 * 1024;

/** What a probe or enrolment record yields after checking: one standalone record per finger view. */
export interface CheckedView {
  fingerPosition: number;
  impressionType: number;
  quality: number;
  minutiaeCount: number;
  /** The view alone as an ISO record: what is stored and what the gallery is built from. */
  template: Uint8Array;
  sha256: string;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** One view of a record as a standalone single-view record. */
export function singleView(record: FingerMinutiaeRecord, view: FingerView): Uint8Array {
  return serializeIsoTemplate({ ...record, views: [view] });
}

/** Why a template cannot be used, in the caller's words. */
export interface TemplateProblem { field: string; message: string; tooLarge?: boolean }

/**
 * Parses and checks uploaded template bytes. Returns the views, or the first problem (the parser's
 * own message for a malformed record: what is wrong and at which byte).
 */
export function checkTemplate(bytes: Uint8Array, opts: { fingerPosition?: number; singleViewOnly?: boolean } = {}): { views: CheckedView[] } | { problem: TemplateProblem } {
  if (bytes.length === 0) return { problem: { field: 'body', message: 'the template is empty: send the ISO/IEC 19794-2 record bytes' } };
  if (bytes.length > MAX_TEMPLATE_BYTES) return { problem: { field: 'body', message: `a template may be at most ${MAX_TEMPLATE_BYTES} bytes; this one has ${bytes.length}`, tooLarge: true } };
  let record: FingerMinutiaeRecord;
  try {
    record = parseIsoTemplate(bytes);
  } catch (e) {
    if (e instanceof TemplateError) return { problem: { field: 'body', message: `not a valid ISO/IEC 19794-2:2005 record: ${e.message}` } };
    throw e;
  }
  if (opts.singleViewOnly && record.views.length > 1) {
    return { problem: { field: 'body', message: `the record holds ${record.views.length} finger views; send one finger at a time` } };
  }
  if (opts.fingerPosition !== undefined && record.views.length > 1) {
    return { problem: { field: 'finger', message: 'a record with several finger views carries its own finger positions; leave finger out' } };
  }
  const seen = new Set<number>();
  const views: CheckedView[] = [];
  for (const [i, view] of record.views.entries()) {
    if (view.minutiae.length < MIN_MINUTIAE) {
      return { problem: { field: 'body', message: `finger view ${i + 1} holds ${view.minutiae.length} minutiae; at least ${MIN_MINUTIAE} are needed to compare it` } };
    }
    const fingerPosition = opts.fingerPosition ?? view.fingerPosition;
    if (record.views.length > 1) {
      if (fingerPosition === 0) return { problem: { field: 'body', message: `finger view ${i + 1} of a multi-finger record has finger position 0 (unknown)` } };
      if (seen.has(fingerPosition)) return { problem: { field: 'body', message: `finger view ${i + 1} repeats finger position ${fingerPosition} (${FINGER_NAMES[fingerPosition]})` } };
      seen.add(fingerPosition);
    }
    const template = singleView(record, { ...view, fingerPosition, viewNumber: 0 });
    views.push({ fingerPosition, impressionType: view.impressionType, quality: view.quality, minutiaeCount: view.minutiae.length, template, sha256: sha256Hex(template) });
  }
  return { views };
}

/**
 * The identity of a biometric query: the same probe searched again gets the same identity, so a
 * candidate the owner marked a false positive is not raised again for it.
 */
export function probeIdentity(modality: 'fingerprint' | 'face', sha256: string): string {
  return createHash('sha256').update(`${modality}:${sha256}`).digest('hex');
}

/** Whether a finger view is a latent impression (unknown orientation: search every rotation). */
export const isLatentImpression = (impressionType: number): boolean => impressionType >= 4 && impressionType <= 7;

/** One candidate of a 1:N search, as much of it as the searching user may see. */
export interface BiometricCandidate {
  /** A person's record, or an unidentified fingerprint mark. */
  recordType: 'person' | 'fingerprint';
  /** Null where the owner withheld the details: the user learns only that a record exists and whom to contact. */
  recordId: string | null;
  /** The print or face that matched (null where withheld). */
  sampleId: string | null;
  owner: string;
  ownerName: string;
  disclosure: 'full' | 'existence';
  score: number;
  /** Score at or above the decision threshold. */
  match: boolean;
  fingerPosition: number | null;
  subject: string;
  person: Pick<PersonData, 'names' | 'birthDates' | 'nationalities' | 'sex' | 'photos'> | null;
  mark: { kind: MarkKind; caseReference: string | null } | null;
  tlp: string | null;
  handling: string | null;
  hitId: string | null;
}

/** What the searching officer should do next, in words. */
export function nextStep(candidates: BiometricCandidate[]): string {
  const top = candidates.find((c) => c.match);
  if (!top) return 'No match at the decision threshold. Proceed under your normal procedures.';
  const told = top.hitId ? `${top.ownerName} has been told of the hit; talk it through on the hit.` : `The record is held by ${top.ownerName}.`;
  const contact = `${told} An expert must confirm a biometric match before anyone acts on it.`;
  if (top.disclosure === 'existence') return `Possible match with a record ${top.ownerName} holds and has withheld. Do not tell the person. ${contact}`;
  return `Possible match (score ${top.score.toFixed(3)}). Do not tell the person. ${contact}`;
}

export const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;
