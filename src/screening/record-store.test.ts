import { describe, expect, it } from 'vitest';
import { END_OF_NAME, RecordStore } from './record-store.ts';

/** A run of `names` names of `size` token ids each, from `seed`. */
const runOf = (seed: number, names: number, size: number): number[] =>
  Array.from({ length: names }, (_, n) => [...Array.from({ length: size }, (_, k) => (seed * 7 + n * 3 + k) % 1000), END_OF_NAME]).flat();

const runAt = (store: RecordStore, slot: number): number[] => {
  const { pool, start, end } = store.run(slot);
  return Array.from(pool.subarray(start, end));
};

describe('RecordStore', () => {
  it('keeps each record apart: written names, other facts and token runs', () => {
    const store = new RecordStore();
    store.set(0, { recordId: 'person:1', names: ['Maria Garcia'], dob: ['1980-05-12'], sex: 'F' }, runOf(1, 1, 2));
    store.set(1, { recordId: 'person:2', names: ['Ivan Petrov', 'Иван Петров'], dob: [], identifiers: [] }, runOf(2, 2, 2));
    expect(store.recordId(1)).toBe('person:2');
    expect(store.writtenNames(0)).toEqual(['Maria Garcia']);
    expect(store.writtenNames(1)).toEqual(['Ivan Petrov', 'Иван Петров']);
    expect(store.otherFacts(0)).toEqual({ names: [], dob: ['1980-05-12'], sex: 'F' });
    expect(store.otherFacts(1)).toEqual({ names: [] });
    expect(runAt(store, 1)).toEqual(runOf(2, 2, 2));
    expect([...store.distinctTokens(1)].sort((a, b) => a - b)).toEqual([14, 15, 17, 18]);
    store.delete(0);
    expect(store.has(0)).toBe(false);
    expect(store.has(1)).toBe(true);
  });

  it('loses no run while records are replaced many times over and the pool is packed and grown', () => {
    const store = new RecordStore();
    const want = new Map<number, number[]>();
    for (let round = 0; round < 40; round++) {
      for (let slot = 0; slot < 500; slot++) {
        if ((slot + round) % 3 === 0) { store.delete(slot); want.delete(slot); continue; }
        const run = runOf(slot * 41 + round, 1 + ((slot + round) % 3), 2 + (slot % 4));
        store.set(slot, { recordId: `r${slot}`, names: ['x'] }, run);
        want.set(slot, run);
      }
    }
    for (const [slot, run] of want) expect(runAt(store, slot)).toEqual(run);
    // Renumbering keeps each record whole, in its new slot.
    const live = Uint32Array.from([...want.keys()].reverse());
    store.reorder(live);
    live.forEach((old, slot) => {
      expect(store.recordId(slot)).toBe(`r${old}`);
      expect(runAt(store, slot)).toEqual(want.get(old));
    });
  });
});
