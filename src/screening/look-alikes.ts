// The result of a vocabulary look-up: the tokens similar to one query token and how, most similar
// first. Replicas keep thousands of these between searches (common tokens for good, the rest in a
// cache), so a result is a few typed arrays rather than an object per look-alike: a million-record
// replica's young generation used to copy and promote some 6 MB of look-alike objects every
// hundred searches, which a full collection of its gigabyte heap then had to find again.
import type { MatchKind, TokenComparison } from './similarity.ts';
import { resized } from './typed-arrays.ts';

/** A vocabulary token similar to a query token, and how. */
export interface SimilarToken { id: number; comparison: TokenComparison }

/** The look-alikes of a query token that blocking walks, with their similarity and own-weight evidence. */
export interface KeptMatches { ids: Uint32Array; sims: Float64Array; owns: Float64Array }

const MATCH_KINDS: readonly MatchKind[] = ['exact', 'variant', 'phonetic', 'transliteration', 'typo', 'initial', 'particle', 'compound'];
const KIND_CODE = new Map(MATCH_KINDS.map((k, i) => [k, i]));

export class LookAlikes {
  // Room for more at the end: a common token's list grows in place as the vocabulary grows.
  private idStore: Uint32Array;
  private simStore: Float64Array;
  private howStore: Uint8Array;
  private count: number;
  /** Candidates only known to be below LATIN_STRONG_SIMILARITY (see Vocabulary.lookUp), in id order. */
  readonly pending: Uint32Array | undefined;
  /** What blocking walks, derived once (see ScreeningIndex.keptOf). */
  kept: KeptMatches | undefined;
  /** Positions in id order, for `get`: built on first use. */
  private idOrder: Uint32Array | undefined;
  private sortedIds: Uint32Array | undefined;

  /** `found` most similar first; `pending` in id order. */
  constructor(found: readonly SimilarToken[], pending?: Uint32Array) {
    this.idStore = Uint32Array.from(found, (f) => f.id);
    this.simStore = Float64Array.from(found, (f) => f.comparison.similarity);
    this.howStore = Uint8Array.from(found, (f) => KIND_CODE.get(f.comparison.how) as number);
    this.count = found.length;
    this.pending = pending;
  }

  get length(): number {
    return this.count;
  }

  /** The look-alikes' token ids, most similar first. */
  get ids(): Uint32Array {
    return this.idStore.subarray(0, this.count);
  }

  /** Their similarities, in the same order. */
  get sims(): Float64Array {
    return this.simStore.subarray(0, this.count);
  }

  /** The comparison of the look-alike at position `i` (a new object: keep it only as long as needed). */
  comparisonAt(i: number): TokenComparison {
    return { similarity: this.simStore[i], how: MATCH_KINDS[this.howStore[i]] };
  }

  /** The look-alikes as objects, most similar first (for tests and inspection). */
  list(): SimilarToken[] {
    return Array.from(this.ids, (id, i) => ({ id, comparison: this.comparisonAt(i) }));
  }

  /** Adds a look-alike after its equals, as a fresh look-up would mostly place it. */
  insert(id: number, comparison: TokenComparison): void {
    const sims = this.simStore;
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sims[mid] >= comparison.similarity) lo = mid + 1; else hi = mid;
    }
    if (this.count === this.idStore.length) this.makeRoom();
    this.idStore.copyWithin(lo + 1, lo, this.count);
    this.simStore.copyWithin(lo + 1, lo, this.count);
    this.howStore.copyWithin(lo + 1, lo, this.count);
    this.idStore[lo] = id;
    this.simStore[lo] = comparison.similarity;
    this.howStore[lo] = KIND_CODE.get(comparison.how) as number;
    this.count++;
    this.kept = undefined;
    this.idOrder = undefined;
    this.sortedIds = undefined;
  }

  private makeRoom(): void {
    const size = Math.max(4, this.count * 2);
    this.idStore = resized(this.idStore, size);
    this.simStore = resized(this.simStore, size);
    this.howStore = resized(this.howStore, size);
  }

  /** How the token `id` compares, if it is a look-alike; searched by halves. */
  get(id: number): TokenComparison | undefined {
    if (!this.sortedIds) {
      const ids = this.ids;
      const order = Uint32Array.from(ids.keys()).sort((a, b) => ids[a] - ids[b]);
      this.idOrder = order;
      this.sortedIds = order.map((i) => ids[i]);
    }
    const at = sortedIndexOf(this.sortedIds, id);
    return at < 0 ? undefined : this.comparisonAt((this.idOrder as Uint32Array)[at]);
  }

  /** Whether the look-up set `id` aside as weak without comparing it in full. */
  isPending(id: number): boolean {
    return this.pending !== undefined && sortedIndexOf(this.pending, id) >= 0;
  }
}

/** Where `id` is in ascending `ids`, or -1. */
function sortedIndexOf(ids: Uint32Array, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = ids[mid];
    if (v === id) return mid;
    if (v < id) lo = mid + 1; else hi = mid - 1;
  }
  return -1;
}
