/**
 * Synthetic templates for tests and benchmarks: a real template turned, moved and perturbed the
 * way a second impression of the same finger would be (position and direction jitter, minutiae
 * lost, spurious minutiae found, parts falling outside the capture area). They are stand-ins for
 * large galleries, not evidence of accuracy: they carry the statistics of the few real prints
 * they come from.
 */
import { radiansToIsoAngle } from './iso19794.ts';
import type { FingerMinutiaeRecord, Minutia } from './iso19794.ts';

/** Small seeded PRNG (mulberry32) so synthetic data is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export interface Perturbation {
  /** Counter-clockwise turn about the image centre, radians. */
  rotation?: number;
  /** Shift in pixels (after the turn). */
  dx?: number;
  dy?: number;
  /** Standard deviation of position noise, pixels. */
  jitter?: number;
  /** Standard deviation of direction noise, ISO angle units (1.40625°). */
  angleJitter?: number;
  /** Chance that each minutia is lost. */
  dropRate?: number;
  /** Spurious minutiae added at random places within the print's bounding box. */
  add?: number;
  /** Output image size; minutiae that land outside it are lost (default: the input size). */
  width?: number;
  height?: number;
}

/** A copy of the first view of `record`, moved and perturbed as described; other views are dropped. */
export function perturbRecord(record: FingerMinutiaeRecord, p: Perturbation, random: () => number = seededRandom(1)): FingerMinutiaeRecord {
  const view = record.views[0];
  if (!view) throw new RangeError('record has no finger view');
  const width = p.width ?? record.width;
  const height = p.height ?? record.height;
  const rotation = p.rotation ?? 0;
  const cos = Math.cos(rotation);
  const sin = Math.sin(rotation);
  const cx = record.width / 2;
  const cy = record.height / 2;
  const ox = width / 2 + (p.dx ?? 0);
  const oy = height / 2 + (p.dy ?? 0);
  const out: Minutia[] = [];
  const keep = (m: Minutia): void => {
    if (m.x >= 0 && m.y >= 0 && m.x < width && m.y < height) out.push(m);
  };
  for (const m of view.minutiae) {
    if (random() < (p.dropRate ?? 0)) continue;
    // Image y points down, so a counter-clockwise turn on screen is (x, y) → (x cos + y sin, −x sin + y cos).
    const x = (m.x - cx) * cos + (m.y - cy) * sin + ox + gaussian(random) * (p.jitter ?? 0);
    const y = -(m.x - cx) * sin + (m.y - cy) * cos + oy + gaussian(random) * (p.jitter ?? 0);
    const angle = (m.angle + radiansToIsoAngle(rotation) + Math.round(gaussian(random) * (p.angleJitter ?? 0)) + 512) % 256;
    keep({ ...m, x: Math.round(x), y: Math.round(y), angle });
  }
  if ((p.add ?? 0) > 0 && out.length > 0) {
    const xs = out.map((m) => m.x);
    const ys = out.map((m) => m.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    for (let i = 0; i < (p.add ?? 0); i++) {
      const type = random() < 0.5 ? 'ridge-ending' : 'bifurcation';
      keep({ type, x: Math.round(x0 + random() * (x1 - x0)), y: Math.round(y0 + random() * (y1 - y0)), angle: Math.floor(random() * 256), quality: 0 });
    }
  }
  return { ...record, width, height, views: [{ ...view, minutiae: out.slice(0, 255) }] };
}

/** A perturbation drawn at random: any rotation up to ±`maxRotation`, shifts, noise, drops and additions. */
export function randomPerturbation(random: () => number, maxRotation = Math.PI / 6): Perturbation {
  return {
    rotation: (random() * 2 - 1) * maxRotation,
    dx: (random() * 2 - 1) * 30,
    dy: (random() * 2 - 1) * 30,
    jitter: 2,
    angleJitter: 3,
    dropRate: 0.1,
    add: Math.floor(random() * 4),
  };
}
