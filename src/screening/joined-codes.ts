// Codes of record tokens written together (Abdul + Rahman → abdulrahman), kept between searches.
// Rescoring joins the same record names search after search, and a join costs some 10 µs. The
// cache used to keep each join as a token object: those were most of what a replica's young
// generation had to copy, and promoted, to be collected again by a full collection of a gigabyte
// heap. Here a join is a run of codes in one array, found through an open-addressing table of
// typed arrays: nothing in it is an object the collector has to visit.
import { joinTokens } from './names.ts';
import type { NameToken } from './names.ts';
import type { SpellingCodes } from './spelling-codes.ts';
import { resized } from './typed-arrays.ts';

/** Table slots by default: some 130,000 joins, 12 MB. */
const SLOTS = 1 << 18;
const EMPTY = -1;

export class JoinedCodes {
  private readonly mask: number;
  /** Joins kept before the cache starts afresh, which it does only between searches: half the slots, so that probes stay short. */
  private readonly kept: number;
  /** A search adds a few hundred joins at most; past this it joins without keeping. */
  private readonly hardLimit: number;
  private readonly firstId: Int32Array;
  private readonly secondId: Uint32Array;
  private readonly offset: Uint32Array;
  private codeHeap: SpellingCodes = new Uint16Array(1 << 16);
  private end = 0;
  private count = 0;

  /** `slots`: a power of two. */
  constructor(slots = SLOTS) {
    this.mask = slots - 1;
    this.kept = slots / 2;
    this.hardLimit = (slots * 3) / 4;
    this.firstId = new Int32Array(slots).fill(EMPTY);
    this.secondId = new Uint32Array(slots);
    this.offset = new Uint32Array(slots);
  }

  /** Every kept join's codes; a join's offset stays valid until the next `startSearch`. */
  get heap(): SpellingCodes {
    return this.codeHeap;
  }

  /** Joins kept now. */
  get size(): number {
    return this.count;
  }

  /** Called before each search: the only point where offsets may change (see `kept`). */
  startSearch(): void {
    if (this.count < this.kept) return;
    this.firstId.fill(EMPTY);
    this.end = 0;
    this.count = 0;
  }

  /**
   * Where the codes of `a` and `b` joined start in `heap` (`ia` and `ib` are their vocabulary
   * ids), joining them on first use; -1 when the cache is full in mid-search.
   */
  offsetOf(ia: number, a: NameToken, ib: number, b: NameToken): number {
    let h = hash(ia, ib) & this.mask;
    const firstId = this.firstId;
    for (let probe = firstId[h]; probe !== EMPTY; probe = firstId[h]) {
      if (probe === ia && this.secondId[h] === ib) return this.offset[h];
      h = (h + 1) & this.mask;
    }
    if (this.count >= this.hardLimit) return -1;
    const codes = joinTokens(a, b).codes;
    if (this.end + codes.length > this.codeHeap.length) this.codeHeap = resized(this.codeHeap, Math.max(this.codeHeap.length * 2, this.end + codes.length));
    const at = this.end;
    this.codeHeap.set(codes, at);
    this.end += codes.length;
    firstId[h] = ia;
    this.secondId[h] = ib;
    this.offset[h] = at;
    this.count++;
    return at;
  }
}

function hash(ia: number, ib: number): number {
  const h = Math.imul(ia, 0x9e3779b1) ^ Math.imul(ib + 0x7f4a7c15, 0x85ebca77);
  return h ^ (h >>> 15);
}
