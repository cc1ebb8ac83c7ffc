/**
 * 1:N face search: a flat in-memory index of face embeddings, searched by cosine similarity.
 * Every embedding is compared (no graph or clustering to tune, and no mate missed by an
 * approximate search). Embeddings are stored at unit length as signed bytes with one scale per
 * embedding, in one contiguous Int8Array: a quarter of the memory of 32-bit floats (100 MB for
 * 100,000 1024-d faces instead of 400 MB) and faster to scan, with integer dot products. The
 * quantisation moves a cosine by under 0.001 (face-index.test.ts checks it), far below what
 * separates a mate from a stranger. bench/faces.ts measures the search.
 */

export interface FaceCandidate {
  id: string;
  /** Cosine similarity, −1 to 1 (within about 0.001: embeddings are stored as bytes). */
  score: number;
}

export interface FaceSearchOptions {
  limit?: number;
  minScore?: number;
  /** Candidates this returns false for are skipped, e.g. records the searching user may not see. */
  filter?: (id: string) => boolean;
}

/** Scales a vector to unit length (a zero vector stays zero). */
export function normalise(v: ArrayLike<number>): Float32Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i] * v[i];
  const scale = sum > 0 ? 1 / Math.sqrt(sum) : 0;
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i] * scale;
  return out;
}

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** A unit vector as bytes −127…127 and the factor that turns their dot products back into cosines. */
function quantise(v: ArrayLike<number>): { bytes: Int8Array; scale: number } {
  const unit = normalise(v);
  let max = 0;
  for (let i = 0; i < unit.length; i++) max = Math.max(max, Math.abs(unit[i]));
  const k = max > 0 ? 127 / max : 0;
  const bytes = new Int8Array(unit.length);
  for (let i = 0; i < unit.length; i++) bytes[i] = Math.round(unit[i] * k);
  return { bytes, scale: k > 0 ? 1 / k : 0 };
}

/** q · v[base … base+d) in integers, four running sums (V8 runs this faster than one float sum). */
function dotAt(q: Int32Array, v: Int8Array, base: number, d: number): number {
  let a = 0;
  let b = 0;
  let c = 0;
  let e = 0;
  let i = 0;
  for (; i + 3 < d; i += 4) {
    a = (a + q[i] * v[base + i]) | 0;
    b = (b + q[i + 1] * v[base + i + 1]) | 0;
    c = (c + q[i + 2] * v[base + i + 2]) | 0;
    e = (e + q[i + 3] * v[base + i + 3]) | 0;
  }
  for (; i < d; i++) a = (a + q[i] * v[base + i]) | 0;
  return a + b + c + e;
}

export class FaceIndex {
  private vectors: Int8Array;
  private scales: Float32Array;
  private ids: string[] = [];
  private slots = new Map<string, number>();

  constructor(readonly dims: number, initialCapacity = 1024) {
    const capacity = Math.max(1, initialCapacity);
    this.vectors = new Int8Array(dims * capacity);
    this.scales = new Float32Array(capacity);
  }

  get size(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.slots.has(id);
  }

  /** Adds (or replaces) an embedding; it is stored at unit length. */
  add(id: string, embedding: ArrayLike<number>): void {
    if (embedding.length !== this.dims) throw new RangeError(`embedding has ${embedding.length} dimensions; this index holds ${this.dims}`);
    let slot = this.slots.get(id);
    if (slot === undefined) {
      slot = this.ids.length;
      if (slot >= this.scales.length) {
        const vectors = new Int8Array(this.vectors.length * 2);
        vectors.set(this.vectors);
        this.vectors = vectors;
        const scales = new Float32Array(this.scales.length * 2);
        scales.set(this.scales);
        this.scales = scales;
      }
      this.ids.push(id);
      this.slots.set(id, slot);
    }
    const { bytes, scale } = quantise(embedding);
    this.vectors.set(bytes, slot * this.dims);
    this.scales[slot] = scale;
  }

  /** Removes an embedding; the last one moves into its slot. */
  remove(id: string): boolean {
    const slot = this.slots.get(id);
    if (slot === undefined) return false;
    const last = this.ids.length - 1;
    if (slot !== last) {
      this.vectors.copyWithin(slot * this.dims, last * this.dims, (last + 1) * this.dims);
      this.scales[slot] = this.scales[last];
      this.ids[slot] = this.ids[last];
      this.slots.set(this.ids[slot], slot);
    }
    this.ids.pop();
    this.slots.delete(id);
    return true;
  }

  /** The most similar embeddings, best first. */
  search(query: ArrayLike<number>, opts: FaceSearchOptions = {}): FaceCandidate[] {
    if (query.length !== this.dims) throw new RangeError(`query has ${query.length} dimensions; this index holds ${this.dims}`);
    const limit = opts.limit ?? 10;
    const minScore = opts.minScore ?? -1;
    const { bytes, scale } = quantise(query);
    const q = new Int32Array(bytes);
    const d = this.dims;
    const v = this.vectors;
    const scales = this.scales;
    // The best `limit` so far, kept sorted ascending by score: cheap for the small limits searches use.
    const topScores: number[] = [];
    const topSlots: number[] = [];
    for (let s = 0, n = this.ids.length; s < n; s++) {
      const score = dotAt(q, v, s * d, d) * scale * scales[s];
      if (score < minScore || (topScores.length === limit && score <= topScores[0])) continue;
      if (opts.filter && !opts.filter(this.ids[s])) continue;
      let at = 0;
      while (at < topScores.length && topScores[at] < score) at++;
      topScores.splice(at, 0, score);
      topSlots.splice(at, 0, s);
      if (topScores.length > limit) {
        topScores.shift();
        topSlots.shift();
      }
    }
    const out: FaceCandidate[] = [];
    for (let i = topScores.length - 1; i >= 0; i--) out.push({ id: this.ids[topSlots[i]], score: Math.max(-1, Math.min(1, topScores[i])) });
    return out;
  }
}
