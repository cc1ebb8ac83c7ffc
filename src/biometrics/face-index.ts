/**
 * 1:N face search: an exact (flat) in-memory index of unit-length embeddings, searched by cosine
 * similarity. Embeddings live in one contiguous Float32Array, so a search is a single pass of dot
 * products: about 13 million multiply-adds for 100,000 128-d descriptors (bench/faces.ts measures
 * it). Exact search needs no tuning and never misses a mate that an approximate graph would.
 */

export interface FaceCandidate {
  id: string;
  /** Cosine similarity, −1 to 1. */
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

export class FaceIndex {
  private vectors: Float32Array;
  private ids: string[] = [];
  private slots = new Map<string, number>();

  constructor(readonly dims: number, initialCapacity = 1024) {
    this.vectors = new Float32Array(dims * Math.max(1, initialCapacity));
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
      if ((slot + 1) * this.dims > this.vectors.length) {
        const grown = new Float32Array(this.vectors.length * 2);
        grown.set(this.vectors);
        this.vectors = grown;
      }
      this.ids.push(id);
      this.slots.set(id, slot);
    }
    this.vectors.set(normalise(embedding), slot * this.dims);
  }

  /** Removes an embedding; the last one moves into its slot. */
  remove(id: string): boolean {
    const slot = this.slots.get(id);
    if (slot === undefined) return false;
    const last = this.ids.length - 1;
    if (slot !== last) {
      this.vectors.copyWithin(slot * this.dims, last * this.dims, (last + 1) * this.dims);
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
    const q = normalise(query);
    const d = this.dims;
    const v = this.vectors;
    // The best `limit` so far, kept sorted ascending by score: cheap for the small limits searches use.
    const topScores: number[] = [];
    const topSlots: number[] = [];
    for (let s = 0, n = this.ids.length; s < n; s++) {
      let dot = 0;
      const base = s * d;
      for (let i = 0; i < d; i++) dot += q[i] * v[base + i];
      if (dot < minScore || (topScores.length === limit && dot <= topScores[0])) continue;
      if (opts.filter && !opts.filter(this.ids[s])) continue;
      let at = 0;
      while (at < topScores.length && topScores[at] < dot) at++;
      topScores.splice(at, 0, dot);
      topSlots.splice(at, 0, s);
      if (topScores.length > limit) {
        topScores.shift();
        topSlots.shift();
      }
    }
    const out: FaceCandidate[] = [];
    for (let i = topScores.length - 1; i >= 0; i--) out.push({ id: this.ids[topSlots[i]], score: topScores[i] });
    return out;
  }
}
