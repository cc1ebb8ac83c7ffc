/**
 * Deterministic randomness for demo worlds. sfc32 (Chris Doty-Humphrey's small fast counting
 * generator) passes PractRand and needs only 32-bit integer arithmetic, so the same seed gives
 * the same world on every machine and Node version. Every record is drawn from its own stream,
 * seeded from (world seed, stream name, index): record i can be rebuilt without generating the
 * i − 1 before it, and adding a field to persons does not reshuffle documents.
 */

/** A world seed: a number, or any string (hashed to one). */
export type Seed = number | string;

/** FNV-1a over UTF-16 code units: turns a string seed or a stream name into 32 bits. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export const seedNumber = (seed: Seed): number => (typeof seed === 'number' ? seed >>> 0 : hashString(seed));

// murmur3's finaliser: a bijective mix so neighbouring indexes give unrelated streams.
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
// Module-level rather than a closure in uuid(): tsx wraps every closure it creates in a naming helper, costly per record.
const h = (w: number, shift: number) => HEX[(w >>> shift) & 0xff];

export class Random {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  constructor(seed: Seed = 0, stream = 0, index = 0) {
    this.reseed(seedNumber(seed), stream, index);
  }

  /** Restarts the generator on stream (seed, stream, index); reusing one object avoids an allocation per record. */
  reseed(seed: number, stream: number, index: number): this {
    this.a = fmix(seed ^ 0x9e3779b9);
    this.b = fmix(stream ^ this.a);
    this.c = fmix((index >>> 0) ^ this.b);
    // The high part of an index above 2^32 still changes the stream.
    this.d = fmix(Math.floor(index / 0x1_0000_0000) ^ this.c ^ 0x7f4a7c15);
    for (let i = 0; i < 12; i++) this.next();
    return this;
  }

  /** The next 32 random bits as an unsigned integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 0x1_0000_0000;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [lo, hi], both included. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** Approximately normal (sum of three uniforms), cheap and bounded to mean ± 3 sd. */
  normal(mean: number, sd: number): number {
    return mean + sd * (this.float() + this.float() + this.float() - 1.5) * 2;
  }

  /** A version-4-shaped UUID drawn from this stream, so ids are stable across runs. */
  uuid(): string {
    const w0 = this.next(), w1 = this.next(), w2 = this.next(), w3 = this.next();
    return `${h(w0, 24)}${h(w0, 16)}${h(w0, 8)}${h(w0, 0)}-${h(w1, 24)}${h(w1, 16)}-4${HEX[(w1 >>> 8) & 0xff].slice(1)}${h(w1, 0)}-`
      + `${HEX[0x80 | ((w2 >>> 24) & 0x3f)]}${h(w2, 16)}-${h(w2, 8)}${h(w2, 0)}${h(w3, 24)}${h(w3, 16)}${h(w3, 8)}${h(w3, 0)}`;
  }
}

/** Weighted choice among items, precomputed once so each draw is a short scan. */
export class Weighted<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(readonly entries: readonly (readonly [T, number])[]) {
    let sum = 0;
    for (const [, w] of entries) this.cumulative.push((sum += w));
    this.total = sum;
  }

  pick(rng: Random): T {
    const x = rng.float() * this.total;
    let i = 0;
    while (this.cumulative[i] <= x) i++;
    return this.entries[i][0];
  }
}

/** Stream numbers: one per kind of record, so each kind's records are independent of the others'. */
export const STREAMS = {
  person: hashString('person'), document: hashString('document'), notice: hashString('notice'), documentReport: hashString('document-report'),
} as const;
