/**
 * Minutia-pair features for the 1:N pre-filter (a form of geometric hashing). Each pair of nearby
 * minutiae gives a key that does not change when the print is moved or turned: its length and
 * each minutia's direction relative to the line joining them. The line's own orientation is kept
 * beside the key: two prints of one finger share many keys, and those keys agree on one rotation,
 * which random coincidences between different fingers rarely do.
 */
import type { MinutiaeGeometry } from './cylinders.ts';

export const PAIRS = {
  /** Pairs closer than this are too often one ridge break seen twice. */
  minLength: 12,
  /** Longer pairs distort too much between impressions to keep their length. */
  maxLength: 110,
  /** Bin widths: fine bins, each probe value also looking up its nearer neighbour bin, separated
   * genuine from impostor votes best on FVC2002 (coarser bins collect too many chance votes). */
  lengthBin: 5,
  angleBins: 32,
  /** Orientation bins for the rotation vote (a power of two up to 256). */
  rotationBins: 64,
} as const;

const LENGTH_BINS = Math.ceil(PAIRS.maxLength / PAIRS.lengthBin);
export const KEY_COUNT = LENGTH_BINS * PAIRS.angleBins * PAIRS.angleBins;
const TWO_PI = Math.PI * 2;
const ANGLE_SCALE = PAIRS.angleBins / TWO_PI;

export interface PairFeatures {
  /** One key per unordered pair (taken from the lower-index minutia). */
  keys: Uint16Array;
  /** Orientation of the line from the lower- to the higher-index minutia, 0–255 for 0–2π. */
  orientation: Uint8Array;
}

function fold(a: number): number {
  const r = a % TWO_PI;
  return r < 0 ? r + TWO_PI : r;
}

function key(lengthBin: number, a: number, b: number): number {
  return (lengthBin * PAIRS.angleBins + a) * PAIRS.angleBins + b;
}

/** Gallery side: one hard-quantised key per pair. */
export function pairFeatures(m: MinutiaeGeometry): PairFeatures {
  const keys: number[] = [];
  const orientation: number[] = [];
  const n = m.x.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = m.x[j] - m.x[i];
      const dy = m.y[j] - m.y[i];
      const d = Math.sqrt(dx * dx + dy * dy);
      if (d < PAIRS.minLength || d >= PAIRS.maxLength) continue;
      const phi = Math.atan2(dy, dx);
      const a = Math.floor(fold(m.theta[i] - phi) * ANGLE_SCALE) % PAIRS.angleBins;
      const b = Math.floor(fold(m.theta[j] - phi) * ANGLE_SCALE) % PAIRS.angleBins;
      keys.push(key(Math.floor(d / PAIRS.lengthBin), a, b));
      orientation.push(Math.round((fold(phi) * 256) / TWO_PI) & 255);
    }
  }
  return { keys: Uint16Array.from(keys), orientation: Uint8Array.from(orientation) };
}

export interface ProbeLookups {
  /** Keys to look up; a probe pair looks up the bins around its value in every dimension. */
  keys: Uint16Array;
  /** The probe pair's line orientation for that lookup, 0–255, in the gallery's pair order. */
  orientation: Uint8Array;
}

/**
 * Probe side: each pair, in both orders (the gallery kept one order it chose by index), looks up
 * its own bin and the nearest neighbouring bin in each dimension, so values near a bin edge still
 * meet their gallery counterpart.
 */
export function probeLookups(m: MinutiaeGeometry): ProbeLookups {
  const keys: number[] = [];
  const orientation: number[] = [];
  const n = m.x.length;
  const lengths = [0, 0];
  const as = [0, 0];
  const bs = [0, 0];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const dx = m.x[j] - m.x[i];
      const dy = m.y[j] - m.y[i];
      const d = Math.sqrt(dx * dx + dy * dy);
      if (d < PAIRS.minLength - PAIRS.lengthBin / 2 || d >= PAIRS.maxLength + PAIRS.lengthBin / 2) continue;
      const phi = Math.atan2(dy, dx);
      neighbourBins(d / PAIRS.lengthBin, LENGTH_BINS, false, lengths);
      neighbourBins(fold(m.theta[i] - phi) * ANGLE_SCALE, PAIRS.angleBins, true, as);
      neighbourBins(fold(m.theta[j] - phi) * ANGLE_SCALE, PAIRS.angleBins, true, bs);
      const o = Math.round((fold(phi) * 256) / TWO_PI) & 255;
      for (const l of lengths) {
        if (l < 0) continue;
        for (const a of as) for (const b of bs) {
          keys.push(key(l, a, b));
          orientation.push(o);
        }
      }
    }
  }
  return { keys: Uint16Array.from(keys), orientation: Uint8Array.from(orientation) };
}

/** The bin holding v and the adjacent bin nearer to v (−1 when outside a non-circular range). */
function neighbourBins(v: number, bins: number, circular: boolean, out: number[]): void {
  const bin = Math.floor(v);
  const other = v - bin < 0.5 ? bin - 1 : bin + 1;
  out[0] = circular ? ((bin % bins) + bins) % bins : bin >= 0 && bin < bins ? bin : -1;
  out[1] = circular ? ((other % bins) + bins) % bins : other >= 0 && other < bins ? other : -1;
}
