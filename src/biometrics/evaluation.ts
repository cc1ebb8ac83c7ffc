/**
 * Verification and identification error rates as defined by the Fingerprint Verification
 * Competitions (Maio et al., "FVC2000: fingerprint verification competition", IEEE TPAMI 2002).
 * Scores are similarities: a comparison is a match when score ≥ threshold.
 */

export interface ErrorRates {
  genuine: number;
  impostor: number;
  /** Equal error rate, FVC style: midpoint of [EER_low, EER_high]. */
  eer: number;
  /** Lowest FNMR with FMR ≤ 1 %. */
  fmr100: number;
  /** Lowest FNMR with FMR ≤ 0.1 %. */
  fmr1000: number;
  /** Lowest FNMR with no false match. */
  zeroFmr: number;
}

/** FMR(t): share of impostor scores at or above t. */
export function falseMatchRate(impostor: readonly number[], t: number): number {
  return impostor.length === 0 ? 0 : impostor.filter((s) => s >= t).length / impostor.length;
}

/** FNMR(t): share of genuine scores below t. */
export function falseNonMatchRate(genuine: readonly number[], t: number): number {
  return genuine.length === 0 ? 0 : genuine.filter((s) => s < t).length / genuine.length;
}

/** Lowest threshold whose FMR does not exceed `target` (so the highest-FNMR-saving choice). */
export function thresholdAtFmr(impostor: readonly number[], target: number): number {
  const sorted = [...impostor].sort((a, b) => b - a);
  const allowed = Math.floor(target * sorted.length + 1e-9);
  // Admitting `allowed` false matches means sitting just above the next impostor score down.
  if (allowed >= sorted.length) return -Infinity;
  return nextUp(sorted[allowed]);
}

function nextUp(x: number): number {
  return x + Math.max(Math.abs(x), 1) * Number.EPSILON * 4;
}

export function errorRates(genuine: readonly number[], impostor: readonly number[]): ErrorRates {
  const g = [...genuine].sort((a, b) => a - b);
  const im = [...impostor].sort((a, b) => a - b);
  // Counting by binary search keeps the threshold sweep O(n log n) for large impostor sets.
  const fmr = (t: number): number => (im.length === 0 ? 0 : (im.length - lowerBound(im, t)) / im.length);
  const fnmr = (t: number): number => (g.length === 0 ? 0 : lowerBound(g, t) / g.length);
  const candidates = [...new Set([...g, ...im].flatMap((s) => [s, nextUp(s)]))].sort((a, b) => a - b);
  candidates.push(Infinity);
  let t1 = -Infinity;
  let t2 = Infinity;
  for (const t of candidates) {
    if (fnmr(t) <= fmr(t)) t1 = Math.max(t1, t);
    if (fnmr(t) >= fmr(t)) t2 = Math.min(t2, t);
  }
  const [low, high] = fnmr(t1) + fmr(t1) <= fmr(t2) + fnmr(t2) ? [fnmr(t1), fmr(t1)] : [fmr(t2), fnmr(t2)];
  return {
    genuine: g.length,
    impostor: im.length,
    eer: (low + high) / 2,
    fmr100: fnmr(thresholdAtFmr(im, 0.01)),
    fmr1000: fnmr(thresholdAtFmr(im, 0.001)),
    zeroFmr: fnmr(thresholdAtFmr(im, 0)),
  };
}

/** Index of the first element ≥ t in an ascending array. */
function lowerBound(sorted: readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Impression {
  finger: number;
  impression: number;
}

/** FVC genuine pairs: every two impressions i < j of the same finger (28 per finger of 8). */
export function fvcGenuinePairs<T extends Impression>(items: readonly T[]): [T, T][] {
  const pairs: [T, T][] = [];
  for (const a of items) for (const b of items) if (a.finger === b.finger && a.impression < b.impression) pairs.push([a, b]);
  return pairs;
}

/** FVC impostor pairs: the first impression of each finger against the first of every later finger. */
export function fvcImpostorPairs<T extends Impression>(items: readonly T[]): [T, T][] {
  const firsts = items.filter((t) => t.impression === Math.min(...items.filter((o) => o.finger === t.finger).map((o) => o.impression)));
  const pairs: [T, T][] = [];
  for (const a of firsts) for (const b of firsts) if (a.finger < b.finger) pairs.push([a, b]);
  return pairs;
}

/** Every two impressions of different fingers, once each: a larger impostor set for low FMRs. */
export function allImpostorPairs<T extends Impression>(items: readonly T[]): [T, T][] {
  const pairs: [T, T][] = [];
  items.forEach((a, i) => items.forEach((b, j) => {
    if (i < j && a.finger !== b.finger) pairs.push([a, b]);
  }));
  return pairs;
}

/**
 * Rank-1 identification rate: for each gallery impression number g, the gallery holds impression g
 * of every finger and every other impression is a probe; a probe succeeds when its best-scoring
 * gallery entry is its own finger (ties count as failures). Averaged over all g.
 */
export function rank1Rate<T extends Impression>(items: readonly T[], score: (probe: T, gallery: T) => number): number {
  const impressions = [...new Set(items.map((t) => t.impression))];
  let hits = 0;
  let searches = 0;
  for (const g of impressions) {
    const gallery = items.filter((t) => t.impression === g);
    for (const probe of items) {
      if (probe.impression === g) continue;
      let best = -Infinity;
      let bestFinger: number | undefined;
      let tie = false;
      for (const entry of gallery) {
        const s = score(probe, entry);
        if (s > best) [best, bestFinger, tie] = [s, entry.finger, false];
        else if (s === best) tie = true;
      }
      searches++;
      if (!tie && bestFinger === probe.finger) hits++;
    }
  }
  return searches === 0 ? 0 : hits / searches;
}
