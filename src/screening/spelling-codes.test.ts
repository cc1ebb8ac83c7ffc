import { describe, expect, it } from 'vitest';
import jaroWinkler from 'talisman/metrics/jaro-winkler.js';
import { createRng } from './synthetic.ts';
import { jaroWinklerCodes } from './spelling-codes.ts';

const codes = (s: string): Uint16Array => Uint16Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
const ours = (a: string, b: string, atLeast = 0): number => jaroWinklerCodes(codes(a), 0, a.length, codes(b), 0, b.length, atLeast);

describe('jaroWinklerCodes', () => {
  const rand = createRng(11);
  const word = (): string => Array.from({ length: 1 + Math.floor(rand() * 11) }, () => 'aeiourstnmlkh'[Math.floor(rand() * 13)]).join('');
  const pairs: [string, string][] = [
    ['martha', 'marhta'], ['dwayne', 'duane'], ['dixon', 'dicksonx'], ['jellyfish', 'smellyfish'], ['a', 'a'], ['ab', 'ba'],
    ...Array.from({ length: 5000 }, (): [string, string] => {
      const a = word();
      // Half the pairs are near spellings of each other, where the boost and transpositions matter.
      if (rand() < 0.5) return [a, word()];
      const i = Math.floor(rand() * a.length);
      return [a, a.slice(0, i) + 'aeiourstnmlkh'[Math.floor(rand() * 13)] + a.slice(i + 1)];
    }),
  ];

  it("equals talisman's Jaro-Winkler on strings", () => {
    for (const [a, b] of pairs) expect(ours(a, b), `${a} / ${b}`).toBe(jaroWinkler(a, b));
  });

  it('returns 0 early only for pairs that cannot reach the floor asked for', () => {
    for (const floor of [0.75, 0.85, 0.95]) {
      for (const [a, b] of pairs) {
        const exact = jaroWinkler(a, b);
        const early = ours(a, b, floor);
        if (exact >= floor) expect(early, `${a} / ${b} at ${floor}`).toBe(exact);
        else expect(early === 0 || early === exact).toBe(true);
      }
    }
  });
});
