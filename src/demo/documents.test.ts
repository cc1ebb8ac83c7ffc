import { describe, expect, it } from 'vitest';

import { DOCUMENT_STATUSES, DOCUMENT_TYPES, validateDocumentInput } from '../documents/model.ts';
import { checkMrz } from '../documents/mrz.ts';
import type { DemoDocument } from './documents.ts';
import { RECOVERED_EVERY, SIGHTING_EVERY, demoCircumstances, demoMrz, demoRecovery, demoSighting, documentAt, generateDocuments } from './documents.ts';
import { personAt } from './persons.ts';

const take = (seed: number, count: number, personCount = 1000): DemoDocument[] => [...generateDocuments({ seed, count, personCount })];

describe('generateDocuments', () => {
  const docs = take(11, 20_000);

  it('gives the same documents for the same seed and rebuilds any one by index', () => {
    expect(take(11, 300)).toEqual(docs.slice(0, 300));
    expect(documentAt(11, 1234, 1000)).toEqual(docs[1234]);
    expect(take(12, 50).map((d) => d.number)).not.toEqual(docs.slice(0, 50).map((d) => d.number));
  });

  it('uses the document types and statuses of the documents capability, and passes its validation', () => {
    expect(new Set(docs.map((d) => d.type))).toEqual(new Set(DOCUMENT_TYPES));
    const statuses = new Set(docs.map((d) => d.status));
    for (const s of statuses) expect(DOCUMENT_STATUSES).toContain(s);
    expect(statuses.size).toBe(DOCUMENT_STATUSES.length);
    for (const d of docs.slice(0, 5000)) {
      expect(validateDocumentInput({ number: d.number, type: d.type, issuingCountry: d.issuingCountry, issueDate: d.issueDate, expiryDate: d.expiryDate }), JSON.stringify(d)).toEqual([]);
    }
  });

  it('keeps dates in order and numbers to letters and digits', () => {
    for (const d of docs) {
      expect(d.number).toMatch(/^[A-Z0-9]{6,20}$/);
      expect(d.owner).toBe(`NCB-${d.issuingCountry}`);
      if (d.type === 'stolen_blank') {
        expect(d).toMatchObject({ status: 'stolen_blank', issueDate: null, expiryDate: null });
        expect(d.holder).toBeUndefined();
      } else {
        expect(d.issueDate! < d.expiryDate!).toBe(true);
        expect(d.reportedOn >= d.issueDate! && d.reportedOn <= d.expiryDate!).toBe(true);
      }
      expect(d.reportedOn < '2025').toBe(true);
    }
  });

  it('gives most documents a holder from the same world, as the data page prints them', () => {
    const held = docs.filter((d) => d.holder);
    expect(held.length / docs.length).toBeGreaterThan(0.7);
    for (const d of held.slice(0, 500)) {
      const p = personAt(11, d.holder!.personIndex);
      expect(d.holder).toMatchObject({ personId: p.id, surname: p.names[0].family, givenNames: p.names[0].given, nationality: p.nationalities[0], sex: p.sex });
      if (d.type === 'passport' || d.type === 'identity_card') expect(d.issuingCountry).toBe(p.nationalities[0]);
      const born = d.holder!.dateOfBirth?.slice(0, 4);
      if (born) expect(d.issueDate!.slice(0, 4) > born || d.issueDate!.slice(0, 4) === '2024').toBe(true);
    }
    expect(take(3, 100, 0).every((d) => d.holder === undefined)).toBe(true);
  });

  it('prints a valid machine-readable zone on passports and cards with a holder', () => {
    const now = new Date('2025-06-01T00:00:00Z');
    let zones = 0;
    for (const d of docs.slice(0, 3000)) {
      const mrz = demoMrz(d);
      if (d.type === 'stolen_blank' || d.type === 'visa' || !d.holder) expect(mrz).toBeNull();
      if (!mrz) continue;
      zones++;
      const read = checkMrz(mrz, { now });
      expect(read.errors, `${d.type} ${d.issuingCountry} ${d.number}\n${mrz}`).toEqual([]);
      expect(read.valid).toBe(true);
      expect(read.fields).toMatchObject({ documentNumber: d.number, issuingState: d.issuingCountry === 'DEU' ? 'D' : d.issuingCountry });
      expect(mrz.split('\n')).toHaveLength(d.type === 'passport' || d.type === 'travel_document' ? 2 : 3);
    }
    // Every passport and card with a holder has one, but for passport numbers too long for the passport format.
    expect(zones).toBeGreaterThan(0.6 * docs.slice(0, 3000).filter((d) => d.holder && d.type !== 'visa').length);
  });

  it('has a few documents seen or seized by other members, and a few recovered', () => {
    const sightings = docs.map((d) => [d, demoSighting(11, d)] as const).filter(([, s]) => s);
    expect(sightings.length / docs.length).toBeGreaterThan(0.5 / SIGHTING_EVERY);
    expect(sightings.length / docs.length).toBeLessThan(1.5 / SIGHTING_EVERY);
    expect(new Set(sightings.map(([, s]) => s!.kind))).toEqual(new Set(['seen', 'seized']));
    for (const [d, s] of sightings) {
      expect(s!.reporter).not.toBe(d.issuingCountry);
      expect(s!.observedOn >= d.reportedOn && s!.observedOn < '2025').toBe(true);
      expect(['revoked', 'invalidated']).not.toContain(d.status);
      expect(demoSighting(11, d)).toEqual(s);
    }
    const recovered = docs.filter((d) => demoRecovery(d));
    expect(recovered.length).toBeGreaterThan(docs.length / RECOVERED_EVERY / 4);
    for (const d of recovered) expect(['lost', 'stolen']).toContain(d.status);
    for (const d of docs.slice(0, 500)) expect(demoCircumstances(d).circumstances).toMatch(/\w/);
  });

  it('is fast enough for ten million documents', () => {
    let n = 0;
    for (const d of generateDocuments({ seed: 5, count: 20_000, personCount: 1_000_000 })) n += d.number.length; // warm-up
    // CPU time rather than wall time: other jobs on a shared machine must not fail the test.
    const start = process.cpuUsage();
    for (const d of generateDocuments({ seed: 6, count: 200_000, personCount: 1_000_000 })) n += d.number.length;
    const perSecond = 200_000 / (cpuSeconds(start));
    console.info(`documents: ${Math.round(perSecond).toLocaleString('en')} per second`);
    expect(n).toBeGreaterThan(0);
    expect(perSecond).toBeGreaterThan(25_000);
  });
});

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}
