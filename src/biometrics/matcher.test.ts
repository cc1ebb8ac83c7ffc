import { describe, expect, it } from 'vitest';
import { fvcGenuinePairs, fvcImpostorPairs } from './evaluation.ts';
import type { FingerMinutiaeRecord } from './iso19794.ts';
import { FingerprintGallery, MATCH_THRESHOLD, compare, compareDetailed, identify, isMatch, prepare } from './matcher.ts';
import { loadFvcDatabase, loadSourceAfisSamples } from './reference-data.ts';
import { perturbRecord, randomPerturbation, seededRandom } from './synthetic.ts';

const db1 = loadFvcDatabase('DB1_B').map((x) => ({ ...x, prepared: prepare(x.record) }));
const byId = (id: string): (typeof db1)[number] => db1.find((x) => x.id === id) as (typeof db1)[number];
const base = byId('DB1_B/102_1');

/** The record on a larger canvas so turning and moving it loses no minutia. */
function moved(record: FingerMinutiaeRecord, rotation: number, dx: number, dy: number): FingerMinutiaeRecord {
  return perturbRecord(record, { rotation, dx, dy, width: 700, height: 700 });
}

describe('compare', () => {
  it('scores a template against itself near 1', () => {
    expect(compare(base.prepared, base.prepared)).toBeGreaterThan(0.95);
  });

  it.each([
    [0, 40, -25],
    [Math.PI / 6, 0, 0],
    [-Math.PI / 4, 60, 30],
    [1.2, -50, 10],
  ])('scores a copy turned by %f rad and moved by (%i, %i) far above the threshold', (rotation, dx, dy) => {
    const score = compare(base.prepared, prepare(moved(base.record, rotation, dx, dy)));
    expect(score).toBeGreaterThan(0.6);
  });

  it.each([2, Math.PI, -2.5])('matches a copy turned by %f rad only when any rotation is allowed', (rotation) => {
    const copy = prepare(moved(base.record, rotation, 20, -20));
    expect(compare(base.prepared, copy, { maxRotation: Math.PI })).toBeGreaterThan(0.6);
    expect(compare(base.prepared, copy)).toBeLessThan(MATCH_THRESHOLD);
  });

  it('still matches a copy with jitter, dropped and spurious minutiae and partial overlap', () => {
    const random = seededRandom(5);
    for (let i = 0; i < 10; i++) {
      const copy = perturbRecord(base.record, randomPerturbation(random), random);
      expect(compare(base.prepared, prepare(copy))).toBeGreaterThan(MATCH_THRESHOLD * 2);
    }
  });

  it('is (nearly) symmetric', () => {
    const a = byId('DB1_B/103_1').prepared;
    const b = byId('DB1_B/103_2').prepared;
    expect(Math.abs(compare(a, b) - compare(b, a))).toBeLessThan(0.05);
  });

  it('keeps different fingers below the threshold (FVC impostor pairs of DB1_B)', () => {
    const scores = fvcImpostorPairs(db1).map(([a, b]) => compare(a.prepared, b.prepared));
    expect(scores).toHaveLength(45);
    expect(Math.max(...scores)).toBeLessThan(MATCH_THRESHOLD);
  });

  it('accepts most impressions of one finger (FVC genuine pairs of two DB1_B fingers)', () => {
    const pairs = fvcGenuinePairs(db1.filter((x) => x.finger <= 102));
    const accepted = pairs.filter(([a, b]) => isMatch(compare(a.prepared, b.prepared)));
    expect(accepted.length / pairs.length).toBeGreaterThan(0.85);
  });

  it('scores the SourceAFIS probe clearly above the threshold on its mate and below on the other print', () => {
    const samples = loadSourceAfisSamples();
    const probe = prepare(samples.probe);
    expect(compare(probe, prepare(samples.matching))).toBeGreaterThan(MATCH_THRESHOLD * 5);
    expect(compare(probe, prepare(samples.nonmatching))).toBeLessThan(MATCH_THRESHOLD);
  });

  it('explains a score and copes with empty or tiny templates', () => {
    const detail = compareDetailed(base.prepared, byId('DB1_B/102_2').prepared);
    expect(detail.alignment.matched).toBeGreaterThan(5);
    expect(detail.local).toBeGreaterThan(0);
    const empty = prepare({ ...base.record, views: [{ ...base.record.views[0], minutiae: [] }] });
    const one = prepare({ ...base.record, views: [{ ...base.record.views[0], minutiae: base.record.views[0].minutiae.slice(0, 1) }] });
    expect(compare(empty, base.prepared)).toBe(0);
    expect(compare(base.prepared, one)).toBe(0);
    expect(() => prepare(base.record, 1)).toThrow(RangeError);
  });
});

describe('identify', () => {
  const enrolled = db1.filter((x) => x.impression === 1);
  const random = seededRandom(11);
  const gallery = new FingerprintGallery();
  for (const x of enrolled) gallery.add(x.id, x.prepared);
  // Distractors from other impressions of the same fingers, tagged so a search can skip its own finger's.
  for (const x of db1.filter((y) => y.impression > 2)) {
    for (let v = 0; v < 6; v++) gallery.add(`${x.finger}-synthetic-${x.impression}-${v}`, prepare(perturbRecord(x.record, randomPerturbation(random), random)));
  }

  it('ranks the enrolled impression of the probe finger first', () => {
    let first = 0;
    for (const probe of db1.filter((x) => x.impression === 2)) {
      const result = gallery.identify(probe.prepared, { limit: 5, filter: (id) => !id.startsWith(`${probe.finger}-`) });
      expect(result.length).toBeLessThanOrEqual(5);
      expect(result.map((c) => c.score)).toEqual([...result.map((c) => c.score)].sort((a, b) => b - a));
      if (result[0]?.id === `DB1_B/${probe.finger}_1`) first++;
    }
    expect(first).toBeGreaterThanOrEqual(9);
  });

  it('finds perturbed copies of the probe among distractors', () => {
    const probe = byId('DB1_B/105_3');
    const [top] = gallery.identify(probe.prepared, { limit: 1 });
    expect(top.id.startsWith('105-synthetic-3-')).toBe(true);
    expect(isMatch(top.score)).toBe(true);
  });

  it('honours limit, minScore and filter, and forgets removed templates', () => {
    const probe = byId('DB1_B/104_2').prepared;
    expect(gallery.identify(probe, { limit: 0 })).toEqual([]);
    expect(gallery.identify(probe, { limit: 50, minScore: MATCH_THRESHOLD }).every((c) => c.score >= MATCH_THRESHOLD)).toBe(true);
    const small = new FingerprintGallery();
    for (const x of enrolled) small.add(x.id, x.prepared);
    expect(small.identify(probe, { limit: 1 })[0].id).toBe('DB1_B/104_1');
    expect(small.identify(probe, { limit: 1, filter: (id) => id !== 'DB1_B/104_1' })[0].id).not.toBe('DB1_B/104_1');
    expect(small.remove('DB1_B/104_1')).toBe(true);
    expect(small.size).toBe(9);
    expect(small.identify(probe, { limit: 10 }).map((c) => c.id)).not.toContain('DB1_B/104_1');
  });

  it('finds an upside-down probe when any rotation is allowed', () => {
    const probe = prepare(moved(byId('DB1_B/106_1').record, Math.PI, 0, 0));
    expect(gallery.identify(probe, { limit: 1, maxRotation: Math.PI })[0].id).toBe('DB1_B/106_1');
  });

  it('gives the same ranking through a gallery and through an exhaustive list', () => {
    const probe = byId('DB1_B/107_4').prepared;
    const small = new FingerprintGallery();
    for (const x of enrolled) small.add(x.id, x.prepared);
    const list = enrolled.map((x) => ({ id: x.id, template: x.prepared }));
    expect(identify(probe, small, { limit: 3 })).toEqual(identify(probe, list, { limit: 3 }));
    expect(identify(probe, list, { limit: 3 })[0].id).toBe('DB1_B/107_1');
  });
});
