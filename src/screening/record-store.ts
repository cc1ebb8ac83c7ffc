// The index's records, kept with as few objects as possible. Each replica holds every record for
// as long as it runs, and every full garbage collection visits every object it holds: as prepared
// objects (names, tokens, dates, arrays of each) a million records were some twenty million
// objects, and one full collection took seconds of a core that screenings needed. Here a record is
// its id, its names as written, its other facts as one JSON string, and its names' vocabulary
// token ids in one shared array; rescoring rebuilds the few objects it needs for the hundred or so
// records a search shortlists, and reads the written names and other facts only when it uses them.
import type { ScreeningEntry } from './index.ts';
import type { PersonFacts } from './score.ts';
import { resized } from './typed-arrays.ts';

/** Ends each name in a record's run of token ids: above any token id, and still a small integer to V8. */
export const END_OF_NAME = 0x3fffffff;

export class RecordStore {
  private recordIds: (string | undefined)[] = [];
  /** Names as written: most records have one, kept without an array around it. */
  private names: (string | string[] | undefined)[] = [];
  /** The facts other than names, as JSON; undefined when there are none. */
  private facts: (string | undefined)[] = [];
  /** Every record's run of token ids: each name's tokens, then END_OF_NAME. */
  private pool = new Uint32Array(1 << 16);
  private poolEnd = 0;
  /** Pool entries that belong to no record any more (removed or replaced). */
  private wasted = 0;
  private runStart = new Uint32Array(1024);
  private runLength = new Uint32Array(1024);

  /** Slots in use or freed (one past the highest slot ever used). */
  get slots(): number {
    return this.recordIds.length;
  }

  has(slot: number): boolean {
    return this.recordIds[slot] !== undefined;
  }

  recordId(slot: number): string {
    return this.recordIds[slot] as string;
  }

  /** The record's names as written. */
  writtenNames(slot: number): string[] {
    const names = this.names[slot] as string | string[];
    return typeof names === 'string' ? [names] : names;
  }

  /** The record's facts other than its names (`names` left empty). */
  otherFacts(slot: number): PersonFacts {
    const json = this.facts[slot];
    return json === undefined ? { names: [] } : { ...(JSON.parse(json) as Omit<PersonFacts, 'names'>), names: [] };
  }

  /** Stores a record in `slot` (free); `run` is its names' token ids, each name ended by END_OF_NAME. */
  set(slot: number, entry: ScreeningEntry, run: ArrayLike<number>): void {
    if (slot >= this.runStart.length) this.growSlots(slot + 1);
    const { recordId, names, ...others } = entry;
    this.recordIds[slot] = recordId;
    this.names[slot] = names.length === 1 ? names[0] : [...names];
    // Empty lists say nothing that their absence does not (most persons have no identifiers).
    const said = Object.entries(others).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0));
    this.facts[slot] = said.length ? JSON.stringify(Object.fromEntries(said)) : undefined;
    this.place(slot, run);
  }

  /** Forgets the record in `slot`. */
  delete(slot: number): void {
    this.recordIds[slot] = undefined;
    this.names[slot] = undefined;
    this.facts[slot] = undefined;
    this.wasted += this.runLength[slot];
    this.runLength[slot] = 0;
  }

  /** The shared pool and where the record's run lies in it; valid until the next change. */
  run(slot: number): { pool: Uint32Array; start: number; end: number } {
    const start = this.runStart[slot];
    return { pool: this.pool, start, end: start + this.runLength[slot] };
  }

  /** Every run at once, for loops over many records: record `slot`'s run is pool[starts[slot]] onwards, lengths[slot] long. */
  runs(): { pool: Uint32Array; starts: Uint32Array; lengths: Uint32Array } {
    return { pool: this.pool, starts: this.runStart, lengths: this.runLength };
  }

  /** The record's distinct token ids, in the order they first appear. */
  distinctTokens(slot: number): Uint32Array {
    const { pool, start, end } = this.run(slot);
    // A run is a few tokens: looking back is cheaper than a Set per record (10 million at a build).
    const ids = new Uint32Array(end - start);
    let count = 0;
    for (let i = start; i < end; i++) {
      const id = pool[i];
      if (id === END_OF_NAME) continue;
      let seen = false;
      for (let k = 0; k < count && !seen; k++) seen = ids[k] === id;
      if (!seen) ids[count++] = id;
    }
    return ids.subarray(0, count);
  }

  /** Renumbers the slots: the record in `order[k]` moves to slot k. Its runs are laid out in the new order. */
  reorder(order: Uint32Array): void {
    const recordIds = new Array<string | undefined>(order.length);
    const names = new Array<string | string[] | undefined>(order.length);
    const facts = new Array<string | undefined>(order.length);
    const runStart = new Uint32Array(Math.max(1024, order.length));
    const runLength = new Uint32Array(runStart.length);
    let total = 0;
    for (const old of order) total += this.runLength[old];
    const pool = new Uint32Array(Math.max(1 << 16, Math.ceil(total * 1.25)));
    let end = 0;
    for (let slot = 0; slot < order.length; slot++) {
      const old = order[slot];
      recordIds[slot] = this.recordIds[old];
      names[slot] = this.names[old];
      facts[slot] = this.facts[old];
      const start = this.runStart[old];
      const length = this.runLength[old];
      pool.set(this.pool.subarray(start, start + length), end);
      runStart[slot] = end;
      runLength[slot] = length;
      end += length;
    }
    this.recordIds = recordIds;
    this.names = names;
    this.facts = facts;
    this.runStart = runStart;
    this.runLength = runLength;
    this.pool = pool;
    this.poolEnd = end;
    this.wasted = 0;
  }

  private place(slot: number, run: ArrayLike<number>): void {
    this.wasted += this.runLength[slot];
    if (this.poolEnd + run.length > this.pool.length) this.makeRoom(run.length);
    this.pool.set(run, this.poolEnd);
    this.runStart[slot] = this.poolEnd;
    this.runLength[slot] = run.length;
    this.poolEnd += run.length;
  }

  /** Room for `length` more entries: packs the live runs when half the pool is waste, else grows. */
  private makeRoom(length: number): void {
    const live = this.poolEnd - this.wasted;
    const size = Math.max(this.pool.length, (live + length) * 2);
    const pool = new Uint32Array(size);
    let end = 0;
    if (this.wasted * 2 >= this.pool.length) {
      for (let slot = 0; slot < this.recordIds.length; slot++) {
        const start = this.runStart[slot];
        const len = this.runLength[slot];
        pool.set(this.pool.subarray(start, start + len), end);
        this.runStart[slot] = end;
        end += len;
      }
      this.wasted = 0;
    } else {
      pool.set(this.pool.subarray(0, this.poolEnd));
      end = this.poolEnd;
    }
    this.pool = pool;
    this.poolEnd = end;
  }

  private growSlots(min: number): void {
    let size = this.runStart.length;
    while (size < min) size *= 2;
    this.runStart = resized(this.runStart, size);
    this.runLength = resized(this.runLength, size);
  }
}
