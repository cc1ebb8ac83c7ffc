import { describe, expect, it } from 'vitest';
import { allImpostorPairs, errorRates, falseMatchRate, falseNonMatchRate, fvcGenuinePairs, fvcImpostorPairs, rank1Rate, thresholdAtFmr } from './evaluation.ts';

const fingers = Array.from({ length: 10 }, (_, f) => Array.from({ length: 8 }, (_, i) => ({ finger: 101 + f, impression: i + 1 }))).flat();

describe('FVC pair sets', () => {
  it('counts 280 genuine, 45 FVC impostor and 2,880 all-impostor pairs for 10 fingers × 8 impressions', () => {
    expect(fvcGenuinePairs(fingers)).toHaveLength(280);
    expect(fvcImpostorPairs(fingers)).toHaveLength(45);
    expect(fvcImpostorPairs(fingers).every(([a, b]) => a.impression === 1 && b.impression === 1 && a.finger < b.finger)).toBe(true);
    expect(allImpostorPairs(fingers)).toHaveLength(2880);
  });
});

describe('error rates', () => {
  it('gives zero errors when the scores separate', () => {
    expect(errorRates([0.8, 0.9, 1], [0.1, 0.2, 0.3])).toMatchObject({ eer: 0, fmr100: 0, fmr1000: 0, zeroFmr: 0 });
  });

  it('follows the FVC definitions on overlapping scores', () => {
    const genuine = [0.2, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.97, 0.98, 0.99];
    const impostor = [0.1, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.6];
    const r = errorRates(genuine, impostor);
    // At 0.5 < t ≤ 0.6: FNMR 1/10 and FMR 1/10 — the curves cross there.
    expect(r.eer).toBeCloseTo(0.1);
    // No false match needs t > 0.6, which rejects 0.2, 0.5 and 0.6.
    expect(r.zeroFmr).toBeCloseTo(0.3);
    expect(r.fmr100).toBeCloseTo(0.3);
  });

  it('finds the lowest threshold meeting an FMR target', () => {
    const impostor = Array.from({ length: 1000 }, (_, i) => i / 1000);
    const t = thresholdAtFmr(impostor, 0.01);
    expect(falseMatchRate(impostor, t)).toBeLessThanOrEqual(0.01);
    expect(falseMatchRate(impostor, 0.989)).toBeGreaterThan(0.01);
    expect(falseNonMatchRate([0.5, 0.995], t)).toBe(0.5);
  });

  it('computes rank-1 identification over every gallery impression', () => {
    const perfect = rank1Rate(fingers, (p, g) => (p.finger === g.finger ? 1 : 0));
    expect(perfect).toBe(1);
    const blind = rank1Rate(fingers, () => 0);
    expect(blind).toBe(0);
  });
});
