/**
 * Local similarity sort with relaxation (LSS-R, Cappelli et al. 2010): take the locally most
 * similar minutia pairs, then let each pair's similarity be reinforced by pairs that agree with
 * it geometrically (distance, relative direction, bearing) and fade where nothing agrees. Pairs
 * surviving relaxation are trusted; they seed the global consolidation.
 */
import { CELLS_IN_DISC, MCC, WORDS } from './cylinders.ts';
import type { Cylinders, MinutiaeGeometry } from './cylinders.ts';

const LSSR = {
  minPairs: 4,
  maxPairs: 12,
  muP: 20,
  tauP: 2 / 5,
  weight: 0.5,
  iterations: 5,
  mu1: 5,
  tau1: -8 / 5,
  mu2: Math.PI / 12,
  tau2: -30,
  mu3: Math.PI / 12,
  tau3: -30,
} as const;

/** A pair is a seed's supporter when their compatibility ρ passes this. */
const SUPPORT_RHO = 0.5;
const PI = Math.PI;
// Module-level copies: imported bindings cost a property lookup on every use in the hot loop.
const W = WORDS;
const MIN_COMMON = MCC.minMatchableCells * CELLS_IN_DISC;
const TWO_PI = 2 * Math.PI;

// Inlined rather than imported from geometry.ts: this runs ~10⁵ times per comparison.
function wrap(d: number): number {
  d %= TWO_PI;
  if (d < -PI) return d + TWO_PI;
  if (d >= PI) return d - TWO_PI;
  return d;
}

function logistic(v: number, mu: number, tau: number): number {
  return 1 / (1 + Math.exp(-tau * (v - mu)));
}

function popcount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Local similarity of two cylinders (0–1), compared only on cells both know:
 * 1 − ‖a ⊕ b‖ / (‖a‖ + ‖b‖), and 0 when they share too few known cells.
 */
export function similarity(bitsA: Uint32Array, maskA: Uint32Array, oa: number, bitsB: Uint32Array, maskB: Uint32Array, ob: number): number {
  let common = 0;
  let na = 0;
  let nb = 0;
  let nx = 0;
  for (let w = 0; w < W; w++) {
    const m = maskA[oa + w] & maskB[ob + w];
    if (m === 0) continue;
    const va = bitsA[oa + w] & m;
    const vb = bitsB[ob + w] & m;
    common += popcount(m);
    na += popcount(va);
    nb += popcount(vb);
    nx += popcount(va ^ vb);
  }
  if (common < MIN_COMMON || na + nb === 0) return 0;
  return 1 - Math.sqrt(nx) / (Math.sqrt(na) + Math.sqrt(nb));
}

export interface Relaxed {
  /** LSS-R score: mean relaxed similarity of the most efficient pairs. */
  score: number;
  /** Probe and candidate minutia indices of the selected pairs, most trusted first. */
  probe: number[];
  candidate: number[];
  /** For each of the first `seeds` pairs, the indices (into probe/candidate) of pairs supporting it. */
  support: number[][];
}

// Pair keys pack a similarity (high bits) and a pair index (low 16 bits) so a native typed-array
// sort orders them; a, b < 256 each because ISO counts fit a byte.
const keys = new Float64Array(256 * 256);

/**
 * Runs LSS-R. Cylinders whose centre directions differ by more than `maxRotation` are not
 * compared: a bound on the plausible rotation between the prints removes many chance pairs.
 */
export function relax(A: Cylinders, mA: MinutiaeGeometry, B: Cylinders, mB: MinutiaeGeometry, seeds: number, maxRotation: number): Relaxed | undefined {
  const nA = A.count;
  const nB = B.count;
  let n = 0;
  for (let a = 0; a < nA; a++) {
    const ta = mA.theta[A.minutia[a]];
    for (let b = 0; b < nB; b++) {
      if (Math.abs(wrap(ta - mB.theta[B.minutia[b]])) > maxRotation) continue;
      const s = similarity(A.bits, A.mask, a * W, B.bits, B.mask, b * W);
      if (s > 0) keys[n++] = Math.round(s * 1e6) * 65536 + a * 256 + b;
    }
  }
  const nR = Math.min(nA, nB, n);
  if (nR === 0) return undefined;
  const sorted = keys.subarray(0, n).sort();
  const ia = new Int32Array(nR);
  const ib = new Int32Array(nR);
  const initial = new Float64Array(nR);
  for (let t = 0; t < nR; t++) {
    const key = sorted[n - 1 - t];
    const pair = key % 65536;
    initial[t] = Math.floor(key / 65536) / 1e6;
    ia[t] = A.minutia[pair >> 8];
    ib[t] = B.minutia[pair & 255];
  }
  const rho = compatibilities(mA, mB, ia, ib);
  let lambda = Float64Array.from(initial);
  let next = new Float64Array(nR);
  for (let it = 0; it < LSSR.iterations; it++) {
    for (let t = 0; t < nR; t++) {
      let support = 0;
      for (let k = 0; k < nR; k++) support += rho[t * nR + k] * lambda[k];
      next[t] = LSSR.weight * lambda[t] + ((1 - LSSR.weight) * support) / Math.max(1, nR - 1);
    }
    [lambda, next] = [next, lambda];
  }
  const nP = Math.min(nR, LSSR.minPairs + Math.round(logistic(Math.min(nA, nB), LSSR.muP, LSSR.tauP) * (LSSR.maxPairs - LSSR.minPairs)));
  const byEfficiency = Array.from({ length: nR }, (_, t) => t).sort((i, j) => lambda[j] / initial[j] - lambda[i] / initial[i]);
  let sum = 0;
  for (let p = 0; p < nP; p++) sum += lambda[byEfficiency[p]];
  const trusted = Array.from({ length: nR }, (_, t) => t).sort((i, j) => lambda[j] - lambda[i]);
  const rank = new Int32Array(nR);
  trusted.forEach((t, r) => {
    rank[t] = r;
  });
  const support = trusted.slice(0, seeds).map((s) => {
    const out: number[] = [];
    for (let k = 0; k < nR; k++) if (k !== s && rho[s * nR + k] > SUPPORT_RHO) out.push(rank[k]);
    return out;
  });
  return {
    score: sum / nP,
    probe: trusted.map((t) => ia[t]),
    candidate: trusted.map((t) => ib[t]),
    support,
  };
}

/** ρ(t, k) for every two selected pairs: 1 when they agree on distance, relative direction and bearing. */
function compatibilities(mA: MinutiaeGeometry, mB: MinutiaeGeometry, ia: Int32Array, ib: Int32Array): Float64Array {
  const nR = ia.length;
  const rho = new Float64Array(nR * nR);
  for (let t = 0; t < nR; t++) {
    const at = ia[t];
    const bt = ib[t];
    for (let k = t + 1; k < nR; k++) {
      const ak = ia[k];
      const bk = ib[k];
      const dxA = mA.x[at] - mA.x[ak];
      const dyA = mA.y[at] - mA.y[ak];
      const dxB = mB.x[bt] - mB.x[bk];
      const dyB = mB.y[bt] - mB.y[bk];
      const d1 = Math.abs(Math.sqrt(dxA * dxA + dyA * dyA) - Math.sqrt(dxB * dxB + dyB * dyB));
      const r1 = logistic(d1, LSSR.mu1, LSSR.tau1);
      if (r1 < 1e-3) continue;
      const d2 = Math.abs(wrap(wrap(mA.theta[at] - mA.theta[ak]) - wrap(mB.theta[bt] - mB.theta[bk])));
      const d3 = Math.abs(wrap(wrap(mA.theta[at] - Math.atan2(dyA, dxA)) - wrap(mB.theta[bt] - Math.atan2(dyB, dxB))));
      const r = r1 * logistic(d2, LSSR.mu2, LSSR.tau2) * logistic(d3, LSSR.mu3, LSSR.tau3);
      rho[t * nR + k] = r;
      rho[k * nR + t] = r;
    }
  }
  return rho;
}
