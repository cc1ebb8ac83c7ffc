/**
 * Global consolidation: LSS-R says which minutia pairs look alike locally; this step checks that
 * they also agree on one placement of the whole print. It aligns the probe on the candidate from
 * the most trusted pairs, pairs every minutia one-to-one within a tolerance that widens with the
 * distance from the alignment anchor (skin stretches more far from where the prints agree), and
 * counts the pairs against the minutiae that lie where both prints overlap. Impostors can share
 * a handful of locally similar pairs, but rarely a large consistent set.
 */
import { distanceToHull } from './geometry.ts';
import type { MinutiaeGeometry } from './cylinders.ts';

export const CONSOLIDATION = {
  /** Seeds (most trusted pairs) tried as alignment anchors. */
  seeds: 6,
  /** Position tolerance at the anchor, 500 dpi pixels (≈ 1.5 ridge periods). */
  baseTolerance: 12,
  /** Extra tolerance per pixel of distance from the anchor, for skin distortion. */
  distortion: 0.07,
  maxTolerance: 28,
  /** Direction tolerance, radians (≈ 30°). */
  angleTolerance: Math.PI / 6,
  /** Minutiae this far outside the other print's hull are not expected to be found there. */
  hullMargin: 12,
} as const;

export interface Alignment {
  matched: number;
  /** Sum over matched pairs of their local (cylinder) similarity. */
  similarity: number;
  /** Probe minutiae that fall inside the candidate's print area once aligned. */
  probeInOverlap: number;
  candidateInOverlap: number;
}

interface Transform {
  cos: number;
  sin: number;
  tx: number;
  ty: number;
  /** Anchor in candidate coordinates. */
  ax: number;
  ay: number;
  rotation: number;
}

/** Least-squares rigid transform mapping probe points onto candidate points (2-D Procrustes). */
function fitRigid(A: MinutiaeGeometry, B: MinutiaeGeometry, ia: readonly number[], ib: readonly number[], n: number, ax: number, ay: number): Transform {
  let mxa = 0, mya = 0, mxb = 0, myb = 0;
  for (let i = 0; i < n; i++) {
    mxa += A.x[ia[i]]; mya += A.y[ia[i]]; mxb += B.x[ib[i]]; myb += B.y[ib[i]];
  }
  mxa /= n; mya /= n; mxb /= n; myb /= n;
  let sc = 0;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const xa = A.x[ia[i]] - mxa, ya = A.y[ia[i]] - mya, xb = B.x[ib[i]] - mxb, yb = B.y[ib[i]] - myb;
    sc += xa * xb + ya * yb;
    ss += xa * yb - ya * xb;
  }
  let rotation: number;
  if (n >= 2 && sc * sc + ss * ss > 1e-6) {
    rotation = Math.atan2(ss, sc);
  } else {
    // With one pair (or coincident points) the minutia directions give the rotation instead.
    let s = 0, c = 0;
    for (let i = 0; i < n; i++) {
      const d = B.theta[ib[i]] - A.theta[ia[i]];
      s += Math.sin(d); c += Math.cos(d);
    }
    rotation = Math.atan2(s, c);
  }
  const cos = Math.cos(rotation);
  const sin = Math.sin(rotation);
  return { cos, sin, tx: mxb - (cos * mxa - sin * mya), ty: myb - (sin * mxa + cos * mya), ax, ay, rotation };
}

// Scratch space reused across comparisons (one module instance per thread, so no sharing).
const keys = new Float64Array(256 * 256);
const usedA = new Uint8Array(256);
const usedB = new Uint8Array(256);
const cosB = new Float64Array(256);
const sinB = new Float64Array(256);
const COS_ANGLE_TOLERANCE = Math.cos(CONSOLIDATION.angleTolerance);

/** Greedy one-to-one pairing, closest first, of minutiae that agree under T; fills ia/ib. Needs cosB/sinB filled. */
function matchUnder(A: MinutiaeGeometry, B: MinutiaeGeometry, T: Transform, ia: number[], ib: number[]): number {
  const nA = A.x.length;
  const nB = B.x.length;
  let n = 0;
  for (let a = 0; a < nA; a++) {
    const x = T.cos * A.x[a] - T.sin * A.y[a] + T.tx;
    const y = T.sin * A.x[a] + T.cos * A.y[a] + T.ty;
    const fromAnchor = Math.sqrt((x - T.ax) ** 2 + (y - T.ay) ** 2);
    const tol = Math.min(CONSOLIDATION.maxTolerance, CONSOLIDATION.baseTolerance + CONSOLIDATION.distortion * fromAnchor);
    const tol2 = tol * tol;
    const theta = A.theta[a] + T.rotation;
    const ca = Math.cos(theta);
    const sa = Math.sin(theta);
    for (let b = 0; b < nB; b++) {
      const dx = B.x[b] - x;
      const dy = B.y[b] - y;
      const d2 = dx * dx + dy * dy;
      if (d2 > tol2) continue;
      // Cosine of the direction difference, without wrapping angles.
      const cosDiff = ca * cosB[b] + sa * sinB[b];
      if (cosDiff < COS_ANGLE_TOLERANCE) continue;
      const cost = Math.sqrt(d2) / tol + (1 - cosDiff) / (1 - COS_ANGLE_TOLERANCE);
      keys[n++] = Math.round(cost * 1e6) * 65536 + a * 256 + b;
    }
  }
  const sorted = keys.subarray(0, n).sort();
  usedA.fill(0, 0, nA);
  usedB.fill(0, 0, nB);
  ia.length = 0;
  ib.length = 0;
  for (let i = 0; i < n; i++) {
    const pair = sorted[i] % 65536;
    const a = pair >> 8;
    const b = pair & 255;
    if (usedA[a] || usedB[b]) continue;
    usedA[a] = usedB[b] = 1;
    ia.push(a);
    ib.push(b);
  }
  return ia.length;
}

function overlapCounts(A: MinutiaeGeometry, B: MinutiaeGeometry, hullA: Float64Array, hullB: Float64Array, T: Transform): [number, number] {
  let inB = 0;
  for (let a = 0; a < A.x.length; a++) {
    const x = T.cos * A.x[a] - T.sin * A.y[a] + T.tx;
    const y = T.sin * A.x[a] + T.cos * A.y[a] + T.ty;
    if (distanceToHull(hullB, x, y) <= CONSOLIDATION.hullMargin) inB++;
  }
  let inA = 0;
  for (let b = 0; b < B.x.length; b++) {
    // Inverse transform of the candidate point into probe coordinates.
    const dx = B.x[b] - T.tx;
    const dy = B.y[b] - T.ty;
    if (distanceToHull(hullA, T.cos * dx + T.sin * dy, -T.sin * dx + T.cos * dy) <= CONSOLIDATION.hullMargin) inA++;
  }
  return [inB, inA];
}

/**
 * Best alignment over the seeds. `pa`/`pb` are probe/candidate minutia indices of pairs ranked by
 * trust; `support[s]` lists the pairs (indices into pa/pb) consistent with seed s; `local` gives
 * the cylinder similarity of two minutiae.
 */
export function consolidate(
  A: MinutiaeGeometry,
  hullA: Float64Array,
  B: MinutiaeGeometry,
  hullB: Float64Array,
  pa: readonly number[],
  pb: readonly number[],
  support: readonly (readonly number[])[],
  local: (a: number, b: number) => number,
): Alignment {
  const best: Alignment = { matched: 0, similarity: 0, probeInOverlap: A.x.length, candidateInOverlap: B.x.length };
  let bestValue = -1;
  const ia: number[] = [];
  const ib: number[] = [];
  for (let b = 0; b < B.x.length; b++) {
    cosB[b] = Math.cos(B.theta[b]);
    sinB[b] = Math.sin(B.theta[b]);
  }
  for (let s = 0; s < Math.min(CONSOLIDATION.seeds, pa.length); s++) {
    ia.length = 0;
    ib.length = 0;
    for (const g of [s, ...support[s]]) {
      ia.push(pa[g]);
      ib.push(pb[g]);
    }
    const ax = B.x[pb[s]];
    const ay = B.y[pb[s]];
    let T = fitRigid(A, B, ia, ib, ia.length, ax, ay);
    matchUnder(A, B, T, ia, ib);
    if (ia.length >= 3) {
      T = fitRigid(A, B, ia, ib, ia.length, ax, ay);
      matchUnder(A, B, T, ia, ib);
    }
    if (ia.length <= best.matched / 2) continue;
    const [inB, inA] = overlapCounts(A, B, hullA, hullB, T);
    let similarity = 0;
    for (let i = 0; i < ia.length; i++) similarity += local(ia[i], ib[i]);
    const value = similarity / Math.sqrt(Math.max(inB, MIN_OVERLAP) * Math.max(inA, MIN_OVERLAP));
    if (value > bestValue) {
      bestValue = value;
      best.matched = ia.length;
      best.similarity = similarity;
      best.probeInOverlap = inB;
      best.candidateInOverlap = inA;
    }
  }
  return best;
}

/** Overlaps smaller than this many minutiae are scored as if this large, so tiny overlaps cannot score high. */
export const MIN_OVERLAP = 8;
