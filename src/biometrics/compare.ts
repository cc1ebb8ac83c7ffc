/**
 * 1:1 fingerprint comparison. Three stages:
 *   1. Minutia Cylinder-Code local descriptors (cylinders.ts) compare every probe minutia's
 *      neighbourhood with every candidate minutia's, independent of rotation and translation.
 *   2. LSS-R relaxation (relaxation.ts) keeps the locally similar pairs that agree with each other.
 *   3. Global consolidation (consolidation.ts) aligns the prints on the most trusted pairs and
 *      counts, one-to-one and with distortion tolerance, the minutiae that agree where they overlap.
 * The score is the geometric mean of the LSS-R score and the overlap-normalised similarity of the
 * consolidated pairs: each stage alone lets through some impostors that the other stops.
 */
import { MCC, WORDS, buildCylinders } from './cylinders.ts';
import type { Cylinders, MinutiaeGeometry } from './cylinders.ts';
import { CONSOLIDATION, MIN_OVERLAP, consolidate } from './consolidation.ts';
import type { Alignment } from './consolidation.ts';
import { convexHull } from './geometry.ts';
import { isoAngleToRadians } from './iso19794.ts';
import type { FingerMinutiaeRecord } from './iso19794.ts';
import { relax, similarity } from './relaxation.ts';

/** A template ready for matching; build once with prepare() and keep it for every comparison. */
export interface PreparedTemplate {
  readonly kind: 'prepared-fingerprint';
  readonly minutiae: MinutiaeGeometry;
  /** Convex hull of the minutiae: where this print has information. */
  readonly hull: Float64Array;
  readonly cylinders: Cylinders;
}

/** Resolution the matcher's distances are tuned for: 500 dpi. */
const REFERENCE_PPCM = 197;

/** Prepares one finger view (the first by default) of a parsed record. */
export function prepare(record: FingerMinutiaeRecord, viewIndex = 0): PreparedTemplate {
  const view = record.views[viewIndex];
  if (!view) throw new RangeError(`record has ${record.views.length} finger view(s); view ${viewIndex} does not exist`);
  const n = view.minutiae.length;
  const sx = REFERENCE_PPCM / record.xResolution;
  const sy = REFERENCE_PPCM / record.yResolution;
  const minutiae: MinutiaeGeometry = { x: new Float32Array(n), y: new Float32Array(n), theta: new Float32Array(n) };
  view.minutiae.forEach((m, i) => {
    // Flip y so that ISO's counter-clockwise angles and the coordinates share one orientation.
    minutiae.x[i] = m.x * sx;
    minutiae.y[i] = -m.y * sy;
    minutiae.theta[i] = isoAngleToRadians(m.angle);
  });
  return { kind: 'prepared-fingerprint', minutiae, hull: convexHull(minutiae.x, minutiae.y), cylinders: buildCylinders(minutiae) };
}

export interface CompareOptions {
  /**
   * Largest rotation between the prints worth considering, radians (default π/2, as for prints
   * captured upright on a scanner). Pass Math.PI for prints of unknown orientation, such as
   * latents: accepting any rotation lets more chance pairs through and costs about twice the time.
   */
  maxRotation?: number;
}

export const DEFAULT_MAX_ROTATION = MCC.maxDirectionDiff;

export interface ComparisonDetail {
  score: number;
  /** LSS-R score of the local stage, 0–1. */
  local: number;
  alignment: Alignment;
}

/** Similarity of two prepared templates: 0 (nothing in common) to 1 (identical). See MATCH_THRESHOLD in matcher.ts. */
export function compare(probe: PreparedTemplate, candidate: PreparedTemplate, options: CompareOptions = {}): number {
  return compareDetailed(probe, candidate, options).score;
}

/** compare() with the figures behind the score, for explaining a decision. */
export function compareDetailed(probe: PreparedTemplate, candidate: PreparedTemplate, options: CompareOptions = {}): ComparisonDetail {
  const A = probe.cylinders;
  const B = candidate.cylinders;
  const none: ComparisonDetail = {
    score: 0,
    local: 0,
    alignment: { matched: 0, similarity: 0, probeInOverlap: probe.minutiae.x.length, candidateInOverlap: candidate.minutiae.x.length },
  };
  const maxRotation = Math.min(Math.PI, Math.max(0, options.maxRotation ?? DEFAULT_MAX_ROTATION));
  const relaxed = relax(A, probe.minutiae, B, candidate.minutiae, CONSOLIDATION.seeds, maxRotation);
  if (!relaxed) return none;
  const local = (a: number, b: number): number => {
    const ca = A.of[a];
    const cb = B.of[b];
    return ca < 0 || cb < 0 ? 0 : similarity(A.bits, A.mask, ca * WORDS, B.bits, B.mask, cb * WORDS);
  };
  const alignment = consolidate(probe.minutiae, probe.hull, candidate.minutiae, candidate.hull, relaxed.probe, relaxed.candidate, relaxed.support, local);
  const global = alignment.similarity / Math.sqrt(Math.max(alignment.probeInOverlap, MIN_OVERLAP) * Math.max(alignment.candidateInOverlap, MIN_OVERLAP));
  // Geometric mean: both parts lie in 0–1, and the root spreads the small products over a readable range.
  return { score: Math.sqrt(relaxed.score * Math.min(1, global)), local: relaxed.score, alignment };
}
