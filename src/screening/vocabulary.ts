// The index's vocabulary: every distinct name token once, with its record postings, its
// document frequency (for IDF weights) and its blocking keys. Fuzzy look-ups happen here, on a
// few thousand distinct tokens, rather than on millions of records.
import { joinTokens } from './names.ts';
import { JoinedCodes } from './joined-codes.ts';
import { LookAlikes } from './look-alikes.ts';
import { END_OF_NAME } from './record-store.ts';
import { resized } from './typed-arrays.ts';
import type { SimilarToken } from './look-alikes.ts';
import type { NameToken } from './names.ts';
import { skeleton } from './phonetic.ts';
import { compareCodes, compareTokens, MIN_TOKEN_SIMILARITY, NO_MATCH } from './similarity.ts';
import { FAMILY_CODE, runLength } from './spelling-codes.ts';
import type { TokenComparer, TokenComparison } from './similarity.ts';

export type { KeptMatches, SimilarToken } from './look-alikes.ts';

/**
 * Between two Latin spellings, a look-alike this close makes weaker ones noise to blocking
 * (Jonathan against Johansson): they would only walk long postings.
 */
export const LATIN_STRONG_SIMILARITY = 0.85;

const keyOf = (t: NameToken): string => `${t.script}:${t.latin}`;

/**
 * Query tokens whose similar tokens are remembered between searches, per generation (two are
 * kept). Each holds a few hundred look-alikes: a larger cache of one-off misspellings would
 * only keep garbage collection busy.
 */
const SIMILAR_CACHE_SIZE = 4_000;

/**
 * Tokens on at least this share of records (and PINNED_MIN_POSTINGS) keep their look-alikes
 * for good, updated as tokens are added, instead of in the cache: common names are in most
 * searches, and a look-up costs about a millisecond (at a million records, some 2,000 tokens,
 * a few seconds of the build and some 50 MB).
 */
const PINNED_SHARE = 1 / 10_000;
const PINNED_MIN_POSTINGS = 50;

/** Share of a token's weight that even the most common name keeps. */
const IDF_FLOOR = 0.3;

/**
 * Deletion keys shorter than this hold thousands of tokens each: a Latin query reaches short
 * skeletons by its first letters, its shape and the skeletons one class shorter or longer
 * instead. A query in another script needs them (プーチン pu-chin / Putin), and is rarer.
 */
const MIN_DELETION_KEY = 3;
const MIN_DELETION_KEY_ACROSS_SCRIPTS = 2;

/**
 * Blocking keys of an indexed token: its skeleton and each one-class deletion of it, and the
 * same for the skeleton without liquids, which Chinese and Japanese transcriptions drop or
 * swap (Aherne → 艾亨 ai-heng, Hutcherson → 哈卻森 ha-que-sen).
 */
function indexKeys(t: NameToken): Set<string> {
  const keys = new Set<string>();
  const add = (skel: string): void => {
    keys.add(`s${skel}`);
    if (skel.length > MIN_DELETION_KEY_ACROSS_SCRIPTS) for (let i = 0; i < skel.length; i++) keys.add(`d${skel.slice(0, i)}${skel.slice(i + 1)}`);
    const dry = withoutLiquids(skel);
    if (dry !== skel) keys.add(`r${dry}`);
  };
  add(t.skel);
  if (t.bare) add(skeleton(t.bare.phon));
  if (t.variant) keys.add(`v${t.variant}`);
  keys.add(prefixKey(t));
  keys.add(shapeKey(t.latin, t.latin.length));
  if (t.latin.length <= SHORT_NAME) keys.add(shortKey(t.latin, t.latin.length));
  return keys;
}

/** The first letters as typed: catches typos past them that change a short skeleton (Hamada / Haqada). */
const prefixKey = (t: NameToken): string => `p${t.latin.slice(0, 3)}`;

/** First letter, last two and length: catches typos in the second and third letters (Maio / Mario). */
const shapeKey = (latin: string, length: number): string => `f${latin[0]}${latin.slice(-2)}${length}`;

/** Short names have too few letters for the other keys to survive a typo (Kaja / Kaya, Arxa / Arta). */
const SHORT_NAME = 6;
const shortKey = (latin: string, length: number): string => `g${latin.slice(0, 2)}${length}`;

const withoutLiquids = (skel: string): string => skel.replace(/R/g, '').replace(/(.)\1+/g, '$1');

/**
 * Keys a query token looks up: its skeleton against skeletons and their deletions, each of its
 * own deletions against both (one consonant class added, dropped or changed), its liquid-free
 * skeleton and its first letters.
 */
function queryKeys(t: NameToken, joined: boolean): Set<string> {
  const keys = new Set<string>();
  const add = (skel: string): void => {
    keys.add(`s${skel}`);
    if (joined) return;
    const minKey = t.family === 'latin' ? MIN_DELETION_KEY : MIN_DELETION_KEY_ACROSS_SCRIPTS;
    if (skel.length >= minKey) keys.add(`d${skel}`);
    for (let i = 0; i < skel.length && skel.length >= MIN_DELETION_KEY; i++) {
      const del = skel.slice(0, i) + skel.slice(i + 1);
      if (del.length >= minKey) {
        keys.add(`s${del}`);
        keys.add(`d${del}`);
      }
    }
    const dry = withoutLiquids(skel);
    if (t.family === 'syllabic') keys.add(`r${dry}`);
    if (dry !== skel) keys.add(`s${dry}`);
  };
  add(t.skel);
  if (t.bare) add(skeleton(t.bare.phon));
  if (t.variant) keys.add(`v${t.variant}`);
  if (!joined) {
    keys.add(prefixKey(t));
    for (let d = -1; d <= 1; d++) {
      keys.add(shapeKey(t.latin, t.latin.length + d));
      if (t.latin.length + d <= SHORT_NAME) keys.add(shortKey(t.latin, t.latin.length + d));
    }
  }
  return keys;
}

export class Vocabulary {
  private readonly tokens: NameToken[] = [];
  private readonly idByKey = new Map<string, number>();
  private readonly idByToken = new Map<NameToken, number>();
  private readonly dfByLatin = new Map<string, number>();
  private postingLists: Uint32Array[] = [];
  private postingLens: number[] = [];
  private readonly blockKeys = new Map<string, number[]>();
  /** Look-alikes of common tokens (by id), kept current as tokens are interned (see PINNED_SHARE). */
  private readonly pinned = new Map<number, LookAlikes>();
  /** Pinned token ids by the keys they look up, to find the lists a new token belongs in. */
  private readonly pinnedByKey = new Map<string, number[]>();
  /** Similar-token look-ups of recent query tokens; valid while no new token is interned. */
  private similarCache = new Map<string, LookAlikes>();
  private olderCache = new Map<string, LookAlikes>();
  /** Record tokens written together, kept between searches: rescoring joins the same ones again and again. */
  readonly joined = new JoinedCodes();
  private seen = new Uint32Array(1024);
  private seenStamp = 0;
  private cachedAtSize = 0;
  /** Length of each token's Latin spelling and its script family, for cheap pre-filters. */
  private latinLen = new Uint16Array(1024);
  private familyCode = new Uint8Array(1024);
  /** Each token's own weight, beside the other per-id arrays: blocking reads hundreds a search. */
  private ownWeight = new Float64Array(1024);
  /**
   * Every token's codes side by side, in the order interned (token id → `codeAt[id]`): blocking
   * compares a query token with hundreds of these a search, so they stay close together.
   */
  private codeHeap = new Uint16Array(16 * 1024);
  private codeEnd = 0;
  private codeAt = new Uint32Array(1024);
  /** Frequency-aware weights by id, valid while `weightStamp[id]` equals `weightNow`. */
  private weightCache = new Float64Array(1024);
  private weightStamp = new Uint32Array(1024);
  private weightNow = 1;
  private weightN = -1;

  /** The vocabulary's own copy of a token (one object per distinct token). */
  intern(t: NameToken): NameToken {
    const key = keyOf(t);
    const id = this.idByKey.get(key);
    if (id !== undefined) return this.tokens[id];
    const newId = this.tokens.length;
    this.tokens.push(t);
    this.idByKey.set(key, newId);
    this.idByToken.set(t, newId);
    this.postingLists.push(new Uint32Array(2));
    this.postingLens.push(0);
    if (newId >= this.latinLen.length) this.growIdArrays(newId + 1);
    this.latinLen[newId] = t.latin.length;
    this.familyCode[newId] = FAMILY_CODE[t.family];
    this.ownWeight[newId] = t.weight;
    this.storeCodes(newId, t);
    const keys = indexKeys(t);
    for (const k of keys) {
      const list = this.blockKeys.get(k);
      if (list) list.push(newId); else this.blockKeys.set(k, [newId]);
    }
    if (this.pinned.size) this.addToPinned(newId, keys);
    return t;
  }

  private growIdArrays(min: number): void {
    let size = this.latinLen.length;
    while (size < min) size *= 2;
    this.latinLen = resized(this.latinLen, size);
    this.familyCode = resized(this.familyCode, size);
    this.ownWeight = resized(this.ownWeight, size);
    this.weightCache = resized(this.weightCache, size);
    this.weightStamp = resized(this.weightStamp, size);
    this.codeAt = resized(this.codeAt, size);
  }

  private storeCodes(id: number, t: NameToken): void {
    const length = runLength(t.codes, 0);
    if (this.codeEnd + length > this.codeHeap.length) {
      this.codeHeap = resized(this.codeHeap, Math.max(this.codeHeap.length * 2, this.codeEnd + length));
    }
    this.codeHeap.set(t.codes.subarray(0, length), this.codeEnd);
    this.codeAt[id] = this.codeEnd;
    this.codeEnd += length;
  }

  /** Document frequencies changed: every cached weight is stale. */
  private staleWeights(): void {
    this.weightNow = (this.weightNow + 1) >>> 0;
    if (this.weightNow === 0) { this.weightStamp.fill(0); this.weightNow = 1; }
  }

  /** The token with id `id`. */
  token(id: number): NameToken {
    return this.tokens[id];
  }

  idOf(t: NameToken): number {
    const id = this.idByToken.get(t);
    if (id === undefined) throw new Error(`token ${t.latin} is not interned`);
    return id;
  }

  addPosting(id: number, slot: number): void {
    let list = this.postingLists[id];
    const len = this.postingLens[id];
    if (len === list.length) {
      const bigger = new Uint32Array(list.length * 2);
      bigger.set(list);
      list = bigger;
      this.postingLists[id] = list;
    }
    list[len] = slot;
    this.postingLens[id] = len + 1;
    const latin = this.tokens[id].latin;
    this.dfByLatin.set(latin, (this.dfByLatin.get(latin) ?? 0) + 1);
    this.staleWeights();
  }

  /** Number of distinct tokens interned. */
  get size(): number {
    return this.tokens.length;
  }

  /** Number of tokens whose look-alikes are kept for good. */
  get pinnedCount(): number {
    return this.pinned.size;
  }

  /** Pins a token's look-alikes once it is on enough of `records` records (see PINNED_SHARE). */
  pinIfCommon(id: number, records: number): void {
    if (this.postingLens[id] < Math.max(PINNED_MIN_POSTINGS, records * PINNED_SHARE) || this.pinned.has(id)) return;
    const t = this.tokens[id];
    this.pinned.set(id, this.lookUp(t, false, false));
    for (const k of queryKeys(t, false)) {
      const list = this.pinnedByKey.get(k);
      if (list) list.push(id); else this.pinnedByKey.set(k, [id]);
    }
  }

  /** Adds a new token to the pinned lists whose look-up would now find it, in order. */
  private addToPinned(newId: number, keys: Set<string>): void {
    const stamp = this.nextSeenStamp();
    for (const k of keys) {
      for (const q of this.pinnedByKey.get(k) ?? []) {
        if (this.seen[q] === stamp) continue;
        this.seen[q] = stamp;
        if (this.farInLength(this.familyCode[q], this.latinLen[q], newId)) continue;
        const comparison = compareCodes(this.codeHeap, this.codeAt[q], this.codeHeap, this.codeAt[newId]);
        if (comparison.similarity < MIN_TOKEN_SIMILARITY) continue;
        (this.pinned.get(q) as LookAlikes).insert(newId, comparison);
      }
    }
  }

  removePosting(id: number, slot: number): void {
    const list = this.postingLists[id];
    const len = this.postingLens[id];
    const at = list.subarray(0, len).indexOf(slot);
    if (at < 0) return;
    list[at] = list[len - 1];
    this.postingLens[id] = len - 1;
    const latin = this.tokens[id].latin;
    const df = (this.dfByLatin.get(latin) ?? 1) - 1;
    if (df > 0) this.dfByLatin.set(latin, df); else this.dfByLatin.delete(latin);
    this.staleWeights();
  }

  /** Each token's place (from 0) when all are sorted by their Latin spelling. */
  alphabeticalRanks(): Uint32Array {
    const order = Array.from(this.tokens.keys()).sort((a, b) => (this.tokens[a].latin < this.tokens[b].latin ? -1 : this.tokens[a].latin > this.tokens[b].latin ? 1 : a - b));
    const rank = new Uint32Array(this.tokens.length);
    order.forEach((id, at) => { rank[id] = at; });
    return rank;
  }

  /**
   * Lists the postings afresh after records moved: the `records` first runs of `pool` (see
   * RecordStore.runs) are the token ids of the records now in each slot. Listing slots in order
   * leaves every list in slot order, so a walk reads the records' state from low addresses to high.
   */
  relistPostings(records: number, pool: Uint32Array, starts: Uint32Array, lengths: Uint32Array): void {
    this.postingLens.fill(0);
    // A token twice in one record (two spellings of a name) is listed once.
    const listedFor = new Int32Array(this.tokens.length).fill(-1);
    for (let slot = 0; slot < records; slot++) {
      for (let k = starts[slot], end = k + lengths[slot]; k < end; k++) {
        const id = pool[k];
        if (id === END_OF_NAME || listedFor[id] === slot) continue;
        listedFor[id] = slot;
        this.postingLists[id][this.postingLens[id]++] = slot;
      }
    }
  }

  postings(id: number): Uint32Array {
    return this.postingLists[id];
  }

  postingCount(id: number): number {
    return this.postingLens[id];
  }

  /** Token weight times an IDF factor in [IDF_FLOOR, 1] for a corpus of `n` records. */
  weightOf(t: NameToken, n: number): number {
    if (n < 2) return t.weight;
    const df = this.dfByLatin.get(t.latin) ?? 0;
    const idf = Math.log((n + 1) / (df + 1)) / Math.log(n + 1);
    return t.weight * (IDF_FLOOR + (1 - IDF_FLOOR) * Math.max(0, Math.min(1, idf)));
  }

  /** Whether a vocabulary token is written in a Latin script. */
  isLatin(id: number): boolean {
    return this.familyCode[id] === FAMILY_CODE.latin;
  }

  /** A token's own weight (kind only, no frequency). */
  tokenWeight(id: number): number {
    return this.ownWeight[id];
  }

  /** weightOf for an interned token, computed once per id until frequencies or `n` change. */
  weightOfId(id: number, n: number): number {
    if (n !== this.weightN) { this.weightN = n; this.staleWeights(); }
    if (this.weightStamp[id] === this.weightNow) return this.weightCache[id];
    const w = this.weightOf(this.tokens[id], n);
    this.weightCache[id] = w;
    this.weightStamp[id] = this.weightNow;
    return w;
  }

  /** What a query name is looked up by: its tokens, and adjacent pairs joined (Abdul Rahman). */
  queryUnits(tokens: NameToken[], comparer: TokenComparer): { token: NameToken; joined: boolean }[] {
    const units = tokens.filter((t) => t.kind !== 'initial').map((token) => ({ token, joined: false }));
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (tokens[i].kind !== 'initial' && tokens[i + 1].kind !== 'initial') units.push({ token: comparer.join(tokens[i], tokens[i + 1]), joined: true });
    }
    return units;
  }

  /**
   * Indexed tokens similar to `t` (by blocking keys, then compared), most similar first. Joined
   * query tokens are looked up by their exact skeleton only: they are a fallback, and long.
   */
  similarTokens(t: NameToken, joined: boolean): LookAlikes {
    if (!joined && this.pinned.size) {
      const id = this.idByKey.get(keyOf(t));
      const pinned = id === undefined ? undefined : this.pinned.get(id);
      if (pinned) return pinned;
    }
    if (this.cachedAtSize !== this.tokens.length) {
      this.similarCache = new Map();
      this.olderCache = new Map();
      this.cachedAtSize = this.tokens.length;
    } else if (this.similarCache.size >= SIMILAR_CACHE_SIZE) {
      // Two generations: what was used since the last turn survives the next one.
      this.olderCache = this.similarCache;
      this.similarCache = new Map();
    }
    const cacheKey = `${joined ? 'j' : 't'}:${keyOf(t)}`;
    const cached = this.similarCache.get(cacheKey) ?? this.olderCache.get(cacheKey);
    if (cached) {
      this.similarCache.set(cacheKey, cached);
      return cached;
    }
    const out = this.lookUp(t, joined, true);
    this.similarCache.set(cacheKey, out);
    return out;
  }

  /** A stamp for the tokens looked at in one pass (cheaper than a Set of ids). */
  private nextSeenStamp(): number {
    if (this.seen.length < this.tokens.length) {
      this.seen = resized(this.seen, this.tokens.length * 2);
    }
    if (this.seenStamp === 0xffffffff) { this.seen.fill(0); this.seenStamp = 0; }
    return ++this.seenStamp;
  }

  /** Within one script, a name twice as long as another is not a spelling of it. */
  private farInLength(family: number, tLen: number, id: number): boolean {
    const len = this.latinLen[id];
    return this.familyCode[id] === family && (len < tLen ? len * 2 < tLen : tLen * 2 < len);
  }

  /** Every indexed token similar to `t`, each compared in full (unlike similarTokens). */
  lookAlikes(t: NameToken): LookAlikes {
    return this.lookUp(t, false, false);
  }

  /**
   * The look-up itself: every token sharing a key with `t`, compared, most similar first.
   * `lazy`: a Latin token with a Latin look-alike of at least LATIN_STRONG_SIMILARITY walks no
   * weaker Latin one (see ScreeningIndex.keptMatches), so those are only compared far enough to
   * know they are weaker, and listed in the result's `pending` for rescoring to
   * compare in full if a shortlisted record holds one. Most candidates are such.
   */
  private lookUp(t: NameToken, joined: boolean, lazy: boolean): LookAlikes {
    const stamp = this.nextSeenStamp();
    const out: SimilarToken[] = [];
    const family = FAMILY_CODE[t.family];
    const tLen = t.latin.length;
    const codes = t.codes;
    const heap = this.codeHeap;
    const codeAt = this.codeAt;
    const exact = this.idByKey.get(keyOf(t));
    if (exact !== undefined) {
      this.seen[exact] = stamp;
      out.push({ id: exact, comparison: compareCodes(codes, 0, heap, codeAt[exact]) });
    }
    const lazyLatin = lazy && !joined && family === FAMILY_CODE.latin;
    const pending: number[] = [];
    for (const k of queryKeys(t, joined)) {
      const block = this.blockKeys.get(k);
      if (!block) continue;
      for (const id of block) {
        if (this.seen[id] === stamp) continue;
        this.seen[id] = stamp;
        if (this.farInLength(family, tLen, id)) continue;
        if (lazyLatin && this.familyCode[id] === family) {
          const c = compareCodes(codes, 0, heap, codeAt[id], LATIN_STRONG_SIMILARITY);
          if (c.similarity >= LATIN_STRONG_SIMILARITY) out.push({ id, comparison: c }); else pending.push(id);
          continue;
        }
        const c = compareCodes(codes, 0, heap, codeAt[id]);
        if (c.similarity >= MIN_TOKEN_SIMILARITY) out.push({ id, comparison: c });
      }
    }
    // Without a strong Latin look-alike the weaker ones are walked too: compare all in full.
    if (pending.length && !out.some((m) => this.familyCode[m.id] === family && m.comparison.similarity >= LATIN_STRONG_SIMILARITY)) return this.lookUp(t, joined, false);
    out.sort((a, b) => b.comparison.similarity - a.comparison.similarity);
    return new LookAlikes(out, pending.length ? Uint32Array.from(pending).sort() : undefined);
  }

  /**
   * Where two vocabulary tokens written as one start in `joined.heap` (see JoinedCodes); -1
   * when either is not in the vocabulary.
   */
  joinedAt(a: NameToken, b: NameToken): number {
    const ia = this.idByToken.get(a);
    const ib = this.idByToken.get(b);
    return ia === undefined || ib === undefined ? -1 : this.joined.offsetOf(ia, a, ib, b);
  }

  /** The id of an interned token, or undefined for a token the vocabulary does not hold. */
  idIfInterned(t: NameToken): number | undefined {
    return this.idByToken.get(t);
  }

}

/**
 * The token comparer of one search: remembers comparisons and joins, and knows which vocabulary
 * tokens blocking found similar to each query token, so that any other token in the same script
 * is no match without comparing again (the keys reach nearly every same-script spelling the
 * matcher would accept; see the benchmark's typo recall).
 */
export class SearchComparer implements TokenComparer {
  private readonly compared = new Map<NameToken, Map<NameToken, TokenComparison>>();
  private readonly joined = new Map<NameToken, Map<NameToken, NameToken>>();
  /** Comparisons with joined record tokens, by where the join's codes start (see Vocabulary.joinedAt). */
  private readonly comparedJoined = new Map<NameToken, Map<number, TokenComparison>>();
  private readonly blocked = new Map<NameToken, LookAlikes>();

  constructor(private readonly vocab: Vocabulary) {
    vocab.joined.startSearch();
  }

  remember(t: NameToken, found: LookAlikes): void {
    this.blocked.set(t, found);
  }

  compare(a: NameToken, b: NameToken): TokenComparison {
    const known = this.blocked.get(a);
    // Across scripts the skeletons drift further than the keys reach: compare those in full.
    let pending = false;
    if (known && a.script === b.script) {
      const id = this.vocab.idIfInterned(b);
      if (id !== undefined) {
        const c = known.get(id);
        if (c) return c;
        pending = known.isPending(id);
        if (!pending) return NO_MATCH;
      }
    }
    let row = this.compared.get(a);
    if (!row) { row = new Map(); this.compared.set(a, row); }
    let c = row.get(b);
    if (!c) {
      c = compareTokens(a, b);
      // As the look-up would have listed it: not at all below the match floor.
      if (pending && c.similarity < MIN_TOKEN_SIMILARITY) c = NO_MATCH;
      row.set(b, c);
    }
    return c;
  }

  /** Query tokens joined, once per search: blocking looks the pair up, rescoring compares it. */
  join(a: NameToken, b: NameToken): NameToken {
    let row = this.joined.get(a);
    if (!row) { row = new Map(); this.joined.set(a, row); }
    let j = row.get(b);
    if (!j) { j = joinTokens(a, b); row.set(b, j); }
    return j;
  }

  compareJoined(a: NameToken, b1: NameToken, b2: NameToken): TokenComparison {
    const at = this.vocab.joinedAt(b1, b2);
    // A joined token is in no look-up result: compared in full, as compare() would.
    if (at < 0) return this.compare(a, this.join(b1, b2));
    let row = this.comparedJoined.get(a);
    if (!row) { row = new Map(); this.comparedJoined.set(a, row); }
    let c = row.get(at);
    if (!c) {
      c = compareCodes(a.codes, 0, this.vocab.joined.heap, at);
      row.set(at, c);
    }
    return c;
  }
}
