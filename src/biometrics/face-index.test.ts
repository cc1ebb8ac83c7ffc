import { describe, expect, it } from 'vitest';
import { FaceIndex, cosine, normalise } from './face-index.ts';
import { seededRandom } from './synthetic.ts';

const random = seededRandom(11);
const vector = (d = 16) => Float32Array.from({ length: d }, () => random() * 2 - 1);

describe('FaceIndex', () => {
  it('ranks by cosine similarity as a brute-force scan does, to the byte quantisation', () => {
    const index = new FaceIndex(64, 2);
    const stored = Array.from({ length: 500 }, (_, i) => ({ id: `f${i}`, v: vector(64) }));
    for (const s of stored) index.add(s.id, s.v);
    expect(index.size).toBe(500);
    for (let q = 0; q < 20; q++) {
      const query = vector(64);
      const exact = new Map(stored.map((s) => [s.id, cosine(query, s.v)]));
      const expected = [...exact.values()].sort((a, b) => b - a);
      const found = index.search(query, { limit: 7 });
      expect(found).toHaveLength(7);
      found.forEach((c, i) => {
        expect(Math.abs(c.score - exact.get(c.id)!)).toBeLessThan(0.01);
        expect(exact.get(c.id)!).toBeGreaterThan(expected[i] - 0.02);
      });
    }
  });

  it('moves a 1024-d cosine by less than a few thousandths', () => {
    const index = new FaceIndex(1024);
    const stored = Array.from({ length: 200 }, (_, i) => ({ id: `f${i}`, v: vector(1024) }));
    for (const s of stored) index.add(s.id, s.v);
    let worst = 0;
    for (let q = 0; q < 10; q++) {
      const query = vector(1024);
      for (const c of index.search(query, { limit: 200 })) worst = Math.max(worst, Math.abs(c.score - cosine(query, stored[Number(c.id.slice(1))].v)));
    }
    expect(worst).toBeLessThan(0.003);
  });

  it('finds a perturbed copy at rank 1, honours minScore and the filter, and forgets removed faces', () => {
    const index = new FaceIndex(32);
    const target = vector(32);
    index.add('target', target);
    for (let i = 0; i < 200; i++) index.add(`other${i}`, vector(32));
    const probe = target.map((x) => x + (random() - 0.5) * 0.1);
    expect(index.search(probe, { limit: 1 })[0].id).toBe('target');
    expect(index.search(probe, { minScore: 0.99 }).map((c) => c.id)).toEqual(['target']);
    expect(index.search(probe, { limit: 3, filter: (id) => id !== 'target' }).map((c) => c.id)).not.toContain('target');
    expect(index.remove('target')).toBe(true);
    expect(index.remove('target')).toBe(false);
    expect(index.search(probe, { limit: 1 })[0].id).not.toBe('target');
    expect(index.size).toBe(200);
    // The slot freed by a removal is reused without disturbing the others.
    index.add('again', target);
    expect(index.search(probe, { limit: 1 })[0].id).toBe('again');
  });

  it('replaces an embedding added again under the same id, and refuses the wrong size', () => {
    const index = new FaceIndex(4);
    index.add('a', [1, 0, 0, 0]);
    index.add('a', [0, 1, 0, 0]);
    expect(index.size).toBe(1);
    expect(index.search([0, 1, 0, 0])[0]).toMatchObject({ id: 'a', score: expect.closeTo(1, 5) });
    expect(() => index.add('b', [1, 2, 3])).toThrow(/4/);
    expect(() => index.search([1, 2])).toThrow(/4/);
    expect(Array.from(normalise([3, 4]))).toEqual([expect.closeTo(0.6, 6), expect.closeTo(0.8, 6)]);
  });
});
