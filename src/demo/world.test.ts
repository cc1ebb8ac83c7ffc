import { describe, expect, it } from 'vitest';

import { demoWorld } from './world.ts';

describe('demoWorld', () => {
  const world = demoWorld({ seed: 'benchmark', persons: 200, documents: 300, notices: 30, today: '2025-09-01' });

  it('streams the same records each time it is read', () => {
    expect([...world.persons()]).toEqual([...world.persons()]);
    expect([...world.documents()].map((d) => d.id)).toEqual([...world.documents()].map((d) => d.id));
    expect([...world.notices()]).toEqual([...world.notices()]);
    expect([...world.persons()]).toHaveLength(200);
  });

  it('links documents and notices to its own persons', () => {
    const persons = new Map([...world.persons()].map((p) => [p.index, p]));
    for (const d of world.documents()) if (d.holder) expect(persons.get(d.holder.personIndex)?.id).toBe(d.holder.personId);
    for (const n of world.notices()) if (n.personIndex !== undefined) expect(persons.has(n.personIndex)).toBe(true);
  });

  it('lists its countries and users', () => {
    expect(world.countries.length).toBeGreaterThanOrEqual(28);
    expect(world.users.some((u) => u.username === 'fra.officer')).toBe(true);
  });

  it('has no notices without persons to be about', () => {
    expect([...demoWorld({ seed: 1, persons: 0, documents: 0, notices: 0 }).notices()]).toEqual([]);
    expect(() => [...demoWorld({ seed: 1, persons: 0, documents: 0, notices: 5 }).notices()]).toThrow(RangeError);
  });
});
