import { describe, expect, it } from 'vitest';
import { JoinedCodes } from './joined-codes.ts';
import { joinTokens, normaliseName } from './names.ts';
import type { NameToken } from './names.ts';
import { compareCodes, compareTokens } from './similarity.ts';

const tokens: NameToken[] = normaliseName('Abdul Rahman Mohammed Yusuf Aleksandr Ivanov Maria Garcia Lopez Nguyen Van Anh Kim Min Jun Tchaikovsky').tokens;
const codesAt = (cache: JoinedCodes, at: number, length: number): number[] => Array.from(cache.heap.subarray(at, at + length));

describe('JoinedCodes', () => {
  it('keeps the codes of every joined pair, as joinTokens makes them, until a search starts it afresh', () => {
    expect(tokens.length).toBeGreaterThanOrEqual(14);
    const cache = new JoinedCodes(64);
    const offsets = new Map<string, number>();
    for (let i = 0; i < 6; i++) {
      for (let j = 0; j < 5; j++) {
        if (i === j) continue;
        const at = cache.offsetOf(i, tokens[i], j, tokens[j]);
        const want = joinTokens(tokens[i], tokens[j]).codes;
        expect(codesAt(cache, at, want.length)).toEqual(Array.from(want));
        offsets.set(`${i}:${j}`, at);
      }
    }
    expect(cache.size).toBe(25);
    // Found again, not joined again: the same place, whatever else was added since.
    for (const [key, at] of offsets) {
      const [i, j] = key.split(':').map(Number);
      expect(cache.offsetOf(i, tokens[i], j, tokens[j])).toBe(at);
    }
    // Comparing the stored run is comparing the joined token.
    const query = normaliseName('Abdulrahman').tokens[0];
    expect(compareCodes(query.codes, 0, cache.heap, offsets.get('0:1') as number)).toEqual(compareTokens(query, joinTokens(tokens[0], tokens[1])));
    // Below half full a new search keeps everything; past it, it starts afresh.
    cache.startSearch();
    expect(cache.size).toBe(25);
    for (let i = 6; i < 14; i++) cache.offsetOf(i, tokens[i], 0, tokens[0]);
    cache.startSearch();
    expect(cache.size).toBe(0);
  });

  it('stops keeping joins in mid-search when the table is three-quarters full, rather than probing forever', () => {
    const cache = new JoinedCodes(16);
    let kept = 0;
    for (let i = 0; i < 16; i++) if (cache.offsetOf(i, tokens[i % tokens.length], 1, tokens[1]) >= 0) kept++;
    expect(kept).toBe(12);
    expect(cache.offsetOf(20, tokens[0], 1, tokens[1])).toBe(-1);
  });
});
